package lab.roofline.render.paint;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.HoverCardPlacement;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.LeaderLines;
import lab.roofline.render.layout.TextFitting;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.PinStyle;
import lab.roofline.render.pen.ChartPen;

/**
 * What a chart draws with: its theme's colours and text size (read from the chart's CSS each time, so a
 * theme change shows at the next redraw), its fonts and text measuring, and the pieces every chart draws
 * alike: text on a backing, hover cards, placed labels, the pins' lines, markers and key, the lesson's ring.
 */
public final class ChartInk {
    private final Function<ChartColor, Color> colors;
    private final DoubleSupplier fontSizePx;

    /**
     * @param colors     each colour role's colour in the current theme
     * @param fontSizePx the chart's text size at 100 %, in drawing units
     */
    public ChartInk(Function<ChartColor, Color> colors, DoubleSupplier fontSizePx) {
        this.colors = colors;
        this.fontSizePx = fontSizePx;
    }

    /** A colour of the current theme. */
    public Color color(ChartColor c) {
        return colors.apply(c);
    }

    public double baseFontSize() {
        return fontSizePx.getAsDouble();
    }

    public Font font(double scale, boolean bold) {
        return fontOfSize(baseFontSize() * scale, bold);
    }

    /** The chart fonts, by size (negative: bold): a handful, made once, for drawing and measuring alike. */
    private static final Map<Double, Font> FONTS = new HashMap<>();

    /**
     * No chart text is smaller than this, in drawing units (12 px at 100 %, scaled with the zoom like the
     * rest of the chart): a secondary label is smaller than the title, never unreadable from the back row.
     */
    public static final double MIN_TEXT_PX = 12;

    private static Font fontOfSize(double askedPx, boolean bold) {
        double sizePx = Math.max(MIN_TEXT_PX, askedPx);
        return FONTS.computeIfAbsent(bold ? -sizePx : sizePx,
                k -> Font.font("DejaVu Sans", bold ? FontWeight.BOLD : FontWeight.NORMAL, sizePx));
    }

    private static final Text MEASURE = new Text();

