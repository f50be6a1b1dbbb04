package lab.roofline.engine.teaching;

import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioInputs;

/**
 * A question with a numeric answer the engine computes from the exercise's own scenario, never typed in by
 * hand (issue 14, exercises): the answer changes when the model does, and a hint shows the formula.
 *
 * @param id                a short stable name ("critical-batch-h100")
 * @param text              the question as a learner reads it
 * @param scenario          the scenario the answer is computed on
 * @param quantity          what is asked
 * @param relativeTolerance how far a given answer may be from the computed one, as a fraction of it
 * @param priceRatio        the API's output : input price ratio an {@link Quantity#IMPLIED_BATCH} exercise
 *                          asks about; NaN for every other quantity
 */
public record Exercise(String id, String text, ScenarioInputs scenario, Quantity quantity, double relativeTolerance,
                       double priceRatio) {

    /** What an exercise can ask: each a number read from one evaluation, with its unit. */
    public enum Quantity {
        RIDGE_FLOPS_PER_BYTE("FLOP/byte"),
        DECODE_TOKENS_PER_SECOND_PER_SEQUENCE("tokens/s"),
        TIME_PER_OUTPUT_TOKEN_MS("ms"),
        CRITICAL_BATCH("sequences"),
        MAX_BATCH("sequences"),
        OUTPUT_INPUT_RATIO("×"),
        KV_CACHE_GB_PER_SEQUENCE("GB"),
        PREFILL_COMPUTE_UTILIZATION_PERCENT("%"),
        /** The batch at which the scenario's output : input cost ratio comes down to an API's price ratio. */
        IMPLIED_BATCH("sequences");

        private final String unit;

        Quantity(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }

        /**
         * Whether the answer needs the model to run on the scenario's devices: a ridge point is the device's
         * alone, a KV cache's size and the critical batch the model's and the device's shapes; a speed or a
         * cost is of a model that runs.
         */
        public boolean needsTheModelToFit() {
            return this != RIDGE_FLOPS_PER_BYTE && this != KV_CACHE_GB_PER_SEQUENCE && this != CRITICAL_BATCH;
        }

        /** The name an exercise file writes: "critical_batch". */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A batch: whole sequences. */
        public boolean isBatch() {
            return this == CRITICAL_BATCH || this == MAX_BATCH || this == IMPLIED_BATCH;
        }

        /**
         * The quantity on an evaluation ({@code priceRatio}: the API ratio {@link #IMPLIED_BATCH} asks about); a
         * batch as the whole number of sequences the question means: the first whole batch that is compute-bound
         * or cheap enough (rounded up), the most that fit (rounded down).
         */
        public double of(Evaluation e, double priceRatio) {
            double unrounded = unrounded(e, priceRatio);
            return this == CRITICAL_BATCH || this == IMPLIED_BATCH ? Evaluation.firstWholeBatch(unrounded)
                    : this == MAX_BATCH ? e.memory().maxBatch() : unrounded;
        }

        /** The quantity before a batch is rounded to whole sequences (what its formula gives). */
        public double unrounded(Evaluation e, double priceRatio) {
            return switch (this) {
                case RIDGE_FLOPS_PER_BYTE -> e.ridgeFlopsPerByte();
                case DECODE_TOKENS_PER_SECOND_PER_SEQUENCE -> e.decode().tokensPerSecondPerSequence();
                case TIME_PER_OUTPUT_TOKEN_MS -> 1e3 / e.decode().tokensPerSecondPerSequence();
                case CRITICAL_BATCH -> e.criticalBatchNoContext();
                case MAX_BATCH -> (e.memory().capacityBytes() - e.memory().weightBytes()) / kvCachePerSequence(e);
                case OUTPUT_INPUT_RATIO -> e.cost().outputToInputRatio();
                case KV_CACHE_GB_PER_SEQUENCE -> kvCachePerSequence(e) / 1e9;
                case PREFILL_COMPUTE_UTILIZATION_PERCENT -> e.prefill().computeUtilization() * 100;
                case IMPLIED_BATCH -> RooflineEngine.impliedBatch(e.scenario(), priceRatio);
            };
        }
    }

    /** One full-length sequence's KV cache (and its draft model's, with one). */
    public static double kvCachePerSequence(Evaluation e) {
        return e.memory().kvCacheBytes() / e.scenario().batchSize();
    }

    /** What an id may be: lower-case letters, digits and '-', 1 to 60 of them (files and the CLI name exercises by it). */
    public static final String ID_PATTERN = "[a-z0-9-]{1,60}";
    /** The tolerance, as a fraction of the answer: below 0.1 % no typed answer could hit it; above 50 % it tests nothing. */
    public static final double MIN_TOLERANCE = 0.001;
    public static final double MAX_TOLERANCE = 0.5;

    public Exercise {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("exercise id must be 1 to 60 lower-case letters, digits or '-', got '"
                    + Units.shortened(String.valueOf(id)) + "'");
        }
        if (text == null || text.isBlank() || scenario == null || quantity == null) {
            throw new IllegalArgumentException("exercise '" + id + "' needs a text, a scenario and a quantity");
        }
        if (!(relativeTolerance >= MIN_TOLERANCE && relativeTolerance <= MAX_TOLERANCE)) {
            throw new IllegalArgumentException("exercise '" + id + "': tolerance must be from " + MIN_TOLERANCE + " to "
                    + MAX_TOLERANCE + ", got "
                    + relativeTolerance);
        }
        if (quantity == Quantity.IMPLIED_BATCH != (priceRatio > 0 && priceRatio < 1e6)) {
            throw new IllegalArgumentException("exercise '" + id + "': " + (quantity == Quantity.IMPLIED_BATCH
                    ? "an implied-batch exercise needs the API's output : input price ratio (above 0), got " + priceRatio
                    : "only an implied-batch exercise takes a price ratio"));
        }
    }

    /** An exercise about any quantity but the implied batch. */
    public Exercise(String id, String text, ScenarioInputs scenario, Quantity quantity, double relativeTolerance) {
        this(id, text, scenario, quantity, relativeTolerance, Double.NaN);
    }

    /** The evaluation the answer is read from. */
    public Evaluation evaluate(HardwareProfile gpu, Realism measured) {
        return RooflineEngine.evaluate(scenario.toScenario(gpu, measured));
    }

    /** The answer on the profile the scenario names, with the measured fractions "realistic" means. */
    public double answer(HardwareProfile gpu, Realism measured) {
        return answer(evaluate(gpu, measured));
    }

    /** The answer on an evaluation of the exercise's scenario. */
    public double answer(Evaluation e) {
        return quantity.of(e, priceRatio);
    }

    /**
     * The common mistakes a wrong answer matches, nearest first, on the evaluation the answer is read from:
     * empty for a right answer or one no mistake explains.
     */
    public List<CommonMistake.Outcome> mistakesIn(double given, Evaluation e) {
        return CommonMistake.explaining(given, answer(e), relativeTolerance, CommonMistake.outcomes(this, e));
    }

    /** An answer as shown: a whole number of sequences, else three significant figures, with the unit. */
    public String formatted(double answer) {
        String number = quantity.isBatch() ? String.format(Locale.ROOT, "%,.0f", answer) : Units.sig3(answer);
        return number + (quantity.unit().equals("%") || quantity.unit().equals("×") ? "" : " ") + quantity.unit();
    }

    /**
     * The answer on an evaluation as the answer key and `exercises --answers` show it: a batch says how it was
     * rounded to whole sequences, "73 sequences (72.4 rounded up: at batch 72 an output token still costs more than
     * 4 input tokens)"; any other answer as {@link #formatted}.
     */
    public String answerText(Evaluation e) {
        double answer = answer(e);
        double unrounded = quantity.unrounded(e, priceRatio);
        String shown = formatted(answer);
        if (!quantity.isBatch() || !Double.isFinite(unrounded) || unrounded == answer
                || (quantity == Quantity.MAX_BATCH && answer >= ScenarioLimits.MAX_BATCH)) {
            return shown;
        }
        boolean up = quantity != Quantity.MAX_BATCH;
        long before = (long) answer - 1;
        String why = switch (quantity) {
            case CRITICAL_BATCH -> String.format(Locale.ROOT, "at batch %,d the weight matmuls are still memory-bound", before);
            case IMPLIED_BATCH -> String.format(Locale.ROOT, "at batch %,d an output token still costs more than %s input "
                    + "tokens", before, Units.sig3(priceRatio).replaceAll("\\.0+$", ""));
            default -> answer == 0 ? "not one fits" : String.format(Locale.ROOT, "%,d do not fit", (long) answer + 1);
        };
        return shown + " (" + unroundedBatch(unrounded, answer, up) + " rounded " + (up ? "up" : "down") + ": " + why + ")";
    }

    /**
     * What the answer's formula gives, as the answer key's working ends: a batch before it is rounded to whole
     * sequences ("72.4"), any other answer as {@link #formatted}.
     */
    public String resultText(Evaluation e) {
        double answer = answer(e);
        double unrounded = quantity.unrounded(e, priceRatio);
        if (!quantity.isBatch() || !Double.isFinite(unrounded) || unrounded == answer) {
            return formatted(answer);
        }
        return unroundedBatch(unrounded, answer, quantity != Quantity.MAX_BATCH);
    }

    /**
     * A real-valued batch with the fewest decimals (at least one) that still round, up or down, to the whole
     * answer: 72.41 rounds up to 73 and reads "72.4"; 303.02 reads "303.02", as "303.0" would round up to 303.
     */
    private static String unroundedBatch(double unrounded, double whole, boolean up) {
        for (int decimals = 1; decimals < 6; decimals++) {
            double printed = Math.round(unrounded * Math.pow(10, decimals)) / Math.pow(10, decimals);
            if ((up ? Math.ceil(printed) : Math.floor(printed)) == whole) {
                return String.format(Locale.ROOT, "%,." + decimals + "f", printed);
            }
        }
        return String.format(Locale.ROOT, "%,.6f", unrounded);
    }

    /** A decode step and a prefill at one batch: the implied batch's, whose formula shows their values. */
    public record AtBatch(double batch, PhaseCost decodeStep, PhaseCost prefill) {
    }

    /**
     * The steps at the implied batch on an evaluation of this (implied-batch) exercise's scenario: there an output
     * token costs the price ratio times an input token, so its formula holds with their values. Null: no batch does.
     */
    public AtBatch atImpliedBatch(Evaluation e) {
        Scenario s = e.scenario();
        double batch = RooflineEngine.impliedBatch(s, priceRatio);
        return Double.isNaN(batch) ? null : new AtBatch(batch,
                RooflineEngine.decodeStep(s, batch, s.averageDecodeContextTokens()), RooflineEngine.prefillStep(s, batch));
    }

    /** Whether a given answer is within the tolerance of the computed one. */
    public boolean accepts(double given, double answer) {
        return Double.isFinite(given) && Math.abs(given - answer) <= relativeTolerance * Math.abs(answer);
    }

    private static ScenarioInputs on(String gpu, ModelSpec model, Precision p, int batch, int prompt, int generated) {
        return ScenarioInputs.ofPreset(gpu, model, p, false, batch, prompt, generated, 1, RealismMode.IDEAL);
    }

    /** The built-in exercises: the article's argument, one number at a time. */
    public static final List<Exercise> BUILT_IN = List.of(
            new Exercise("ridge-h100-bf16", "An H100 SXM does 989.5 TFLOP/s of dense BF16 and reads 3.35 TB/s. What is "
                    + "its ridge point, in FLOP per byte?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.BF16, 1, 1024, 256),
                    Quantity.RIDGE_FLOPS_PER_BYTE, 0.02),
            new Exercise("decode-70b-int8-h100", "Llama-3.1-70B in INT8 on one H100 at batch 1: at most how many tokens "
                    + "a second does one sequence get (ideal roofline)?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1024, 256),
                    Quantity.DECODE_TOKENS_PER_SECOND_PER_SEQUENCE, 0.05),
            new Exercise("tpot-8b-bf16-l40s", "Llama-3.1-8B in BF16 on one L40S at batch 1: how many milliseconds per output "
                    + "token, at the least?", on("l40s", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1024, 256),
                    Quantity.TIME_PER_OUTPUT_TOKEN_MS, 0.05),
            new Exercise("critical-batch-70b-bf16-h100", "Llama-3.1-70B in BF16 on an H100: at what batch do the weight "
                    + "matmuls of decode turn compute-bound (no KV cache)?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.BF16, 1, 1024, 256),
                    Quantity.CRITICAL_BATCH, 0.1),
            new Exercise("critical-batch-70b-int8-h100", "The same with INT8 weights (and INT8 math): where is the critical "
                    + "batch now?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1024, 256),
                    Quantity.CRITICAL_BATCH, 0.1),
            new Exercise("max-batch-70b-int8-h100", "Llama-3.1-70B in INT8 on one H100 with 1,024 + 256 tokens per "
                    + "sequence: how many sequences fit beside the weights?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1024, 256),
                    Quantity.MAX_BATCH, 0.1),
            new Exercise("kv-per-sequence-70b", "Llama-3.1-70B keeps a BF16 KV cache (80 layers, 8 KV heads of 128): how "
                    + "many GB does one sequence of 1,280 tokens hold?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1024, 256),
                    Quantity.KV_CACHE_GB_PER_SEQUENCE, 0.05),
            new Exercise("ratio-batch-1", "Llama-3.1-70B in INT8 on an H100 at batch 1: how many times more does an "
                    + "output token cost than an input token?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 1, 1024, 256),
                    Quantity.OUTPUT_INPUT_RATIO, 0.1),
            new Exercise("ratio-batch-64", "The same at batch 64 (with the model in INT4 so that 64 sequences fit): "
                    + "what is the output : input cost ratio now?", on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT4, 64, 1024, 256),
                    Quantity.OUTPUT_INPUT_RATIO, 0.1),
            new Exercise("prefill-utilization", "Prefill of 1,024 tokens of Llama-3.1-8B in BF16 on an H100: what share of "
                    + "peak FLOP/s does it reach, in percent (ideal roofline)?", on("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1024, 256),
                    Quantity.PREFILL_COMPUTE_UTILIZATION_PERCENT, 0.05),
            new Exercise("decode-8b-bf16-mi300x", "Llama-3.1-8B in BF16 on one MI300X (5.3 TB/s) at batch 1: tokens a second "
                    + "for one sequence, at most?", on("mi300x", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1024, 256),
                    Quantity.DECODE_TOKENS_PER_SECOND_PER_SEQUENCE, 0.05),
            new Exercise("critical-batch-8b-bf16-a100", "Llama-3.1-8B in BF16 on an A100 80GB SXM (312 TFLOP/s, 2.04 TB/s): "
                    + "the critical batch?", on("a100_80gb_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1024, 256),
                    Quantity.CRITICAL_BATCH, 0.1),
            new Exercise("implied-batch-8b-ratio-5", "An API charges 5 times as much per output token as per input token. "
                    + "Llama-3.1-8B in BF16 on an H100 with 1,024-token prompts: from what batch on does an output token "
                    + "cost at most 5 times an input token?", on("h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1024, 256),
                    Quantity.IMPLIED_BATCH, 0.1, 5),
            new Exercise("implied-batch-70b-fp8-h200-ratio-4", "Another API charges 4 times as much for output. "
                    + "Llama-3.1-70B in FP8 on one H200: from what batch on is the output : input cost ratio at most 4?",
                    on("h200_sxm", ModelPresets.LLAMA_3_1_70B, Precision.FP8, 1, 1024, 256),
                    Quantity.IMPLIED_BATCH, 0.1, 4));
}
