package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checking typed answers, with no toolkit: what counts as a number, what is right, what a miss says (the common
 * mistake it matches, or roughly how far off it is).
 */
class PracticeTest {
    private static final Exercise RIDGE = Exercise.BUILT_IN.get(0); // tolerance 2 %

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "295| 295", "  295.4 | 295.4", "2.95e2| 295", "1,024| 1024", "1,024,000 sequences| 1024000",
            "30 %| 30", "300×| 300", "47.2 tokens/s| 47.2", ".5| 0.5", "-3| -3", "295 FLOP/byte| 295"})
    void numbersAreReadWithTheirUnitsAndThousandsSeparators(String typed, double value) {
        assertThat(Practice.parse(typed)).hasValueCloseTo(value, within(1e-9));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"abc", "'  '", "2,5", "1e400", "295 295", "NaN", "Infinity", "0x1F", "12;drop"})
    void whatIsNotANumberIsSaidToBeNone(String typed) {
        assertThat(Practice.parse(typed)).isEmpty();
    }

    @Test
    void anAnswerWithinTheToleranceIsRightAndAMissSaysHowFarOff() {
        Practice p = new Practice();
        double answer = 989.5 / 3.35;
        Practice.Check miss = p.check(RIDGE, answer, "350");
        assertThat(miss.number()).isTrue();
        assertThat(miss.right()).isFalse();
        // How far off, in bands of a factor: "18.5 % too high" would give 295 away before it is answered.
        assertThat(miss.message()).contains("350 is too high, but within a factor of 1.5", "within 2 %")
                .doesNotContain("18.5");
        assertThat(p.check(RIDGE, answer, "30").message()).contains("30.0 is too low by a factor of 4 to 10");
        assertThat(p.rightCountProperty().get()).isZero();
        Practice.Check hit = p.check(RIDGE, answer, "290");
        assertThat(hit.right()).isTrue();
        assertThat(hit.message()).contains("Right", "295 FLOP/byte");
        assertThat(p.standing(RIDGE)).isEqualTo(new Practice.Standing(3, true, false));
        assertThat(p.rightCountProperty().get()).isEqualTo(1);
        // A later miss does not undo a right answer; a reset forgets everything.
        p.check(RIDGE, answer, "1");
        assertThat(p.rightCountProperty().get()).isEqualTo(1);
        p.reset();
        assertThat(p.rightCountProperty().get()).isZero();
        assertThat(p.standing(RIDGE).attempts()).isZero();
    }

    @Test
    void aMissBandsHowFarOffWithoutAPercentageToWorkTheAnswerBackFrom() {
        assertThat(Practice.howFar(1.3)).isEqualTo("too high, but within a factor of 1.5");
        assertThat(Practice.howFar(1 / 1.3)).isEqualTo("too low, but within a factor of 1.5");
        assertThat(Practice.howFar(2)).isEqualTo("too high by a factor of 1.5 to 4");
        assertThat(Practice.howFar(0.2)).isEqualTo("too low by a factor of 4 to 10");
        assertThat(Practice.howFar(12)).isEqualTo("too high by more than a factor of 10");
        assertThat(Practice.howFar(-1)).isEqualTo("on the wrong side of zero");
    }

    @Test
    void aMissThatACommonMistakeExplainsNamesIt() {
        Exercise decode = Exercise.BUILT_IN.get(1); // Llama-3.1-70B in INT8 on an H100: 47.2 tokens/s, 5 %
        HardwareProfile h100 = ProfileLoader.loadAll(List.of()).profiles().stream()
                .filter(g -> g.id().equals("h100_sxm")).findFirst().orElseThrow();
        Evaluation e = decode.evaluate(h100, Realism.IDEAL);
        Practice p = new Practice();
        Practice.Check twoBytes = p.check(decode, e, "24 tokens/s");
        assertThat(twoBytes.right()).isFalse();
        assertThat(twoBytes.message()).startsWith("Not quite: 24.0 is what you get if you take 2 bytes per weight "
                + "instead of 1 (INT8).").contains("within 5 %");
        assertThat(p.check(decode, e, "70").message()).startsWith("Not yet: 70.0 is too high");
        assertThat(p.check(decode, e, "47").message()).startsWith("Right.");
        assertThat(p.standing(decode).attempts()).isEqualTo(3);
    }

    @Test
    void textThatIsNotANumberIsNotCountedAsAnAttempt() {
        Practice p = new Practice();
        Practice.Check c = p.check(RIDGE, 295, "about three hundred");
        assertThat(c.number()).isFalse();
        assertThat(c.message()).contains("'about three hundred' is not a number", "FLOP/byte");
        assertThat(p.check(RIDGE, 295, "").message()).startsWith("Nothing typed");
        assertThat(p.standing(RIDGE).attempts()).isZero();
    }
}
