package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Spot;
import lab.roofline.render.layout.LabelLayout.Style;

/**
 * The roofs' names, each on its own flat part and in the roofs' order: a name sits between its line and the
 * next roof's, never beyond another roof (BF16's name above the INT8 roof would read as the higher one).
 */
final class RoofLabels {
    private RoofLabels() {
    }

    /** A drawn roof's flat part: from where it turns flat to the plot's right edge, at its peak's height. */
    record Flat(double fromX, double y) {
    }

    /** Every drawn roof's flat part, one per distinct peak (the current roof's from the ridge). */
    static List<Flat> flats(Evaluation e, RooflineGeometry geo) {
        List<Flat> flats = new ArrayList<>();
        for (Evaluation.Roof r : e.roofs()) {
            double y = geo.y().toPixel(r.peakFlopsPerSecond());
            if (flats.stream().noneMatch(f -> f.y() == y)) {
                flats.add(new Flat(geo.x().toPixelClamped(r.peakFlopsPerSecond() / r.bandwidthBytesPerSecond()), y));
            }
        }
        return flats;
    }

    /** Whether a label's box for the roof at {@code lineY} lies between that roof's neighbours where they are drawn. */
    static boolean inOrder(Box box, double lineY, List<Flat> flats) {
        for (Flat f : flats) {
            if (f.y() == lineY || f.fromX() >= box.right()) {
                continue;
            }
            if (f.y() < lineY ? box.y() < f.y() + 1 : box.bottom() > f.y() - 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * A label on a roof's flat part: along it from the right end, on the preferred side of the line, then the
     * other, in the roofs' order; else (a must-show label) the nearest free place with a leader line to the
     * line's right end, which says whose name it is: every drawn roof is named.
     */
    static void place(LabelLayout layout, String id, String text, Style style, double flatFrom, double lineY,
                      double plotRight, boolean belowFirst, List<Flat> flats) {
        double w = layout.width(text, style);
        double h = layout.height(style);
        // The current roof's labels stay clear of the points that travel along it; the others hug their line.
        double gap = belowFirst ? RooflineLabels.POINT_RADIUS + LabelLayout.PADDING + 2 : 5;
        double above = lineY - gap - h;
        double below = lineY + gap;
        List<Spot> ordered = new ArrayList<>();
        for (double end = plotRight - 8; end - w >= flatFrom + 4; end -= w / 4) {
            for (double y : belowFirst ? new double[] {below, above} : new double[] {above, below}) {
                if (inOrder(new Box(end - w, y, w, h), lineY, flats)) {
                    ordered.add(Spot.at(end - w, y));
                }
            }
        }
        layout.place(id, text, style, new double[] {plotRight - 12, lineY}, ordered, true);
    }
}
