package lab.roofline.engine.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.TestProfiles;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** The planner: its batch against a brute-force search, its costs by hand, and its invariants. */
class PlannerTest {
    private static final List<HardwareProfile> GPUS = List.of(TestProfiles.H100, TestProfiles.TPU_V5E);

    private static Planner.Limits limits(double ttft, double tpot, double cached) {
        return new Planner.Limits(2000, 300, cached, ttft, tpot);
    }

    @Test
    void theBatchIsTheSmallestOfTheCheapestWithinMemoryAndTheLimitsByBruteForce() {
        Planner.Limits l = limits(0.5, 0.030, 0);
        for (int n : new int[] {1, 2, 4}) {
            Planner.Candidate c = Planner.candidate(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100, n, 1, Precision.BF16,
                    false, l, false, Realism.IDEAL);
            Scenario base = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100).withGpuCount(n).withTokens(2000, 300);
            double context = base.averageDecodeContextTokens();
            long max = RooflineEngine.memory(base).maxBatch();
            double prefill = RooflineEngine.prefillStep(base, 1).seconds();
            // Every batch within memory and the limits, with its blended cost by hand; the cheapest, and of
            // those as cheap (to a millionth) the smallest: past the critical batch more only adds latency.
            double perSecond = 3.49 * n / 3600;
            Map<Long, Double> blended = new TreeMap<>();
            for (long b = 1; b <= max; b++) {
                double step = RooflineEngine.decodeStep(base, b, context).seconds();
                if (step <= 0.030 && prefill + step <= 0.5) {
                    double output = perSecond * step / b * 1e6;
                    double input = perSecond * RooflineEngine.prefillStep(base.withBatchSize(b), b).seconds() / (b * 2000.0) * 1e6;
                    blended.put(b, (input * 2000 + output * 300) / 2300);
                }
            }
            double cheapest = blended.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            long best = blended.entrySet().stream().filter(e -> e.getValue() <= cheapest * (1 + 1e-6))
                    .mapToLong(Map.Entry::getKey).min().orElseThrow();
            assertThat(c.feasible()).isTrue();
            assertThat(c.batch()).as(n + " GPUs").isEqualTo(best);
            assertThat(c.costUsdPerMillionBlended()).isCloseTo(cheapest, within(cheapest * 1e-6));
        }
    }

    @Test
    void costsFollowFromThePriceAndTheTimesByHand() {
        Planner.Candidate c = Planner.candidate(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100, 1, 1, Precision.BF16, false,
                limits(Double.POSITIVE_INFINITY, 0.020, 0), false, Realism.IDEAL);
        Scenario at = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100).withTokens(2000, 300).withBatchSize(c.batch());
        double step = RooflineEngine.decodeStep(at, c.batch(), at.averageDecodeContextTokens()).seconds();
        double prefill = RooflineEngine.prefillStep(at, c.batch()).seconds();
        double perSecond = 3.49 / 3600;
        assertThat(c.costUsdPerMillionOutput()).isCloseTo(perSecond * step / c.batch() * 1e6, within(1e-12));
        assertThat(c.costUsdPerMillionInput()).isCloseTo(perSecond * prefill / (c.batch() * 2000.0) * 1e6, within(1e-12));
        assertThat(c.costUsdPerMillionBlended()).isCloseTo(
                (c.costUsdPerMillionInput() * 2000 + c.costUsdPerMillionOutput() * 300) / 2300, within(1e-12));
        assertThat(c.tokensPerSecondPerDevice()).isCloseTo(c.batch() / step, within(1e-9));
    }

    @Test
    void whyAConfigurationMissesIsSaid() {
        Planner.Candidate tooBig = Planner.candidate(ModelPresets.LLAMA_3_1_405B, TestProfiles.H100, 1, 1, Precision.BF16,
                false, limits(1, 1, 0), false, Realism.IDEAL);
        assertThat(tooBig.feasible()).isFalse();
        assertThat(tooBig.why()).startsWith("does not fit in 1 × H100 SXM (needs 11)");
        Planner.Candidate slow = Planner.candidate(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100, 2, 1, Precision.BF16,
                false, limits(10, 0.005, 0), false, Realism.IDEAL);
        assertThat(slow.why()).startsWith("time per output token at batch 1 is");
    }

    @Property(tries = 40)
    void aLooserLimitNeverCostsMoreAndMoreCacheHitsNeverCostMore(@ForAll @DoubleRange(min = 0.005, max = 0.2) @Scale(4) double tpot,
                                                                 @ForAll @DoubleRange(min = 0.05, max = 2) double ttft,
                                                                 @ForAll @DoubleRange(min = 0, max = 0.9) double cached) {
        List<Planner.Candidate> tight = Planner.plan(ModelPresets.LLAMA_3_1_8B, GPUS, 2, limits(ttft, tpot, cached), false,
                Realism.IDEAL);
        List<Planner.Candidate> loose = Planner.plan(ModelPresets.LLAMA_3_1_8B, GPUS, 2, limits(ttft * 2, tpot * 2, cached),
                false, Realism.IDEAL);
        List<Planner.Candidate> cachedMore = Planner.plan(ModelPresets.LLAMA_3_1_8B, GPUS, 2,
                limits(ttft, tpot, Math.min(0.95, cached + 0.05)), false, Realism.IDEAL);
        double t = best(tight);
        assertThat(best(loose)).isLessThanOrEqualTo(t * (1 + 1e-9));
        assertThat(best(cachedMore)).isLessThanOrEqualTo(t * (1 + 1e-9));
    }

    @Property(tries = 20)
    void theBestMeetsEveryLimitWhenRecomputed(@ForAll @DoubleRange(min = 0.01, max = 0.1) double tpot,
                                             @ForAll @IntRange(min = 1, max = 4) int maxGpus) {
        Planner.Limits l = limits(1.0, tpot, 0.3);
        List<Planner.Candidate> ranked = Planner.plan(ModelPresets.LLAMA_3_1_8B, GPUS, maxGpus, l, false, Realism.IDEAL);
        Planner.Candidate best = ranked.get(0);
        if (!best.feasible()) {
            return;
        }
        HardwareProfile gpu = GPUS.stream().filter(g -> g.id().equals(best.gpuId())).findFirst().orElseThrow();
        Scenario s = new Scenario(ModelPresets.LLAMA_3_1_8B, gpu, best.gpus(), best.precision(), best.weightOnly(),
                Precision.BF16, best.batch(), 2000, 300, 1, 1, gpu.priceUsdPerHour(), best.pipelineStages(), 0);
        Evaluation e = RooflineEngine.evaluate(s);
        assertThat(e.decode().seconds()).isLessThanOrEqualTo(tpot * (1 + 1e-9));
        assertThat(e.memory().fits()).isTrue();
    }

    @Test
    void theFrontierTradesSpeedPerUserForCostAndAgreesWithTheCandidate() {
        Planner.Limits l = limits(0.5, 0.020, 0);
        List<Planner.FrontierPoint> curve = Planner.frontier(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100, 1, 1,
                Precision.BF16, false, l, false, Realism.IDEAL);
        assertThat(curve).isNotEmpty();
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).tokensPerSecondPerUser()).isLessThan(curve.get(i - 1).tokensPerSecondPerUser());
            assertThat(curve.get(i).costUsdPerMillionOutput()).isLessThanOrEqualTo(curve.get(i - 1).costUsdPerMillionOutput());
        }
        Planner.Candidate c = Planner.candidate(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100, 1, 1, Precision.BF16, false,
                l, false, Realism.IDEAL);
        // The points within the limits are those up to some batch, the candidate's among them, and none is cheaper.
        long lastWithin = curve.stream().filter(Planner.FrontierPoint::withinLimits).mapToLong(Planner.FrontierPoint::batch)
                .max().orElseThrow();
        assertThat(curve).allSatisfy(p -> assertThat(p.withinLimits()).isEqualTo(p.batch() <= lastWithin));
        long firstOut = curve.stream().filter(p -> !p.withinLimits()).mapToLong(Planner.FrontierPoint::batch)
                .min().orElse(Long.MAX_VALUE);
        assertThat(c.batch()).isLessThan(firstOut);
        assertThat(curve).filteredOn(Planner.FrontierPoint::withinLimits).allSatisfy(p ->
                assertThat(p.costUsdPerMillionBlended()).isGreaterThanOrEqualTo(c.costUsdPerMillionBlended() * (1 - 1e-6)));
        // The last point is the largest batch that fits.
        Scenario base = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100).withTokens(2000, 300);
        assertThat(curve.get(curve.size() - 1).batch()).isEqualTo(RooflineEngine.memory(base).maxBatch());
    }

    private static double best(List<Planner.Candidate> ranked) {
        return ranked.stream().filter(Planner.Candidate::feasible).mapToDouble(Planner.Candidate::costUsdPerMillionBlended)
                .min().orElse(Double.POSITIVE_INFINITY);
    }
}
