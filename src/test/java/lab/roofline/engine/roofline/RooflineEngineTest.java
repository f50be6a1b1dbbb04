package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model on small numbers that can be checked by hand. */
class RooflineEngineTest {
    /** 1 GFLOP/s and 1 GB/s: ridge 1 FLOP/byte, so hand arithmetic stays simple. */
    private static final HardwareProfile TOY = new HardwareProfile("toy", "Toy", "Test",
            Map.of(Precision.BF16, 1e9, Precision.FP8, 2e9), 1e9, 100e9, 36.0, List.of("hand"), "");
    /** 1000 parameters, 2 layers, hidden 8, 2 heads of 4, 1 KV head. */
    private static final ModelSpec TINY = new ModelSpec("Tiny", 1000, 1000, 2, 8, 2, 1, 4, null, "hand");

    private static Scenario tiny() {
        return new Scenario(TINY, TOY, 1, Precision.BF16, false, Precision.BF16, 1, 10, 4, 1.0, 1.0, 36.0);
    }

    @Test
    void kvCachePerTokenCountsGroupedQueryAttention() {
        // 2 (K and V) x 2 layers x 1 KV head x 4 dims x 2 bytes
        assertThat(TINY.kvCacheBytesPerToken(Precision.BF16)).isEqualTo(32);
        // Llama-2-70B: 2 x 80 x 8 x 128 x 2 = 327,680 (not 64 heads: GQA)
        assertThat(ModelPresets.LLAMA_2_70B.kvCacheBytesPerToken(Precision.BF16)).isEqualTo(327_680);
        assertThat(ModelPresets.LLAMA_2_7B.kvCacheBytesPerToken(Precision.BF16)).isEqualTo(524_288);
    }

    @Test
    void decodeStepSplitsWeightMatmulsAndAttention() {
        PhaseCost d = RooflineEngine.decodeStep(tiny().withBatchSize(3), 3, 5);
        // matmul: 2 x 1000 x 3 FLOPs; weights 2000 B; KV writes 3 x 32; activations 3 x (2 x 2 x 8 x 2)
        assertThat(d.matmul().flops()).isEqualTo(6000);
        assertThat(d.matmul().weightBytes()).isEqualTo(2000);
        assertThat(d.matmul().kvWriteBytes()).isEqualTo(96);
        assertThat(d.matmul().activationBytes()).isEqualTo(192);
        // attention: 4 x 2 layers x 2 heads x 4 dims x 5 context x 3 sequences; reads 3 x 5 x 32 bytes
        assertThat(d.attention().flops()).isEqualTo(960);
        assertThat(d.attention().kvReadBytes()).isEqualTo(480);
        // t = max(6000/1e9, 2288/1e9) + max(960/1e9, 480/1e9)
        assertThat(d.seconds()).isCloseTo(6000e-9 + 960e-9, within(1e-15));
        assertThat(d.matmul().bound()).isEqualTo(Bound.COMPUTE);
        assertThat(d.tokensPerSecond()).isCloseTo(3 / 6960e-9, within(1e-3));
    }

    @Test
    void prefillCountsCausalAttentionPairs() {
        Evaluation e = RooflineEngine.evaluate(tiny().withBatchSize(2));
        PhaseCost p = e.prefill();
        // 2 sequences x 10 tokens: matmul 2 x 1000 x 20 FLOPs; attention 64 FLOPs per pair x 2 x 10 x 11 / 2
        assertThat(p.tokens()).isEqualTo(20);
        assertThat(p.matmul().flops()).isEqualTo(40_000);
        assertThat(p.attention().flops()).isEqualTo(64.0 * 2 * 55);
        assertThat(p.matmul().weightBytes()).isEqualTo(2000);
        assertThat(p.kvWriteBytes()).isEqualTo(20 * 32);
    }

    @Test
    void decodeRunsAtTheAverageContextOfTheGeneration() {
        Evaluation e = RooflineEngine.evaluate(tiny());
        assertThat(e.decode().contextTokens()).isEqualTo(10 + 4 / 2.0);
    }

