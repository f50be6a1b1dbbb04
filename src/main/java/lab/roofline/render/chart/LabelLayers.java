package lab.roofline.render.chart;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.paint.ChartInk;
import lab.roofline.render.pen.ChartPen;

/**
 * A chart's labels in two layers: the still ones, laid out once per background and size and drawn with
 * the background, and the ones that move with every frame, drawn over the chart's markers.
 */
final class LabelLayers {
    /** This frame's labels (null for a chart that places its text itself), and which of them move. */
    private LabelLayout labels;
    private Predicate<LabelLayout.Label> moving = l -> false;
    private LabelLayout still;
    private Object stillKey;

    /**
     * Lays out this frame's labels: the still ones again only when {@code key} changes ({@code still} builds
     * them), the moving ones ({@code addMoving}, to a copy) every frame.
     */
    LabelLayout layOut(Object key, Supplier<LabelLayout> still, UnaryOperator<LabelLayout> addMoving,
                       Predicate<LabelLayout.Label> isMoving) {
        if (!key.equals(stillKey)) {
            this.still = still.get();
            stillKey = key;
        }
        moving = isMoving;
        labels = addMoving.apply(this.still);
        return labels;
    }

    /** This frame's labels, or null. */
    LabelLayout labels() {
        return labels;
    }

    /** Identifies the still labels; part of the background's key. */
    Object stillKey() {
        return labels == null ? "" : labels.labels().stream().filter(moving.negate())
                .map(l -> List.of(l.text(), l.box(), l.style())).toList();
    }

    /** Draws the still labels, over the background and under the foreground. */
    void drawStill(ChartPen g, ChartInk ink) {
        if (labels != null) {
            labels.labels().stream().filter(moving.negate()).forEach(l -> ink.drawLabel(g, l));
        }
    }

    /** Draws this frame's moving labels. */
    void drawMoving(ChartPen g, ChartInk ink) {
        if (labels != null) {
            labels.labels().stream().filter(moving).forEach(l -> ink.drawLabel(g, l));
        }
    }

    /** Draws again, on top, the labels a box around a point covers (a lesson's ring must not hide text). */
    void drawOver(ChartPen g, ChartInk ink, LabelLayout.Box around) {
        LabelLayout layout = labels;
        if (layout != null) {
            layout.labels().stream().filter(l -> LabelLayout.padded(l.box()).overlaps(around))
                    .forEach(l -> ink.drawLabel(g, l));
        }
    }
}
