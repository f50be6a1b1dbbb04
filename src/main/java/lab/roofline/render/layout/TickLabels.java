package lab.roofline.render.layout;

import java.util.Locale;
import lab.roofline.engine.roofline.Units;

/** The numbers on the charts' log axes: short, so a tick never runs into its neighbour or the axis title. */
public final class TickLabels {
    private TickLabels() {
    }

    /** Decade tick labels: 0.1, 1, 10, 100, 1k, 10k, 100k, 1M. */
    public static String intensity(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.0fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return v < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    /** FLOP/s as TFLOP/s: 0.5, 1, 1,000, 10k, 100k, 1M. */
    public static String tflops(double flops) {
        double t = flops / 1e12;
        if (t >= 1e4) { // short, so a large multi-device axis never runs into the axis title (and one style: 10k, 100k)
            return t >= 1e6 ? String.format(Locale.ROOT, "%.0fM", t / 1e6) : String.format(Locale.ROOT, "%.0fk", t / 1e3);
        }
        if (t >= 1) {
            return String.format(Locale.ROOT, "%,.0f", t);
        }
        return Units.sig3(t).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
