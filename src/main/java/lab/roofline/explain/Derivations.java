package lab.roofline.explain;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Interconnect;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;

/**
 * "Show your work": each headline number with the formula it came from (in the words of docs/model.md)
 * and the values substituted. Built from the same evaluation, so the work and the number always agree.
 */
public final class Derivations {
    private Derivations() {
    }

    public enum Quantity {
        RIDGE, DECODE_THROUGHPUT, COMPUTE_UTILIZATION, TIME_PER_OUTPUT_TOKEN, INPUT_COST, OUTPUT_COST, RATIO, MEMORY
    }

    /** formula in words; the same with numbers; the result as shown. */
    public record Derivation(String formula, String substituted, String result) {
        public String text() {
            return formula + "\n= " + substituted + "\n= " + result;
        }
    }

    public static Map<Quantity, Derivation> of(Evaluation e) {
        Map<Quantity, Derivation> out = new EnumMap<>(Quantity.class);
        Evaluation.Roof roof = e.currentRoof();
        Scenario s = e.scenario();
        PhaseCost d = e.decode();
        out.put(Quantity.RIDGE, new Derivation("ridge = peak FLOP/s ÷ bandwidth",
                si(roof.peakFlopsPerSecond(), "FLOP/s") + " ÷ " + si(roof.bandwidthBytesPerSecond(), "B/s"),
                Units.sig3(e.ridgeFlopsPerByte()) + " FLOP/byte (× " + trim(s.weightPrecision().bytesPerValue())
                        + " bytes per " + s.weightPrecision().label() + " value = " + Units.sig3(e.ridgeFlopsPerValue())
                        + " FLOPs per value)"));
        double perStep = s.speculation().expectedTokensPerStep();
        boolean drafted = s.speculation().isOn();
        Derivation step = phaseTime(d);
        // Speculative decoding: a step yields (1 − a^(k+1)) / (1 − a) tokens per sequence.
        out.put(Quantity.TIME_PER_OUTPUT_TOKEN, drafted ? new Derivation("(" + step.formula() + ") ÷ tokens per step",
                "(" + step.substituted() + ") ÷ " + Units.sig3(perStep), Units.seconds(d.seconds() / perStep)) : step);
        out.put(Quantity.DECODE_THROUGHPUT, new Derivation(drafted ? "tokens/s = batch × tokens per step ÷ step time"
                : "tokens/s = batch ÷ step time",
                s.batchSize() + (drafted ? " × " + Units.sig3(perStep) : "") + " ÷ " + Units.seconds(d.seconds()),
                Units.sig3(d.tokensPerSecond()) + " tokens/s (" + Units.sig3(d.tokensPerSecondPerSequence())
                        + " per sequence)"));
        out.put(Quantity.COMPUTE_UTILIZATION, utilization(d));
        Evaluation.Cost c = e.cost();
        costs(out, e);
        out.put(Quantity.RATIO, new Derivation("output ÷ input = (step time ÷ " + (drafted ? "(batch × tokens per step)" : "batch")
                + ") ÷ (prefill time ÷ prompt tokens)",
                Units.seconds(c.outputSecondsPerToken()) + " ÷ " + Units.seconds(c.inputSecondsPerToken()),
                Units.times(c.outputToInputRatio())));
        out.put(Quantity.MEMORY, memory(e));
        return out;
    }

