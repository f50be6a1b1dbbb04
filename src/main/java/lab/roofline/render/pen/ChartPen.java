package lab.roofline.render.pen;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What a chart draws with: the few canvas operations the charts use, with the canvas's meaning. One chart
 * drawing code, two backends: {@link CanvasPen} paints the window's canvas (and PNG export),
 * {@link SvgPen} writes vector SVG with real text, so both show the same layout.
 */
public interface ChartPen {
    void setFill(Color color);

    void setStroke(Color color);

    void setLineWidth(double width);

    /** Dash lengths; none for a solid line. */
    void setLineDashes(double... dashes);

    /** Opacity multiplied into every later fill and stroke. */
    void setGlobalAlpha(double alpha);

    void setFont(Font font);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillText(String text, double x, double y);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillPolygon(double[] xs, double[] ys, int count);

    void strokePolygon(double[] xs, double[] ys, int count);

    /** Strokes a polyline through the points (the canvas's beginPath, moveTo, lineTo..., stroke). */
    void strokePolyline(double[] xs, double[] ys, int count);

    /** Saves the state (colours, line, font, transform) until {@link #restore}. */
    void save();

    void restore();

    void translate(double x, double y);

    /** Scales later drawing (both axes). */
    void scale(double factor);

    /** Rotates later drawing by degrees, clockwise on screen (the canvas's sense). */
    void rotate(double degrees);
}
