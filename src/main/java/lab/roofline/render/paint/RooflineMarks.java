package lab.roofline.render.paint;

import javafx.scene.paint.Color;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.RooflineLabels;
import lab.roofline.render.pen.ChartPen;

/** The roofline chart's marks that move with the batch: the operating points and the lesson's guess. */
public final class RooflineMarks {
    /** An operating point's radius. */
    private static final double POINT_RADIUS = 7;

    private final ChartInk ink;

    public RooflineMarks(ChartInk ink) {
        this.ink = ink;
    }

    /** An operating point: a dot, or a diamond (decode attention), outlined in the plot's colour. */
    public void drawPoint(ChartPen g, double x, double y, Color color, boolean diamond) {
        g.setFill(color);
        g.setStroke(ink.color(ChartColor.PLOT));
        g.setLineWidth(2);
        double r = POINT_RADIUS;
        if (diamond) {
            double[] xs = {x, x + r, x, x - r};
            double[] ys = {y - r, y, y + r, y};
            g.fillPolygon(xs, ys, 4);
            g.strokePolygon(xs, ys, 4);
        } else {
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /**
     * The lesson's hollow "your guess" marker, dashed with a cross in it, and a focus ring around it while
     * the arrow keys move it. Its label is laid out with the chart's other labels and drawn with them.
     */
    public void drawGuess(ChartPen g, RooflineGeometry.Point at, boolean keysMoveIt) {
        double r = RooflineLabels.GUESS_RADIUS; // its label keeps clear of it
        g.setStroke(ink.color(ChartColor.DECODE));
        g.setLineWidth(2.5);
        g.setLineDashes(5, 4);
        g.strokeOval(at.x() - r, at.y() - r, 2 * r, 2 * r);
        g.setLineDashes();
        g.strokeLine(at.x() - 4, at.y(), at.x() + 4, at.y());
        g.strokeLine(at.x(), at.y() - 4, at.x(), at.y() + 4);
        if (keysMoveIt) {
            // The keys move it now: said by a focus ring around it.
            g.setStroke(ink.color(ChartColor.ACCENT));
            g.setLineWidth(2);
            g.strokeOval(at.x() - r - 5, at.y() - r - 5, 2 * r + 10, 2 * r + 10);
        }
    }
}
