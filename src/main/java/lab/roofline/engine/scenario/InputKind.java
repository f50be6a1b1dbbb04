package lab.roofline.engine.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;

/**
 * How a kind of scenario input reads from text and prints as text: the same words in a scenario file, the
 * settings, a flag and a pasted line. A value is a String (NAME, PRESET), a Precision, a RealismMode, a
 * Boolean (SWITCH), a Double (NUMBER, PRICE) or an Integer (WHOLE); null where the input is not set.
 */
public enum InputKind {
    /** An id or a name, kept as written but for blanks around it (an accelerator id). */
    NAME,
    /** A model preset's name, read in any case and punctuation and kept as the preset spells it. */
    PRESET,
    /** A number format: fp32, bf16 (or fp16), fp8, int8, int4, fp4. */
    PRECISION,
    /** ideal, realistic or custom. */
    REALISM,
    /** true or false; as a flag, given or not. */
    SWITCH,
    /** A decimal within the input's range: 7B, 0.85, 1e3. */
    NUMBER,
    /** A whole number within the input's range: 64, 8k, 2,048. */
    WHOLE,
    /** A price within the range ($3.49 too), or "none": no price, costs in GPU time (NaN). */
    PRICE;

    /** The word for "no price" wherever a price is written. */
    public static final String NO_PRICE = "none";

    /** A value read from text, or the reason there is none (without the input's name). */
    public record Parsed(Object value, String reason) {
        public boolean ok() {
            return reason == null;
        }

        static Parsed of(Object value) {
            return new Parsed(value, null);
        }

        static Parsed refused(String reason) {
            return new Parsed(null, reason);
        }
    }

    /** Reads typed text; {@code range} bounds the numbers (NUMBER, WHOLE, PRICE) and is unused otherwise. */
    public Parsed parse(String text, ScenarioLimits.Range range) {
        String typed = text == null ? "" : text.strip();
        return switch (this) {
            // Trimmed of control characters too (a stray escape around an id); a blank one is the form's to refuse.
            case NAME -> Parsed.of(text == null ? "" : text.trim());
            case PRESET -> ModelPresets.find(typed).map(m -> Parsed.of(m.name()))
                    .orElseGet(() -> Parsed.refused("unknown preset " + quoted(typed)));
            case PRECISION -> Precision.parse(typed).map(Parsed::of).orElseGet(() -> Parsed.refused(
                    quoted(typed) + " is not a precision (use " + Precision.acceptedKeys() + ")"));
            case REALISM -> realism(typed).map(Parsed::of)
                    .orElseGet(() -> Parsed.refused(quoted(typed) + " is not ideal, realistic or custom"));
            case SWITCH -> typed.equalsIgnoreCase("true") || typed.equalsIgnoreCase("false")
                    ? Parsed.of(Boolean.parseBoolean(typed)) : Parsed.refused(quoted(typed) + " is not true or false");
            case NUMBER -> number(range.parse(typed));
            case WHOLE -> {
                Parsed number = number(range.parse(typed));
                yield number.ok() ? Parsed.of((int) (double) (Double) number.value()) : number;
            }
            case PRICE -> typed.equalsIgnoreCase(NO_PRICE) ? Parsed.of(Double.NaN) : number(range.parse(typed));
        };
    }

    /** The value as text that {@link #parse} reads back to the same value; null for no value. */
    public String print(Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case NAME, PRESET -> (String) value;
            case PRECISION -> ((Precision) value).key();
            case REALISM -> ((RealismMode) value).name().toLowerCase(Locale.ROOT);
            case SWITCH, WHOLE -> value.toString();
            case NUMBER -> exact((Double) value);
            case PRICE -> ((Double) value).isNaN() ? NO_PRICE : exact((Double) value);
        };
    }

    /** Whether a value of this kind is a number in a file (else text, or true/false for a switch). */
    public boolean isNumber() {
        return this == NUMBER || this == WHOLE || this == PRICE;
    }

    /** The preset a PRESET value names. */
    public static ModelSpec preset(String name) {
        return ModelPresets.find(name).orElseThrow(() -> new IllegalArgumentException("no preset " + name));
    }

    /** The shortest decimal that reads back to the same double, never in E notation (a flag reads it). */
    private static String exact(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Parsed number(ScenarioLimits.Parsed parsed) {
        return parsed.ok() ? Parsed.of(parsed.value()) : Parsed.refused(parsed.reason());
    }

    private static Optional<RealismMode> realism(String typed) {
        for (RealismMode mode : RealismMode.values()) {
            if (mode.name().equalsIgnoreCase(typed)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    private static String quoted(String typed) {
        return "'" + Units.shortened(typed) + "'";
    }
}
