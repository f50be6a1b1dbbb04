package lab.roofline.io.files;

/** Text read from a file, made safe to print in a message, a menu or a chart's title. */
public final class PrintableText {
    private PrintableText() {
    }

    /**
     * Text from a file, safe to print: control characters (newlines, ANSI escapes) and invisible format
     * characters (a right-to-left override that would make a name read backwards) removed.
     */
    public static String clean(String text) {
        // Cc covers the C1 controls too (an 8-bit CSI is U+009B), Zl and Zp the line and paragraph separators;
        // a lone surrogate half prints as '?'.
        return text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "")
                .replaceAll("[\\x{D800}-\\x{DBFF}](?![\\x{DC00}-\\x{DFFF}])|(?<![\\x{D800}-\\x{DBFF}])[\\x{DC00}-\\x{DFFF}]", "");
    }

    /** The first {@code max} characters of a text, never splitting a character outside the basic plane, then "…". */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
