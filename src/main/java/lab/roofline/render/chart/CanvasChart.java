package lab.roofline.render.chart;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Scale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.paint.ChartInk;
import lab.roofline.render.pen.CanvasPen;
import lab.roofline.render.pen.ChartPen;

/**
 * A chart drawn on a canvas. It only reads the evaluation: an invalidation marks it dirty and asks for
 * layout, and the redraw happens once, in the next layout pass, however many inputs changed. Colours
 * come from CSS (styles/*.css), so themes restyle it.
 */
public abstract class CanvasChart extends Region {
    /** The chart's colours and text size, from CSS; created in the constructor. */
    private final ChartStyle style;
    private final ChartInk ink = new ChartInk(this::color, this::baseFontSize);
    private final LabelLayers labels = new LabelLayers();
    private final PinKeyCorner pinKeyCorner = new PinKeyCorner();

    /** What changes rarely (grid, roofs, curves): redrawn only when {@link #backgroundKey} changes. */
    private final Canvas background = new Canvas();
    /** The element a lesson step discusses; the chart that shows it draws a ring around it. */
    private final ObjectProperty<Topic> highlight = new SimpleObjectProperty<>(this, "highlight");
    /** What moves with every slider step (operating points, markers, hover cards). */
    private final Canvas canvas = new Canvas();
    /**
     * How much bigger than normal the whole chart is drawn (text, lines and margins alike): the app's zoom,
     * or an export's size. The chart lays out for its size divided by the zoom, then draws scaled up.
     */
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final ObservableValue<Evaluation> source;
    /** Scenarios pinned beside the live one, drawn in their own styles; they move only when pinned or unpinned. */
    private final ObjectProperty<List<ChartPin>> pins = new SimpleObjectProperty<>(this, "pins", List.of());
    private final InvalidationListener invalidation = obs -> markDirty();
    private boolean dirty = true;
    private Object backgroundKey;
    private int redrawCount;
    private int backgroundRedraws;

    /** Background redraws so far (a slider step should rarely cause one). */
    public int backgroundRedrawCount() {
        return backgroundRedraws;
    }

    protected CanvasChart(ObservableValue<Evaluation> source, String styleClass) {
        this.source = source;
        getStyleClass().addAll("rl-chart", styleClass);
        getChildren().addAll(background, canvas);
        source.addListener(invalidation);
        highlight.addListener(invalidation);
        // A theme change restyles everything, the background too.
        InvalidationListener restyled = obs -> {
            backgroundKey = null;
            markDirty();
        };
        style = new ChartStyle(this, restyled);
        zoom.addListener(restyled);
        pins.addListener(restyled);
        setMinSize(240, 180);
        setPrefSize(640, 400);
        // For screen readers: a picture whose text is what it shows, in numbers (asked for when read, not per frame).
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleRoleDescription("chart");
    }

    /**
     * The chart's text alternative: what it shows in this scenario's numbers (the explanation panel's sentences
     * for its topics). Null when it has nothing to say.
     */
    protected String textAlternative(Evaluation e) {
        return null;
    }

    /** The text a screen reader reads for this chart now. */
    public String accessibleDescription() {
        if (answerHidden.get()) { // its numbers would give the answer away
            return "Chart hidden until the question is answered.";
        }
        Evaluation e = source.getValue();
        return e == null ? null : textAlternative(e);
    }