    /** What an input and an output token cost: USD with a price, GPU time without. */
    private static void costs(Map<Quantity, Derivation> out, Evaluation e) {
        Scenario s = e.scenario();
        PhaseCost d = e.decode();
        double perStep = s.speculation().expectedTokensPerStep();
        boolean drafted = s.speculation().isOn();
        Evaluation.Cost c = e.cost();
        if (c.hasPrice()) {
            out.put(Quantity.INPUT_COST, new Derivation(
                    "input $ per 1M = price per hour ÷ 3600 × prefill time ÷ prompt tokens × 1M",
                    Units.usd(c.priceUsdPerHour()) + " ÷ 3600 × " + Units.seconds(e.prefill().seconds()) + " ÷ "
                            + count(e.prefill().tokens()) + " × 1M",
                    Units.usd(c.inputUsdPerMillionTokens())));
            out.put(Quantity.OUTPUT_COST, new Derivation(
                    "output $ per 1M = price per hour ÷ 3600 × step time ÷ " + (drafted ? "(batch × tokens per step)" : "batch")
                            + " × 1M",
                    Units.usd(c.priceUsdPerHour()) + " ÷ 3600 × " + Units.seconds(d.seconds()) + " ÷ "
                            + (drafted ? "(" + s.batchSize() + " × " + Units.sig3(perStep) + ")" : s.batchSize()) + " × 1M",
                    Units.usd(c.outputUsdPerMillionTokens())));
        } else {
            boolean several = s.gpuCount() > 1;
            out.put(Quantity.INPUT_COST, new Derivation(several
                    ? "GPU time per input token = prefill time × devices ÷ prompt tokens"
                    : "GPU time per input token = prefill time ÷ prompt tokens",
                    Units.seconds(e.prefill().seconds()) + (several ? " × " + s.gpuCount() : "") + " ÷ "
                            + count(e.prefill().tokens()),
                    Units.seconds(c.inputGpuSecondsPerToken())));
            String tokens = drafted ? "(batch × tokens per step)" : "batch";
            out.put(Quantity.OUTPUT_COST, new Derivation(several
                    ? "GPU time per output token = step time × devices ÷ " + tokens : "GPU time per output token = step time ÷ " + tokens,
                    Units.seconds(d.seconds()) + (several ? " × " + s.gpuCount() : "") + " ÷ "
                            + (drafted ? "(" + s.batchSize() + " × " + Units.sig3(perStep) + ")" : s.batchSize()),
                    Units.seconds(c.outputGpuSecondsPerToken())));
        }
    }

    /** The memory the weights and the batch's KV cache take. */
    private static Derivation memory(Evaluation e) {
        Scenario s = e.scenario();
        Evaluation.MemoryUse m = e.memory();
        boolean slides = s.model().attention().slides();
        return new Derivation(
                slides ? "memory = parameters × bytes per weight + batch × KV cache of one sequence (sliding layers "
                        + "keep only their window)"
                        : "memory = parameters × bytes per weight + batch × (prompt + generated) × KV bytes per token",
                weightsTerm(e) + " + " + s.batchSize() + " × " + (slides
                        ? si(s.model().kvCacheBytes(s.promptTokens() + s.generatedTokens(), s.kvPrecision()), "B")
                        : (s.promptTokens() + s.generatedTokens()) + " × "
                        + si(s.model().kvCacheBytesPerToken(s.kvPrecision()), "B")),
                si(m.totalBytes(), "B") + " of " + si(m.capacityBytes(), "B")
                        + (s.gpuCount() > 1 ? " (" + si(m.totalBytes() / s.gpuCount(), "B") + " per device)" : ""));
    }

    /**
     * The weights' bytes: parameters × bytes per weight, or, when the embedding tables keep 16 bits (INT8,
     * FP8 and narrower weights), the weights' bytes as the engine counts them and the bytes per weight
     * they come to, so the formula gives the printed total.
     */
    private static String weightsTerm(Evaluation e) {
        Scenario s = e.scenario();
        double params = s.model().totalParameters();
        double bytesPerWeight = s.weightPrecision().bytesPerValue();
        double weightBytes = e.memory().weightBytes();
        if (Math.abs(weightBytes - params * bytesPerWeight) <= 0.001 * weightBytes) {
            return Units.parameterCount(params) + " × " + trim(bytesPerWeight) + " B";
        }
        String why = s.speculation().isOn() ? "with the draft model's weights" : s.weightPrecision().label()
                + " with 16-bit embedding tables";
        return Units.parameterCount(params) + " × " + String.format(Locale.ROOT, "%.3f", weightBytes / params)
                + " B (" + why + ")";
    }

