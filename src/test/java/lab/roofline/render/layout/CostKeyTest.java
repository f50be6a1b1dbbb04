package lab.roofline.render.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.TestProfiles;
import org.junit.jupiter.api.Test;

/**
 * The cost chart's key names the colours a reader can find on its bars, and only those: a cause whose piece is
 * under half a percent of the longest bar is not in it, so a narrow chart keeps room for its key.
 */
class CostKeyTest {
    @Test
    void everyNamedCauseIsSeenAndEverySeenCauseIsNamed() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100)
                .withGpuCount(2).withBatchSize(16));
        List<PhaseCost.TimeSplit> bars = List.of(e.costByCause().input(), e.costByCause().output());
        double longest = bars.stream().mapToDouble(PhaseCost.TimeSplit::totalSeconds).max().orElseThrow();
        List<Integer> shown = CostLayout.shownCauses(e, List.of());
        double[][] byCause = bars.stream().map(CostKeyTest::causes).toArray(double[][]::new);
        for (int cause = 0; cause < CostLayout.CAUSES.size(); cause++) {
            double biggest = Math.max(byCause[0][cause], byCause[1][cause]);
            assertThat(shown.contains(cause)).as(CostLayout.CAUSES.get(cause) + ": %s of %s", biggest, longest)
                    .isEqualTo(biggest > 0 && biggest >= CostLayout.VISIBLE_SHARE * longest);
        }
        // Two devices: their link shows, so it is named; the weights always are.
        assertThat(shown).contains(0, 4);
    }

    @Test
    void oneDeviceNamesNoCommunication() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100));
        assertThat(CostLayout.shownCauses(e, List.of())).contains(0).doesNotContain(4, 5, 6);
    }

    private static double[] causes(PhaseCost.TimeSplit t) {
        return new double[] {t.weightSeconds(), t.kvCacheSeconds(), t.activationSeconds(), t.computeSeconds(),
                t.communicationSeconds(), t.overheadSeconds(), t.draftSeconds()};
    }
}
