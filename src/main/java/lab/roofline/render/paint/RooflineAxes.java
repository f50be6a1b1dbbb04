package lab.roofline.render.paint;

import java.util.List;

import static lab.roofline.render.paint.ChartInk.firstFitting;
import static lab.roofline.render.paint.ChartInk.fitted;
import static lab.roofline.render.paint.ChartInk.textWidth;

import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.TickLabels;
import lab.roofline.render.pen.ChartPen;

/**
 * The roofline chart's frame of reference: the plot with its memory- and compute-bound regions, the log
 * grid with its decades, the frame, the axis titles, and the title naming the device and the precision.
 */
public final class RooflineAxes {
    private static final double LEFT = RooflineGeometry.LEFT;
    private static final double TOP = RooflineGeometry.TOP;

    private final ChartInk ink;
    private final RooflineGeometry geometry;
    private final LogScale xScale;
    private final LogScale yScale;

    public RooflineAxes(ChartInk ink, RooflineGeometry geometry) {
        this.ink = ink;
        this.geometry = geometry;
        this.xScale = geometry.x();
        this.yScale = geometry.y();
    }

    /** The plot area, memory-bound left of the current roof's ridge and compute-bound right of it. */
    public void drawRegions(ChartPen g, Evaluation e) {
        double plotRight = geometry.plotRight();
        double plotBottom = geometry.plotBottom();
        double ridgeX = xScale.toPixelClamped(e.currentRoof().ridgeFlopsPerByte());
        g.setFill(ink.color(ChartColor.PLOT));
        g.fillRect(LEFT, TOP, plotRight - LEFT, plotBottom - TOP);
        g.setFill(ink.color(ChartColor.MEMORY_REGION));
        g.fillRect(LEFT, TOP, ridgeX - LEFT, plotBottom - TOP);
        g.setFill(ink.color(ChartColor.COMPUTE_REGION));
        g.fillRect(ridgeX, TOP, plotRight - ridgeX, plotBottom - TOP);
    }

    /** A line per decade on both axes with its number, and minor ticks between the intensity decades. */
    public void drawGrid(ChartPen g) {
        double plotRight = geometry.plotRight();
        double plotBottom = geometry.plotBottom();
        Font tick = ink.font(0.85, false);
        g.setLineWidth(1);
        // On a small chart every other decade keeps its number, so neighbours never touch.
        double decadeWidth = (plotRight - LEFT) / 7;
        int xStep = textWidth("100k", tick) + 8 > decadeWidth ? 2 : 1;
        List<Double> decades = geometry.flopsDecades();
        double decadeHeight = decades.size() < 2 ? Double.MAX_VALUE
                : Math.abs(yScale.toPixel(decades.get(0)) - yScale.toPixel(decades.get(1)));
        int yStep = (int) Math.max(1, Math.ceil(tick.getSize() * 1.2 / decadeHeight));
        for (int exp = -1; exp <= 6; exp++) {
            double v = Math.pow(10, exp);
            double x = xScale.toPixel(v);
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(x, TOP, x, plotBottom);
            g.setStroke(ink.color(ChartColor.GRID).deriveColor(0, 1, 1, 0.45));
            for (int m = 2; m <= 9 && exp < 6; m++) {
                double xm = xScale.toPixel(v * m);
                g.strokeLine(xm, plotBottom - 5, xm, plotBottom);
            }
            if ((exp + 1) % xStep == 0) {
                ink.text(g, TickLabels.intensity(v), x, plotBottom + 6, TextAlignment.CENTER, VPos.TOP, tick,
                        ink.color(ChartColor.MUTED));
            }
        }
        for (int i = 0; i < decades.size(); i++) {
            double y = yScale.toPixel(decades.get(i));
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(LEFT, y, plotRight, y);
            if (i % yStep == 0) {
                ink.text(g, TickLabels.tflops(decades.get(i)), LEFT - 8, y, TextAlignment.RIGHT, VPos.CENTER, tick,
                        ink.color(ChartColor.MUTED));
            }
        }
    }

