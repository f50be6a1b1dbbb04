package lab.roofline.engine.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioInputs;

/**
 * A claim people believe about inference and two scenarios that break it (issue 14, misconception
 * checks): the card sets "before" and "after", and the evidence says, in the two evaluations' own numbers,
 * why the claim fails.
 *
 * @param breaks   true when the two evaluations contradict the claim (each card's test checks it)
 * @param evidence the numbers that contradict it, in a sentence
 */
public record Misconception(String id, String claim, String truth, ScenarioInputs before, ScenarioInputs after,
                            BiPredicate<Evaluation, Evaluation> breaks,
                            BiFunction<Evaluation, Evaluation, String> evidence) {

    /**
     * What the card changes between its two scenarios, as two short labels ("batch 1", "batch 16"): the
     * buttons that set them say what they set.
     */
    public List<String> change() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        differ(a, b, in -> "batch " + in.batchSize());
        differ(a, b, in -> in.precision().label());
        differ(a, b, in -> in.gpuCount() + (in.gpuCount() == 1 ? " GPU" : " GPUs"));
        differ(a, b, in -> String.format(Locale.ROOT, "%,d-token prompt", in.promptTokens()));
        differ(a, b, in -> "peak FLOP/s ×" + Units.sig3(in.scales().peak()).replaceAll("\\.0+$", ""));
        differ(a, b, in -> "bandwidth ×" + Units.sig3(in.scales().bandwidth()).replaceAll("\\.0+$", ""));
        return List.of(a.isEmpty() ? "before" : String.join(", ", a), b.isEmpty() ? "after" : String.join(", ", b));
    }

    /** Adds an input's label for each scenario when the two differ in it. */
    private void differ(List<String> a, List<String> b, Function<ScenarioInputs, String> label) {
        String before = label.apply(this.before);
        String after = label.apply(this.after);
        if (!before.equals(after)) {
            a.add(before);
            b.add(after);
        }
    }

    private static ScenarioInputs on(String gpu, ModelSpec m, Precision p, int batch, int devices, RealismMode realism) {
        return ScenarioInputs.ofPreset(gpu, m, p, false, batch, 1024, 256, devices, realism);
    }

    private static String tps(double v) {
        return Units.sig3(v) + " tokens/s";
    }

    public static final List<Misconception> BUILT_IN = List.of(
            new Misconception("bigger-batch-slower",
                    "A bigger batch makes each token slower to generate.",
                    "Decode is memory-bound: the weights are read once per step whatever the batch, so until the "
                            + "critical batch each sequence keeps almost its batch-1 speed while the GPU's output multiplies.",
                    on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1, RealismMode.IDEAL),
                    on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 16, 1, RealismMode.IDEAL),
                    (a, b) -> b.decode().tokensPerSecondPerSequence() > 0.8 * a.decode().tokensPerSecondPerSequence()
                            && b.decode().tokensPerSecond() > 10 * a.decode().tokensPerSecond(),
                    (a, b) -> String.format(Locale.ROOT, "Batch 1: %s per sequence. Batch 16: %s per sequence, %s in all (%s×).",
                            tps(a.decode().tokensPerSecondPerSequence()), tps(b.decode().tokensPerSecondPerSequence()),
                            tps(b.decode().tokensPerSecond()), Units.sig3(b.decode().tokensPerSecond() / a.decode().tokensPerSecond()))),
            new Misconception("decode-set-by-flops",
                    "Decode speed is set by the GPU's FLOP/s.",
                    "At small batches decode does about 2 FLOPs per weight byte, far below the ridge: twice the FLOP/s "
                            + "changes nothing, twice the bandwidth nearly doubles it.",
                    on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1, RealismMode.IDEAL),
                    on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1, RealismMode.IDEAL)
                            .withScales(new HardwareScales(1, 2, 1)),
                    (a, b) -> Math.abs(b.decode().tokensPerSecond() / a.decode().tokensPerSecond() - 1) < 0.01,
                    (a, b) -> String.format(Locale.ROOT, "Twice the peak FLOP/s: %s before, %s after.",
                            tps(a.decode().tokensPerSecond()), tps(b.decode().tokensPerSecond()))),
            new Misconception("quantizing-only-saves-memory",
                    "Quantizing the weights only saves memory.",
                    "Memory-bound decode reads every weight each step: half the bytes per weight is nearly twice the speed.",
                    on("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1, RealismMode.IDEAL),
                    on("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.INT8, 1, 1, RealismMode.IDEAL),
                    (a, b) -> b.decode().tokensPerSecond() > 1.6 * a.decode().tokensPerSecond(),
                    (a, b) -> String.format(Locale.ROOT, "BF16: %s. INT8: %s (%s×).", tps(a.decode().tokensPerSecond()),
                            tps(b.decode().tokensPerSecond()), Units.sig3(b.decode().tokensPerSecond() / a.decode().tokensPerSecond()))),
            new Misconception("eight-gpus-eight-times",
                    "Eight GPUs make a token eight times faster.",
                    "Each layer's all-reduces and the fixed cost of launching its kernels do not shrink with more GPUs: "
                            + "a small model's batch-1 step gains far less than eightfold.",
                    on("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1, RealismMode.REALISTIC),
                    on("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 8, RealismMode.REALISTIC),
                    (a, b) -> b.decode().tokensPerSecond() < 4 * a.decode().tokensPerSecond(),
                    (a, b) -> String.format(Locale.ROOT, "One H100: %s. Eight: %s (%s×).", tps(a.decode().tokensPerSecond()),
                            tps(b.decode().tokensPerSecond()), Units.sig3(b.decode().tokensPerSecond() / a.decode().tokensPerSecond()))),
            new Misconception("input-cheap-because-short",
                    "Input tokens are cheap because prompts are short.",
                    "They are cheap per token because a prompt's tokens share each weight read: a prompt 32 times longer "
                            + "costs no more per token (a short one costs more: fewer tokens share the reads), and both far "
                            + "below an output token.",
                    on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1, RealismMode.IDEAL).withTokens(128, 256),
                    on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1, RealismMode.IDEAL).withTokens(4096, 256),
                    (a, b) -> b.cost().inputSecondsPerToken() < 1.5 * a.cost().inputSecondsPerToken()
                            && b.cost().outputToInputRatio() > 50,
                    (a, b) -> String.format(Locale.ROOT, "128-token prompt: %s per input token. 4,096 tokens: %s per "
                                    + "input token; an output token costs %s× that.", Units.seconds(a.cost().inputSecondsPerToken()),
                            Units.seconds(b.cost().inputSecondsPerToken()), Units.sig3(b.cost().outputToInputRatio()))));
}
