package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import lab.roofline.engine.scenario.ScenarioInputs;

/** KV bytes and attention FLOPs for every attention kind, and the new presets against their published figures. */
class ModernAttentionTest {
    private static final Precision BF16 = Precision.BF16;

    @Test
    void multiHeadGroupedQueryAndMultiQueryCacheKAndVPerKvHead() {
        // Llama-2-7B: 32 KV heads (multi-head): 2 x 32 layers x 32 x 128 x 2 B.
        assertThat(ModelPresets.LLAMA_2_7B.kvCacheBytesPerToken(BF16)).isEqualTo(2.0 * 32 * 32 * 128 * 2);
        // Llama-3.1-70B: 8 KV heads for 64 query heads (grouped-query): 327,680 B, as DeepSeek's ISCA paper lists.
        assertThat(ModelPresets.LLAMA_3_1_70B.kvCacheBytesPerToken(BF16)).isEqualTo(327_680);
        assertThat(ModelPresets.QWEN_2_5_72B.kvCacheBytesPerToken(BF16)).isEqualTo(327_680);
        assertThat(ModelPresets.LLAMA_3_1_405B.kvCacheBytesPerToken(BF16)).isEqualTo(516_096);
        // Multi-query: one KV head.
        ModelSpec mqa = new ModelSpec("MQA", 1e9, 1e9, 10, 1024, 8, 1, 128, null, "hand");
        assertThat(mqa.kvCacheBytesPerToken(BF16)).isEqualTo(2.0 * 10 * 1 * 128 * 2);
        assertThat(mqa.kvCacheBytes(1000, BF16)).isEqualTo(1000 * 2.0 * 10 * 128 * 2);
        // Attention FLOPs per pair do not depend on the KV heads: 4 x heads x head dim per layer.
        assertThat(mqa.attentionFlops(1000)).isEqualTo(1000 * 10 * 4.0 * 8 * 128);
    }

    @Test
    void latentAttentionCachesOneSharedLatentAndComputesAsAbsorbedMlaDoes() {
        ModelSpec v3 = ModelPresets.DEEPSEEK_V3;
        // 512 + 64 values per token per layer, 61 layers, BF16: 70,272 B (DeepSeek, arXiv:2505.09343, Table 1).
        assertThat(v3.kvCacheBytesPerToken(BF16)).isEqualTo(70_272);
        assertThat(v3.kvCacheBytes(4096, BF16)).isEqualTo(4096 * 70_272.0);
        // FlashMLA: FLOPs = s_q x seqlen x h_q x (576 + 512) x 2 per layer: 2,176 per head per cached token.
        assertThat(v3.attentionFlopsPerPair()).isEqualTo(128 * 2176.0);
        assertThat(v3.attentionFlops(1)).isEqualTo(61 * 128 * 2176.0);
        // FP8 cache: half.
        assertThat(v3.kvCacheBytesPerToken(Precision.FP8)).isEqualTo(35_136);
    }

    @Test
    void slidingLayersHoldAtMostTheirWindow() {
        ModelSpec oss = ModelPresets.GPT_OSS_120B;
        // 18 full layers x 2 x 8 x 64 x 2 B = 36,864 B per token of context; 18 sliding layers hold 128 tokens.
        double perLayer = 2.0 * 8 * 64 * 2;
        assertThat(oss.kvCacheBytes(100, BF16)).isEqualTo(36 * 100 * perLayer);
        assertThat(oss.kvCacheBytes(32768, BF16)).isEqualTo(32768 * 36_864.0 + 18 * 128 * perLayer);
        assertThat(18 * 128 * perLayer).isEqualTo(4.5 * 1024 * 1024);
        ModelSpec gemma = ModelPresets.GEMMA_3_27B;
        // 10 global layers x 8,192 B = 81,920 B per token; 52 local layers x 1,024 tokens x 8,192 B = 416 MiB.
        assertThat(gemma.kvCacheBytes(131072, BF16)).isEqualTo(131072 * 81_920.0 + 416.0 * 1024 * 1024);
        // Attention FLOPs follow the same cache: a sliding layer attends over its window only.
        assertThat(gemma.attentionFlops(131072)).isEqualTo(4.0 * 32 * 128 * (10 * 131072.0 + 52 * 1024));
        // Prefill: a sliding layer's causal pairs stop growing past the window: w(w+1)/2 + (p - w) w.
        double pairs = 1024 * 1025 / 2.0 + (8192 - 1024) * 1024.0;
        assertThat(gemma.prefillAttentionFlops(8192)).isEqualTo(4.0 * 32 * 128 * (10 * 8192 * 8193 / 2.0 + 52 * pairs));
        // Mistral-7B v0.1 slides in every layer: its cache stops growing at 4,096 tokens (512 MiB).
        assertThat(ModelPresets.MISTRAL_7B.kvCacheBytes(32768, BF16)).isEqualTo(512.0 * 1024 * 1024);
    }

