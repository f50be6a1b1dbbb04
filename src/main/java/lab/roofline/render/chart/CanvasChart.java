package lab.roofline.render.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
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
import lab.roofline.render.layout.PinStyle;
import lab.roofline.render.paint.ChartInk;
import lab.roofline.render.pen.CanvasPen;
import lab.roofline.render.pen.ChartPen;

/**
 * A chart drawn on a canvas. It only reads the evaluation: an invalidation marks it dirty and asks for
 * layout, and the redraw happens once, in the next layout pass, however many inputs changed. Colours
 * come from CSS (styles/*.css), so themes restyle it.
 */
public abstract class CanvasChart extends Region {
    /** Each colour role's CSS property on a chart: the theme's token, with the role's fallback. */
    private static final Map<ChartColor, CssMetaData<CanvasChart, Color>> COLOR_META = colorMeta();

    private static Map<ChartColor, CssMetaData<CanvasChart, Color>> colorMeta() {
        Map<ChartColor, CssMetaData<CanvasChart, Color>> meta = new EnumMap<>(ChartColor.class);
        for (ChartColor c : ChartColor.values()) {
            meta.put(c, new CssMetaData<>(c.cssProperty(), StyleConverter.getColorConverter(), Color.web(c.fallback())) {
                @Override
                public boolean isSettable(CanvasChart chart) {
                    return true;
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(CanvasChart chart) {
                    return chart.colors.get(c);
                }
            });
        }
        return meta;
    }

    private static final CssMetaData<CanvasChart, Number> FONT_SIZE = new CssMetaData<>("-rl-chart-font-size",
            StyleConverter.getSizeConverter(), 13) {
        @Override
        public boolean isSettable(CanvasChart chart) {
            return true;
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(CanvasChart chart) {
            return chart.fontSize;
        }
    };

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA = cssMetaData();

    private static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        for (ChartColor c : ChartColor.values()) {
            all.add(COLOR_META.get(c));
        }
        all.add(FONT_SIZE);
        return List.copyOf(all);
    }

    private final Map<ChartColor, StyleableObjectProperty<Color>> colors =
            new EnumMap<>(ChartColor.class);
    private final StyleableDoubleProperty fontSize = new SimpleStyleableDoubleProperty(FONT_SIZE, this,
            "chartFontSize", 13.0);
    private final ChartInk ink = new ChartInk(this::color, this::baseFontSize);

    /** What changes rarely (grid, roofs, curves): redrawn only when {@link #backgroundKey} changes. */
    private final Canvas background = new Canvas();
    /** The element a lesson step discusses; the chart that shows it draws a ring around it. */
    private final ObjectProperty<Topic> highlight =
            new SimpleObjectProperty<>(this, "highlight");
    /** What moves with every slider step (operating points, markers, hover cards). */
    private final Canvas canvas = new Canvas();
    /**
     * How much bigger than normal the whole chart is drawn (text, lines and margins alike): the app's zoom,
     * or an export's size. The chart lays out for its size divided by the zoom, then draws scaled up.
     */
    private final DoubleProperty zoom = new SimpleDoubleProperty(this,
            "zoom", 1);
    private final ObservableValue<Evaluation> source;
    /** Scenarios pinned beside the live one, drawn in their own styles; they move only when pinned or unpinned. */
    private final ObjectProperty<List<ChartPin>> pins =
            new SimpleObjectProperty<>(this, "pins", List.of());
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
        for (ChartColor c : ChartColor.values()) {
            StyleableObjectProperty<Color> property = new SimpleStyleableObjectProperty<>(COLOR_META.get(c), this,
                    c.name(), COLOR_META.get(c).getInitialValue(this));
            property.addListener(restyled);
            colors.put(c, property);
        }
        fontSize.addListener(restyled);
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
        Evaluation e = source.getValue();
        return e == null ? null : textAlternative(e);
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
        LabelLayout layout = labels;
        if (layout != null) {
            LabelLayout.Box around = LabelLayout.Box.around(x, y, 2 * radius + 10, 2 * radius + 10);
            layout.labels().stream().filter(l -> LabelLayout.padded(l.box()).overlaps(around))
                    .forEach(l -> drawLabel(g, l));
        }
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

    /** The smallest size a chart is laid out for when zoomed in: below it the zoom gives way. */
    static final double MIN_DRAWING_WIDTH = 480;
    static final double MIN_DRAWING_HEIGHT = 300;

    /**
     * The zoom in effect: the one asked for (kept to 0.5-4), except that zooming in never lays the chart
     * out smaller than 480 x 300, where it would stop being a chart; then the text grows only as far as that
     * allows (never below 100 %).
     */
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
            Object key = Arrays.asList(backgroundKey(e), pins(), labelsKey());
            if (backgroundKey == null || !backgroundKey.equals(key)) {
                backgroundRedraws++;
                drawScaled(background.getGraphicsContext2D(), pixelsW, pixelsH, pen -> {
                    drawBackground(pen, e, dw, dh);
                    drawStillLabels(pen);
                });
                backgroundKey = key;
            }
            drawScaled(canvas.getGraphicsContext2D(), pixelsW, pixelsH, pen -> draw(pen, e, dw, dh));
        }
    }

    private void drawScaled(GraphicsContext g, double pixelsW, double pixelsH,
                            Consumer<ChartPen> drawing) {
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
        drawStillLabels(pen);
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

    /** This frame's labels (null for a chart that places its text itself), and which of them move. */
    private LabelLayout labels;
    private Predicate<LabelLayout.Label> moving = l -> false;
    private LabelLayout still;
    private Object stillKey;

    /**
     * Lays out this frame's labels: the still ones once per background and size ({@code still} builds
     * them), the moving ones ({@code addMoving}, to a copy) every frame. Charts call it from
     * {@link #prepare}; the still labels are then drawn with the background, the moving ones by the chart.
     */
    protected final LabelLayout layOutLabels(Evaluation e, double w, double h,
                                             Supplier<LabelLayout> still,
                                             UnaryOperator<LabelLayout> addMoving,
                                             Predicate<LabelLayout.Label> isMoving) {
        Object key = Arrays.asList(backgroundKey(e), pins(), w, h, baseFontSize());
        if (!key.equals(stillKey)) {
            this.still = still.get();
            stillKey = key;
        }
        moving = isMoving;
        labels = addMoving.apply(this.still);
        return labels;
    }

    /** Identifies the still labels (after {@link #prepare}); part of the background's key. */
    private Object labelsKey() {
        return labels == null ? "" : labels.labels().stream().filter(moving.negate())
                .map(l -> List.of(l.text(), l.box(), l.style())).toList();
    }

    /** Draws the still labels, over the background and under the foreground. */
    private void drawStillLabels(ChartPen g) {
        if (labels != null) {
            labels.labels().stream().filter(moving.negate()).forEach(l -> drawLabel(g, l));
        }
    }

    /** Draws this frame's moving labels (the chart calls it after its markers). */
    protected void drawMovingLabels(ChartPen g) {
        if (labels != null) {
            labels.labels().stream().filter(moving).forEach(l -> drawLabel(g, l));
        }
    }

    /** The label layout of the last redraw (for tests); null for a chart without one. */
    public LabelLayout labelLayout() {
        layout();
        return labels;
    }

    /** Draws a placed label on its backing, with a thin leader line to its point when it was moved away. */
    protected void drawLabel(ChartPen g, LabelLayout.Label label) {
        ink.drawLabel(g, label);
    }

    /** The text, shortened with an ellipsis to fit a width: a title never runs off the chart. */
    protected static String fitted(String text, Font font, double width) {
        return ChartInk.fitted(text, font, width);
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

    /** Text on a plot-coloured backing, readable over lines. */
    protected void haloText(ChartPen g, String s, double x, double y, TextAlignment align, VPos baseline,
                            Font font, Color color) {
        ink.haloText(g, s, x, y, align, baseline, font, color);
    }

    /** Width of a string in a font. */
    protected static double textWidth(String s, Font font) {
        return ChartInk.textWidth(s, font);
    }

    /** A rounded card with lines of text, kept inside the chart. */
    protected void card(ChartPen g, List<String> lines, double anchorX, double anchorY, double w, double h) {
        ink.card(g, lines, anchorX, anchorY, w, h);
    }

    /** Draws the key to the live scenario and the pins. */
    protected void drawPinKey(ChartPen g, PinKey key, Color liveLine, Color liveMarker) {
        ink.drawPinKey(g, key, liveLine, liveMarker);
    }

    private Object pinKeyInputs;
    private int pinKeyCorner;

    /**
     * The key to the pins, in the first of the corners ({right, bottom} pairs, in order of preference) whose
     * key crosses none of the lines and covers no mark; null with nothing pinned. Which corner is searched
     * again only when what it depends on changes (the scenario but its batch, the pins, the plot, the key's
     * texts), never on every frame of a drag; the texts themselves are this frame's ("(= live)").
     */
    protected final PinKey pinKeyIn(Evaluation e, LabelLayout.Box plot, boolean[][] corners,
                                    Supplier<List<double[][]>> lines, Supplier<List<LabelLayout.Box>> marks) {
        if (pins().isEmpty()) {
            return null;
        }
        String live = e.memory().fits() ? "Live" : "Live (does not fit)";
        List<PinKey> candidates = new ArrayList<>();
        for (boolean[] corner : corners) {
            candidates.add(PinKey.of(pins(), e.scenario(), live, plot, corner[0], corner[1], plot.w() * 0.45, measure(),
                    baseFontSize()));
        }
        Object inputs = Arrays.asList(e.scenario().withBatchSize(1), pins(), plot, baseFontSize(),
                candidates.get(0).rows());
        if (!inputs.equals(pinKeyInputs)) {
            pinKeyCorner = candidates.indexOf(PinKey.clearOf(candidates, lines.get(), marks.get()));
            pinKeyInputs = inputs;
        }
        return candidates.get(pinKeyCorner);
    }

    /** Sets the stroke to a pin's colour and line pattern (the caller sets the dashes back). */
    protected void pinLine(ChartPen g, PinStyle style, double width) {
        ink.pinLine(g, style, width);
    }

    /** A pin's marker at (x, y), in its colour with a plot-coloured outline that parts it from lines. */
    protected void pinMarker(ChartPen g, PinStyle style, double x, double y, double radius) {
        ink.pinMarker(g, style, x, y, radius);
    }

    /** A colour of the current theme. */
    protected Color color(ChartColor c) {
        return colors.get(c).get();
    }

    protected double baseFontSize() {
        return fontSize.get();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
