package lab.roofline.render.layout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        String plain = d.compareTo(BigDecimal.valueOf(1000)) >= 0
                ? String.format(Locale.ROOT, "%,d", d.longValue()) : d.toPlainString();
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

    /**
     * Where a label beside a marker goes, above it or below it, whichever is inside the plot and clear of the
     * other labels: its box {x, y, w, h} in drawing units.
     *
     * @param textWidth the label's width in its font
     * @param fontPx    the chart's text size at 100 %
     * @param at        the marker
     * @param taken     the boxes of the labels already there
     */
    public double[] labelBox(double textWidth, double fontPx, double[] at, List<double[]> taken) {
        LabelLayout.Box p = plot;
        double tw = Math.min(textWidth, p.w() - 16);
        double th = fontPx * 1.3;
        // Beside the marker first, then further away; the first spot clear of the other labels and of every
        // curve's points wins, else the one that covers the fewest points.
        double[][] spots = {
                {at[0] + 14, at[1] - th - 8}, {at[0] + 14, at[1] + 10}, {at[0] - 14 - tw, at[1] - th - 8},
                {at[0] - 14 - tw, at[1] + 10}, {at[0] - tw / 2, at[1] - th - 16}, {at[0] - tw / 2, at[1] + 18},
                {at[0] + 14, at[1] - 2.5 * th}, {at[0] - 14 - tw, at[1] - 2.5 * th}, {at[0] + 14, at[1] + 1.8 * th},
                {at[0] - 14 - tw, at[1] + 1.8 * th}};
        double[] chosen = null;
        int fewest = Integer.MAX_VALUE;
        for (double[] s : spots) {
            double x = Math.max(p.x() + 4, Math.min(p.x() + p.w() - tw - 4, s[0]));
            double y = Math.max(p.y() + 4, Math.min(p.y() + p.h() - th - 4, s[1]));
            double[] box = {x, y, tw, th};
            if (taken.stream().anyMatch(t -> overlaps(t, box))) {
                continue;
            }
            // Never over its own marker; otherwise the spot that covers the fewest of the curves' points.
            double mark = fontPx * 1.1;
            int covered = pointsUnder(box, fontPx) + (overlaps(box, new double[] {at[0] - mark, at[1] - mark, 2 * mark, 2 * mark})
                    ? 1000 : 0);
            if (covered < fewest) {
                fewest = covered;
                chosen = box;
                if (covered == 0) {
                    break;
                }
            }
        }
        if (chosen == null) {
            double[] last = taken.get(taken.size() - 1);
            chosen = new double[] {Math.max(p.x() + 4, Math.min(p.x() + p.w() - tw - 4, at[0] - tw / 2)),
                    Math.min(p.y() + p.h() - th - 4, last[1] + last[3] + 2), tw, th};
        }
        return chosen;
    }

    /** How many curve points (with their markers' radius) a label's box would cover. */
    private int pointsUnder(double[] box, double fontPx) {
        double r = fontPx * 0.5;
        int n = 0;
        for (List<double[]> curve : curves) {
            for (int i = 0; i < curve.size(); i++) {
                double[] q = curve.get(i);
                if (q[0] + r > box[0] && q[0] - r < box[0] + box[2] && q[1] + r > box[1] && q[1] - r < box[1] + box[3]) {
                    n++;
                }
                // The line between points counts too: its midpoint.
                if (i > 0) {
                    double mx = (q[0] + curve.get(i - 1)[0]) / 2;
                    double my = (q[1] + curve.get(i - 1)[1]) / 2;
                    if (mx > box[0] && mx < box[0] + box[2] && my > box[1] && my < box[1] + box[3]) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
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
