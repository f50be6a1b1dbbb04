package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Spot;

/** Candidate spots for a label, in the order it tries them: around its point, or anywhere in the plot. */
public final class LabelSpots {
    private LabelSpots() {
    }

    /**
     * The usual spots around a point, the preferred first: right-below, right-above, left-below, left-above,
     * directly above and below, then the same further out with a leader line.
     */
    public static List<Spot> around(double x, double y, double w, double h, double gap, boolean preferAbove,
                                    boolean preferLeft) {
        List<Spot> spots = new ArrayList<>();
        for (double distance : new double[] {gap, gap * 2.6, gap * 4.5}) {
            boolean leader = distance > gap;
            double right = x + distance;
            double left = x - distance - w;
            double below = y + distance * 0.55;
            double above = y - distance * 0.55 - h;
            double[][] order = preferLeft
                    ? new double[][] {{left, preferAbove ? above : below}, {left, preferAbove ? below : above},
                            {right, preferAbove ? above : below}, {right, preferAbove ? below : above}}
                    : new double[][] {{right, preferAbove ? above : below}, {right, preferAbove ? below : above},
                            {left, preferAbove ? above : below}, {left, preferAbove ? below : above}};
            for (double[] p : order) {
                spots.add(new Spot(p[0], p[1], leader));
            }
            spots.add(new Spot(x - w / 2, y - distance - h, leader));
            spots.add(new Spot(x - w / 2, y + distance, leader));
        }
        return spots;
    }

    /**
     * The last resort for a label that must be shown: every spot on a grid over the plot ({@code bounds}),
     * nearest to its point first, each with a leader line back to the point.
     */
    public static List<Spot> anywhereNear(Box bounds, double x, double y, double w, double h) {
        double padding = LabelLayout.PADDING;
        List<Spot> spots = new ArrayList<>();
        double stepX = Math.max(8, w / 3);
        double stepY = Math.max(6, h / 2);
        for (double top = bounds.y() + padding; top + h <= bounds.bottom() - padding; top += stepY) {
            for (double left = bounds.x() + padding; left + w <= bounds.right() - padding; left += stepX) {
                spots.add(new Spot(left, top, true));
            }
        }
        spots.sort(Comparator.comparingDouble(s -> Math.hypot(s.x() + w / 2 - x, s.y() + h / 2 - y)));
        return spots;
    }

    /** Boxes along a polyline, one every {@code radius} (at least 2 px), each room for a marker of that radius. */
    static List<Box> along(double[] xs, double[] ys, double radius) {
        List<Box> boxes = new ArrayList<>();
        double step = Math.max(2, radius);
        for (int i = 0; i + 1 < xs.length; i++) {
            double length = Math.hypot(xs[i + 1] - xs[i], ys[i + 1] - ys[i]);
            if (!Double.isFinite(length)) {
                continue; // a point off to infinity is not drawn either
            }
            int n = (int) Math.max(1, Math.min(10_000, Math.ceil(length / step)));
            for (int k = 0; k <= n; k++) {
                double t = (double) k / n;
                boxes.add(Box.around(xs[i] + t * (xs[i + 1] - xs[i]), ys[i] + t * (ys[i + 1] - ys[i]),
                        2 * radius, 2 * radius));
            }
        }
        return boxes;
    }
}
