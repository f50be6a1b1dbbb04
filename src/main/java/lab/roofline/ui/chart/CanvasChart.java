package lab.roofline.ui.chart;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.Evaluation;

/**
 * A chart drawn on a canvas. It only reads the evaluation: an invalidation marks it dirty and asks for
 * layout, and the redraw happens once, in the next layout pass, however many inputs changed. Colours
 * come from CSS (styles/*.css), so themes restyle it.
 */
public abstract class CanvasChart extends Region {
    private static final StyleablePropertyFactory<CanvasChart> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> textColor =
            CSS.createStyleableColorProperty(this, "textColor", "-rl-chart-text", c -> c.textColor, Color.BLACK);
    private final StyleableProperty<Color> mutedColor =
            CSS.createStyleableColorProperty(this, "mutedColor", "-rl-chart-muted", c -> c.mutedColor, Color.GRAY);
    private final StyleableProperty<Color> gridColor =
            CSS.createStyleableColorProperty(this, "gridColor", "-rl-chart-grid", c -> c.gridColor, Color.LIGHTGRAY);
    private final StyleableProperty<Color> plotColor =
            CSS.createStyleableColorProperty(this, "plotColor", "-rl-chart-plot", c -> c.plotColor, Color.WHITE);
    private final StyleableProperty<Color> accentColor =
            CSS.createStyleableColorProperty(this, "accentColor", "-rl-chart-accent", c -> c.accentColor, Color.BLUE);
    private final StyleableProperty<Color> prefillColor =
            CSS.createStyleableColorProperty(this, "prefillColor", "-rl-chart-prefill", c -> c.prefillColor, Color.GREEN);
    private final StyleableProperty<Color> decodeColor =
            CSS.createStyleableColorProperty(this, "decodeColor", "-rl-chart-decode", c -> c.decodeColor, Color.ORANGE);
    private final StyleableProperty<Color> attentionColor =
            CSS.createStyleableColorProperty(this, "attentionColor", "-rl-chart-attention", c -> c.attentionColor, Color.PURPLE);
    private final StyleableProperty<Color> warningColor =
            CSS.createStyleableColorProperty(this, "warningColor", "-rl-chart-warning", c -> c.warningColor, Color.RED);
    private final StyleableProperty<Color> memoryRegionColor =
            CSS.createStyleableColorProperty(this, "memoryRegionColor", "-rl-chart-memory-region",
                    c -> c.memoryRegionColor, Color.rgb(0, 0, 255, 0.05));
    private final StyleableProperty<Color> computeRegionColor =
            CSS.createStyleableColorProperty(this, "computeRegionColor", "-rl-chart-compute-region",
                    c -> c.computeRegionColor, Color.rgb(0, 255, 0, 0.05));
    private final StyleableProperty<Color> weightsColor =
            CSS.createStyleableColorProperty(this, "weightsColor", "-rl-chart-weights", c -> c.weightsColor, Color.STEELBLUE);
    private final StyleableProperty<Color> kvColor =
            CSS.createStyleableColorProperty(this, "kvColor", "-rl-chart-kv", c -> c.kvColor, Color.PURPLE);
    private final StyleableProperty<Color> activationColor =
            CSS.createStyleableColorProperty(this, "activationColor", "-rl-chart-activations", c -> c.activationColor, Color.GRAY);
    private final StyleableProperty<Color> computeColor =
            CSS.createStyleableColorProperty(this, "computeColor", "-rl-chart-compute", c -> c.computeColor, Color.GREEN);
    private final StyleableProperty<Number> fontSize =
            CSS.createStyleableNumberProperty(this, "chartFontSize", "-rl-chart-font-size", c -> c.fontSize, 13);

    /** What changes rarely (grid, roofs, curves): redrawn only when {@link #backgroundKey} changes. */
    private final Canvas background = new Canvas();
    /** The element a lesson step discusses; the chart that shows it draws a ring around it. */
    private final javafx.beans.property.ObjectProperty<lab.roofline.explain.Explanation.Topic> highlight =
            new javafx.beans.property.SimpleObjectProperty<>(this, "highlight");
    /** What moves with every slider step (operating points, markers, hover cards). */
    private final Canvas canvas = new Canvas();
    private final ObservableValue<Evaluation> source;
    private final InvalidationListener invalidation = obs -> markDirty();
    private boolean dirty = true;
    private Object backgroundKey;
    private int redrawCount;

    protected CanvasChart(ObservableValue<Evaluation> source, String styleClass) {
        this.source = source;
        getStyleClass().addAll("rl-chart", styleClass);
        getChildren().addAll(background, canvas);
        source.addListener(invalidation);
        highlight.addListener(invalidation);
        // A theme change restyles everything, the background too.
        for (CssMetaData<? extends Styleable, ?> meta : getCssMetaData()) {
            if (meta.getProperty().startsWith("-rl-")) {
                @SuppressWarnings("unchecked")
                CssMetaData<CanvasChart, ?> m = (CssMetaData<CanvasChart, ?>) meta;
                ((ObservableValue<?>) m.getStyleableProperty(this)).addListener(obs -> {
                    backgroundKey = null;
                    markDirty();
                });
            }
        }
        setMinSize(240, 180);
        setPrefSize(640, 400);
    }

    /** Removes the listener on the evaluation; a disposed chart is never drawn again. */
    public void dispose() {
        source.removeListener(invalidation);
        highlight.unbind();
    }

