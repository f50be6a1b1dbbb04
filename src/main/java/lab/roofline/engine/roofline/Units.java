package lab.roofline.engine.roofline;

import java.util.Locale;

/** Parsing and formatting of the quantities the app shows. SI prefixes, 1 GB = 1e9 bytes. */
public final class Units {
    private Units() {
    }

    /** 7e9 -> "7B", 1.8e12 -> "1.8T", 405.85e9 -> "406B", 125e6 -> "125M". */
    public static String parameterCount(double parameters) {
        if (parameters >= 1e12) {
            return trim(parameters / 1e12) + "T";
        }
        if (parameters >= 1e9) {
            return trim(parameters / 1e9) + "B";
        }
        if (parameters >= 1e6) {
            return trim(parameters / 1e6) + "M";
        }
        return trim(parameters);
    }

    private static String trim(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Three significant digits with an SI prefix and the unit: 3.35e12, "B/s" -> "3.35 TB/s". */
    public static String si(double value, String unit) {
        return si(value, unit, 3);
    }

    /**
     * {@code digits} significant digits with an SI prefix and the unit: 84.825e9, "B", 4 -> "84.83 GB" (a
     * difference of two close numbers needs a fourth digit to keep its own first one).
     */
    public static String si(double value, String unit, int digits) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "∞ " + unit;
        }
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
        double v = Math.abs(value);
        int i = 0;
        double roundsToAThousand = 1000 - 0.5 * Math.pow(10, 3 - digits);
        while (v >= roundsToAThousand && i < prefixes.length - 1) {
            v /= 1000;
            i++;
        }
        if (v >= roundsToAThousand) {
            return ">999 Y" + unit; // beyond any prefix: a number no real workload reaches
        }
        return significant(Math.signum(value) * v, digits) + " " + prefixes[i] + unit;
    }

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY;

    /** Seconds in the unit a person reads best: 0.0209 -> "20.9 ms", 7200 -> "2.00 h". */
    public static String seconds(double seconds) {
        double s = Math.abs(seconds);
        if (s >= SECONDS_PER_YEAR) {
            return s >= 1e6 * SECONDS_PER_YEAR ? "over a million years" : sig3(seconds / SECONDS_PER_YEAR) + " years";
        }
        if (s >= SECONDS_PER_DAY) {
            return sig3(seconds / SECONDS_PER_DAY) + " days";
        }
        if (s >= 3600) {
            return sig3(seconds / 3600) + " h";
        }
        if (s >= 1) {
            return sig3(seconds) + " s";
        }
        if (s >= 1e-3) {
            return sig3(seconds * 1e3) + " ms";
        }
        if (s >= 1e-6) {
            return sig3(seconds * 1e6) + " µs";
        }
        return sig3(seconds * 1e9) + " ns";
    }

    /** Three significant digits, never scientific: 295.37 -> "295", 47.86 -> "47.9", 0.1403 -> "0.140". */
    public static String sig3(double v) {
        return significant(v, 3);
    }

    /** {@code digits} significant digits, never scientific: 295.37, 4 -> "295.4"; a whole number from there on is grouped. */
    public static String significant(double v, int digits) {
        // Round first, so 99.96 reads "100", not "100.0".
        double a = Math.abs(v);
        if (a > 0 && a < 1e15) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(a)) - (digits - 1));
            a = Math.round(a / magnitude) * magnitude;
            v = Math.copySign(a, v);
        }
        if (a >= Math.pow(10, digits - 1) || a == 0) {
            return String.format(Locale.ROOT, "%,.0f", v); // 13,800: grouped like every other count shown
        }
        int decimals = Math.min(9, digits - 1 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** 0.421 -> "42.1 %". */
    public static String percent(double fraction) {
        return sig3(fraction * 100) + " %";
    }

    /** A ratio or multiple: 4.0 -> "4×", 8.33 -> "8.33×", 291.4 -> "291×", 1000 -> "1000×". */
    public static String times(double ratio) {
        if (ratio == Math.rint(ratio) && Math.abs(ratio) < 1e6) {
            return String.format(Locale.ROOT, "%.0f×", ratio);
        }
        return sig3(ratio) + "×";
    }

    /**
     * Text from a file or a user on one line: control characters (newlines, terminal escapes) and invisible
     * format characters (a right-to-left override) become spaces, so a name cannot break a table row, a
     * menu item or a terminal line, nor read backwards.
     */
    public static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ");
    }

    /** Typed text as a message repeats it: at most 24 characters, a longer one cut with "…". */
    public static String shortened(String typed) {
        return typed.length() > 24 ? typed.substring(0, 21) + "…" : typed;
    }

    /** US dollars: 0.1234 -> "$0.123", 12.5 -> "$12.50". */
    public static String usd(double dollars) {
        if (dollars >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", dollars);
        }
        return "$" + sig3(dollars);
    }
}
