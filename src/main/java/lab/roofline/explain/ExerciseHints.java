package lab.roofline.explain;

import java.util.Locale;
import lab.roofline.engine.roofline.AttentionLayout;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.teaching.Exercise;

/**
 * An exercise's hint: the formula that answers it, with the exercise's own values put in, stopping short of
 * the result (that is the learner's to work out). Built from the evaluation the answer is read from, so the
 * values are the ones the answer used, and the arithmetic on them as printed gives the answer (issue 25): a
 * formula that leaves out a term the engine counts (16-bit tables, activations, communication) would not.
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
        Evaluation.Roof roof = e.currentRoof();
        return switch (exercise.quantity()) {
            case RIDGE_FLOPS_PER_BYTE -> new Hint("ridge = peak FLOP/s ÷ memory bandwidth",
                    Units.si(roof.peakFlopsPerSecond(), "FLOP/s") + " ÷ " + Units.si(roof.bandwidthBytesPerSecond(), "B/s"));
            case DECODE_TOKENS_PER_SECOND_PER_SEQUENCE -> decodeSpeed(e, false);
            case TIME_PER_OUTPUT_TOKEN_MS -> decodeSpeed(e, true);
            case CRITICAL_BATCH -> criticalBatch(e);
            case MAX_BATCH -> maxBatch(e);
            case KV_CACHE_GB_PER_SEQUENCE -> kvCache(e.scenario());
            case OUTPUT_INPUT_RATIO -> ratio(e);
            case PREFILL_COMPUTE_UTILIZATION_PERCENT -> prefillUtilization(e.prefill());
            case IMPLIED_BATCH -> impliedBatch(exercise, e);
        };
    }

    /** Whether a decode step is all memory-bound reads on its devices: nothing computes, talks, waits or drafts. */
    private static boolean onlyReads(PhaseCost d, double tokensPerStep) {
        return d.computeBoundSeconds() == 0 && d.communicationSeconds() == 0 && d.overheadSeconds() == 0
                && d.draftSeconds() == 0 && tokensPerStep == 1;
    }

    /**
     * One sequence's decode speed (tokens/s) or time per output token. All reads, a step is the bytes it moves
     * over the bandwidth; else its time term by term (compute-bound terms, communication, overhead, a draft).
     */
    private static Hint decodeSpeed(Evaluation e, boolean asTime) {
        PhaseCost d = e.decode();
        double perStep = e.scenario().speculation().expectedTokensPerStep();
        if (onlyReads(d, perStep)) {
            String bandwidth = Units.si(d.matmul().bandwidthBytesPerSecond(), "B/s");
            String moved = "(" + bytes(d.weightBytes()) + " of weights + " + bytes(d.kvReadBytes()) + " of KV cache + "
                    + bytes(d.bytes() - d.weightBytes() - d.kvReadBytes()) + " of activations and new KV entries)";
            String why = "memory-bound, a decode step moves every weight, the KV cache, the activations and the new KV "
                    + "entries once and gives each sequence one token: ";
            return asTime ? new Hint(why + "time = bytes moved ÷ bandwidth", moved + " ÷ " + bandwidth)
                    : new Hint(why + "tokens/s per sequence = bandwidth ÷ bytes moved", bandwidth + " ÷ " + moved);
        }
        Derivations.Derivation step = Derivations.phaseTime(d);
        String tokens = Units.sig3(perStep).replaceAll("\\.0+$", "");
        return asTime ? new Hint("time per output token = step time ÷ tokens per step, with step " + step.formula(),
                "(" + step.substituted() + ") ÷ " + tokens)
                : new Hint("tokens/s per sequence = tokens per step ÷ step time, with step " + step.formula(),
                tokens + " ÷ (" + step.substituted() + ")");
    }

    /** The critical batch: the engine's own operands, with the bytes moved per weight a sequence uses. */
    private static Hint criticalBatch(Evaluation e) {
        Scenario s = e.scenario();
        Evaluation.CriticalBatchFormula f = e.criticalBatchFormula();
        boolean widerTables = s.tableBytesPerValue() > s.weightPrecision().bytesPerValue();
        String formula = "each weight a sequence uses does 2 FLOPs per token checked: b* = ridge × bytes moved per "
                + "weight used ÷ 2 FLOPs, where a step at b* moves the weights" + (widerTables ? " (the tables at "
                + trim(s.tableBytesPerValue() * 8) + " bits)" : "") + " and each sequence's embedding row, activations "
                + "and new KV entries";
        if (f == null) {
            return new Hint(formula, "none: decode never turns compute-bound");
        }
        Evaluation.Roof roof = e.currentRoof();
        int checked = s.speculation().verifiedTokens();
        return new Hint(formula, "(" + Units.si(roof.peakFlopsPerSecond(), "FLOP/s") + " ÷ "
                + Units.si(roof.bandwidthBytesPerSecond(), "B/s") + ") × " + Units.sig3(f.bytesPerWeightUsed()) + " B ÷ "
                + (checked == 1 ? "2" : "(2 × " + checked + " tokens checked)"));
    }

    /**
     * The largest batch that fits: memory left beside the weights over one full-length sequence's KV cache (a
     * draft model's weights and cache count too). Four digits: the difference of two close numbers keeps three.
     */
    public static Hint maxBatch(Evaluation e) {
        Evaluation.MemoryUse m = e.memory();
        return new Hint("largest batch = (memory − weights) ÷ KV cache of one full-length sequence, rounded down",
                "(" + Units.si(m.capacityBytes(), "B", 4) + " − " + Units.si(m.weightBytes(), "B", 4) + ") ÷ "
                        + Units.si(Exercise.kvCachePerSequence(e), "B", 4));
    }

    /** One full-length sequence's KV cache, layer by layer (and its draft model's, with one). */
    private static Hint kvCache(Scenario s) {
        double tokens = s.promptTokens() + s.generatedTokens();
        ModelSpec m = s.model();
        String perLayer = m.attention().isLatent() ? "(latent values × bytes per value)"
                : "(2 (K and V) × KV heads × head size × bytes per value)";
        String layers = m.attention().slides() ? "(tokens × full layers + window × sliding layers)" : "tokens × layers";
        String values = kvCache(m, s.kvPrecision(), tokens);
        if (s.speculation().isOn()) {
            values += " + " + kvCache(s.speculation().draftModel(), s.kvPrecision(), tokens) + " of the draft's cache";
        }
        return new Hint("KV cache = " + layers + " × " + perLayer, values);
    }

    private static String kvCache(ModelSpec m, Precision p, double tokens) {
        AttentionLayout a = m.attention();
        String bytesPerValue = trim(p.bytesPerValue()) + " B)";
        String perLayer = a.isLatent() ? "(" + a.latentDim() + " latent values × " + bytesPerValue
                : "(2 × " + m.kvHeads() + " KV heads × " + m.headDim() + " × " + bytesPerValue;
        int sliding = a.slidingLayers();
        if (sliding == 0) {
            return count(tokens) + " tokens × " + m.layers() + " layers × " + perLayer;
        }
        String window = count(Math.min(tokens, a.slidingWindowTokens())) + " tokens × " + sliding + " sliding layers";
        return (sliding == m.layers() ? window : "(" + count(tokens) + " tokens × " + (m.layers() - sliding)
                + " full layers + " + window + ")") + " × " + perLayer;
    }

    /** Output over input cost per token: a decode step's time per token it yields over prefill's per prompt token. */
    private static Hint ratio(Evaluation e) {
        Scenario s = e.scenario();
        double perStep = s.speculation().expectedTokensPerStep();
        boolean drafted = s.speculation().isOn();
        return new Hint("ratio = (decode step time ÷ " + (drafted ? "(batch × tokens per step)" : "batch")
                + ") ÷ (prefill time ÷ prompt tokens)",
                "(" + Units.seconds(e.decode().seconds()) + " ÷ " + (drafted ? "(" + s.batchSize() + " × "
                        + Units.sig3(perStep) + ")" : s.batchSize()) + ") ÷ (" + Units.seconds(e.prefill().seconds())
                        + " ÷ " + count(e.prefill().tokens()) + ")");
    }

    /**
     * Prefill's compute utilization: the time its FLOPs take at the peaks they run at (100 %), over the time it
     * takes, term by term.
     */
    private static Hint prefillUtilization(PhaseCost p) {
        Derivations.Derivation time = Derivations.phaseTime(p);
        String peak = Units.si(p.nominalPeakFlopsPerSecond(), "FLOP/s");
        if (p.nominalAttentionPeakFlopsPerSecond() == p.nominalPeakFlopsPerSecond()) {
            return new Hint("utilization = FLOPs ÷ peak ÷ time, with " + time.formula(),
                    Units.si(p.flops(), "FLOP") + " ÷ " + peak + " ÷ (" + time.substituted() + ")");
        }
        return new Hint("utilization = (matmul FLOPs ÷ peak + attention FLOPs ÷ attention's peak) ÷ time, with "
                + time.formula(), "(" + Units.si(p.matmul().flops(), "FLOP") + " ÷ " + peak + " + "
                + Units.si(p.attention().flops(), "FLOP") + " ÷ " + Units.si(p.nominalAttentionPeakFlopsPerSecond(), "FLOP/s")
                + ") ÷ (" + time.substituted() + ")");
    }

    /**
     * The implied batch, with the values at that batch (the weights a mixture of experts reads there, prefill's
     * time per token there). All reads, a step is the weights plus b sequences' own bytes over the bandwidth, so b
     * solves (weights ÷ bandwidth + fixed time) ÷ b + a sequence's bytes ÷ bandwidth = ratio × input time; else
     * b = step time ÷ (tokens per step × ratio × input time), true at that batch.
     */
    private static Hint impliedBatch(Exercise exercise, Evaluation e) {
        String formula = "below the critical batch an output token takes (weights ÷ b + a sequence's KV cache, "
                + "activations and new KV entries) ÷ bandwidth; set that to ratio × input time per token: b = (weights ÷ "
                + "bandwidth) ÷ (ratio × input time − a sequence's bytes ÷ bandwidth)";
        Exercise.AtBatch at = exercise.atImpliedBatch(e);
        if (at == null) {
            return new Hint(formula, "none: no batch brings the ratio down to " + trim(exercise.priceRatio()));
        }
        PhaseCost d = at.decodeStep();
        String input = Units.seconds(at.prefill().seconds() / at.prefill().tokens());
        String ratio = trim(exercise.priceRatio());
        double perStep = e.scenario().speculation().expectedTokensPerStep();
        if (!onlyReadsButTalk(d, perStep)) {
            return new Hint("b = decode step time at b ÷ (tokens per step × ratio × input time per token)",
                    Units.seconds(d.seconds()) + " ÷ (" + Units.sig3(perStep) + " × " + ratio + " × " + input + ")");
        }
        String bandwidth = Units.si(d.matmul().bandwidthBytesPerSecond(), "B/s");
        double fixed = d.communicationSeconds() + d.overheadSeconds();
        return new Hint(formula, "(" + bytes(d.weightBytes()) + " ÷ " + bandwidth
                + (fixed > 0 ? " + " + Units.seconds(fixed) + " of communication and overhead" : "") + ") ÷ (" + ratio
                + " × " + input + " − " + bytes((d.bytes() - d.weightBytes()) / at.batch()) + " ÷ " + bandwidth + ")");
    }

    /** All memory-bound reads, though communication and overhead may add to the step. */
    private static boolean onlyReadsButTalk(PhaseCost d, double tokensPerStep) {
        return d.computeBoundSeconds() == 0 && d.draftSeconds() == 0 && tokensPerStep == 1;
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