    /** While true the chart's numbers would answer a question still waiting: a screen reader is not told them. */
    private final BooleanProperty answerHidden = new SimpleBooleanProperty(this, "answerHidden");
    public BooleanProperty answerHiddenProperty() {
        return answerHidden;
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT) {
            String text = accessibleDescription();
            if (text != null) {
                return text;
            }
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    /** Removes the listener on the evaluation; a disposed chart is never drawn again. */
    public void dispose() {
        source.removeListener(invalidation);
        highlight.unbind();
    }

    /** The pinned scenarios the chart draws beside the live one (never null: an empty list is none). */
    public ObjectProperty<List<ChartPin>> pinsProperty() {
        return pins;
    }

    /** The pinned scenarios now, in the order pinned. */
    public List<ChartPin> pins() {
        List<ChartPin> now = pins.get();
        return now == null ? List.of() : now;
    }

    public ObjectProperty<Topic> highlightProperty() {
        return highlight;
    }

    protected Topic highlight() {
        return highlight.get();
    }

    protected boolean highlighted(Topic topic) {
        return highlight.get() == topic;
    }

    /** A ring that draws the eye to what the lesson is talking about. */
    protected void ring(ChartPen g, double x, double y, double radius) {
        ink.ring(g, x, y, radius);
        // The ring points at text, it must not cover it: labels under it are drawn again, on top.
        labels.drawOver(g, ink, LabelLayout.Box.around(x, y, 2 * radius + 10, 2 * radius + 10));
    }

    protected final void markDirty() {
        dirty = true;
        requestLayout();
    }

    /** Redraws so far: one per layout pass with a change, however many inputs changed. */
    public int redrawCount() {
        return redrawCount;
    }

    /**
     * Pixels per layout unit of the canvases: 1 in the window (JavaFX scales for the screen itself); an
     * export at 2x or 3x sets it, so lines and text are drawn at the export's resolution, not enlarged.
     */
    public void setRenderScale(double scale) {
        renderScale = Math.max(1, scale);
        for (Canvas c : new Canvas[] {background, canvas}) {
            c.getTransforms().setAll(new Scale(1 / renderScale, 1 / renderScale, 0, 0));
        }
        backgroundKey = null;
        markDirty();
    }

    private double renderScale = 1;

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The smallest size a chart is laid out for zoomed in (below it the zoom gives way): small, so all follow it. */
    static final double MIN_DRAWING_WIDTH = 160;
    static final double MIN_DRAWING_HEIGHT = 120;

    /** The zoom asked for (kept to 0.5-4), but never laying the chart out under 160 x 120 (nor below 100 %). */
    public double effectiveZoom() {
        double z = zoom.get();
        z = Double.isFinite(z) ? Math.max(0.5, Math.min(4, z)) : 1;
        if (z <= 1) {
            return z;
        }
        double roomW = snapSizeX(getWidth()) / MIN_DRAWING_WIDTH;
        double roomH = snapSizeY(getHeight()) / MIN_DRAWING_HEIGHT;
        return Math.max(1, Math.min(z, Math.min(roomW, roomH)));
    }

    /** A distance in the chart's drawing units (what draw() sees) from one in node pixels, and back. */
    protected double toDrawing(double pixels) {
        return pixels / effectiveZoom();
    }

    protected double toPixels(double drawing) {
        return drawing * effectiveZoom();
    }

    /** The width and height the chart is laid out for: its size in pixels over the zoom. */
    protected double drawingWidth() {
        return toDrawing(snapSizeX(getWidth()));
    }

    protected double drawingHeight() {
        return toDrawing(snapSizeY(getHeight()));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        double pixelsW = Math.ceil(w * renderScale);
        double pixelsH = Math.ceil(h * renderScale);
        if (canvas.getWidth() != pixelsW || canvas.getHeight() != pixelsH) {
            for (Canvas c : new Canvas[] {background, canvas}) {
                c.setWidth(pixelsW);
                c.setHeight(pixelsH);
            }
            backgroundKey = null;
            dirty = true;
        }
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            redrawCount++;
            Evaluation e = source.getValue();
            double dw = toDrawing(w);
            double dh = toDrawing(h);
            prepare(e, dw, dh);
            // The still labels are drawn with the background: one layer fewer to composite every frame, and
            // they move only when a label's spot changes, which a slider step rarely does.
            Object key = Arrays.asList(backgroundKey(e), pins(), labels.stillKey());
            if (backgroundKey == null || !backgroundKey.equals(key)) {
                backgroundRedraws++;
                drawScaled(background.getGraphicsContext2D(), pixelsW, pixelsH, pen -> {
                    drawBackground(pen, e, dw, dh);
                    labels.drawStill(pen, ink);
                });
                backgroundKey = key;
            }
            drawScaled(canvas.getGraphicsContext2D(), pixelsW, pixelsH, pen -> draw(pen, e, dw, dh));
        }
    }

