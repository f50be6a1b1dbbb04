package lab.roofline.explain;

import java.util.Locale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;

/**
 * An exercise's hint: the formula that answers it, with the exercise's own values put in, stopping short of
 * the result (that is the learner's to work out). Built from the evaluation the answer is read from, so the
 * values are the ones the answer used.
 */
public final class ExerciseHints {
    private ExerciseHints() {
    }

    /** The formula in words and the same with the scenario's values. */
    public record Hint(String formula, String withValues) {
        public String text() {
            return formula + "\n= " + withValues;
        }
    }

    public static Hint of(Exercise exercise, Evaluation e) {
        Scenario s = e.scenario();
        Evaluation.Roof roof = e.currentRoof();
        String peak = Units.si(roof.peakFlopsPerSecond(), "FLOP/s");
        String bandwidth = Units.si(roof.bandwidthBytesPerSecond(), "B/s");
        PhaseCost d = e.decode();
        double weights = d.matmul().weightBytes();
        double kvRead = d.attention().kvReadBytes();
        return switch (exercise.quantity()) {
            case RIDGE_FLOPS_PER_BYTE -> new Hint("ridge = peak FLOP/s ÷ memory bandwidth", peak + " ÷ " + bandwidth);
            case DECODE_TOKENS_PER_SECOND_PER_SEQUENCE -> new Hint(
                    "memory-bound, a decode step reads every weight and the KV cache once and gives each sequence one "
                            + "token: tokens/s per sequence = bandwidth ÷ bytes read",
                    bandwidth + " ÷ (" + bytes(weights) + " of weights + " + bytes(kvRead) + " of KV cache)");
            case TIME_PER_OUTPUT_TOKEN_MS -> new Hint(
                    "memory-bound, a decode step reads every weight and the KV cache once and gives each sequence one "
                            + "token: time = bytes read ÷ bandwidth",
                    "(" + bytes(weights) + " of weights + " + bytes(kvRead) + " of KV cache) ÷ " + bandwidth);
            case CRITICAL_BATCH -> new Hint("each weight value read does 2 FLOPs per sequence: b* ≈ ridge × bytes per "
                    + "weight ÷ 2 FLOPs", "(" + peak + " ÷ " + bandwidth + ") × " + trim(s.weightPrecision().bytesPerValue())
                    + " B (" + s.weightPrecision().label() + ") ÷ 2");
            case MAX_BATCH -> maxBatch(e);
            case KV_CACHE_GB_PER_SEQUENCE -> new Hint(
                    "KV cache = tokens × layers × 2 (K and V) × KV heads × head size × bytes per value",
                    count(s.promptTokens() + s.generatedTokens()) + " tokens × " + bytes(
                            s.model().kvCacheBytesPerToken(s.kvPrecision())) + " per token (" + s.model().layers()
                            + " layers, " + s.kvPrecision().label() + ")");
            case OUTPUT_INPUT_RATIO -> new Hint("ratio = (decode step time ÷ batch) ÷ (prefill time ÷ prompt tokens)",
                    "(" + Units.seconds(d.seconds()) + " ÷ " + s.batchSize() + ") ÷ (" + Units.seconds(e.prefill().seconds())
                            + " ÷ " + count(e.prefill().tokens()) + ")");
            case PREFILL_COMPUTE_UTILIZATION_PERCENT -> {
                PhaseCost p = e.prefill();
                yield new Hint("utilization = FLOPs ÷ time ÷ peak, with time = max(FLOPs ÷ peak, bytes ÷ bandwidth) per term",
                        Units.si(p.flops(), "FLOP") + " ÷ max(" + Units.si(p.flops(), "FLOP") + " ÷ " + peak + ", "
                                + bytes(p.matmul().bytes() + p.attention().bytes()) + " ÷ " + bandwidth + ") ÷ " + peak);
            }
            case IMPLIED_BATCH -> {
                double inputSeconds = e.prefill().seconds() / e.prefill().tokens();
                double kvPerSequence = kvRead / s.batchSize();
                yield new Hint("below the critical batch an output token takes (weights ÷ b + KV cache of a sequence) ÷ "
                        + "bandwidth; set that to ratio × input time per token: b = (weights ÷ bandwidth) ÷ (ratio × "
                        + "input time − KV ÷ bandwidth)",
                        "(" + bytes(weights) + " ÷ " + bandwidth + ") ÷ (" + trim(exercise.priceRatio()) + " × "
                                + Units.seconds(inputSeconds) + " − " + bytes(kvPerSequence) + " ÷ " + bandwidth + ")");
            }
        };
    }

    /** The largest batch that fits: memory left beside the weights over one full-length sequence's KV cache. */
    public static Hint maxBatch(Evaluation e) {
        Scenario s = e.scenario();
        Evaluation.MemoryUse m = e.memory();
        double perSequence = s.model().kvCacheBytes(s.promptTokens() + s.generatedTokens(), s.kvPrecision());
        return new Hint("largest batch = (memory − weights) ÷ KV cache of one full-length sequence, rounded down",
                "(" + bytes(m.capacityBytes()) + " − " + bytes(m.weightBytes()) + ") ÷ " + bytes(perSequence));
    }

    private static String bytes(double v) {
        return Units.si(v, "B");
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
