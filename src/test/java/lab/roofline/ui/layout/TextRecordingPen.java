package lab.roofline.ui.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.paint.ChartInk;
import lab.roofline.render.pen.ChartPen;

/**
 * A pen that draws nothing and keeps what a chart wrote: each text's box and size in node pixels (the
 * chart's zoom applied), and each filled marker's box. What the layout matrix measures, from the chart's
 * own drawing code rather than a second copy of its layout.
 */
final class TextRecordingPen implements ChartPen {
    /** A text as drawn: its box in node pixels and its size in pixels. */
    record DrawnText(String text, Box box, double sizePx, boolean rotated) {
    }

    private final List<DrawnText> texts = new ArrayList<>();
    private final List<Box> markers = new ArrayList<>();
    private final Deque<double[]> saved = new ArrayDeque<>();
    /** scale, translate x, translate y, rotated (0/1), font size, alignment, baseline as ordinals. */
    private double scale = 1;
    private double dx;
    private double dy;
    private boolean rotated;
    private Font font = Font.getDefault();
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;

    List<DrawnText> texts() {
        return texts;
    }

    List<Box> markers() {
        return markers;
    }

    @Override
    public void setFont(Font font) {
        this.font = font;
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        this.align = align;
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        this.baseline = baseline;
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isBlank()) {
            return;
        }
        double w = ChartInk.textWidth(text, font);
        double h = font.getSize() * 1.0;
        double left = switch (align) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        double top = switch (baseline) {
            case TOP -> y;
            case CENTER -> y - h / 2;
            case BOTTOM -> y - h;
            default -> y - h * 0.8;
        };
        texts.add(new DrawnText(text, toPixels(left, top, w, h), font.getSize() * scale, rotated));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        if (w <= 24 && h <= 24) { // a marker, not a ring or a region
            markers.add(toPixels(x, y, w, h));
        }
    }

    private Box toPixels(double x, double y, double w, double h) {
        return new Box((x + dx) * scale, (y + dy) * scale, w * scale, h * scale);
    }

    @Override
    public void save() {
        saved.push(new double[] {scale, dx, dy, rotated ? 1 : 0});
    }

    @Override
    public void restore() {
        double[] s = saved.pop();
        scale = s[0];
        dx = s[1];
        dy = s[2];
        rotated = s[3] == 1;
    }

    @Override
    public void translate(double x, double y) {
        dx += x;
        dy += y;
    }

    @Override
    public void scale(double factor) {
        // The charts scale once, first (their zoom), before any translation.
        scale *= factor;
    }

    @Override
    public void rotate(double degrees) {
        rotated = degrees % 180 != 0;
    }

    // ---- drawing that has no text: ignored ----

    @Override
    public void setFill(Color color) {
    }

    @Override
    public void setStroke(Color color) {
    }

    @Override
    public void setLineWidth(double width) {
    }

    @Override
    public void setLineDashes(double... dashes) {
    }

    @Override
    public void setGlobalAlpha(double alpha) {
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count) {
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count) {
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int count) {
    }
}