    private void drawScaled(GraphicsContext g, double pixelsW, double pixelsH, Consumer<ChartPen> drawing) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, pixelsW, pixelsH);
        double s = renderScale * effectiveZoom();
        g.setTransform(s, 0, 0, s, 0, 0);
        drawing.accept(new CanvasPen(g));
    }

    /**
     * Draws the whole chart, background and foreground, at its current size with another pen: the SVG
     * export's way to get exactly the layout the canvas shows.
     */
    public void paintTo(ChartPen pen) {
        Evaluation e = source.getValue();
        pen.save();
        pen.scale(effectiveZoom());
        prepare(e, drawingWidth(), drawingHeight());
        drawBackground(pen, e, drawingWidth(), drawingHeight());
        labels.drawStill(pen, ink);
        draw(pen, e, drawingWidth(), drawingHeight());
        pen.restore();
    }

    /**
     * Identifies what the background shows; equal keys mean the background need not be redrawn.
     * By default the scenario without its batch size: batch moves only the foreground.
     */
    protected Object backgroundKey(Evaluation e) {
        return e.scenario().withBatchSize(1);
    }

    /** Computes what all layers need (geometry, label layout) for one redraw; runs first. */
    protected void prepare(Evaluation e, double w, double h) {
    }

    /**
     * Lays out this frame's labels: the still ones once per background and size ({@code still} builds
     * them), the moving ones ({@code addMoving}, to a copy) every frame. Charts call it from
     * {@link #prepare}; the still labels are then drawn with the background, the moving ones by the chart.
     */
    protected final LabelLayout layOutLabels(Evaluation e, double w, double h,
                                             Supplier<LabelLayout> still,
                                             UnaryOperator<LabelLayout> addMoving,
                                             Predicate<LabelLayout.Label> isMoving) {
        return labels.layOut(Arrays.asList(backgroundKey(e), pins(), w, h, baseFontSize()), still, addMoving, isMoving);
    }

    /** Draws this frame's moving labels (the chart calls it after its markers). */
    protected void drawMovingLabels(ChartPen g) {
        labels.drawMoving(g, ink);
    }

    /** The label layout of the last redraw (for tests); null for a chart without one. */
    public LabelLayout labelLayout() {
        layout();
        return labels.labels();
    }

    /** The width of text in this chart's font at a scale, remembered. */
    protected double measuredWidth(String text, double fontScale, boolean bold) {
        return ink.measuredWidth(text, fontScale, bold);
    }

    /** Measures text as this chart draws it: what its label layouts need. */
    protected LabelLayout.TextMeasure measure() {
        return ink.measure();
    }

    /** Draws what {@link #backgroundKey} determines. Runs before {@link #draw}. */
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
    }

    /** Draws the foreground for one evaluation into a w x h canvas. */
    protected abstract void draw(ChartPen g, Evaluation e, double w, double h);

    protected Evaluation evaluation() {
        return source.getValue();
    }

    // ---- drawing helpers: the chart's ink ----

    /** What this chart draws with: its theme's colours and fonts, and the pieces every chart draws alike. */
    protected ChartInk ink() {
        return ink;
    }

    protected Font font(double scale, boolean bold) {
        return ink.font(scale, bold);
    }

    /** Text with its top-left, centre or right edge at (x, y). */
    protected void text(ChartPen g, String s, double x, double y, TextAlignment align, VPos baseline,
                        Font font, Color color) {
        ink.text(g, s, x, y, align, baseline, font, color);
    }

    /** A rounded card with lines of text, kept inside the chart. */
    protected void card(ChartPen g, List<String> lines, double anchorX, double anchorY, double w, double h) {
        ink.card(g, lines, anchorX, anchorY, w, h);
    }

    /**
     * The key to the pins, in the first of the corners ({right, bottom} pairs, in order of preference) whose
     * key crosses none of the lines and covers no mark; null with nothing pinned (see {@link PinKeyCorner}).
     */
    protected final PinKey pinKeyIn(Evaluation e, LabelLayout.Box plot, boolean[][] corners,
                                    Supplier<List<double[][]>> lines, Supplier<List<LabelLayout.Box>> marks) {
        return pinKeyCorner.key(e, pins(), plot, corners, lines, marks, measure(), baseFontSize());
    }

    /** A colour of the current theme. */
    protected Color color(ChartColor c) {
        return style.color(c);
    }

    protected double baseFontSize() {
        return style.fontSize();
    }

    /** The chart's style, for its CSS metadata. */
    ChartStyle style() {
        return style;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return ChartStyle.CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
