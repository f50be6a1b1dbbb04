package lab.roofline.fx;

/**
 * Whether the app animates (the lesson's reveal moves its points; nothing else does). Off with
 * {@code -Droofline.animations=off}: the tests run with it off, so every state they check is the final one,
 * and a learner who finds motion distracting can turn it off the same way.
 */
public final class Motion {
    /** How long a reveal's points take to move, in milliseconds. */
    public static final double REVEAL_MILLIS = 900;

    private Motion() {
    }

    public static boolean enabled() {
        String v = System.getProperty("roofline.animations", "on").strip();
        return !(v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0"));
    }

    /** Ease in and out: slow at both ends, so the eye follows where a point starts and where it lands. */
    public static double ease(double t) {
        double c = Math.max(0, Math.min(1, t));
        return c * c * (3 - 2 * c);
    }

    /** Between two positive values on a log scale (a straight line on a log-log chart). */
    public static double logLerp(double from, double to, double t) {
        if (!(from > 0) || !(to > 0)) {
            return to;
        }
        return Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * t);
    }
}
