package lab.roofline.render.pen;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The pen that writes SVG elements: vector shapes and real {@code <text>} (a deck can edit the words),
 * placed exactly where the canvas puts them. Text baselines are computed from the font's own ascent and
 * descent rather than left to {@code dominant-baseline}, which slide tools read differently.
 */
public final class SvgPen implements ChartPen {
    /** The chart font first; close fallbacks for a viewer without it. */
    public static final String FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif";
    /** The same for monospaced text (show-your-work formulas). */
    public static final String MONO_FAMILY = "'DejaVu Sans Mono', Consolas, monospace";

    private final StringBuilder out;
    private State state = new State();
    private final Deque<State> saved = new ArrayDeque<>();

    private static final class State {
        Color fill = Color.BLACK;
        Color stroke = Color.BLACK;
        double lineWidth = 1;
        double[] dashes = new double[0];
        double alpha = 1;
        Font font = Font.getDefault();
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        String transform = "";

        State copy() {
            State s = new State();
            s.fill = fill;
            s.stroke = stroke;
            s.lineWidth = lineWidth;
            s.dashes = dashes;
            s.alpha = alpha;
            s.font = font;
            s.align = align;
            s.baseline = baseline;
            s.transform = transform;
            return s;
        }
    }

    /** Writes elements into {@code out}; {@code transform} (SVG syntax, may be empty) places them. */
    public SvgPen(StringBuilder out, String transform) {
        this.out = out;
        state.transform = transform == null ? "" : transform;
    }

    /**
     * A whole SVG document around a body of elements: its view box is the layout size, its outer size that
     * times {@code scale} (an export at 2x is twice as large, with the same coordinates inside).
     */
    public static String document(double width, double height, int scale, CharSequence body) {
        return document(width, height, scale, body, null, null);
    }

