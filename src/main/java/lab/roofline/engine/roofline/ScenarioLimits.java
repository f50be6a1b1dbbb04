package lab.roofline.engine.roofline;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every bound on a scenario input, once: the engine's checks, the view model's setters, the sliders, the
 * text fields and the command line all read these, so the same input gets the same answer everywhere.
 */
public final class ScenarioLimits {
    private ScenarioLimits() {
    }

    /** One input's allowed range; {@code whole} inputs take integers only. */
    public record Range(String name, double min, double max, boolean whole, String example) {
        /** Whether the value is allowed. NaN never is. */
        public boolean allows(double value) {
            return value >= min && value <= max && (!whole || value == Math.rint(value));
        }

        /** Null when allowed, else why not in plain words, without the input's name. */
        public String problem(double value) {
            if (Double.isNaN(value)) {
                return "not a number";
            }
            if (value < min) {
                return "too small (at least " + format(min) + ")";
            }
            if (value > max) {
                return "too large (at most " + format(max) + ")";
            }
            if (whole && value != Math.rint(value)) {
                return format(value) + " is not a whole number";
            }
            return null;
        }

        /** The bound as a person reads it: 4,096; 2T; 1 %. */
        public String format(double value) {
            if (this == COMPUTE_EFFICIENCY || this == BANDWIDTH_EFFICIENCY) {
                return String.format(Locale.ROOT, "%.0f %%", value * 100);
            }
            if (this == PARAMETERS) {
                return Units.parameterCount(value);
            }
            if (this == PRICE_USD_PER_HOUR) {
                return String.format(Locale.ROOT, "$%,.2f", value);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) value);
            }
            String shown = Units.sig3(value);
            return shown.contains(".") && !shown.contains("e") ? shown.replaceAll("0+$", "").replaceAll("\\.$", "") : shown;
        }

        /**
         * Reads typed text (7B, 8k, 2,048, 1e3, +8; "$3.49" for a price) and checks it, exactly: the number
         * is read as a decimal, so 1e400 is too large and 2.0000001 is not whole, never rounded first. The
         * message names the input and says what is wrong: "GPU count: too large (at most 4,096)".
         */
        public Parsed parse(String text) {
            String typed = text == null ? "" : text.strip();
            String t = typed;
            if (this == PRICE_USD_PER_HOUR && t.startsWith("$")) {
                t = t.substring(1).strip();
            }
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            if (t.isEmpty()) {
                return Parsed.error(name, "empty (try " + example + ")");
            }
            if (t.length() > 64) {
                // No value needs more; a pasted megabyte of digits would take seconds to read exactly.
                return Parsed.error(name, "too long to be a number (" + t.length() + " characters; try " + example + ")");
            }
            if (t.indexOf(',') >= 0 && !GROUPED.matcher(t).matches()) {
                return Parsed.error(name, whole
                        ? quote(typed) + " is not a whole number: a comma only groups thousands, in threes (2,048)"
                        : quote(typed) + " is ambiguous: write " + Units.shortened(typed.replace(',', '.'))
                        + " for a decimal, or group thousands in threes (2,048)");
            }
            if (t.indexOf('_') >= 0 && !UNDERSCORED.matcher(t).matches()) {
                return Parsed.error(name, quote(typed) + " is not " + (whole ? "a whole number" : "a number")
                        + ": an underscore only groups thousands, in threes (10_000)");
            }
            Matcher m = NUMBER.matcher(t.replace(",", "").replace("_", ""));
            if (!m.matches()) {
                return Parsed.error(name, NEGATIVE.matcher(t).matches() ? problem(-1)
                        : quote(typed) + " is not " + (whole ? "a whole number" : "a number") + " (try " + example + ")");
            }
            BigDecimal exact;
            try {
                exact = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(scale(m.group(2))));
            } catch (NumberFormatException | ArithmeticException e) { // an exponent beyond any decimal
                return Parsed.error(name, m.group(1).matches(".*[eE]-.*") ? problem(-1) : problem(Double.MAX_VALUE));
            }
            if (exact.compareTo(BigDecimal.valueOf(min)) < 0) {
                return Parsed.error(name, problem(-1));
            }
            if (exact.compareTo(BigDecimal.valueOf(max)) > 0) {
                return Parsed.error(name, problem(Double.MAX_VALUE));
            }
            if (whole && exact.stripTrailingZeros().scale() > 0) {
                return Parsed.error(name, quote(typed) + " is not a whole number (try " + example + ")");
            }
            return new Parsed(exact.doubleValue(), null, null);
        }
    }

    /** Typed text as a message quotes it: in quotes, and cut short when very long. */
    static String quote(String typed) {
        return "'" + Units.shortened(typed) + "'";
    }

    private static long scale(String suffix) {
        return switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "B", "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> 1L;
        };
    }

    /** A parsed input: the value, or the message saying why there is none. */
    public record Parsed(double value, String error, String reason) {
        /** The value, or NaN and "GPU count: too large (at most 4,096)" with reason "too large (...)". */
        static Parsed error(String name, String reason) {
            return new Parsed(Double.NaN, name + ": " + reason, reason);
        }

        public boolean ok() {
            return error == null;
        }
    }

    /** Commas only as thousands separators: 2,048 or 1,000,000.5, never 1,5. */
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?\\s*[kKmMbBgGtT]?");
    /** Underscores only as thousands separators, as in code: 10_000 or 1_048_576.5, never 6_4. */
    private static final Pattern UNDERSCORED = Pattern.compile("[0-9]{1,3}(_[0-9]{3})+(\\.[0-9]+)?\\s*[kKmMbBgGtT]?");
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\.?[0-9].*");
    /** Digits (ASCII only), an optional exponent and an optional SI suffix: 7, 7.5, .5, 7e9, 70B, 8 k. */
    private static final Pattern NUMBER = Pattern.compile(
            "((?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*([kKmMbBgGtT]?)");

    public static final Range PARAMETERS = new Range("Parameters", 1e8, 2e12, false, "70B, 7e9 or 1.8T");
    public static final long MAX_BATCH = 1L << 20;
    public static final Range BATCH = new Range("Batch size", 1, MAX_BATCH, true, "64");
    public static final Range PROMPT_TOKENS = new Range("Prompt tokens", 1, 10_000_000, true, "1024 or 8k");
    public static final Range GENERATED_TOKENS = new Range("Generated tokens", 1, 10_000_000, true, "256 or 2k");
    public static final Range GPU_COUNT = new Range("GPU count", 1, 4096, true, "8");
    public static final Range COMPUTE_EFFICIENCY = new Range("Compute efficiency", 0.01, 1, false, "0.7");
    public static final Range BANDWIDTH_EFFICIENCY = new Range("Bandwidth efficiency", 0.01, 1, false, "0.85");
    public static final Range PRICE_USD_PER_HOUR = new Range("Price", 0.01, 10_000, false, "3.49");
    /** A what-if on the device: its bandwidth, peaks or memory times 0.5 to 4. */
    public static final Range BANDWIDTH_SCALE = new Range("Bandwidth scale", 0.5, 4, false, "2");
    public static final Range PEAK_SCALE = new Range("Peak scale", 0.5, 4, false, "2");
    public static final Range MEMORY_SCALE = new Range("Memory scale", 0.5, 4, false, "2");

    /** The batch slider's end and the utilization curve's range. Larger batches are typed. */
    public static final int SLIDER_MAX_BATCH = 4096;
    public static final long CURVE_MAX_BATCH = SLIDER_MAX_BATCH;
    /** The token sliders' ends; larger counts are typed. */
    public static final int SLIDER_MAX_PROMPT_TOKENS = 1 << 17;
    public static final int SLIDER_MAX_GENERATED_TOKENS = 1 << 15;

    /** Checks every bounded input of a scenario but the model; a NaN price means none. */
    public static void checkWorkload(int gpuCount, long batch, long promptTokens, long generatedTokens,
                                     double computeEfficiency, double bandwidthEfficiency, double priceUsdPerHour) {
        check(GPU_COUNT, gpuCount);
        check(BATCH, batch);
        check(PROMPT_TOKENS, promptTokens);
        check(GENERATED_TOKENS, generatedTokens);
        check(COMPUTE_EFFICIENCY, computeEfficiency);
        check(BANDWIDTH_EFFICIENCY, bandwidthEfficiency);
        if (!Double.isNaN(priceUsdPerHour)) {
            check(PRICE_USD_PER_HOUR, priceUsdPerHour);
        }
    }

    /** Fixed cost per layer of a forward pass: none to 10 ms (far beyond eager PyTorch on a slow host). */
    public static final Range LAYER_OVERHEAD_MICROSECONDS = new Range("Overhead per layer", 0, 10_000, false, "55.5");
    /** Speculative decoding: draft tokens per target step (0: off); engines use 1 to about 8. */
    public static final Range DRAFT_TOKENS = new Range("Draft tokens", 0, 16, true, "4");
    public static final Range ACCEPTANCE_RATE = new Range("Acceptance rate", 0, 1, false, "0.7");
    /** Traffic and service-level limits (the frontier and the planner). */
    public static final Range CACHED_INPUT_SHARE = new Range("Cached input", 0, 0.99, false, "0.5");
    public static final Range LIMIT_MILLISECONDS = new Range("Limit", 0.01, 3_600_000, false, "500");
    public static final Range ELECTRICITY_USD_PER_KWH = new Range("Electricity", 0, 10, false, "0.12");
    public static final Range PIPELINE_STAGES = new Range("Pipeline stages", 1, GPU_COUNT.max(), true, "2");

    /**
     * The reason {@code stages} pipeline stages cannot split {@code devices} devices and a model of
     * {@code layers} layers, or null when they can: the stages must divide the devices evenly (each stage
     * runs the same tensor-parallel width) and each stage needs at least one layer.
     */
    public static String parallelismProblem(int devices, int stages, int layers) {
        String range = PIPELINE_STAGES.problem(stages);
        if (range != null) {
            return PIPELINE_STAGES.name() + ": " + range;
        }
        if (devices % stages != 0) {
            return "Pipeline stages: " + stages + " stages do not divide " + devices + (devices == 1 ? " GPU" : " GPUs")
                    + " evenly";
        }
        if (stages > layers) {
            return "Pipeline stages: " + stages + " stages need at least " + stages + " layers; the model has " + layers;
        }
        return null;
    }

    /** Throws IllegalArgumentException with {@link #parallelismProblem}'s reason. */
    public static void checkParallelism(int devices, int stages, int layers) {
        String problem = parallelismProblem(devices, stages, layers);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Throws IllegalArgumentException naming the input when the value is out of range. */
    public static void check(Range range, double value) {
        String problem = range.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(range.name() + ": " + problem);
        }
    }
}