    @Test
    void memoryCountsWeightsAndTheFullKvCacheAndFindsTheLargestBatch() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100)
                .withTokens(1000, 1000).withBatchSize(10));
        double weights = 8.030e9 * 2;
        double kvPerSequence = 2000 * 131_072.0;
        assertThat(e.memory().weightBytes()).isEqualTo(weights);
        assertThat(e.memory().kvCacheBytes()).isEqualTo(10 * kvPerSequence);
        // 80 GB less the 1 GiB a serving process keeps for the runtime.
        double usable = 80e9 - (1L << 30);
        assertThat(e.memory().capacityBytes()).isEqualTo(usable);
        assertThat(e.memory().maxBatch()).isEqualTo((long) Math.floor((usable - weights) / kvPerSequence));
        assertThat(e.memory().fits()).isTrue();
    }

    @Test
    void weightsThatDoNotFitSayHowManyDevicesAreNeeded() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100));
        assertThat(e.memory().fits()).isFalse();
        assertThat(e.memory().maxBatch()).isZero();
        assertThat(e.memory().minDevicesForWeights()).isEqualTo(2);
        assertThat(e.notices()).anyMatch(n -> n.contains("do not fit") && n.contains("2 × H100 SXM"));
        Evaluation two = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100).withGpuCount(2));
        assertThat(two.memory().fits()).isTrue();
        assertThat(two.memory().capacityBytes()).isEqualTo(2 * (80e9 - (1L << 30)));
    }

    @Test
    void tooLargeABatchIsReportedInPlainWords() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100).withBatchSize(4096));
        assertThat(e.memory().fits()).isFalse();
        assertThat(e.notices()).anyMatch(n -> n.startsWith("Does not fit in 78.9 GB at batch 4,096"));
    }

    @Test
    void a100HasNoFp8SoTheMathFallsBackToBf16AndSaysSo() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.A100)
                .withPrecision(Precision.FP8, false));
        assertThat(e.computePrecision()).isEqualTo(Precision.BF16);
        assertThat(e.computeFellBack()).isTrue();
        assertThat(e.notices()).contains("A100 40GB has no FP8 peak: using BF16/FP16");
        // The weights are still one byte each.
        double tables = 2 * 128256.0 * 4096; // kept at 16 bits
        assertThat(e.memory().weightBytes()).isEqualTo(8.030e9 - tables + tables * 2);
    }

    @Test
    void weightOnlyKeepsTheBf16RoofButMovesFewerBytes() {
        Scenario w4a16 = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100).withPrecision(Precision.INT4, true);
        Evaluation e = RooflineEngine.evaluate(w4a16);
        assertThat(e.computePrecision()).isEqualTo(Precision.BF16);
        assertThat(e.notices()).isEmpty();
        assertThat(e.ridgeFlopsPerByte()).isCloseTo(295.37, within(0.01));
        assertThat(e.ridgeFlopsPerValue()).isCloseTo(295.37 / 2, within(0.01));
        // The embedding and output tables (128,256 x 4,096 each) stay at 16 bits, as W4A16 schemes keep them.
        double tables = 2 * 128256.0 * 4096;
        assertThat(e.memory().weightBytes()).isEqualTo((8.030e9 - tables) / 2 + tables * 2);
        assertThat(RooflineEngine.evaluate(w4a16.withQuantizedEmbeddings(true)).memory().weightBytes()).isEqualTo(8.030e9 / 2);
    }

    @Test
    void gpuCountScalesPeakBandwidthAndCapacity() {
        Scenario one = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100);
        Evaluation e1 = RooflineEngine.evaluate(one);
        Evaluation e4 = RooflineEngine.evaluate(one.withGpuCount(4));
        assertThat(e4.currentRoof().peakFlopsPerSecond()).isEqualTo(4 * 989.5e12);
        // The roofline terms split four ways; the all-reduces come on top (CommunicationTest).
        assertThat(e4.decode().roofSeconds()).isCloseTo(e1.decode().seconds() / 4, within(1e-12));
        assertThat(e4.decode().communicationSeconds()).isPositive();
        assertThat(e1.decode().communicationSeconds()).isZero();
        assertThat(e4.ridgeFlopsPerByte()).isCloseTo(e1.ridgeFlopsPerByte(), within(1e-9));
        assertThat(e4.cost().priceUsdPerHour()).isEqualTo(4 * 3.49);
    }

    @Test
    void costPerMillionTokensFollowsFromPriceAndTime() {
        Evaluation e = RooflineEngine.evaluate(tiny());
        // $36/hour = $0.01/s; per million tokens = 0.01 x seconds per token x 1e6
        assertThat(e.cost().outputUsdPerMillionTokens())
                .isCloseTo(0.01 * e.decode().seconds() / 1 * 1e6, within(1e-9));
        assertThat(e.cost().inputUsdPerMillionTokens())
                .isCloseTo(0.01 * e.prefill().seconds() / 10 * 1e6, within(1e-9));
        assertThat(e.cost().outputToInputRatio()).isCloseTo(
                e.cost().outputUsdPerMillionTokens() / e.cost().inputUsdPerMillionTokens(), within(1e-9));
    }

    @Test
    void withNoPriceCostsAreUnknownButTheRatioStands() {
        Evaluation e = RooflineEngine.evaluate(tiny().withPrice(Double.NaN));
        assertThat(e.cost().hasPrice()).isFalse();
        assertThat(e.cost().outputUsdPerMillionTokens()).isNaN();
        assertThat(e.cost().outputToInputRatio()).isPositive().isFinite();
    }

    @Test
    void longContextKeepsDecodeMemoryBoundAtEveryBatch() {
        // Llama-3.1-70B on H100: compute per sequence 2P/peak = 142.6 us; attention memory per sequence
        // c x 327,680 B / 3.35e12 B/s exceeds it above c = 1458 tokens.
        Scenario s = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100).withGpuCount(1);
        assertThat(RooflineEngine.evaluate(s.withTokens(1000, 2)).criticalBatch()).isFinite();
        Evaluation longContext = RooflineEngine.evaluate(s.withTokens(8000, 2));
        assertThat(longContext.criticalBatch()).isNaN();
        assertThat(longContext.criticalBatchNoContext()).isFinite();
    }

    @Test
    void utilizationCurveRunsFromBatch1To4096() {
        Evaluation e = RooflineEngine.evaluate(tiny());
        assertThat(e.utilizationCurve().get(0).batchSize()).isEqualTo(1);
        assertThat(e.utilizationCurve().get(e.utilizationCurve().size() - 1).batchSize()).isEqualTo(4096);
        assertThat(RooflineEngine.CURVE_BATCHES).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void mixtureOfExpertsReadsMoreExpertsAsBatchGrows() {
        ModelSpec mixtral = ModelPresets.MIXTRAL_8X7B;
        double routed = mixtral.moe().routedParameters();
        double shared = mixtral.totalParameters() - routed;
        // One token touches 2 of 8 experts: 1 - (1 - 2/8)^1 = 0.25
        assertThat(mixtral.parametersTouched(1)).isCloseTo(shared + routed * 0.25, within(1.0));
        // 16 tokens: 1 - 0.75^16 = 0.98998
        assertThat(mixtral.parametersTouched(16)).isCloseTo(shared + routed * (1 - Math.pow(0.75, 16)), within(1.0));
        assertThat(mixtral.parametersTouched(4096)).isCloseTo(mixtral.totalParameters(), within(1.0));
        // Active parameters match the published 12.9B.
        assertThat(mixtral.activeParameters()).isCloseTo(shared + routed * 2 / 8, within(0.01e9));
        // Memory holds them all.
        Evaluation e = RooflineEngine.evaluate(Scenario.of(mixtral, TestProfiles.H100).withGpuCount(2));
        assertThat(e.memory().weightBytes()).isEqualTo(mixtral.totalParameters() * 2);
        // A token reads the experts it picks and one row of the input embedding, not the whole table.
        assertThat(e.decode().weightBytes()).isCloseTo((mixtral.parametersTouched(1) - 32000.0 * 4096) * 2 + 4096 * 2,
                within(1.0));
    }

    @Test
    void derivedArchitectureFollowsTheDocumentedRule() {
        ModelSpec m = ModelSpec.fromParameterCount(7e9);
        // layers = round(cbrt(7e9 / (12 x 128^2))) = round(32.9) = 33
        assertThat(m.layers()).isEqualTo(33);
        // hidden = sqrt(7e9 / (12 x 33)) = 4204 -> 4224 (33 x 128)
        assertThat(m.hiddenSize()).isEqualTo(4224);
        assertThat(m.attentionHeads()).isEqualTo(33);
        assertThat(m.kvHeads()).isEqualTo(8);
        assertThat(m.headDim()).isEqualTo(128);
        ModelSpec small = ModelSpec.fromParameterCount(1e8);
        assertThat(small.kvHeads()).isLessThanOrEqualTo(small.attentionHeads());
        assertThat(small.layers()).isPositive();
    }

    @Test
    void badScenariosAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> tiny().withBatchSize(0)).hasMessage("Batch size: too small (at least 1)");
        assertThatThrownBy(() -> tiny().withEfficiency(0, 1)).hasMessage("Compute efficiency: too small (at least 1 %)");
        assertThatThrownBy(() -> tiny().withEfficiency(1, 1.5)).hasMessage("Bandwidth efficiency: too large (at most 100 %)");
        assertThatThrownBy(() -> tiny().withTokens(0, 1)).hasMessage("Prompt tokens: too small (at least 1)");
        assertThatThrownBy(() -> tiny().withTokens(1, 20_000_000)).hasMessage("Generated tokens: too large (at most 10,000,000)");
        assertThatThrownBy(() -> tiny().withGpuCount(0)).hasMessage("GPU count: too small (at least 1)");
        assertThatThrownBy(() -> tiny().withGpuCount(5000)).hasMessage("GPU count: too large (at most 4,096)");
        assertThatThrownBy(() -> tiny().withPrice(-1)).hasMessageStartingWith("Price: too small");
        assertThatThrownBy(() -> ModelSpec.fromParameterCount(-5)).hasMessageContaining("parameters");
    }

    @Test
    void parameterCountsParseInEveryCommonSpelling() {
        ScenarioLimits.Range params = ScenarioLimits.PARAMETERS;
        assertThat(params.parse("7e9").value()).isEqualTo(7e9);
        assertThat(params.parse("7B").value()).isEqualTo(7e9);
        assertThat(params.parse("70b").value()).isEqualTo(70e9);
        assertThat(params.parse("1.8T").value()).isEqualTo(1.8e12);
        assertThat(params.parse(" 500M ").value()).isEqualTo(5e8);
        assertThat(params.parse("7,000,000,000").value()).isEqualTo(7e9);
        assertThat(params.parse("7X").ok()).isFalse();
        assertThat(params.parse("-7B").ok()).isFalse();
        assertThat(params.parse("").ok()).isFalse();
        assertThat(params.parse("0").ok()).isFalse();
        assertThat(Units.parameterCount(70e9)).isEqualTo("70B");
        assertThat(Units.parameterCount(1.8e12)).isEqualTo("1.8T");
        assertThat(Units.sig3(99.96)).isEqualTo("100");
        assertThat(Units.seconds(7200)).isEqualTo("2.00 h");
        assertThat(Units.seconds(3 * 86_400)).isEqualTo("3.00 days");
        assertThat(Units.seconds(1.18e13)).isEqualTo("374,000 years");
        assertThat(Units.seconds(1e30)).isEqualTo("over a million years");
        assertThat(Units.si(1.31e27, "FLOP")).isEqualTo(">999 YFLOP");
        assertThat(Units.si(1.31e24, "FLOP")).isEqualTo("1.31 YFLOP");
        assertThat(Units.sig3(47.855)).isEqualTo("47.9");
        assertThat(Units.seconds(0.0209)).isEqualTo("20.9 ms");
    }

    @Test
    void aFallbackTakesTheFastestPathTheDeviceHasForThoseWeights() {
        // V100: INT4 weights dequantize to FP16 (125 TFLOP/s), not to its slower INT8 (62.8 TOPS); INT8 too.
        assertThat(TestProfiles.V100.computePrecisionFor(Precision.INT4)).hasValue(Precision.BF16);
        assertThat(TestProfiles.V100.computePrecisionFor(Precision.INT8)).hasValue(Precision.BF16);
        Evaluation int8 = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.V100)
                .withPrecision(Precision.INT8, false).withTokens(32768, 1));
        assertThat(int8.notices()).contains("V100 SXM2 runs INT8 math at 62.8 TFLOP/s, slower than BF16/FP16 "
                + "(125 TFLOP/s): using BF16/FP16 math");
        assertThat(int8.prefill().computeUtilization()).isLessThanOrEqualTo(1.0);
        // T4: INT8 is the faster path and stays; A100 has no FP8: BF16, not its FP32; FP32 on a TPU: BF16.
        assertThat(TestProfiles.T4.computePrecisionFor(Precision.INT8)).hasValue(Precision.INT8);
        assertThat(TestProfiles.A100.computePrecisionFor(Precision.FP8)).hasValue(Precision.BF16);
        assertThat(TestProfiles.TPU_V5E.computePrecisionFor(Precision.FP32)).hasValue(Precision.BF16);
        assertThat(TestProfiles.H100.computePrecisionFor(Precision.FP32)).hasValue(Precision.FP32);
    }

    @Test
    void whenTheWeightsFitButOneSequenceDoesNotTheNoticeNamesTheContext() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100)
                .withPrecision(Precision.INT8, false).withTokens(32768, 1));
        assertThat(e.memory().weightsFit()).isTrue();
        assertThat(e.memory().maxBatch()).isZero();
        assertThat(e.notices()).contains("One sequence's KV cache (10.7 GB at 32,769 tokens) does not fit beside the "
                + "weights (72.7 GB) in 78.9 GB: needs 2 × H100 SXM, a shorter context or a narrower KV cache");
        Evaluation huge = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_405B, TestProfiles.H100));
        assertThat(huge.notices()).anyMatch(n -> n.startsWith("Weights alone (812 GB) do not fit in 78.9 GB: needs at least 11 × H100 SXM"));
    }
}
