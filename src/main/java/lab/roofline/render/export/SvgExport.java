package lab.roofline.render.export;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.pen.SvgPen;

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
        return of(page, scale, null, null);
    }

    /** As above, with a title and a description for screen readers (the chart's text alternative). */
    static String of(Region page, int scale, String title, String description) {
        StringBuilder body = new StringBuilder(1 << 16);
        walk(page, body, 1);
        return SvgPen.document(page.getWidth(), page.getHeight(), scale, body, title, description);
    }

    private static void walk(Node node, StringBuilder out, double opacity) {
        if (!node.isVisible()) {
            return;
        }
        double alpha = opacity * node.getOpacity();
        if (node instanceof CanvasChart chart) {
            Point2D origin = chart.localToScene(0, 0);
            out.append("<g opacity=\"").append(SvgPen.num(alpha)).append("\">\n");
            chart.paintTo(new SvgPen(out, "translate(" + SvgPen.num(origin.getX()) + " " + SvgPen.num(origin.getY()) + ")"));
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
                walk(child, out, alpha);
            }
        }
    }

    private static void region(Region r, StringBuilder out, double alpha) {
        Bounds b = r.localToScene(r.getLayoutBounds());
        SvgPen pen = new SvgPen(out, "");
        pen.setGlobalAlpha(alpha);
        if (r.getBackground() != null) {
            for (BackgroundFill fill : r.getBackground().getFills()) {
                Color c = color(fill.getFill());
                if (c == null || c.getOpacity() * alpha <= 0) {
                    continue;
                }
                var in = fill.getInsets();
                double arc = fill.getRadii() == null ? 0 : 2 * fill.getRadii().getTopLeftHorizontalRadius();
                pen.setFill(c);
                pen.fillRoundRect(b.getMinX() + in.getLeft(), b.getMinY() + in.getTop(),
                        b.getWidth() - in.getLeft() - in.getRight(), b.getHeight() - in.getTop() - in.getBottom(),
                        arc, arc);
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
                double arc = stroke.getRadii() == null ? 0 : 2 * stroke.getRadii().getTopLeftHorizontalRadius();
                pen.setStroke(c);
                pen.setLineWidth(width);
                pen.strokeRoundRect(b.getMinX() + in.getLeft() + width / 2, b.getMinY() + in.getTop() + width / 2,
                        b.getWidth() - in.getLeft() - in.getRight() - width,
                        b.getHeight() - in.getTop() - in.getBottom() - width, arc, arc);
            }
        }
    }

    /** A text node, line by line where the layout broke it, at its baseline in page coordinates. */
    private static void text(Text t, StringBuilder out, double alpha) {
        String content = t.getText();
        Color c = color(t.getFill());
        if (content == null || content.isBlank() || c == null) {
            return;
        }
        SvgPen pen = new SvgPen(out, "");
        pen.setGlobalAlpha(alpha);
        pen.setFill(c);
        pen.setFont(t.getFont());
        pen.setTextBaseline(VPos.BASELINE);
        boolean aligned = t.getWrappingWidth() > 0;
        pen.setTextAlign(aligned ? t.getTextAlignment() : TextAlignment.LEFT);
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
            double x = local.getMinX();
            if (aligned && t.getTextAlignment() == TextAlignment.CENTER) {
                x += t.getWrappingWidth() / 2;
            } else if (aligned && t.getTextAlignment() == TextAlignment.RIGHT) {
                x += t.getWrappingWidth();
            }
            Point2D at = t.localToScene(x, local.getMinY() + t.getBaselineOffset() + i * lineHeight);
            pen.fillText(line, at.getX(), at.getY());
        }
    }

    private static double lineHeight(Text t) {
        Text probe = new Text("Hg");
        probe.setFont(t.getFont());
        probe.setTextOrigin(VPos.TOP);
        probe.setLineSpacing(t.getLineSpacing());
        return probe.getLayoutBounds().getHeight() + t.getLineSpacing();
    }

    private static Color color(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        }
        if (paint instanceof LinearGradient g && !g.getStops().isEmpty()) {
            return g.getStops().get(0).getColor(); // flat is close enough for a gradient on a control
        }
        return null;
    }

}
