package lab.roofline.render.paint;

import static lab.roofline.render.paint.ChartInk.fitted;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.FrontierLayout;
import lab.roofline.render.layout.FrontierTexts;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.PinStyle;
import lab.roofline.render.pen.ChartPen;

/**
 * The frontier chart's curves: one per scenario with a point per batch (hollow past the first-token limit),
 * why a curve is missing, the key to them, and the cheapest point within the limits, starred and named.
 */
public final class FrontierCurves {
    private final ChartInk ink;
    private final FrontierLayout layout;

    public FrontierCurves(ChartInk ink, FrontierLayout layout) {
        this.ink = ink;
        this.layout = layout;
    }

    /** Every curve with its points: the pins first, the live curve on top. */
    public void drawCurves(ChartPen g, Frontier f) {
        double r = ink.baseFontSize() * 0.3;
        // Pins first, the live curve on top.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < f.curves().size(); i++) {
            if (!f.curves().get(i).live()) {
                order.add(i);
            }
        }
        for (int i = 0; i < f.curves().size(); i++) {
            if (f.curves().get(i).live()) {
                order.add(i);
            }
        }
        for (int ci : order) {
            Frontier.Curve c = f.curves().get(ci);
            List<double[]> pts = layout.curves().get(ci);
            if (pts.isEmpty()) {
                continue;
            }
            Color col = curveColor(c);
            g.setStroke(col);
            g.setLineWidth(c.live() ? 2.6 : 2);
            g.setLineDashes(c.live() ? new double[0] : PinStyle.of(c.pinIndex()).dashes());
            double[] xs = pts.stream().mapToDouble(a -> a[0]).toArray();
            double[] ys = pts.stream().mapToDouble(a -> a[1]).toArray();
            g.strokePolyline(xs, ys, xs.length);
            g.setLineDashes();
            for (int i = 0; i < pts.size(); i++) {
                boolean ok = c.points().get(i).withinLimits();
                g.setLineWidth(1.4);
                g.setStroke(col);
                g.setFill(ok ? col : ink.color(ChartColor.PLOT));
                g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
                g.strokeOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            }
        }
    }

    /** Curves that could not be drawn say why: in the middle of an empty plot, else in its corner. */
    public void drawLeftOut(ChartPen g, Frontier f) {
        LabelLayout.Box p = layout.plot();
        List<String> why = FrontierTexts.leftOut(f, layout.metric());
        boolean empty = layout.curves().stream().allMatch(List::isEmpty);
        double y = empty ? p.y() + p.h() / 2 - why.size() * ink.baseFontSize() * 0.7 : p.y() + 8;
        Font reasonFont = empty ? ink.font(1.0, true) : ink.font(0.85, false);
        for (String line : why) {
            ink.text(g, fitted(line, reasonFont, p.w() - 16), empty ? p.x() + p.w() / 2 : p.x() + p.w() - 8, y,
                    empty ? TextAlignment.CENTER : TextAlignment.RIGHT, VPos.TOP, reasonFont, ink.color(ChartColor.WARNING));
            y += ink.baseFontSize() * 1.4;
        }
    }

    /**
     * A key to the curves in the plot's lower-right corner when there is more than one. Returns where it is
     * {x, y, w, h} (labels keep clear of it), or null when there is none.
     */
    public double[] drawKey(ChartPen g, Frontier f) {
        LabelLayout.Box p = layout.plot();
        if (f.curves().size() < 2) {
            return null;
        }
        Font small = ink.font(0.85, false);
        double line = ink.baseFontSize() * 1.35;
        double width = 0;
        List<String> names = new ArrayList<>();
        for (Frontier.Curve c : f.curves()) {
            String n = FrontierTexts.keyName(c);
            names.add(n);
            width = Math.max(width, ink.measuredWidth(n, 0.85, false));
        }
        width = Math.min(width + 40, p.w() * 0.5);
        double height = names.size() * line + 8;
        double x = p.x() + p.w() - width - 8;
        double y = p.y() + p.h() - height - 8;
        g.setFill(ink.color(ChartColor.PLOT).deriveColor(0, 1, 1, 0.9));
        g.fillRoundRect(x, y, width, height, 8, 8);
        g.setStroke(ink.color(ChartColor.GRID));
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, width - 1, height - 1, 8, 8);
        for (int i = 0; i < names.size(); i++) {
            Frontier.Curve c = f.curves().get(i);
            double cy = y + 4 + line * (i + 0.5);
            g.setStroke(curveColor(c));
            g.setLineWidth(2);
            g.setLineDashes(c.live() ? new double[0] : PinStyle.of(c.pinIndex()).dashes());
            g.strokeLine(x + 8, cy, x + 28, cy);
            g.setLineDashes();
            ink.text(g, fitted(names.get(i), small, width - 40), x + 34, cy, TextAlignment.LEFT, VPos.CENTER, small,
                    ink.color(ChartColor.TEXT));
        }
        return new double[] {x, y, width, height};
    }

    /**
     * The cheapest point within the limits on any curve, starred and named (it does not move with the live
     * batch, so it is drawn with the curves); or, when no batch meets both limits, that said. Returns where
     * the point's label is (the live label keeps clear of it), or null.
     */
    public double[] drawCheapest(ChartPen g, Frontier f, double[] keyBox) {
        LabelLayout.Box p = layout.plot();
        double r2 = ink.baseFontSize() * 0.3;
        if (f.cheapest() != null) {
            double[] at = layout.at(f.cheapest().point());
            star(g, at[0], at[1], r2 * 3.2, ink.color(ChartColor.PREFILL));
            return label(g, FrontierTexts.cheapestLabel(f), at, ink.color(ChartColor.TEXT),
                    keyBox == null ? new ArrayList<>() : new ArrayList<>(List.of(keyBox)));
        } else if (layout.metric() == FrontierLayout.Metric.COST && layout.curves().stream().anyMatch(c -> !c.isEmpty())
                || layout.metric() == FrontierLayout.Metric.THROUGHPUT && f.curves().stream().anyMatch(Frontier.Curve::priced)) {
            Font bold = ink.font(0.95, true);
            ink.text(g, fitted("No batch meets both limits: loosen them or change the hardware", bold, p.w() - 16),
                    p.x() + p.w() / 2, p.y() + p.h() - 8, TextAlignment.CENTER, VPos.BOTTOM, bold,
                    ink.color(ChartColor.WARNING));
        }
        return null;
    }

    /**
     * A label beside a marker, above it or below it, whichever is inside the plot and clear of the others;
     * returns its box {x, y, w, h}.
     */
    public double[] label(ChartPen g, String text, double[] at, Color colour, List<double[]> taken) {
        Font bold = ink.font(0.92, true);
        double[] chosen = layout.labelBox(ink.measuredWidth(text, 0.92, true), ink.baseFontSize(), at, taken);
        ink.haloText(g, fitted(text, bold, chosen[2] + 1), chosen[0], chosen[1], TextAlignment.LEFT, VPos.TOP, bold,
                colour);
        return chosen;
    }

    private Color curveColor(Frontier.Curve c) {
        return c.live() ? ink.color(ChartColor.ACCENT) : ink.color(PinStyle.of(c.pinIndex()).color());
    }

    private void star(ChartPen g, double cx, double cy, double radius, Color fill) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? radius : radius * 0.45;
            xs[i] = cx + rr * Math.cos(a);
            ys[i] = cy - rr * Math.sin(a);
        }
        g.setFill(fill);
        g.fillPolygon(xs, ys, 10);
        g.setStroke(ink.color(ChartColor.PLOT));
        g.setLineWidth(1.2);
        g.strokePolygon(xs, ys, 10);
    }
}
