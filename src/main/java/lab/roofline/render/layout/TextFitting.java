package lab.roofline.render.layout;

import java.util.function.ToDoubleFunction;

/** Text made to fit a width: the longest wording that fits whole, else one shortened with an ellipsis. */
public final class TextFitting {
    private TextFitting() {
    }

    /** The text, shortened with an ellipsis until {@code widthOf} it fits a width (whole when it fits). */
    public static String fitted(String text, double width, ToDoubleFunction<String> widthOf) {
        if (widthOf.applyAsDouble(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && widthOf.applyAsDouble(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "…";
    }

    /**
     * The first wording that fits a width whole, longest first; the last, shortened with an ellipsis, when
     * none does: a small chart says "TFLOP/s" rather than "Attainable TFLOP/s (lo…".
     */
    public static String firstFitting(double width, ToDoubleFunction<String> widthOf, String... wordings) {
        for (String wording : wordings) {
            if (widthOf.applyAsDouble(wording) <= width) {
                return wording;
            }
        }
        return fitted(wordings[wordings.length - 1], width, widthOf);
    }
}
