package lab.roofline.engine.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.roofline.TestProfiles;
import org.junit.jupiter.api.Test;

/** Issue 26, item 10: the planner and the frontier give one answer to "the cheapest within the limits". */
class OneAnswerTest {
    /** The planner's configuration as the scenario the frontier draws (ideal, its price, batch 1). */
    private static Scenario scenarioOf(Planner.Candidate c, HardwareProfile gpu, Planner.Limits l) {
        return new Scenario(ModelPresets.LLAMA_3_1_70B, gpu, c.gpus(), c.precision(), c.weightOnly(), Precision.BF16, 1,
                l.inputTokens(), l.outputTokens(), 1, 1, gpu.priceUsdPerHour(), c.pipelineStages(), 0, false, false,
                Speculation.NONE);
    }

    @Test
    void thePlannerAndTheFrontierPutTheCheapestConfigurationAtTheSameBatch() {
        // Llama-3.1-70B, 2,000 + 300 tokens, 500 ms / 50 ms: the planner's batch is not a power of two (224 on an
        // MI325X, where the frontier's sampled curve said 256).
        ServingSettings settings = ServingSettings.DEFAULT;
        Planner.Limits l = new Planner.Limits(2000, 300, 0, 0.5, 0.05);
        int checked = 0;
        for (HardwareProfile gpu : List.of(TestProfiles.H100, TestProfiles.TPU_V5E)) {
            List<Planner.Candidate> ranked = Planner.plan(ModelPresets.LLAMA_3_1_70B, List.of(gpu), 8, l, false, Realism.IDEAL);
            for (Planner.Candidate c : ranked.stream().filter(Planner.Candidate::feasible).limit(6).toList()) {
                Frontier f = Frontier.of(List.of(new Frontier.Named("Live", -1, scenarioOf(c, gpu, l))), settings,
                        RentalPrices.NONE);
                assertThat(f.cheapest()).as(c.describe()).isNotNull();
                assertThat(f.cheapest().point().batch()).as(c.describe()).isEqualTo(c.batch());
                assertThat(f.cheapest().point().costUsdPerMillionBlended()).as(c.describe())
                        .isEqualTo(c.costUsdPerMillionBlended());
                // The curve passes through the planner's batch: the CSV of plan --frontier has its row.
                assertThat(f.liveCurve().points()).as(c.describe()).anyMatch(p -> p.batch() == c.batch());
                checked += c.batch() == Long.highestOneBit(c.batch()) ? 0 : 1;
            }
        }
        assertThat(checked).as("configurations whose batch is not a sampled power of two").isPositive();
    }
}
