package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Worked examples from the literature, reproduced.
 * <ul>
 * <li>Peter Chng, "Why do LLM input tokens cost less than output tokens?" (../shared/seed): H100 ridge
 * 295.4 FLOP/byte = 591 FLOPs per BF16 value; 70B INT8 at batch 1 decodes at most 47.9 tokens/s.</li>
 * <li>Austin et al., "How to Scale Your Model", part 8 "Serving LLaMA 3-70B on TPUs"
 * (jax-ml.github.io/scaling-book/applied-inference): on TPU v5e, matmuls turn compute-bound above batch
 * 240 in bfloat16, 120 with int8 weights and bf16 math, 60 with int4; LLaMA 3-70B's int8 KV cache is
 * 2 x 8 x 128 x 80 = 160 KiB per token; int4 parameters on a 2x2 v5e slice give about 10 ms per step.</li>
 * </ul>
 */
class PublishedExamplesTest {

    private static Scenario article70bInt8() {
        return Scenario.of(ModelSpec.fromParameterCount(70e9), TestProfiles.H100).withPrecision(Precision.INT8, false);
    }

    @Test
    void h100RidgeIs295FlopsPerByteAnd591PerBf16Value() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100));
        // 989.5e12 / 3.35e12 = 295.373...
        assertThat(e.ridgeFlopsPerByte()).isCloseTo(295.373, within(0.001));
        assertThat(Math.round(e.ridgeFlopsPerByte() * 10) / 10.0).isEqualTo(295.4);
        // x 2 bytes per BF16 value = 590.746 -> 591
        assertThat(Math.round(e.ridgeFlopsPerValue())).isEqualTo(591);
    }

    @Test
    void seventyBillionInt8AtBatchOneDecodesAt47point9TokensPerSecond() {
        PhaseCost step = RooflineEngine.decodeStep(article70bInt8(), 1, 0);
        // Bytes: 70e9 weights + one token's KV write (2 x 71 layers x 8 KV heads x 128 x 2 B = 290,816)
        // + residual activations (2 x 71 x 9088 x 2 B = 2,580,992) = 70,002,871,808 B at 3.35e12 B/s.
        assertThat(step.bytes()).isEqualTo(70_002_871_808.0);
        assertThat(step.seconds()).isCloseTo(70_002_871_808.0 / 3.35e12, within(1e-12));
        assertThat(step.seconds() * 1e3).isCloseTo(20.9, within(0.05));
        assertThat(step.tokensPerSecond()).isCloseTo(47.9, within(0.05));
        assertThat(step.bound()).isEqualTo(Bound.MEMORY);
    }

    @Test
    void theArticleScenarioThroughTheFullEvaluationStillGives47point9() {
        Evaluation e = RooflineEngine.evaluate(article70bInt8().withTokens(1, 1));
        assertThat(e.decode().tokensPerSecond()).isCloseTo(47.9, within(0.05));
        assertThat(e.ridgeFlopsPerValue()).isCloseTo(590.7, within(0.05));
    }

    @Test
    void tpuV5eCriticalBatchIs240InBf16And120And60WithNarrowWeights() {
        Scenario bf16 = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.TPU_V5E);
        double ridge = 1.97e14 / 8.2e11; // 240.24
        assertThat(RooflineEngine.evaluate(bf16).ridgeFlopsPerByte()).isCloseTo(ridge, within(1e-9));
        // Hand-computed: B = R W / (2P - R e), e = per-token activations + KV write + the token's embedding row;
        // P and W (= 2P bytes) without the input embedding, which is looked up, not multiplied.
        double p = ModelPresets.LLAMA_3_1_70B.activeParameters() - 128256.0 * 8192;
        double e = 2.0 * 80 * 8192 * 2 + 2.0 * 80 * 8 * 128 * 2 + 8192 * 2;
        assertThat(RooflineEngine.evaluate(bf16).criticalBatchNoContext())
                .isCloseTo(ridge * 2 * p / (2 * p - ridge * e), within(1e-6));
        assertThat(RooflineEngine.evaluate(bf16).criticalBatchNoContext()).isCloseTo(240, within(240 * 0.01));
        // The book counts every parameter at the narrow precision: the embedding tables quantized too.
        assertThat(RooflineEngine.evaluate(bf16.withPrecision(Precision.INT8, true).withQuantizedEmbeddings(true))
                .criticalBatchNoContext())
                .isCloseTo(120, within(120 * 0.015));
        assertThat(RooflineEngine.evaluate(bf16.withPrecision(Precision.INT4, true).withQuantizedEmbeddings(true))
                .criticalBatchNoContext())
                .isCloseTo(60, within(60 * 0.02));
    }

    @Test
    void llama3_70bInt8KvCacheIs160KiBPerToken() {
        assertThat(ModelPresets.LLAMA_3_1_70B.kvCacheBytesPerToken(Precision.INT8)).isEqualTo(2 * 8 * 128 * 80);
        assertThat(ModelPresets.LLAMA_3_1_70B.kvCacheBytesPerToken(Precision.INT8) / 1024).isEqualTo(160);
    }

    @Test
    void int4ParametersOnFourV5eChipsGiveAbout10msPerStep() {
        Scenario s = Scenario.of(ModelSpec.fromParameterCount(70e9), TestProfiles.TPU_V5E)
                .withGpuCount(4).withPrecision(Precision.INT4, true);
        PhaseCost step = RooflineEngine.decodeStep(s, 1, 0);
        // 35e9 bytes / (4 x 8.2e11 B/s) = 10.67 ms: the book's figure leaves the all-reduces out.
        assertThat(step.roofSeconds() * 1e3).isCloseTo(35e9 / (4 * 8.2e11) * 1e3, within(0.01));
        assertThat(step.communicationSeconds()).isPositive();
    }
}
