package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RealismLoader;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/validation.md: published measurements against what the app predicts for the same setup. The ideal
 * roofline is an upper bound on speed, so it must never predict less than was measured, and once
 * communication counts it stays within 4x of every measurement but the rows docs/validation.md names as
 * misses. The realistic setting (measured fractions of peak and the fitted overhead per layer) lands
 * within 25 % of measured batch-1 decode on one device and within 50 % on several.
 * Measurements: llama.cpp build 6918 on an NVIDIA DGX Spark (GB10, 273 GB/s), llama-batched-bench with
 * flash attention, 32 generated tokens, github.com/ggml-org/llama.cpp benches/dgx-spark.md.
 */
class ValidationTest {
    private static final HardwareProfile SPARK = ProfileLoader.load(true, List.of()).find("dgx_spark_gb10").orElseThrow();
    private static final Realism REALISM = RealismLoader.loadBundled().realism();

    static Scenario scenario(String model, int batch, int prompt, boolean realistic) {
        // llama.cpp's Q8_0 quantizes the embedding and output tables too.
        Scenario s = Scenario.of(ModelPresets.find(model).orElseThrow(), SPARK).withPrecision(Precision.INT8, false)
                .withBatchSize(batch).withTokens(prompt, 32).withQuantizedEmbeddings(true);
        return realistic ? realistic(s) : s;
    }

    /** The realistic setting as the app applies it: measured fractions of peak and the fitted overhead. */
    static Scenario realistic(Scenario s) {
        return s.withEfficiency(REALISM.computeFraction(s.gpu().id()), REALISM.bandwidthFraction())
                .withLayerOverhead(REALISM.layerOverheadSeconds()).withUnfusedElementwise(true);
    }

    @ParameterizedTest(name = "{0} batch {1} prompt {2}: decode {3} tokens/s measured")
    @CsvSource({
            "Qwen2.5-7B, 1, 512, 29.24",
            "Qwen2.5-7B, 32, 512, 593.27",
            "Qwen2.5-7B, 1, 8192, 27.50",
            "Qwen2.5-7B, 32, 8192, 268.20",
            "Qwen3-30B-A3B, 1, 512, 57.63",

            "Qwen3-30B-A3B, 1, 8192, 42.56",

    })
    void decodeIsNeverPredictedSlowerThanMeasured(String model, int batch, int prompt, double measured) {
        double ideal = RooflineEngine.evaluate(scenario(model, batch, prompt, false)).decode().tokensPerSecond();
        double realistic = RooflineEngine.evaluate(scenario(model, batch, prompt, true)).decode().tokensPerSecond();
        assertThat(ideal).isGreaterThanOrEqualTo(measured);
        if (batch == 1) {
            assertThat(realistic).isCloseTo(measured, Assertions.withinPercentage(25));
        } else {
            assertThat(realistic).isGreaterThanOrEqualTo(measured);
        }
    }

    private static final ProfileLoader.Result PROFILES = ProfileLoader.load(true, List.of());

    /**
     * The calibration rows of the overhead per layer: gpt-fast (torch.compile with CUDA graphs), batch 1,
     * BF16, 5 prompt tokens, on A100-80GB SXM at 330 W, github.com/pytorch-labs/gpt-fast README.
     */
    @ParameterizedTest(name = "{0} on {1} x A100: {2} tokens/s measured at batch 1")
    @CsvSource({
            "Llama-2-7B, 1, 104.9",
            "Llama-2-7B, 2, 168.84",
            "Llama-2-7B, 4, 254.02",
            "Llama-2-7B, 8, 328.43",
            "Llama-2-70B, 2, 21.32",
            "Llama-2-70B, 4, 38.01",
            "Llama-2-70B, 8, 62.50",
    })
    void tensorParallelBatchOneDecodeMeetsTheGoals(String model, int devices, double measured) {
        HardwareProfile a100 = PROFILES.find("a100_80gb_sxm").orElseThrow();
        Scenario s = Scenario.of(ModelPresets.find(model).orElseThrow(), a100).withGpuCount(devices).withTokens(5, 200);
        double ideal = RooflineEngine.evaluate(s).decode().tokensPerSecond();
        double realistic = RooflineEngine.evaluate(realistic(s)).decode().tokensPerSecond();
        assertThat(ideal).isGreaterThanOrEqualTo(measured).isLessThanOrEqualTo(4 * measured);
        assertThat(realistic).isCloseTo(measured, Assertions.withinPercentage(devices == 1 ? 25 : 50));
    }

