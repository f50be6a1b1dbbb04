package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.explain.Derivations;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * Show your work prints, under each summary number, its formula with the scenario's values: each must give
 * the number printed beside it (the summary and its work never disagree). Read back with the handout's
 * formula reader.
 */
class ShowYourWorkFormulaTest {
    private static final List<HardwareProfile> GPUS = ProfileLoader.load(true, List.of()).profiles();

    private static Evaluation evaluate(String gpu, ModelSpec model, int devices, Precision weights, long batch) {
        HardwareProfile g = GPUS.stream().filter(p -> p.id().equals(gpu)).findFirst().orElseThrow();
        return RooflineEngine.evaluate(new Scenario(model, g, devices, weights, false, Precision.BF16, batch, 1024, 256,
                1, 1, g.priceUsdPerHour()));
    }

    @Test
    void everyFormulaUnderTheSummaryGivesTheNumberBesideIt() {
        List<Evaluation> scenarios = List.of(
                evaluate("h100_sxm", ModelPresets.LLAMA_3_1_70B, 1, Precision.INT8, 1), // 16-bit tables, own peaks
                evaluate("h100_sxm", ModelPresets.LLAMA_3_1_70B, 2, Precision.BF16, 16),
                evaluate("h100_sxm", ModelPresets.LLAMA_3_1_8B, 1, Precision.FP8, 64),
                evaluate("a100_80gb_sxm", ModelPresets.LLAMA_3_1_8B, 1, Precision.FP32, 8));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Evaluation e : scenarios) {
            for (Map.Entry<Derivations.Quantity, Derivations.Derivation> d : Derivations.of(e).entrySet()) {
                String printed = d.getValue().substituted() + " = " + d.getValue().result();
                PrintedFormulas.Found found = PrintedFormulas.in(printed);
                checked += found.formulas().size();
                found.wrong().forEach(f -> wrong.add(d.getKey() + " " + f));
            }
        }
        assertThat(checked).as("formulas read back").isGreaterThanOrEqualTo(4 * 6);
        assertThat(wrong).isEmpty();
    }
}
