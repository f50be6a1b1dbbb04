package lab.roofline.engine.roofline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Number formats for weights, KV cache and math. Bytes per value are what a decode step must move. */
public enum Precision {
    FP32("FP32", "fp32", 4.0),
    BF16("BF16/FP16", "bf16", 2.0),
    FP8("FP8", "fp8", 1.0),
    INT8("INT8", "int8", 1.0),
    INT4("INT4", "int4", 0.5),
    FP4("FP4", "fp4", 0.5);

    private final String label;
    private final String key;
    private final double bytesPerValue;

    Precision(String label, String key, double bytesPerValue) {
        this.label = label;
        this.key = key;
        this.bytesPerValue = bytesPerValue;
    }

    /** Human label, e.g. "BF16/FP16". */
    public String label() {
        return label;
    }

    /** Key used in hardware-profile JSON and on the command line, e.g. "bf16". */
    public String key() {
        return key;
    }

    public double bytesPerValue() {
        return bytesPerValue;
    }

    /**
     * Where to run the math when a device has no peak for this precision, nearest first: a narrower
     * format is emulated by the next wider one of the same family (FP4 to FP8 to BF16; INT4 to INT8 to
     * BF16), which is what inference kernels do when they dequantize.
     */
    public List<Precision> fallbacks() {
        return switch (this) {
            case FP32 -> List.of(BF16);
            case BF16 -> List.of(FP32);
            case FP8 -> List.of(BF16, FP32);
            case INT8 -> List.of(BF16, FP32);
            case INT4 -> List.of(INT8, BF16, FP32);
            case FP4 -> List.of(FP8, BF16, FP32);
        };
    }

    /** Parses "bf16", "FP16", "BF16/FP16", "int8", ... (case-insensitive). */
    public static Optional<Precision> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("fp16") || t.equals("bf16/fp16") || t.equals("half")) {
            return Optional.of(BF16);
        }
        for (Precision p : values()) {
            if (p.key.equals(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** All accepted keys, for error messages. */
    public static String acceptedKeys() {
        return "fp32, bf16 (or fp16), fp8, int8, int4, fp4";
    }
}
