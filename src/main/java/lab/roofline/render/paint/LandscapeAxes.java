package lab.roofline.render.paint;

import static lab.roofline.render.paint.ChartInk.fitted;
import static lab.roofline.render.paint.ChartInk.textWidth;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Units;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.landscape.LandscapeLabels;
import lab.roofline.render.layout.landscape.LandscapeLayout;
import lab.roofline.render.layout.TickLabels;
import lab.roofline.render.pen.ChartPen;

/**
 * The hardware landscape's two panels: peak FLOP/s against bandwidth with the lines of constant ridge
 * point, and the ridge point by release year with its trend; their grids, frames, titles and axis names,
 * and the key to the vendors' colours.
 */
public final class LandscapeAxes {
    private static final double LEFT = LandscapeLayout.LEFT;
    private static final double TOP = LandscapeLayout.TOP;

    private final ChartInk ink;
    private final LandscapeLayout layout;

    public LandscapeAxes(ChartInk ink, LandscapeLayout layout) {
        this.ink = ink;
        this.layout = layout;
    }

    /** First panel: decades of bandwidth and of FLOP/s, and the lines of constant ridge point. */
    public void drawBandwidthPanel(ChartPen g) {
        double bottom = layout.plotBottom();
        Font tick = ink.font(0.8, false);
        g.setLineWidth(1);
        for (double v = layout.bandwidth().min(); v <= layout.bandwidth().max() * 1.0001; v *= 10) {
            double x = layout.bandwidth().toPixel(v);
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(x, TOP, x, bottom);
            ink.text(g, Units.si(v, "B/s"), x, bottom + 6, TextAlignment.CENTER, VPos.TOP, tick, ink.color(ChartColor.MUTED));
        }
        for (double v = layout.peak().min(); v <= layout.peak().max() * 1.0001; v *= 10) {
            double y = layout.peak().toPixel(v);
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(LEFT, y, layout.splitX(), y);
            ink.text(g, TickLabels.tflops(v), LEFT - 6, y, TextAlignment.RIGHT, VPos.CENTER, tick,
                    ink.color(ChartColor.MUTED));
        }
        for (double r : LandscapeLayout.RIDGE_LINES) {
            double[][] line = layout.ridgeLine(r);
            if (line.length == 2) {
                g.setStroke(ink.color(ChartColor.MUTED).deriveColor(0, 1, 1, 0.7));
                g.setLineDashes(5, 4);
                g.strokeLine(line[0][0], line[1][0], line[0][1], line[1][1]);
                g.setLineDashes();
            }
        }
    }

