package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.Assertions;

/** Invariants over the whole input space. */
class RooflineProperties {

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<ModelSpec> models = Arbitraries.oneOf(
                Arbitraries.of(ModelPresets.ALL),
                Arbitraries.doubles().between(1e8, 2e12).map(ModelSpec::fromParameterCount));
        Arbitrary<HardwareProfile> gpus = Arbitraries.of(TestProfiles.H100, TestProfiles.A100, TestProfiles.TPU_V5E,
                TestProfiles.V100, TestProfiles.T4);
        Arbitrary<Precision> precisions = Arbitraries.of(Precision.class);
        Arbitrary<Long> batches = Arbitraries.longs().between(1, ScenarioLimits.MAX_BATCH);
        Arbitrary<Long> prompts = Arbitraries.longs().between(1, 1_000_000);
        Arbitrary<Long> outputs = Arbitraries.longs().between(1, 100_000);
        Arbitrary<Double> fractions = Arbitraries.doubles().between(0.01, 1.0);
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 64);
        return Combinators.combine(models, gpus, precisions, Arbitraries.of(true, false), precisions, batches,
                        prompts, outputs)
                .as((m, g, p, w, kv, b, pr, o) -> new Scenario(m, g, 1, p, w, kv, b, pr, o, 1, 1, g.priceUsdPerHour()))
                .flatMap(s -> Combinators.combine(fractions, fractions, counts)
                        .as((c, bw, n) -> s.withEfficiency(c, bw).withGpuCount(n)))
                .flatMap(s -> Arbitraries.of(stageCounts(s.gpuCount(), s.model().layers()))
                        .map(stages -> s.withParallelism(s.gpuCount(), stages)));
    }

    @Property(tries = 300)
    void noPhaseEverSitsAboveItsRoof(@ForAll("scenarios") Scenario s) {
        Evaluation e = RooflineEngine.evaluate(s);
        for (PhaseCost p : List.of(e.prefill(), e.decode())) {
            assertThat(p.computeUtilization()).isLessThanOrEqualTo(1 + 1e-9);
            assertThat(p.achievedFlopsPerSecond())
                    .isLessThanOrEqualTo(e.currentRoof().attainableFlopsPerSecond(p.arithmeticIntensity()) * (1 + 1e-9));
        }
    }

    /** Every pipeline depth that splits n devices evenly with a layer per stage. */
    static List<Integer> stageCounts(int devices, int layers) {
        return IntStream.rangeClosed(1, Math.min(devices, layers))
                .filter(k -> devices % k == 0).boxed().toList();
    }

    @Property(tries = 200)
    void communicationGrowsWithTheTensorParallelWidth(@ForAll("scenarios") Scenario s) {
        Scenario narrow = s.withParallelism(2, 1);
        Scenario wide = s.withParallelism(8, 1);
        assertThat(RooflineEngine.evaluate(wide).decode().communicationSeconds())
                .isGreaterThan(RooflineEngine.evaluate(narrow).decode().communicationSeconds());
        assertThat(RooflineEngine.evaluate(wide).prefill().communicationSeconds())
                .isGreaterThan(RooflineEngine.evaluate(narrow).prefill().communicationSeconds());
        assertThat(RooflineEngine.evaluate(s.withParallelism(1, 1)).decode().communicationSeconds()).isZero();
    }

    @Property(tries = 200)
    void moreDevicesNeverSlowTheIdealRooflineTerms(@ForAll("scenarios") Scenario s) {
        // Communication aside, a wider tensor-parallel group only adds peak and bandwidth.
        Scenario one = s.withParallelism(1, 1);
        Scenario more = s.withParallelism(Math.max(2, s.tensorParallel()), 1);
        assertThat(RooflineEngine.evaluate(more).prefill().roofSeconds())
                .isLessThanOrEqualTo(RooflineEngine.evaluate(one).prefill().roofSeconds() * (1 + 1e-9));
        assertThat(RooflineEngine.evaluate(more).decode().roofSeconds())
                .isLessThanOrEqualTo(RooflineEngine.evaluate(one).decode().roofSeconds() * (1 + 1e-9));
    }

    @Property(tries = 200)
    void onAFastLinkMoreDevicesNeverSlowPrefill(@ForAll("scenarios") Scenario s) {
        // NVLink-class: 450 GB/s and 1 µs a hop, for models of 5B and more: below that a layer's work is so
        // small that two all-reduces can take longer than the half of it a second device saves (docs/model.md).
        Assume.that(s.model().totalParameters() >= 5e9);
        HardwareProfile g = s.gpu();
        HardwareProfile linked = new HardwareProfile(g.id(), g.name(), g.vendor(), g.peakFlopsPerSecond(),
                g.memoryBandwidthBytesPerSecond(), g.memoryCapacityBytes(), g.priceUsdPerHour(), g.sources(), g.notes(),
                g.year(), HardwareScales.NONE, new Interconnect("NVLink-class", 450e9, 1e-6, ""));
        Scenario one = s.withGpu(linked).withParallelism(1, 1).withTokens(Math.max(s.promptTokens(), 512), 16);
        Scenario two = one.withParallelism(2, 1);
        assertThat(RooflineEngine.evaluate(two).prefill().seconds())
                .isLessThanOrEqualTo(RooflineEngine.evaluate(one).prefill().seconds() * (1 + 1e-9));
    }

    @Property(tries = 400)
    void everyOutputIsAFiniteNonNegativeNumber(@ForAll("scenarios") Scenario s) {
        Evaluation e = RooflineEngine.evaluate(s);
        for (PhaseCost p : List.of(e.prefill(), e.decode())) {
            for (double v : new double[] {p.flops(), p.bytes(), p.seconds(), p.arithmeticIntensity(),
                    p.tokensPerSecond(), p.tokensPerSecondPerSequence(), p.computeUtilization(),
                    p.bandwidthUtilization(), p.weightBytes(), p.kvCacheBytes(), p.activationBytes()}) {
                assertThat(v).isFinite().isNotNegative();
            }
            assertThat(p.timeSplit().totalSeconds()).isCloseTo(p.seconds(), Assertions.within(p.seconds() * 1e-9));
        }
        assertThat(e.ridgeFlopsPerByte()).isFinite().isPositive();
        assertThat(e.memory().totalBytes()).isFinite().isPositive();
        assertThat(e.memory().maxBatch()).isNotNegative();
        assertThat(e.cost().outputToInputRatio()).isFinite().isPositive();
        if (!Double.isNaN(e.criticalBatch())) {
            assertThat(e.criticalBatch()).isGreaterThanOrEqualTo(1);
        }
        for (Evaluation.BatchPoint b : e.utilizationCurve()) {
            assertThat(b.computeUtilization()).isFinite().isNotNegative();
            assertThat(b.tokensPerSecond()).isFinite().isPositive();
        }
    }

    @Property(tries = 400)
    void utilizationNeverExceedsTheComputeEfficiency(@ForAll("scenarios") Scenario s) {
        Evaluation e = RooflineEngine.evaluate(s);
        // Attention never runs on a faster roof than the matmuls' (FP32 math means FP32 attention), so no
        // step beats its own peak: a utilization over 100 % would be a bug, not a rounding.
        double ceiling = s.computeEfficiency() * (1 + 1e-9);
        assertThat(e.prefill().computeUtilization()).isLessThanOrEqualTo(ceiling);
        assertThat(e.decode().computeUtilization()).isLessThanOrEqualTo(ceiling);
        for (Evaluation.BatchPoint b : e.utilizationCurve()) {
            assertThat(b.computeUtilization()).isLessThanOrEqualTo(ceiling);
            assertThat(b.weightMatmulUtilization()).isLessThanOrEqualTo(ceiling);
        }
        assertThat(e.decode().bandwidthUtilization()).isLessThanOrEqualTo(s.bandwidthEfficiency() * (1 + 1e-9));
        assertThat(e.prefill().bandwidthUtilization()).isLessThanOrEqualTo(s.bandwidthEfficiency() * (1 + 1e-9));
    }

    @Property(tries = 200)
    void atZeroContextUtilizationNeverFallsAsBatchGrows(@ForAll("scenarios") Scenario s,
                                                        @ForAll @IntRange(min = 1, max = 100_000) int batch) {
        if (s.model().isMixtureOfExperts()) {
            s = s.withParallelism(s.gpuCount(), 1).withModel(ModelPresets.LLAMA_3_1_8B);
        }
        double smaller = RooflineEngine.decodeStep(s, batch, 0).computeUtilization();
        double larger = RooflineEngine.decodeStep(s, batch + 1L, 0).computeUtilization();
        assertThat(larger).isGreaterThanOrEqualTo(smaller * (1 - 1e-12));
    }

    @Property(tries = 200)
    void timeNeverRisesAsBandwidthOrPeakRises(@ForAll("scenarios") Scenario s,
                                             @ForAll @DoubleRange(min = 1.0, max = 10.0) double factor) {
        HardwareProfile g = s.gpu();
        HardwareProfile faster = new HardwareProfile(g.id(), g.name(), g.vendor(), g.peakFlopsPerSecond(),
                g.memoryBandwidthBytesPerSecond() * factor, g.memoryCapacityBytes(), g.priceUsdPerHour(),
                g.sources(), g.notes());
        Map<Precision, Double> scaled = new EnumMap<>(Precision.class);
        g.peakFlopsPerSecond().forEach((p, v) -> scaled.put(p, v * factor));
        HardwareProfile stronger = new HardwareProfile(g.id(), g.name(), g.vendor(), scaled,
                g.memoryBandwidthBytesPerSecond(), g.memoryCapacityBytes(), g.priceUsdPerHour(), g.sources(), g.notes());
        Evaluation base = RooflineEngine.evaluate(s);
        for (HardwareProfile better : List.of(faster, stronger)) {
            Evaluation e = RooflineEngine.evaluate(s.withGpu(better).withPrice(s.priceUsdPerHour()));
            assertThat(e.decode().seconds()).isLessThanOrEqualTo(base.decode().seconds() * (1 + 1e-12));
            assertThat(e.prefill().seconds()).isLessThanOrEqualTo(base.prefill().seconds() * (1 + 1e-12));
        }
    }

    /** The memory wall is exact: the largest batch that fits fits, and one more sequence does not. */
    @Property(tries = 200)
    void theLargestBatchThatFitsIsTheLargest(@ForAll("scenarios") Scenario s) {
        long max = RooflineEngine.evaluate(s).memory().maxBatch();
        if (max >= 1 && max < ScenarioLimits.MAX_BATCH) {
            assertThat(RooflineEngine.evaluate(s.withBatchSize(max)).memory().fits()).isTrue();
            assertThat(RooflineEngine.evaluate(s.withBatchSize(max + 1)).memory().fits()).isFalse();
        }
    }

    /** Decode turns compute-bound at the critical batch: memory-bound just below it, compute-bound above. */
    @Property(tries = 200)
    void decodeTurnsComputeBoundAtTheCriticalBatch(@ForAll("scenarios") Scenario s) {
        Evaluation e = RooflineEngine.evaluate(s);
        double critical = e.criticalBatch();
        double context = s.averageDecodeContextTokens();
        if (!Double.isNaN(critical)) {
            assertThat(RooflineEngine.decodeStep(s, critical * 1.01, context).bound()).isEqualTo(Bound.COMPUTE);
            if (critical * 0.99 >= 1) {
                assertThat(RooflineEngine.decodeStep(s, critical * 0.99, context).bound()).isEqualTo(Bound.MEMORY);
            }
        }
    }

    /**
     * The critical batch's formula, as the lesson prints it, gives the critical batch: ridge × bytes moved per
     * weight used ÷ FLOPs per weight (issue 25: "591 ÷ 2" left out the 16-bit tables and the activations).
     */
    @Property(tries = 200)
    void theCriticalBatchsFormulaGivesTheCriticalBatch(@ForAll("scenarios") Scenario s) {
        Evaluation e = RooflineEngine.evaluate(s);
        Evaluation.CriticalBatchFormula f = e.criticalBatchFormula();
        if (f != null && f.batch() > 1) {
            assertThat(f.ridgeFlopsPerByte() * f.bytesPerWeightUsed() / f.flopsPerWeightUsed())
                    .isCloseTo(e.criticalBatchNoContext(), Assertions.within(1e-6 * e.criticalBatchNoContext()));
            assertThat(f.bytesPerWeightUsed()).isGreaterThan(s.weightPrecision().bytesPerValue());
        }
    }
}
