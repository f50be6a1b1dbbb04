package lab.roofline.render.paint;

import java.util.Arrays;
import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.UtilizationLabels;
import lab.roofline.render.pen.ChartPen;

/**
 * The utilization chart's curves: the live scenario's utilization over the batch (with the weight matmuls'
 * own curve and attention's share between them when attention holds it down), each pin's curve and its
 * current batch, and the key to them.
 */
public final class UtilizationCurves {
    private final ChartInk ink;
    private final LogScale xScale;
    private final LogScale yScale;
    private final double w;
    private final double h;

    public UtilizationCurves(ChartInk ink, double w, double h) {
        this.ink = ink;
        this.xScale = UtilizationLabels.x(w);
        this.yScale = UtilizationLabels.y(h);
        this.w = w;
        this.h = h;
    }

    /** The pins' curves under the live one, their markers over every curve, then the key. */
    public void drawCurves(ChartPen g, Evaluation e, List<ChartPin> pins, PinKey key) {
        // The curve; and where attention holds it below the weights' own curve, that curve too, dashed,
        // with attention's share of the step shaded between them.
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        int n = curve.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] weightYs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xScale.toPixel(curve.get(i).batchSize());
            ys[i] = yScale.toPixel(curve.get(i).computeUtilization() * 100);
            weightYs[i] = yScale.toPixel(curve.get(i).weightMatmulUtilization() * 100);
        }
        if (UtilizationLabels.attentionShows(e)) {
            drawAttentionShare(g, xs, ys, weightYs);
        }
        drawPinCurves(g, pins);
        g.setStroke(ink.color(ChartColor.ACCENT));
        g.setLineWidth(2.6);
        g.strokePolyline(xs, ys, n);
        drawPinMarkers(g, pins);
        ink.drawPinKey(g, key, ink.color(ChartColor.ACCENT), ink.color(ChartColor.DECODE));
    }

    /** The weight matmuls' own curve, dashed, and attention's share of the step shaded down to the curve. */
    private void drawAttentionShare(ChartPen g, double[] xs, double[] ys, double[] weightYs) {
        int n = xs.length;
        double[] bandX = new double[2 * n];
        double[] bandY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            bandX[i] = xs[i];
            bandY[i] = weightYs[i];
            bandX[2 * n - 1 - i] = xs[i];
            bandY[2 * n - 1 - i] = ys[i];
        }
        g.setFill(ink.color(ChartColor.ATTENTION).deriveColor(0, 1, 1, 0.13));
        g.fillPolygon(bandX, bandY, 2 * n);
        g.setStroke(ink.color(ChartColor.ACCENT).deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.6);
        g.setLineDashes(7, 5);
        g.strokePolyline(xs, weightYs, n);
        g.setLineDashes();
    }

    /** Each pin's curve in its pattern, faded past its memory wall (batches that would not fit). */
    private void drawPinCurves(ChartPen g, List<ChartPin> pins) {
        for (ChartPin pin : pins) {
            List<Evaluation.BatchPoint> curve = pin.evaluation().utilizationCurve();
            int n = curve.size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            int fitting = 0;
            for (int i = 0; i < n; i++) {
                xs[i] = xScale.toPixel(curve.get(i).batchSize());
                ys[i] = yScale.toPixel(curve.get(i).computeUtilization() * 100);
                if (curve.get(i).fits()) {
                    fitting = i + 1;
                }
            }
            ink.pinLine(g, pin.style(), 2.2);
            if (fitting >= 2) {
                g.strokePolyline(xs, ys, fitting);
            }
            if (fitting < n) {
                int from = Math.max(0, fitting - 1);
                g.setGlobalAlpha(0.35);
                g.strokePolyline(Arrays.copyOfRange(xs, from, n), Arrays.copyOfRange(ys, from, n), n - from);
                g.setGlobalAlpha(1);
            }
            g.setLineDashes();
        }
    }

    /** Each pin's current batch as its marker, over every curve (faded when it does not fit). */
    private void drawPinMarkers(ChartPen g, List<ChartPin> pins) {
        for (ChartPin pin : pins) {
            double[] at = UtilizationLabels.pinPoint(pin, w, h);
            g.setGlobalAlpha(pin.evaluation().memory().fits() ? 1 : 0.45);
            ink.pinMarker(g, pin.style(), at[0], at[1], 6);
            g.setGlobalAlpha(1);
        }
    }
}