    /**
     * The frame, the axis titles and the title; and, when there is room beside the title, the key to the
     * decode path's dots. Returns whether that key was drawn.
     */
    public boolean drawFrameAndTitles(ChartPen g, Evaluation e, double h, boolean decodePathShown) {
        double plotRight = geometry.plotRight();
        double plotBottom = geometry.plotBottom();
        g.setStroke(ink.color(ChartColor.MUTED));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotRight - LEFT - 1, plotBottom - TOP - 1);
        ink.text(g, firstFitting(ink.font(0.95, false), plotRight - LEFT, "Arithmetic intensity (FLOP/byte, log scale)",
                        "Intensity (FLOP/byte, log scale)", "FLOP/byte"),
                (LEFT + plotRight) / 2, h - 6, TextAlignment.CENTER,
                VPos.BOTTOM, ink.font(0.95, false), ink.color(ChartColor.TEXT));
        g.save();
        g.translate(16, (TOP + plotBottom) / 2);
        g.rotate(-90);
        ink.text(g, firstFitting(ink.font(0.95, false), plotBottom - TOP, "Attainable TFLOP/s (log scale)",
                        "TFLOP/s (log scale)", "TFLOP/s"), 0, 0,
                TextAlignment.CENTER, VPos.CENTER, ink.font(0.95, false), ink.color(ChartColor.TEXT));
        g.restore();
        String title = title(e, plotRight - LEFT);
        ink.text(g, fitted(title, ink.font(1.15, true), plotRight - LEFT), LEFT, 12, TextAlignment.LEFT, VPos.TOP,
                ink.font(1.15, true), ink.color(ChartColor.TEXT));
        // The small dots need a key: they are the decode step as the batch doubles, up to the memory wall.
        if (e.decodePath().size() >= 2 && decodePathShown) {
            Font key = ink.font(0.8, false);
            String legend = "● decode at batch 1, 2, 4, 8 … as it grows";
            double right = geometry.plotRight();
            if (LEFT + textWidth(title, ink.font(1.15, true)) + 24 + textWidth(legend, key) <= right) {
                ink.text(g, legend, right, 12 + ink.baseFontSize() * 0.3, TextAlignment.RIGHT, VPos.TOP, key,
                        ink.color(ChartColor.DECODE));
                return true;
            }
        }
        return false;
    }

    /**
     * The longest wording that fits: a narrow (or zoomed) chart drops "Roofline" before it cuts the
     * precision, which is what a reader needs to read the roofs.
     */
    private String title(Evaluation e, double room) {
        String devices = e.scenario().gpuCount() > 1 ? e.scenario().gpuCount() + " × " : "";
        String split = e.scenario().pipelineStages() > 1
                ? " (" + Scenario.layoutName(e.scenario().gpuCount(), e.scenario().pipelineStages()) + ")" : "";
        String gpu = devices + e.scenario().gpu().name() + split;
        String precision = e.computePrecision().label();
        Font font = ink.font(1.15, true);
        String title = "Roofline  ·  " + gpu + "  ·  " + precision + " math";
        for (String shorter : new String[] {gpu + "  ·  " + precision + " math", precision + " math  ·  " + gpu}) {
            if (textWidth(title, font) > room) {
                title = shorter;
            }
        }
        if (textWidth(title, font) > room && !e.scenario().gpu().whatIf().isNone()) {
            // A long name is shortened before its what-if: a chart never passes a what-if off as the device.
            String suffix = " with " + e.scenario().gpu().whatIf().describe();
            String head = precision + " math  ·  ";
            String name = gpu.substring(0, gpu.length() - suffix.length());
            double nameRoom = room - textWidth(head + suffix, font);
            title = head + fitted(name, font, Math.max(20, nameRoom)) + suffix;
        }
        return title;
    }
}
