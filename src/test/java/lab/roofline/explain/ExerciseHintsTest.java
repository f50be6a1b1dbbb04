package lab.roofline.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.scenario.ExerciseFile;
import org.junit.jupiter.api.Test;

/** Hints show the formula with the exercise's own values, never the answer itself. */
class ExerciseHintsTest {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.loadAll(List.of()).profiles();

    @Test
    void everyHintPutsTheScenariosValuesIntoItsFormulaAndLeavesTheAnswerToTheLearner() {
        for (Exercise x : Exercise.BUILT_IN) {
            HardwareProfile gpu = ExerciseFile.profile(x, PROFILES);
            Evaluation e = x.evaluate(gpu, Realism.IDEAL);
            ExerciseHints.Hint hint = ExerciseHints.of(x, e);
            assertThat(hint.formula()).as(x.id()).isNotBlank();
            // Every hint but the KV cache's (a property of the model alone) and those in times is in the device's
            // own figures.
            String device = Units.si(e.currentRoof().bandwidthBytesPerSecond(), "B/s");
            if (x.quantity() != Exercise.Quantity.KV_CACHE_GB_PER_SEQUENCE && x.quantity() != Exercise.Quantity.MAX_BATCH
                    && x.quantity() != Exercise.Quantity.OUTPUT_INPUT_RATIO
                    && x.quantity() != Exercise.Quantity.PREFILL_COMPUTE_UTILIZATION_PERCENT) {
                assertThat(hint.withValues()).as(x.id()).contains(device);
            }
            assertThat(hint.text()).as(x.id()).doesNotContain(x.formatted(x.answer(e)));
        }
        Exercise ridge = Exercise.BUILT_IN.get(0);
        assertThat(ExerciseHints.of(ridge, ridge.evaluate(ExerciseFile.profile(ridge, PROFILES),
                Realism.IDEAL)).text()).isEqualTo("ridge = peak FLOP/s ÷ memory bandwidth\n= 990 TFLOP/s ÷ 3.35 TB/s");
    }
}