    /**
     * Check rows, not used in any fit: TensorRT-LLM v0.5 time to first token at batch 1 with one output token,
     * github.com/NVIDIA/TensorRT-LLM docs/source/performance.md ("Low Latency").
     */
    @ParameterizedTest(name = "{1} {2} on {3} x {0}, {4}-token prompt: first token in {5} ms")
    @CsvSource({
            "h100_sxm, Llama-2-7B, fp8, 1, 128, 7",
            "h100_sxm, Llama-2-7B, fp8, 1, 2048, 36",
            "h100_sxm, Llama-2-70B, fp8, 4, 128, 26",
            "h100_sxm, Llama-2-70B, fp8, 4, 2048, 109",
            "a100_80gb_sxm, Llama-2-7B, bf16, 1, 128, 16",
            "a100_80gb_sxm, Llama-2-7B, bf16, 1, 2048, 133",
            "a100_80gb_sxm, Llama-2-70B, bf16, 4, 128, 47",
            "a100_80gb_sxm, Llama-2-70B, bf16, 4, 2048, 377",
            "l40s, Llama-2-7B, fp8, 1, 128, 14",
            "l40s, Llama-2-7B, fp8, 1, 2048, 73",
    })
    void timeToFirstTokenIsNeverPredictedLongerThanMeasured(String gpu, String model, String precision, int devices,
                                                           int prompt, double measuredMs) {
        Scenario s = Scenario.of(ModelPresets.find(model).orElseThrow(), PROFILES.find(gpu).orElseThrow())
                .withGpuCount(devices).withPrecision(Precision.parse(precision).orElseThrow(), false).withTokens(prompt, 1);
        double idealMs = RooflineEngine.evaluate(s).prefill().seconds() * 1e3;
        double realisticMs = RooflineEngine.evaluate(realistic(s)).prefill().seconds() * 1e3;
        assertThat(idealMs).isLessThanOrEqualTo(measuredMs).isGreaterThanOrEqualTo(measuredMs / 4);
        assertThat(realisticMs).isLessThanOrEqualTo(measuredMs).isGreaterThan(idealMs);
    }

    /**
     * llama-batched-bench decodes the same token in every sequence, so an MoE model's sequences largely
     * pick the same experts, not the independent, uniform choices the app assumes (which read 87 % of
     * Qwen3-30B-A3B's experts at batch 32). Against such a run the bound is the one with the batch reading
     * only the experts one token reads; the uniform estimate is reported beside it in docs/validation.md.
     */
    @ParameterizedTest(name = "{0} batch {1} prompt {2}: decode {3} tokens/s measured, correlated routing")
    @CsvSource({
            "Qwen3-30B-A3B, 32, 512, 345.01, 309.5",
            "Qwen3-30B-A3B, 32, 8192, 143.06, 166.8",
    })
    void moeDecodeWithCorrelatedRoutingIsBoundedByTheOneTokenExpertTraffic(String model, int batch, int prompt,
                                                                         double measured, double tabled) {
        Scenario s = scenario(model, batch, prompt, false);
        ModelSpec m = s.model();
        ModelSpec sameExperts = new ModelSpec(m.name() + " (same experts)", m.activeParameters(), m.activeParameters(),
                m.layers(), m.hiddenSize(), m.attentionHeads(), m.kvHeads(), m.headDim(), null, m.source(), m.attention(),
                m.vocabSize(), m.tiedEmbeddings(), m.maxContextTokens());
        double bound = RooflineEngine.evaluate(s.withModel(sameExperts)).decode().tokensPerSecond();
        double uniform = RooflineEngine.evaluate(s).decode().tokensPerSecond();
        assertThat(bound).isGreaterThanOrEqualTo(measured);
        // The uniform-routing estimate is the one docs/validation.md prints beside the measurement (512: a miss).
        assertThat(uniform).isCloseTo(tabled, Assertions.withinPercentage(0.05));
    }

    @ParameterizedTest(name = "{0} batch {1} prompt {2}: prefill {3} tokens/s measured")
    @CsvSource({
            "Qwen2.5-7B, 1, 512, 2379.83",
            "Qwen2.5-7B, 1, 8192, 2186.60",
            "Qwen3-30B-A3B, 1, 512, 1275.89",
            "Qwen3-30B-A3B, 1, 8192, 2886.60",
    })
    void prefillIsNeverPredictedSlowerThanMeasured(String model, int batch, int prompt, double measured) {
        double ideal = RooflineEngine.evaluate(scenario(model, batch, prompt, false)).prefill().tokensPerSecond();
        assertThat(ideal).isGreaterThanOrEqualTo(measured);
    }
}
