package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formula reader HandoutFormulaTest relies on: it finds each shape, reads units, and catches a wrong result. */
class PrintedFormulasTest {
    private static PrintedFormulas.Formula only(String text) {
        PrintedFormulas.Found found = PrintedFormulas.in(text);
        assertThat(found.formulas()).as(text).hasSize(1);
        return found.formulas().get(0);
    }

    @Test
    void aResultBeforeItsFormulaInParenthesesIsChecked() {
        assertThat(only("decode turns compute-bound at batch ≈ 304 (about 591 ÷ 2).").holds()).isFalse();
        assertThat(only("at batch ≈ 296 (591 ÷ 2).").holds()).isTrue();
        assertThat(only("at batch ≈ 304 (591 FLOP/byte × 1.03 B moved per weight used ÷ 2 FLOPs): more").holds()).isTrue();
        assertThat(only("all 1,024 prompt tokens (1 × 1024), so").holds()).isTrue();
    }

    @Test
    void aChainIsCheckedAgainstItsLastNumberInItsUnits() {
        assertThat(only("ridge = peak ÷ bandwidth\n= 1.98 PFLOP/s ÷ 3.35 TB/s\n= 591 FLOP/byte").holds()).isTrue();
        assertThat(only("= (15.0 GB of weights + 151 MB of KV cache) ÷ 864 GB/s\n= 17.5 ms").holds()).isTrue();
        assertThat(only("= (15.0 GB of weights + 151 MB of KV cache) ÷ 864 GB/s\n= 17.5 s").holds()).isFalse();
        assertThat(only("= 14.6 TFLOP ÷ 990 TFLOP/s ÷ (max(14.4 ms, 4.68 ms) + max(278 µs, 40.1 µs))\n= 100%").holds())
                .isTrue();
        assertThat(only("= (21.2 ms ÷ 1) ÷ (72.2 ms ÷ 1,024)\n= 300×").holds()).isTrue();
        // A label in brackets is read past: 2 B (BF16) ÷ 2 is 2 B ÷ 2.
        assertThat(only("= (990 TFLOP/s ÷ 3.35 TB/s) × 2 B (BF16) ÷ 2 = 304").holds()).isFalse();
    }

    @Test
    void theRoundingOfThePrintedOperandsIsAllowedAndNoMore() {
        // (84.8 − 72.7) ÷ 419 is 28.9, but the operands as printed allow 28.6 to 29.2.
        assertThat(only("= (84.8 GB − 72.7 GB) ÷ 419 MB = 29").holds()).isTrue();
        assertThat(only("= (84.8 GB − 72.7 GB) ÷ 419 MB = 30").holds()).isFalse();
        // 1 % of the result, or half its last digit, is the least slack.
        assertThat(only("= 100 ÷ 3 = 33.5").holds()).isTrue();
        assertThat(only("= 100 ÷ 3 = 34").holds()).isFalse();
    }

    @Test
    void numbersInNamesAndMultiplesAreNotOperands() {
        PrintedFormulas.Found found = PrintedFormulas.in("Llama-3.1-70B in BF16 on an H100: 14.8× the speed, "
                + "peak FLOP/s ×2; 1,024 + 256 tokens per sequence");
        assertThat(found.formulas()).isEmpty();
        assertThat(found.expressions()).hasSize(1);
        assertThat(found.expressions().get(0).computed().middle()).isEqualTo(1280);
        assertThat(PrintedFormulas.firstNumber("73 sequences (72.4 rounded up)").value()).isEqualTo(73);
        assertThat(PrintedFormulas.firstNumber("0.419 GB").value()).isEqualTo(0.419e9);
    }
}
