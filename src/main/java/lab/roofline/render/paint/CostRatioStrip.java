package lab.roofline.render.paint;

import static lab.roofline.render.paint.ChartInk.textWidth;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.CostLayout;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.pen.ChartPen;

/** The cost chart's strip of output/input price ratios: the public APIs' ticks, and this scenario's marker. */
public final class CostRatioStrip {
    private final ChartInk ink;
    private final double w;

    public CostRatioStrip(ChartInk ink, double w, double stripY) {
        this.ink = ink;
        this.w = w;
        this.stripY = stripY;
    }

    private final double stripY;

    /** The scale public API price ratios sit on, log from 1x to 1000x: background. */
    public void drawScale(ChartPen g, List<RatioReference> references, boolean headlineWraps) {
        double y = stripY;
        LogScale scale = CostLayout.ratioScale(w);
        g.setStroke(ink.color(ChartColor.GRID));
        g.setLineWidth(4);
        g.strokeLine(scale.pixelStart(), y, scale.pixelEnd(), y);
        Font tiny = ink.font(0.75, false);
        for (double t : new double[] {1, 10, 100, 1000}) {
            ink.text(g, Units.times(t), scale.toPixel(t), y + 16, TextAlignment.CENTER, VPos.TOP, tiny,
                    ink.color(ChartColor.MUTED));
        }
        double lastRight = -1;
        for (RatioReference r : references) {
            double x = scale.toPixelClamped(r.ratio());
            g.setFill(ink.color(ChartColor.MUTED));
            g.fillRect(x - 1, y - 7, 2, 14);
            String label = Units.times(r.ratio());
            double lw = textWidth(label, tiny);
            if (x - lw / 2 > lastRight + 2) {
                ink.text(g, label, x, y - 9, TextAlignment.CENTER, VPos.BOTTOM, tiny, ink.color(ChartColor.MUTED));
                lastRight = x + lw / 2;
            }
        }
        if (!references.isEmpty() && !headlineWraps) {
            ink.text(g, "Output ÷ input: public API prices (ticks above), this scenario (▲ below)", 16,
                    y - ink.baseFontSize() * 2.9,
                    TextAlignment.LEFT, VPos.TOP, tiny, ink.color(ChartColor.MUTED));
        }
    }

    /** Where this scenario's output/input ratio sits among the API ratios: foreground. */
    public void drawMarker(ChartPen g, double ratio) {
        double x = CostLayout.ratioScale(w).toPixelClamped(ratio);
        double y = stripY;
        g.setFill(ink.color(ChartColor.DECODE));
        // Below the strip: the API ticks' labels are above it, so the marker never covers one.
        g.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {y + 14, y + 14, y + 3}, 3);
    }
}