    /** Width of a string in a font; one reused Text node, as measuring happens many times per frame. */
    public static double textWidth(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** The text, shortened with an ellipsis to fit a width: a title never runs off the chart. */
    public static String fitted(String text, Font font, double width) {
        return TextFitting.fitted(text, width, t -> textWidth(t, font));
    }

    /** The first wording that fits a width whole, longest first (see {@link TextFitting#firstFitting}). */
    public static String firstFitting(Font font, double width, String... wordings) {
        return TextFitting.firstFitting(width, t -> textWidth(t, font), wordings);
    }

    /**
     * The width of text in this chart's font at a scale, remembered: what a chart measures on every frame
     * (a legend, a total) costs a text layout only the first time.
     */
    public double measuredWidth(String text, double fontScale, boolean bold) {
        return measure().width(text, baseFontSize() * fontScale, bold);
    }

    /** Measures text as this chart draws it: what its label layouts need. */
    public LabelLayout.TextMeasure measure() {
        return (text, sizePx, bold) -> {
            String key = (bold ? "b" : "n") + sizePx + "|" + text;
            Double known = measured.get(key);
            if (known != null) {
                return known;
            }
            double width = textWidth(text, fontOfSize(sizePx, bold));
            measured.put(key, width);
            return width;
        };
    }

    /**
     * Widths already measured: most labels read the same from frame to frame, and measuring lays text out,
     * the costliest part of a layout. Least recently used first out, so a long drag keeps it small.
     */
    private final Map<String, Double> measured = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > 256;
        }
    };

    /** Text with its top-left, centre or right edge at (x, y). */
    public void text(ChartPen g, String s, double x, double y, TextAlignment align, VPos baseline,
                     Font font, Color color) {
        g.setFont(font);
        g.setFill(color);
        g.setTextAlign(align);
        g.setTextBaseline(baseline);
        g.fillText(s, x, y);
    }

    /**
     * Text on a plot-coloured backing, readable over lines. A filled box, not a stroked glyph outline:
     * stroking text is the most expensive thing the software renderer does.
     */
    public void haloText(ChartPen g, String s, double x, double y, TextAlignment align, VPos baseline,
                         Font font, Color color) {
        double w = textWidth(s, font);
        double h = font.getSize() * 1.2;
        double left = switch (align) {
            case RIGHT -> x - w;
            case CENTER -> x - w / 2;
            default -> x;
        };
        double top = switch (baseline) {
            case TOP -> y;
            case CENTER -> y - h / 2;
            case BOTTOM -> y - h;
            default -> y - font.getSize();
        };
        backing(g, left, top, w, h);
        text(g, s, x, y, align, baseline, font, color);
    }

    /** The plot-coloured box behind a text of this size at this top-left corner. */
    private void backing(ChartPen g, double left, double top, double w, double h) {
        g.setFill(color(ChartColor.PLOT).deriveColor(0, 1, 1, 0.82));
        g.fillRoundRect(left - 3, top - 1, w + 6, h + 2, 6, 6);
    }

    /** Draws a placed label on its backing, with a thin leader line to its point when it was moved away. */
    public void drawLabel(ChartPen g, LabelLayout.Label label) {
        Font f = font(label.style().fontScale(), label.style().bold());
        Color c = color(label.style().color());
        if (label.hasLeader()) {
            double[] leader = LeaderLines.of(label.box(), label.leaderTo()); // as the layout kept it off labels
            g.setStroke(c.deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(1);
            g.strokeLine(leader[0], leader[1], leader[2], leader[3]);
        }
        // The layout measured the text already: the backing comes from its box, no second text layout.
        LabelLayout.Box b = label.box();
        backing(g, b.x(), b.y(), b.w(), f.getSize() * 1.2);
        text(g, label.text(), b.x(), b.y(), TextAlignment.LEFT, VPos.TOP, f, c);
    }

    /** A rounded card with lines of text, kept inside the chart. */
    public void card(ChartPen g, List<String> lines, double anchorX, double anchorY, double w, double h) {
        Font f = font(0.92, false);
        Font bold = font(0.92, true);
        double lineH = baseFontSize() * 1.35;
        double width = 0;
        for (int i = 0; i < lines.size(); i++) {
            width = Math.max(width, textWidth(lines.get(i), i == 0 ? bold : f));
        }
        width += 20;
        double height = lines.size() * lineH + 12;
        double[] origin = HoverCardPlacement.origin(anchorX, anchorY, width, height, w, h);
        double x = origin[0];
        double y = origin[1];
        g.setFill(color(ChartColor.PLOT)); // opaque: nothing of the chart shows through the numbers
        g.setStroke(color(ChartColor.MUTED));
        g.setLineWidth(1);
        g.fillRoundRect(x, y, width, height, 10, 10);
        g.strokeRoundRect(x + 0.5, y + 0.5, width, height, 10, 10);
        for (int i = 0; i < lines.size(); i++) {
            text(g, lines.get(i), x + 10, y + 6 + i * lineH, TextAlignment.LEFT, VPos.TOP, i == 0 ? bold : f,
                    color(ChartColor.TEXT));
        }
    }

    /** A ring that draws the eye to what the lesson is talking about. */
    public void ring(ChartPen g, double x, double y, double radius) {
        g.setStroke(color(ChartColor.WARNING).deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(9);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setStroke(color(ChartColor.WARNING));
        g.setLineWidth(2.5);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    /**
     * Draws the key to the live scenario and the pins: a row each, a sample of its line and its marker, then
     * its name. The live scenario's row shows {@code liveLine} solid with a {@code liveMarker} dot.
     */
    public void drawPinKey(ChartPen g, PinKey key, Color liveLine, Color liveMarker) {
        if (key == null) {
            return;
        }
        LabelLayout.Box b = key.box();
        g.setFill(color(ChartColor.PLOT).deriveColor(0, 1, 1, 0.92));
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 8, 8);
        g.setStroke(color(ChartColor.GRID));
        g.setLineWidth(1);
        g.strokeRoundRect(b.x() + 0.5, b.y() + 0.5, b.w() - 1, b.h() - 1, 8, 8);
        Font f = font(PinKey.TEXT.fontScale(), false);
        double markerRadius = baseFontSize() * 0.36;
        for (PinKey.Row row : key.rows()) {
            double x0 = row.sampleLeft();
            double x1 = x0 + PinKey.SAMPLE;
            double cy = row.centreY();
            if (row.style() == null) {
                g.setStroke(liveLine);
                g.setLineWidth(2.4);
                g.strokeLine(x0, cy, x1, cy);
                g.setFill(liveMarker);
                g.setStroke(color(ChartColor.PLOT));
                g.setLineWidth(1.5);
                g.fillOval((x0 + x1) / 2 - markerRadius, cy - markerRadius, 2 * markerRadius, 2 * markerRadius);
                g.strokeOval((x0 + x1) / 2 - markerRadius, cy - markerRadius, 2 * markerRadius, 2 * markerRadius);
            } else {
                pinLine(g, row.style(), 2.2);
                g.strokeLine(x0, cy, x1, cy);
                g.setLineDashes();
                pinMarker(g, row.style(), (x0 + x1) / 2, cy, markerRadius);
            }
            text(g, row.text(), row.textLeft(), cy, TextAlignment.LEFT, VPos.CENTER, f, color(ChartColor.TEXT));
        }
    }

    /** Sets the stroke to a pin's colour and line pattern (the caller sets the dashes back). */
    public void pinLine(ChartPen g, PinStyle style, double width) {
        g.setStroke(color(style.color()));
        g.setLineWidth(width);
        g.setLineDashes(style.dashes());
    }

    /** A pin's marker at (x, y), in its colour with a plot-coloured outline that parts it from lines. */
    public void pinMarker(ChartPen g, PinStyle style, double x, double y, double radius) {
        g.setFill(color(style.color()));
        g.setStroke(color(ChartColor.PLOT));
        g.setLineWidth(1.5);
        double[][] outline = style.outline(x, y, radius);
        g.fillPolygon(outline[0], outline[1], outline[0].length);
        g.strokePolygon(outline[0], outline[1], outline[0].length);
    }
}