    /** Second panel: years, and decades of the ridge per weight value, with the fitted trend. */
    public void drawYearPanel(ChartPen g) {
        double bottom = layout.plotBottom();
        Font tick = ink.font(0.8, false);
        int firstYear = (int) Math.ceil(layout.years().min());
        int lastYear = (int) Math.floor(layout.years().max());
        // A label every year when they fit side by side, else every second or fifth.
        double perYear = Math.abs(layout.years().toPixel(1) - layout.years().toPixel(0));
        double labelWidth = ink.measuredWidth("2024", 0.8, false) + 8;
        int step = perYear >= labelWidth ? 1 : 2 * perYear >= labelWidth ? 2 : 5;
        for (int y = firstYear; y <= lastYear; y += step) {
            double x = layout.years().toPixel(y);
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(x, TOP, x, bottom);
            ink.text(g, Integer.toString(y), x, bottom + 6, TextAlignment.CENTER, VPos.TOP, tick, ink.color(ChartColor.MUTED));
        }
        for (double v = layout.ridge().min(); v <= layout.ridge().max() * 1.0001; v *= 10) {
            double y = layout.ridge().toPixel(v);
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(layout.secondLeft(), y, layout.plotRight(), y);
            ink.text(g, Units.sig3(v).replaceAll("\\.0+$", ""), layout.secondLeft() - 6, y, TextAlignment.RIGHT, VPos.CENTER,
                    tick, ink.color(ChartColor.MUTED));
        }
        double trend = layout.trendPerYear();
        if (Double.isFinite(trend)) {
            double y0 = layout.years().min();
            double y1 = layout.years().max();
            g.setStroke(ink.color(ChartColor.ACCENT).deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(2);
            g.setLineDashes(8, 5);
            g.strokeLine(layout.years().toPixel(y0), layout.ridge().toPixelClamped(layout.trendAt(y0)),
                    layout.years().toPixel(y1), layout.ridge().toPixelClamped(layout.trendAt(y1)));
            g.setLineDashes();
        }
        // What the trend is fitted to, and (a second line) when its sign depends on the precision.
        double width = layout.plotRight() - layout.secondLeft() - 12;
        double lineHeight = ink.baseFontSize() * 0.8 * 1.3;
        double y = layout.trendNoteTop(lineHeight);
        for (String line : layout.trendNote().split("; ")) {
            ink.text(g, fitted(line, tick, width), layout.secondLeft() + 6, y, TextAlignment.LEFT, VPos.TOP, tick,
                    ink.color(ChartColor.MUTED));
            y += lineHeight;
        }
    }

    /** Frames, titles and axis names. */
    public void drawFramesAndTitles(ChartPen g, double h) {
        double bottom = layout.plotBottom();
        Precision p = layout.precision();
        Font axis = ink.font(0.9, false);
        g.setStroke(ink.color(ChartColor.MUTED));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, layout.splitX() - LEFT - 1, bottom - TOP - 1);
        g.strokeRect(layout.secondLeft() + 0.5, TOP + 0.5, layout.plotRight() - layout.secondLeft() - 1, bottom - TOP - 1);
        ink.text(g, fitted("Memory bandwidth (log scale)", axis, layout.splitX() - LEFT),
                (LEFT + layout.splitX()) / 2, h - 6, TextAlignment.CENTER, VPos.BOTTOM, axis,
                ink.color(ChartColor.TEXT));
        ink.text(g, "Release year", (layout.secondLeft() + layout.plotRight()) / 2, h - 6, TextAlignment.CENTER,
                VPos.BOTTOM, axis, ink.color(ChartColor.TEXT));
        g.save();
        g.translate(16, (TOP + bottom) / 2);
        g.rotate(-90);
        ink.text(g, fitted("Peak " + p.label() + " TFLOP/s (log scale)", axis, bottom - TOP), 0, 0, TextAlignment.CENTER,
                VPos.CENTER, axis, ink.color(ChartColor.TEXT));
        g.restore();
        g.save();
        g.translate(layout.splitX() + 18, (TOP + bottom) / 2);
        g.rotate(-90);
        ink.text(g, fitted("Ridge: FLOPs per " + p.label() + " value", axis, bottom - TOP), 0, 0, TextAlignment.CENTER,
                VPos.CENTER, axis, ink.color(ChartColor.TEXT));
        g.restore();
        Font title = ink.font(1.1, true);
        ink.text(g, fitted("Peak " + p.label() + " vs bandwidth", title, layout.splitX() - LEFT),
                LEFT, 10, TextAlignment.LEFT, VPos.TOP, title, ink.color(ChartColor.TEXT));
        double trend = layout.trendPerYear();
        String trendText = Double.isFinite(trend) ? "  ·  trend ×" + Units.sig3(trend) + " a year"
                : "  ·  too few devices for a trend";
        ink.text(g, fitted("Ridge point by year" + trendText, title, layout.plotRight() - layout.secondLeft()),
                layout.secondLeft(), 10, TextAlignment.LEFT, VPos.TOP, title, ink.color(ChartColor.TEXT));
    }

    /** The vendors' colours, and what is left out. */
    public void drawVendorKey(ChartPen g, Evaluation e) {
        Precision p = layout.precision();
        Font key = ink.font(0.8, false);
        double x = LEFT;
        double keyY = 12 + ink.baseFontSize() * 1.7;
        List<String> vendors = layout.dots().stream().map(d -> d.profile().vendor()).distinct().toList();
        for (String vendor : vendors) {
            double kw = textWidth(vendor, key);
            if (x + 14 + kw > layout.plotRight()) {
                break;
            }
            g.setFill(ink.color(LandscapeLabels.vendorColor(vendor)));
            g.fillOval(x, keyY - 4, 9, 9);
            ink.text(g, vendor, x + 13, keyY, TextAlignment.LEFT, VPos.CENTER, key, ink.color(ChartColor.MUTED));
            x += 13 + kw + 14;
        }
        if (!layout.without().isEmpty()) {
            boolean liveMissing = layout.without().contains(e.scenario().gpu());
            String note = liveMissing ? e.scenario().gpu().shortName() + " has no " + p.label() + " peak; "
                    + layout.without().size() + " not shown" : layout.without().size() + " without " + p.label() + " not shown";
            if (x + textWidth(note, key) <= layout.plotRight()) {
                ink.text(g, note, layout.plotRight(), keyY, TextAlignment.RIGHT, VPos.CENTER, key, ink.color(ChartColor.MUTED));
            }
        }
    }

    /** The two panels' plot areas. */
    public void drawPanels(ChartPen g) {
        double bottom = layout.plotBottom();
        for (double[] panel : new double[][] {{LEFT, layout.splitX()}, {layout.secondLeft(), layout.plotRight()}}) {
            g.setFill(ink.color(ChartColor.PLOT));
            g.fillRect(panel[0], TOP, panel[1] - panel[0], bottom - TOP);
        }
    }
}