    public javafx.beans.property.ObjectProperty<lab.roofline.explain.Explanation.Topic> highlightProperty() {
        return highlight;
    }

    protected lab.roofline.explain.Explanation.Topic highlight() {
        return highlight.get();
    }

    protected boolean highlighted(lab.roofline.explain.Explanation.Topic topic) {
        return highlight.get() == topic;
    }

    /** A ring that draws the eye to what the lesson is talking about. */
    protected void ring(GraphicsContext g, double x, double y, double radius) {
        g.setStroke(warningColor().deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(9);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setStroke(warningColor());
        g.setLineWidth(2.5);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    protected final void markDirty() {
        dirty = true;
        requestLayout();
    }

    /** Redraws so far: one per layout pass with a change, however many inputs changed. */
    public int redrawCount() {
        return redrawCount;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            for (Canvas c : new Canvas[] {background, canvas}) {
                c.setWidth(w);
                c.setHeight(h);
            }
            backgroundKey = null;
            dirty = true;
        }
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            redrawCount++;
            Evaluation e = source.getValue();
            Object key = backgroundKey(e);
            if (backgroundKey == null || !backgroundKey.equals(key)) {
                GraphicsContext bg = background.getGraphicsContext2D();
                bg.clearRect(0, 0, w, h);
                drawBackground(bg, e, w, h);
                backgroundKey = key;
            }
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, w, h);
            draw(g, e, w, h);
        }
    }

    /**
     * Identifies what the background shows; equal keys mean the background need not be redrawn.
     * By default the scenario without its batch size: batch moves only the foreground.
     */
    protected Object backgroundKey(Evaluation e) {
        return e.scenario().withBatchSize(1);
    }

    /** Draws what {@link #backgroundKey} determines. Runs before {@link #draw}. */
    protected void drawBackground(GraphicsContext g, Evaluation e, double w, double h) {
    }

    /** Draws the foreground for one evaluation into a w x h canvas. */
    protected abstract void draw(GraphicsContext g, Evaluation e, double w, double h);

    protected Evaluation evaluation() {
        return source.getValue();
    }

    // ---- drawing helpers ----

    protected Font font(double scale, boolean bold) {
        return Font.font("DejaVu Sans", bold ? FontWeight.BOLD : FontWeight.NORMAL,
                fontSize.getValue().doubleValue() * scale);
    }

    /** Text with its top-left, centre or right edge at (x, y). */
    protected void text(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos baseline,
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
    protected void haloText(GraphicsContext g, String s, double x, double y, TextAlignment align, VPos baseline,
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
        g.setFill(plotColor().deriveColor(0, 1, 1, 0.82));
        g.fillRoundRect(left - 3, top - 1, w + 6, h + 2, 6, 6);
        text(g, s, x, y, align, baseline, font, color);
    }

    private static final Text MEASURE = new Text();

    /** Width of a string in a font; one reused Text node, as measuring happens many times per frame. */
    protected static double textWidth(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** A rounded card with lines of text, kept inside the chart. */
    protected void card(GraphicsContext g, List<String> lines, double anchorX, double anchorY, double w, double h) {
        Font f = font(0.92, false);
        Font bold = font(0.92, true);
        double lineH = fontSize.getValue().doubleValue() * 1.35;
        double width = 0;
        for (int i = 0; i < lines.size(); i++) {
            width = Math.max(width, textWidth(lines.get(i), i == 0 ? bold : f));
        }
        width += 20;
        double height = lines.size() * lineH + 12;
        double x = anchorX + 14;
        double y = anchorY - height / 2;
        if (x + width > w - 4) {
            x = anchorX - 14 - width;
        }
        y = Math.max(4, Math.min(h - height - 4, y));
        g.setFill(plotColor().deriveColor(0, 1, 1, 0.96));
        g.setStroke(mutedColor());
        g.setLineWidth(1);
        g.fillRoundRect(x, y, width, height, 10, 10);
        g.strokeRoundRect(x + 0.5, y + 0.5, width, height, 10, 10);
        for (int i = 0; i < lines.size(); i++) {
            text(g, lines.get(i), x + 10, y + 6 + i * lineH, TextAlignment.LEFT, VPos.TOP, i == 0 ? bold : f,
                    textColor());
        }
    }

    protected Color textColor() {
        return textColor.getValue();
    }

    protected Color mutedColor() {
        return mutedColor.getValue();
    }

    protected Color gridColor() {
        return gridColor.getValue();
    }

    protected Color plotColor() {
        return plotColor.getValue();
    }

    protected Color accentColor() {
        return accentColor.getValue();
    }

    protected Color prefillColor() {
        return prefillColor.getValue();
    }

    protected Color decodeColor() {
        return decodeColor.getValue();
    }

    protected Color attentionColor() {
        return attentionColor.getValue();
    }

    protected Color warningColor() {
        return warningColor.getValue();
    }

    protected Color memoryRegionColor() {
        return memoryRegionColor.getValue();
    }

    protected Color computeRegionColor() {
        return computeRegionColor.getValue();
    }

    protected Color weightsColor() {
        return weightsColor.getValue();
    }

    protected Color kvColor() {
        return kvColor.getValue();
    }

    protected Color activationColor() {
        return activationColor.getValue();
    }

    protected Color computeColor() {
        return computeColor.getValue();
    }

    protected double baseFontSize() {
        return fontSize.getValue().doubleValue();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