    @Test
    void thePresetsHaveTheirPublishedParameterCountsAndKvSizes() {
        // DeepSeek-V3: the main model's module sum, 671,026,419,200; 36.6B active without the input embedding.
        assertThat(ModelPresets.DEEPSEEK_V3.totalParameters()).isEqualTo(671_026_419_200.0);
        assertThat(ModelPresets.DEEPSEEK_V3.activeParameters() - ModelPresets.DEEPSEEK_V3.inputEmbeddingParameters())
                .isCloseTo(36.6e9, within(0.05e9));
        assertThat(ModelPresets.DEEPSEEK_V3.moe().routedExperts()).isEqualTo(256);
        // gpt-oss-120b: 116.8B total, 5.1B active (model card).
        assertThat(ModelPresets.GPT_OSS_120B.totalParameters()).isCloseTo(116.8e9, within(0.05e9));
        assertThat(ModelPresets.GPT_OSS_120B.activeParameters() - ModelPresets.GPT_OSS_120B.inputEmbeddingParameters())
                .isCloseTo(5.1e9, within(0.05e9));
        // Qwen3-235B-A22B: 235B total, 22B activated; 192,512 B of KV per token.
        assertThat(ModelPresets.QWEN_3_235B_A22B.totalParameters()).isCloseTo(235e9, within(0.5e9));
        assertThat(ModelPresets.QWEN_3_235B_A22B.activeParameters()).isCloseTo(22e9, within(0.5e9));
        assertThat(ModelPresets.QWEN_3_235B_A22B.kvCacheBytesPerToken(BF16)).isEqualTo(192_512);
        // Gemma 3 27B: 27B (the text model; the vision encoder is not counted).
        assertThat(ModelPresets.GEMMA_3_27B.totalParameters()).isCloseTo(27.0e9, within(0.1e9));
        assertThat(ModelPresets.GEMMA_3_27B.inputEmbeddingParameters()).as("tied: the output layer reads it").isZero();
    }

    @Test
    void aPromptLongerThanTheModelTakesIsWarnedAbout() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_2_70B, TestProfiles.H100).withTokens(8192, 256));
        assertThat(e.notices()).contains("Llama-2-70B takes at most 4,096 tokens of context; this scenario has 8,448 "
                + "(prompt + generated)");
        assertThat(RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_2_70B, TestProfiles.H100)).notices())
                .noneMatch(n -> n.contains("at most"));
    }

    @Test
    void aDecodeStepReadsOnlyItsTokensEmbeddingRowsAndPrefillComputesTheLastTokensLogits() {
        ModelSpec m = ModelPresets.LLAMA_3_1_8B;
        double embedding = 128256.0 * 4096;
        Scenario s = Scenario.of(m, TestProfiles.H100).withTokens(1000, 1);
        PhaseCost step = RooflineEngine.decodeStep(s, 4, 0);
        assertThat(step.matmul().flops()).isEqualTo(2 * (m.activeParameters() - embedding) * 4);
        assertThat(step.matmul().weightBytes()).isEqualTo((m.totalParameters() - embedding) * 2 + 4 * 4096 * 2);
        PhaseCost prefill = RooflineEngine.evaluate(s).prefill();
        // 1,000 tokens through every layer but the output one, which only the last token needs.
        assertThat(prefill.matmul().flops()).isEqualTo(2 * (m.activeParameters() - 2 * embedding) * 1000 + 2 * embedding);
        // A model given by its parameter count keeps the article's arithmetic: every weight read each step.
        ModelSpec counted = ModelSpec.fromParameterCount(70e9);
        assertThat(RooflineEngine.decodeStep(Scenario.of(counted, TestProfiles.H100), 1, 0).matmul().weightBytes())
                .isEqualTo(70e9 * 2);
    }

    @Test
    void unfusedElementwiseKernelsMoveTheirActivationsThroughMemoryInTheRealisticSetting() {
        ModelSpec m = ModelPresets.LLAMA_2_7B;
        // The MLP width from the weights: 11,008, as the config says.
        assertThat(m.activeMlpWidth()).isCloseTo(11008, within(1.0));
        Scenario s = Scenario.of(m, TestProfiles.H100).withTokens(1024, 1);
        PhaseCost fused = RooflineEngine.evaluate(s).prefill();
        PhaseCost unfused = RooflineEngine.evaluate(s.withUnfusedElementwise(true)).prefill();
        // 1,024 tokens x 32 layers x (10 x 4,096 + 3 x 11,008) values x 2 bytes, at 3.35 TB/s.
        double bytes = 1024 * 32 * (10 * 4096 + 3 * 11008.0) * 2;
        assertThat(unfused.elementwiseBytes()).isCloseTo(bytes, within(bytes * 1e-3));
        assertThat(unfused.seconds() - fused.seconds()).isCloseTo(bytes / 3.35e12, within(bytes / 3.35e12 * 1e-3));
        assertThat(unfused.timeSplit().activationSeconds() - fused.timeSplit().activationSeconds())
                .isCloseTo(unfused.elementwiseSeconds(), within(1e-12));
        assertThat(fused.elementwiseBytes()).isZero();
        // The realistic setting runs them unfused; the ideal fuses them.
        ScenarioInputs in = ScenarioInputs.DEFAULT;
        assertThat(in.toScenario(TestProfiles.H100, Realism.IDEAL).unfusedElementwise()).isFalse();
        ScenarioInputs realistic = new ScenarioInputs(in.gpuId(), in.presetName(), in.parameters(), in.precision(),
                in.weightOnly(), in.kvPrecision(), 1, 1024, 256, 1, RealismMode.REALISTIC, 1, 1, null);
        assertThat(realistic.toScenario(TestProfiles.H100, Realism.IDEAL).unfusedElementwise()).isTrue();
    }
}