    /**
     * As above, with a text alternative for screen readers: the title names the chart and the description
     * says what it shows, in numbers (both may be null).
     */
    public static String document(double width, double height, int scale, CharSequence body, String title,
                                  String description) {
        StringBuilder alt = new StringBuilder();
        if (title != null) {
            alt.append("<title>").append(escape(title)).append("</title>\n");
        }
        if (description != null) {
            alt.append("<desc>").append(escape(description)).append("</desc>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(width * scale)
                + "\" height=\"" + num(height * scale) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\""
                + (title != null ? " role=\"img\" aria-label=\"" + escape(title) + "\"" : "") + ">\n"
                + alt + body + "</svg>\n";
    }

    @Override
    public void setFill(Color color) {
        state.fill = color;
    }

    @Override
    public void setStroke(Color color) {
        state.stroke = color;
    }

    @Override
    public void setLineWidth(double width) {
        state.lineWidth = width;
    }

    @Override
    public void setLineDashes(double... dashes) {
        state.dashes = dashes == null ? new double[0] : dashes.clone();
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        state.alpha = alpha;
    }

    @Override
    public void setFont(Font font) {
        state.font = font;
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        state.align = align;
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        state.baseline = baseline;
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            return;
        }
        double[] ascentDescent = ascentDescent(state.font);
        double baselineY = switch (state.baseline) {
            case TOP -> y + ascentDescent[0];
            case CENTER -> y + (ascentDescent[0] - ascentDescent[1]) / 2;
            case BOTTOM -> y - ascentDescent[1];
            default -> y;
        };
        String anchor = switch (state.align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(baselineY)).append('"');
        if (!anchor.equals("start")) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        Font f = state.font;
        String family = f.getFamily().toLowerCase(Locale.ROOT).contains("mono") ? MONO_FAMILY : FONT_FAMILY;
        out.append(" font-family=\"").append(family).append("\" font-size=\"").append(num(f.getSize()))
                .append('"');
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        if (style.contains("bold")) {
            out.append(" font-weight=\"bold\"");
        }
        if (style.contains("italic") || style.contains("oblique")) {
            out.append(" font-style=\"italic\"");
        }
        paint("fill", state.fill);
        transform();
        out.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        rect(x, y, w, h, 0, 0, true);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        rect(x, y, w, h, 0, 0, false);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        rect(x, y, w, h, arcWidth / 2, arcHeight / 2, true);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        rect(x, y, w, h, arcWidth / 2, arcHeight / 2, false);
    }

    private void rect(double x, double y, double w, double h, double rx, double ry, boolean fill) {
        if (w <= 0 || h <= 0) {
            return;
        }
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append('"');
        if (rx > 0 || ry > 0) {
            out.append(" rx=\"").append(num(rx)).append("\" ry=\"").append(num(ry)).append('"');
        }
        style(fill);
        out.append("/>\n");
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        oval(x, y, w, h, true);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        oval(x, y, w, h, false);
    }

    private void oval(double x, double y, double w, double h, boolean fill) {
        out.append("<ellipse cx=\"").append(num(x + w / 2)).append("\" cy=\"").append(num(y + h / 2))
                .append("\" rx=\"").append(num(w / 2)).append("\" ry=\"").append(num(h / 2)).append('"');
        style(fill);
        out.append("/>\n");
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append('"');
        style(false);
        out.append("/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count) {
        poly("polygon", xs, ys, count, true);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count) {
        poly("polygon", xs, ys, count, false);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int count) {
        poly("polyline", xs, ys, count, false);
    }

    private void poly(String element, double[] xs, double[] ys, int count, boolean fill) {
        if (count < 2) {
            return;
        }
        out.append('<').append(element).append(" points=\"");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append('"');
        style(fill);
        out.append("/>\n");
    }

    @Override
    public void save() {
        saved.push(state.copy());
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            state = saved.pop();
        }
    }

    @Override
    public void translate(double x, double y) {
        state.transform = (state.transform + " translate(" + num(x) + " " + num(y) + ")").trim();
    }

    @Override
    public void scale(double factor) {
        state.transform = (state.transform + " scale(" + num(factor) + ")").trim();
    }

    @Override
    public void rotate(double degrees) {
        state.transform = (state.transform + " rotate(" + num(degrees) + ")").trim();
    }

    private void style(boolean fill) {
        if (fill) {
            paint("fill", state.fill);
        } else {
            out.append(" fill=\"none\"");
            paint("stroke", state.stroke);
            out.append(" stroke-width=\"").append(num(state.lineWidth)).append('"');
            if (state.dashes.length > 0) {
                out.append(" stroke-dasharray=\"");
                for (int i = 0; i < state.dashes.length; i++) {
                    out.append(i == 0 ? "" : " ").append(num(state.dashes[i]));
                }
                out.append('"');
            }
        }
        transform();
    }

    private void paint(String attribute, Color color) {
        Color c = color == null ? Color.TRANSPARENT : color;
        out.append(' ').append(attribute).append("=\"").append(hex(c)).append('"');
        double opacity = c.getOpacity() * state.alpha;
        if (opacity < 0.999) {
            out.append(' ').append(attribute).append("-opacity=\"").append(num(opacity)).append('"');
        }
    }

    private void transform() {
        if (!state.transform.isEmpty()) {
            out.append(" transform=\"").append(state.transform).append('"');
        }
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** Two decimals at most: enough for a pixel, short enough to keep files small. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        String s = String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** XML text: markup characters escaped, control characters (not allowed in XML 1.0) dropped. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (cp >= 0x20 && cp != 0x7f && !(cp >= 0xfffe && cp <= 0xffff)) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }

    private static final Text MEASURE = new Text();

    /** The font's ascent and descent in pixels, as the canvas lays text out. */
    static double[] ascentDescent(Font font) {
        MEASURE.setFont(font);
        MEASURE.setText("Hg");
        MEASURE.setTextOrigin(VPos.BASELINE);
        Bounds b = MEASURE.getLayoutBounds();
        return new double[] {-b.getMinY(), b.getMaxY()};
    }
}
