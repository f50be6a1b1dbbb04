package lab.roofline.engine.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * The built-in exercises: each answer the engine computes is recomputed here by hand, from the datasheet
 * figures and the model's shape with the simplest form of the formula, and must land within the
 * exercise's tolerance.
 */
class ExerciseTest {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.loadAll(List.of()).profiles();
    private static final double GIB = 1L << 30;

    private static double answer(String id) {
        Exercise e = Exercise.BUILT_IN.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        HardwareProfile g = PROFILES.stream().filter(p -> p.id().equals(e.scenario().gpuId())).findFirst().orElseThrow();
        return e.answer(g, Realism.IDEAL);
    }

    /** KV bytes per token of Llama-3.1 (8 KV heads of 128) at BF16: 2 × layers × 8 × 128 × 2. */
    private static double kvPerToken(int layers) {
        return 2.0 * layers * 8 * 128 * 2;
    }

    /** Causal attention of a prompt: QKᵀ and AV, 2 FLOPs per multiply-add, over half the prompt on average. */
    private static double attentionFlopsPerPromptToken(int layers, int queryWidth, int prompt) {
        return 2 * 2.0 * layers * queryWidth * (prompt + 1) / 2.0;
    }

    private static double impliedBatch(double ratio, double weightBytes, double kvBytesPerSequence, double bandwidth,
                                       double inputSecondsPerToken) {
        return weightBytes / bandwidth / (ratio * inputSecondsPerToken - kvBytesPerSequence / bandwidth);
    }

    @Test
    void everyAnswerAgreesWithAHandComputationWithinItsTolerance() {
        double p70 = 70.554e9;
        double p8 = 8.030e9;
        double table70 = 128256.0 * 8192; // embedding = output head, untied
        double table8 = 128256.0 * 4096;
        double context = 1024 + 256 / 2.0; // decode at the average context
        Map<String, Double> byHand = Map.ofEntries(
                Map.entry("ridge-h100-bf16", 989.5e12 / 3.35e12),
                // Weights (tables at 16 bits, the input one read a row at a time) and the KV cache, over bandwidth.
                Map.entry("decode-70b-int8-h100", 3.35e12 / ((p70 - 2 * table70) + 2 * table70 + kvPerToken(80) * context)),
                Map.entry("tpot-8b-bf16-l40s", 1e3 * (2 * (p8 - table8) + kvPerToken(32) * context) / 864e9),
                // Past the critical batch, FLOPs per weight byte exceed the ridge: b ≈ ridge × bytes per weight / 2.
                Map.entry("critical-batch-70b-bf16-h100", 989.5e12 / 3.35e12 * 2 / 2),
                Map.entry("critical-batch-70b-int8-h100", 1979e12 / 3.35e12 * 1 / 2),
                Map.entry("max-batch-70b-int8-h100", Math.floor((79 * GIB - ((p70 - 2 * table70) + 2 * 2 * table70))
                        / (kvPerToken(80) * 1280))),
                Map.entry("kv-per-sequence-70b", kvPerToken(80) * 1280 / 1e9),
                // Output: a memory-bound step for one token; input: 2 FLOPs per parameter per token at the INT8 peak.
                Map.entry("ratio-batch-1", (p70 + kvPerToken(80) * context) / 3.35e12 / (2 * (p70 - 2 * table70) / 1979e12)),
                Map.entry("ratio-batch-64", (((p70 - 2 * table70) * 0.5 + 2 * table70) / 3.35e12
                        + 64 * kvPerToken(80) * context / 3.35e12) / 64 / (2 * (p70 - 2 * table70) / 1979e12)),
                Map.entry("prefill-utilization", 100.0),
                Map.entry("decode-8b-bf16-mi300x", 5.3e12 / (2 * (p8 - table8) + kvPerToken(32) * context)),
                Map.entry("critical-batch-8b-bf16-a100", 312e12 / 2.039e12),
                // Below the critical batch an output token costs (weights ÷ b + KV) ÷ bandwidth; an input token
                // 2 FLOPs per weight at peak (no output head: only a prompt's last token needs logits) plus causal
                // attention. Their ratio falls to r at b = (weights ÷ bw) ÷ (r × input − KV ÷ bw).
                Map.entry("implied-batch-8b-ratio-5", impliedBatch(5, 2 * (p8 - table8), kvPerToken(32) * context,
                        3.35e12, (2 * (p8 - 2 * table8) + attentionFlopsPerPromptToken(32, 4096, 1024)) / 989.5e12)),
                Map.entry("implied-batch-70b-fp8-h200-ratio-4", impliedBatch(4, (p70 - 2 * table70) + 2 * table70,
                        kvPerToken(80) * context, 4.8e12, 2 * (p70 - 2 * table70) / 1979e12
                                + attentionFlopsPerPromptToken(80, 8192, 1024) / 989.5e12)));
        assertThat(byHand.keySet()).containsExactlyInAnyOrderElementsOf(Exercise.BUILT_IN.stream().map(Exercise::id).toList());
        for (Exercise e : Exercise.BUILT_IN) {
            double engine = answer(e.id());
            assertThat(e.accepts(byHand.get(e.id()), engine)).as(e.id() + ": by hand " + byHand.get(e.id())
                    + ", engine " + engine).isTrue();
        }
    }

    @Test
    void anAnswerIsAcceptedWithinItsToleranceOnly() {
        Exercise e = Exercise.BUILT_IN.get(0);
        assertThat(e.accepts(295.4, 295.37)).isTrue();
        assertThat(e.accepts(300.0, 295.37)).isTrue(); // 1.6 % off, within 2 %
        assertThat(e.accepts(310.0, 295.37)).isFalse();
        assertThat(e.accepts(Double.NaN, 295.37)).isFalse();
        assertThatThrownBy(() -> new Exercise("Bad Id", "x", e.scenario(), e.quantity(), 0.1)).hasMessageContaining("id");
        assertThatThrownBy(() -> new Exercise("ok", "x", e.scenario(), e.quantity(), 0)).hasMessageContaining("tolerance");
    }
}
