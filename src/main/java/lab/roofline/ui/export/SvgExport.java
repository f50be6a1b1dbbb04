package lab.roofline.ui.export;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import lab.roofline.ui.chart.CanvasChart;
import lab.roofline.ui.chart.SvgPen;

/**
 * A laid-out page as SVG: region backgrounds and borders as rectangles, text as {@code <text>} lines
 * where the layout put them, and each chart drawn by its own code through an {@link SvgPen}. So the SVG
 * shows what the PNG shows, in vector form, with words a slide tool can edit.
 */
final class SvgExport {
    private SvgExport() {
    }

    /** The page as an SVG document, sized in pixels at {@code scale} (its view box is the layout size). */
    static String of(Region page, int scale) {
        StringBuilder body = new StringBuilder(1 << 16);
        walk(page, page, body, 1);
        double w = page.getWidth();
        double h = page.getHeight();
        String document = SvgPen.document(w, h, body);
        // Scale by the outer size only: the view box keeps the layout's coordinates.
        return document.replaceFirst("width=\"[^\"]*\" height=\"[^\"]*\"",
                "width=\"" + fmt(w * scale) + "\" height=\"" + fmt(h * scale) + "\"");
    }

    private static void walk(Node node, Region page, StringBuilder out, double opacity) {
        if (!node.isVisible()) {
            return;
        }
        double alpha = opacity * node.getOpacity();
        if (node instanceof CanvasChart chart) {
            Point2D origin = chart.localToScene(0, 0);
            out.append("<g opacity=\"").append(fmt(alpha)).append("\">\n");
            chart.paintTo(new SvgPen(out, "translate(" + fmt(origin.getX()) + " " + fmt(origin.getY()) + ")"));
            out.append("</g>\n");
            return;
        }
        if (node instanceof Region region) {
            region(region, out, alpha);
        }
        if (node instanceof Text text) {
            text(text, out, alpha);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, page, out, alpha);
            }
        }
    }

    private static void region(Region r, StringBuilder out, double alpha) {
        Bounds b = r.localToScene(r.getLayoutBounds());
        if (r.getBackground() != null) {
            for (BackgroundFill fill : r.getBackground().getFills()) {
                Color c = color(fill.getFill());
                if (c == null || c.getOpacity() * alpha <= 0) {
                    continue;
                }
                var in = fill.getInsets();
                double radius = fill.getRadii() == null ? 0 : fill.getRadii().getTopLeftHorizontalRadius();
                rect(out, b.getMinX() + in.getLeft(), b.getMinY() + in.getTop(),
                        b.getWidth() - in.getLeft() - in.getRight(), b.getHeight() - in.getTop() - in.getBottom(),
                        radius, "fill=\"" + hex(c) + "\"" + opacity("fill-opacity", c.getOpacity() * alpha));
            }
        }
        if (r.getBorder() != null) {
            for (BorderStroke stroke : r.getBorder().getStrokes()) {
                Color c = color(stroke.getTopStroke());
                double width = stroke.getWidths().getTop();
                if (c == null || width <= 0 || c.getOpacity() * alpha <= 0) {
                    continue;
                }
                var in = stroke.getInsets();
                double radius = stroke.getRadii() == null ? 0 : stroke.getRadii().getTopLeftHorizontalRadius();
                double half = width / 2;
                rect(out, b.getMinX() + in.getLeft() + half, b.getMinY() + in.getTop() + half,
                        b.getWidth() - in.getLeft() - in.getRight() - width,
                        b.getHeight() - in.getTop() - in.getBottom() - width, radius,
                        "fill=\"none\" stroke=\"" + hex(c) + "\" stroke-width=\"" + fmt(width) + "\""
                                + opacity("stroke-opacity", c.getOpacity() * alpha));
            }
        }
    }

    private static void rect(StringBuilder out, double x, double y, double w, double h, double radius, String paint) {
        if (w <= 0 || h <= 0) {
            return;
        }
        out.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(w))
                .append("\" height=\"").append(fmt(h)).append('"');
        if (radius > 0) {
            out.append(" rx=\"").append(fmt(radius)).append('"');
        }
        out.append(' ').append(paint).append("/>\n");
    }

    /** A text node, line by line where the layout broke it, at its baseline in page coordinates. */
    private static void text(Text t, StringBuilder out, double alpha) {
        String content = t.getText();
        Color c = color(t.getFill());
        if (content == null || content.isBlank() || c == null) {
            return;
        }
        Bounds local = t.getLayoutBounds();
        double lineHeight = lineHeight(t);
        int lines = Math.max(1, (int) Math.round(local.getHeight() / lineHeight));
        int start = 0;
        for (int i = 0; i < lines && start < content.length(); i++) {
            int end = content.length();
            if (i < lines - 1) {
                // Where the next line starts: the layout's own break, asked at that line's left edge.
                double y = local.getMinY() + (i + 1.5) * lineHeight;
                end = Math.max(start + 1, Math.min(content.length(),
                        t.hitTest(new Point2D(local.getMinX() + 1, y)).getCharIndex()));
            }
            String line = content.substring(start, end).strip();
            start = end;
            if (line.isEmpty()) {
                continue;
            }
            double baseline = local.getMinY() + t.getBaselineOffset() + i * lineHeight;
            double x = local.getMinX();
            String anchor = "start";
            if (t.getWrappingWidth() > 0 && t.getTextAlignment() == TextAlignment.CENTER) {
                x += t.getWrappingWidth() / 2;
                anchor = "middle";
            } else if (t.getWrappingWidth() > 0 && t.getTextAlignment() == TextAlignment.RIGHT) {
                x += t.getWrappingWidth();
                anchor = "end";
            }
            Point2D at = t.localToScene(x, baseline);
            String style = t.getFont().getStyle().toLowerCase(Locale.ROOT);
            out.append("<text x=\"").append(fmt(at.getX())).append("\" y=\"").append(fmt(at.getY())).append('"');
            if (!anchor.equals("start")) {
                out.append(" text-anchor=\"").append(anchor).append('"');
            }
            out.append(" font-family=\"").append(family(t.getFont().getFamily())).append("\" font-size=\"")
                    .append(fmt(t.getFont().getSize())).append('"');
            if (style.contains("bold")) {
                out.append(" font-weight=\"bold\"");
            }
            if (style.contains("italic") || style.contains("oblique")) {
                out.append(" font-style=\"italic\"");
            }
            out.append(" fill=\"").append(hex(c)).append('"').append(opacity("fill-opacity", c.getOpacity() * alpha))
                    .append(" xml:space=\"preserve\">").append(SvgPen.escape(line)).append("</text>\n");
        }
    }

    private static double lineHeight(Text t) {
        Text probe = new Text("Hg");
        probe.setFont(t.getFont());
        probe.setTextOrigin(VPos.TOP);
        probe.setLineSpacing(t.getLineSpacing());
        return probe.getLayoutBounds().getHeight() + t.getLineSpacing();
    }

    private static String family(String family) {
        return family.toLowerCase(Locale.ROOT).contains("mono") ? "'DejaVu Sans Mono', Consolas, monospace"
                : SvgPen.FONT_FAMILY;
    }

    private static Color color(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        }
        if (paint instanceof javafx.scene.paint.LinearGradient g && !g.getStops().isEmpty()) {
            return g.getStops().get(0).getColor(); // flat is close enough for a gradient on a control
        }
        return null;
    }

    private static String opacity(String attribute, double value) {
        return value >= 0.999 ? "" : " " + attribute + "=\"" + fmt(value) + "\"";
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }
}
