package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.Planner;

/**
 * Where the frontier chart puts things: the plot box, the two log scales (tokens/s per user across; cost per
 * million output tokens or tokens/s per device up), each curve's points in drawing units, and the band of
 * tokens/s per user the time-per-output-token limit rules out. Pure arithmetic, no toolkit, so tests can
 * check it.
 */
public record FrontierLayout(LabelLayout.Box plot, LogScale x, LogScale y, List<List<double[]>> curves,
                             double infeasibleRightEdge, Metric metric) {

    /** What the vertical axis shows. */
    public enum Metric {
        COST("Cost per million output tokens"),
        THROUGHPUT("Tokens/s per GPU");

        private final String title;

        Metric(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        double of(Planner.FrontierPoint p) {
            return this == COST ? p.costUsdPerMillionOutput() : p.tokensPerSecondPerDevice();
        }
    }

    /**
     * @param left,top,right,bottom the plot's margins inside a w × h drawing
     */
    public static FrontierLayout of(Frontier f, Metric metric, double w, double h, double left, double top,
                                    double right, double bottom) {
        LabelLayout.Box plot = new LabelLayout.Box(left, top, Math.max(10, w - left - right), Math.max(10, h - top - bottom));
        double xMin = Double.POSITIVE_INFINITY, xMax = 0, yMin = Double.POSITIVE_INFINITY, yMax = 0;
        for (Frontier.Curve c : f.curves()) {
            if (!drawn(c, metric)) {
                continue;
            }
            for (Planner.FrontierPoint p : c.points()) {
                xMin = Math.min(xMin, p.tokensPerSecondPerUser());
                xMax = Math.max(xMax, p.tokensPerSecondPerUser());
                yMin = Math.min(yMin, metric.of(p));
                yMax = Math.max(yMax, metric.of(p));
            }
        }
        double limitX = 1 / f.settings().tpotSeconds(); // 0 with no limit
        if (limitX > 0 && xMax > 0) {
            xMin = Math.min(xMin, limitX);
            xMax = Math.max(xMax, limitX);
        }
        if (!(xMax > 0)) {
            xMin = 1;
            xMax = 1000;
            yMin = 0.01;
            yMax = 100;
        }
        // At least a decade each way, and room around the ends for the markers.
        double[] xr = padded(xMin, xMax);
        double[] yr = padded(yMin, yMax);
        LogScale xs = LogScale.log(xr[0], xr[1], plot.x(), plot.x() + plot.w());
        LogScale ys = LogScale.log(yr[0], yr[1], plot.y() + plot.h(), plot.y());
        List<List<double[]>> curves = new ArrayList<>();
        for (Frontier.Curve c : f.curves()) {
            List<double[]> pts = new ArrayList<>();
            for (Planner.FrontierPoint p : drawn(c, metric) ? c.points() : List.<Planner.FrontierPoint>of()) {
                pts.add(new double[] {xs.toPixel(p.tokensPerSecondPerUser()), ys.toPixel(metric.of(p))});
            }
            curves.add(pts);
        }
        double edge = limitX > 0 ? Math.max(plot.x(), Math.min(plot.x() + plot.w(), xs.toPixel(limitX))) : plot.x();
        return new FrontierLayout(plot, xs, ys, curves, edge, metric);
    }

    /** Whether a curve has this metric: costs need a price, speeds do not. */
    public static boolean drawn(Frontier.Curve c, Metric metric) {
        return !c.points().isEmpty() && (metric == Metric.THROUGHPUT || c.priced());
    }

    /** A tick's label: 20, 0.5, 5,000 (no trailing zeros), with a dollar sign for costs. */
    public static String tickLabel(double v, boolean usd) {
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros();
        String plain = d.compareTo(java.math.BigDecimal.valueOf(1000)) >= 0
                ? String.format(java.util.Locale.ROOT, "%,d", d.longValue()) : d.toPlainString();
        return usd ? "$" + plain : plain;
    }

    private static double[] padded(double min, double max) {
        double lo = Math.log10(min);
        double hi = Math.log10(max);
        if (hi - lo < 1) {
            double mid = (hi + lo) / 2;
            lo = mid - 0.5;
            hi = mid + 0.5;
        }
        double pad = (hi - lo) * 0.08;
        return new double[] {Math.pow(10, lo - pad), Math.pow(10, hi + pad)};
    }

    /** A point's place in drawing units. */
    public double[] at(Planner.FrontierPoint p) {
        return new double[] {x.toPixel(p.tokensPerSecondPerUser()), y.toPixel(metric.of(p))};
    }

    /** The nearest point within {@code radius} of (px, py): {curve, index}, or null. */
    public int[] nearest(double px, double py, double radius) {
        int[] best = null;
        double bestD = radius * radius;
        for (int c = 0; c < curves.size(); c++) {
            List<double[]> pts = curves.get(c);
            for (int i = 0; i < pts.size(); i++) {
                double dx = pts.get(i)[0] - px;
                double dy = pts.get(i)[1] - py;
                double d = dx * dx + dy * dy;
                if (d <= bestD) {
                    bestD = d;
                    best = new int[] {c, i};
                }
            }
        }
        return best;
    }

    /** Decade ticks (1, 10, 100…) within a scale; with fewer than three, 1-2-5 steps too. */
    public static List<Double> ticks(LogScale s) {
        List<Double> out = new ArrayList<>();
        double lo = Math.min(s.min(), s.max());
        double hi = Math.max(s.min(), s.max());
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (double m : new double[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v >= lo && v <= hi) {
                    out.add(v);
                }
            }
        }
        List<Double> decades = out.stream().filter(v -> Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) < 1e-9).toList();
        return decades.size() >= 3 ? decades : out;
    }
}
