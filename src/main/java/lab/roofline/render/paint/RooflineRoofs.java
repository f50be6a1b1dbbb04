package lab.roofline.render.paint;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.pen.ChartPen;

/**
 * The roofline chart's roofs: the device's other precisions faint and dashed, each pin's in its pattern,
 * the current one on top; the ridge point where its slope meets its peak; and the path decode follows up
 * the slope as the batch grows.
 */
public final class RooflineRoofs {
    private final ChartInk ink;
    private final RooflineGeometry geometry;

    public RooflineRoofs(ChartInk ink, RooflineGeometry geometry) {
        this.ink = ink;
        this.geometry = geometry;
    }

    /** Every roof: the other precisions', the pins', then the current one. */
    public void drawRoofs(ChartPen g, Evaluation e, List<ChartPin> pins) {
        Evaluation.Roof roof = e.currentRoof();
        // Fainter roofs for the device's other precisions; precisions with the same peak share a line.
        for (Evaluation.Roof other : e.roofs()) {
            if (other.precision() == roof.precision()) {
                continue;
            }
            g.setStroke(ink.color(ChartColor.MUTED).deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(1.3);
            g.setLineDashes(5, 4);
            strokeRoof(g, other);
            g.setLineDashes();
        }

        // The pins' roofs, each in its pattern: under the live roof, which stays on top.
        for (ChartPin pin : pins) {
            ink.pinLine(g, pin.style(), 2.2);
            strokeRoof(g, pin.evaluation().currentRoof());
            g.setLineDashes();
        }

        // The current roof.
        g.setStroke(ink.color(ChartColor.ACCENT));
        g.setLineWidth(3.2);
        strokeRoof(g, roof);
    }

    /** The current roof's ridge point, and a dashed line down from it; returns where it is drawn. */
    public RooflineGeometry.Point drawRidge(ChartPen g) {
        RooflineGeometry.Point ridge = geometry.ridge();
        g.setStroke(ink.color(ChartColor.ACCENT).deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1.2);
        g.setLineDashes(3, 4);
        g.strokeLine(ridge.x(), ridge.y(), ridge.x(), geometry.plotBottom());
        g.setLineDashes();
        g.setFill(ink.color(ChartColor.ACCENT));
        g.fillOval(ridge.x() - 5, ridge.y() - 5, 10, 10);
        return ridge;
    }

    /** Where decode goes as the batch doubles: a line up the roof with a dot per doubling. */
    public void drawDecodePath(ChartPen g, Evaluation e) {
        List<Evaluation.BatchPoint> path = e.decodePath();
        if (path.size() < 2) {
            return;
        }
        g.setStroke(ink.color(ChartColor.DECODE).deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(2);
        List<RooflineGeometry.Point> points = geometry.decodePath();
        polyline(g, points);
        // A dot per doubling of the batch, so the path reads as steps along the roof.
        g.setFill(ink.color(ChartColor.DECODE).deriveColor(0, 1, 1, 0.85));
        for (int i = 0; i < path.size(); i++) {
            if (Long.bitCount(path.get(i).batchSize()) == 1 || i == path.size() - 1) {
                g.fillOval(points.get(i).x() - 3.5, points.get(i).y() - 3.5, 7, 7);
            }
        }
    }

    private void strokeRoof(ChartPen g, Evaluation.Roof roof) {
        polyline(g, geometry.roof(roof));
    }

    private static void polyline(ChartPen g, List<RooflineGeometry.Point> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).x();
            ys[i] = points.get(i).y();
        }
        g.strokePolyline(xs, ys, points.size());
    }
}