    /** The time of one phase (prefill or a decode step), term by term, with communication and overhead when there are any. */
    public static Derivation phaseTime(PhaseCost p) {
        Derivation roof = roofTime(p);
        StringBuilder formula = new StringBuilder(roof.formula());
        StringBuilder values = new StringBuilder(roof.substituted());
        if (p.communicationSeconds() > 0) {
            formula.append(" + communication");
            values.append(" + ").append(Units.seconds(p.communicationSeconds())).append(" communication");
        }
        if (p.overheadSeconds() > 0) {
            formula.append(" + overhead");
            values.append(" + ").append(Units.seconds(p.overheadSeconds())).append(" overhead");
        }
        if (p.draftSeconds() > 0) {
            formula.append(" + draft steps");
            values.append(" + ").append(Units.seconds(p.draftSeconds())).append(" draft");
        }
        return new Derivation(formula.toString(), values.toString(), Units.seconds(p.seconds()));
    }

    /**
     * The roofline terms of one phase (and the unfused elementwise kernels' reads, when counted): the time
     * before communication and overhead.
     */
    public static Derivation roofTime(PhaseCost p) {
        StringBuilder formula = new StringBuilder(
                "time = max(matmul FLOPs ÷ peak, bytes ÷ bandwidth) + max(attention FLOPs ÷ peak, bytes ÷ bandwidth)");
        StringBuilder values = new StringBuilder("max(" + Units.seconds(p.matmul().computeSeconds()) + ", "
                + Units.seconds(p.matmul().memorySeconds()) + ") + max(" + Units.seconds(p.attention().computeSeconds())
                + ", " + Units.seconds(p.attention().memorySeconds()) + ")");
        if (p.elementwiseBytes() > 0) {
            formula.append(" + elementwise");
            values.append(" + ").append(Units.seconds(p.elementwiseSeconds())).append(" elementwise");
        }
        return new Derivation(formula.toString(), values.toString(), Units.seconds(p.roofSeconds()));
    }

    /**
     * Communication of one phase: the tensor-parallel all-reduces (two per layer, a ring of 2(N−1) hops) and
     * the sends between pipeline stages; null on one device.
     */
    public static Derivation communication(Scenario s, PhaseCost p) {
        if (p.communicationSeconds() <= 0) {
            return null;
        }
        Interconnect link = s.gpu().link();
        int n = s.tensorParallel();
        double perToken = s.model().hiddenSize() * 2.0;
        String formula = n > 1
                ? "all-reduce = 2(N−1)/N × tokens × d_model × 2 B ÷ link bandwidth + 2(N−1) × hop latency, twice per layer"
                : "send = tokens × d_model × 2 B ÷ link bandwidth + hop latency, between stages";
        String values = (n > 1 ? "2 × " + (n - 1) + "/" + n + " × " : "") + count(p.tokens() / Math.min(p.sequences(), s.pipelineStages())) + " × "
                + s.model().hiddenSize() + " × 2 B ÷ " + si(link.bandwidthBytesPerSecond(), "B/s")
                + (n > 1 ? " + " + 2 * (n - 1) + " × " : " + ") + Units.seconds(link.latencySeconds())
                + " on " + link.name();
        return new Derivation(formula, values, Units.seconds(p.communicationSeconds()) + " in all ("
                + si(perToken, "B") + " per token per all-reduce)");
    }

    /** Compute utilization of one phase. */
    public static Derivation utilization(PhaseCost p) {
        double matmulPeak = p.nominalPeakFlopsPerSecond();
        double attentionPeak = p.nominalAttentionPeakFlopsPerSecond();
        if (attentionPeak == matmulPeak || p.attention().flops() == 0) {
            return new Derivation("utilization = FLOPs ÷ time ÷ peak",
                    si(p.flops(), "FLOP") + " ÷ " + Units.seconds(p.seconds()) + " ÷ " + si(matmulPeak, "FLOP/s"),
                    Units.percent(p.computeUtilization()));
        }
        // Attention runs at its own peak (a 16-bit KV cache under INT8 or FP8 weights): each part over its own.
        return new Derivation("utilization = (matmul FLOPs ÷ its peak + attention FLOPs ÷ its peak) ÷ time",
                "(" + si(p.matmul().flops(), "FLOP") + " ÷ " + si(matmulPeak, "FLOP/s") + " + "
                        + si(p.attention().flops(), "FLOP") + " ÷ " + si(attentionPeak, "FLOP/s") + ") ÷ "
                        + Units.seconds(p.seconds()),
                Units.percent(p.computeUtilization()));
    }

    private static String si(double v, String unit) {
        return Units.si(v, unit);
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
