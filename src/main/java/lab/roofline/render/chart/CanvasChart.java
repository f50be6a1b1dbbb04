package lab.roofline.render.chart;

import java.util.List;
import javafx.beans.InvalidationListener;
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
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.render.pen.CanvasPen;
import lab.roofline.render.pen.ChartPen;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.PinStyle;

/**
 * A chart drawn on a canvas. It only reads the evaluation: an invalidation marks it dirty and asks for
 * layout, and the redraw happens once, in the next layout pass, however many inputs changed. Colours
 * come from CSS (styles/*.css), so themes restyle it.
 */
public abstract class CanvasChart extends Region {
    /** Each colour role's CSS property on a chart: the theme's token, with the role's fallback. */
    private static final java.util.Map<ChartColor, CssMetaData<CanvasChart, Color>> COLOR_META = colorMeta();

    private static java.util.Map<ChartColor, CssMetaData<CanvasChart, Color>> colorMeta() {
        java.util.Map<ChartColor, CssMetaData<CanvasChart, Color>> meta = new java.util.EnumMap<>(ChartColor.class);
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
        List<CssMetaData<? extends Styleable, ?>> all = new java.util.ArrayList<>(Region.getClassCssMetaData());
        for (ChartColor c : ChartColor.values()) {
            all.add(COLOR_META.get(c));
        }
        all.add(FONT_SIZE);
        return List.copyOf(all);
    }

    private final java.util.Map<ChartColor, StyleableObjectProperty<Color>> colors =
            new java.util.EnumMap<>(ChartColor.class);
    private final StyleableDoubleProperty fontSize = new SimpleStyleableDoubleProperty(FONT_SIZE, this,
            "chartFontSize", 13.0);

    /** What changes rarely (grid, roofs, curves): redrawn only when {@link #backgroundKey} changes. */
    private final Canvas background = new Canvas();
    /** The element a lesson step discusses; the chart that shows it draws a ring around it. */
    private final javafx.beans.property.ObjectProperty<lab.roofline.explain.Explanation.Topic> highlight =
            new javafx.beans.property.SimpleObjectProperty<>(this, "highlight");
    /** What moves with every slider step (operating points, markers, hover cards). */
    private final Canvas canvas = new Canvas();
    /**
     * How much bigger than normal the whole chart is drawn (text, lines and margins alike): the app's zoom,
     * or an export's size. The chart lays out for its size divided by the zoom, then draws scaled up.
     */
    private final javafx.beans.property.DoubleProperty zoom = new javafx.beans.property.SimpleDoubleProperty(this,
            "zoom", 1);
    private final ObservableValue<Evaluation> source;
    /** Scenarios pinned beside the live one, drawn in their own styles; they move only when pinned or unpinned. */
    private final javafx.beans.property.ObjectProperty<List<ChartPin>> pins =
            new javafx.beans.property.SimpleObjectProperty<>(this, "pins", List.of());
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
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
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
    public Object queryAccessibleAttribute(javafx.scene.AccessibleAttribute attribute, Object... parameters) {
        if (attribute == javafx.scene.AccessibleAttribute.TEXT) {
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
    public javafx.beans.property.ObjectProperty<List<ChartPin>> pinsProperty() {
        return pins;
    }

    /** The pinned scenarios now, in the order pinned. */
    public List<ChartPin> pins() {
        List<ChartPin> now = pins.get();
        return now == null ? List.of() : now;
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
    protected void ring(ChartPen g, double x, double y, double radius) {
        g.setStroke(color(ChartColor.WARNING).deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(9);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setStroke(color(ChartColor.WARNING));
        g.setLineWidth(2.5);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
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
            c.getTransforms().setAll(new javafx.scene.transform.Scale(1 / renderScale, 1 / renderScale, 0, 0));
        }
        backgroundKey = null;
        markDirty();
    }

    private double renderScale = 1;

    public javafx.beans.property.DoubleProperty zoomProperty() {
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
            Object key = java.util.Arrays.asList(backgroundKey(e), pins(), labelsKey());
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
                            java.util.function.Consumer<ChartPen> drawing) {
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
    private java.util.function.Predicate<LabelLayout.Label> moving = l -> false;
    private LabelLayout still;
    private Object stillKey;

    /**
     * Lays out this frame's labels: the still ones once per background and size ({@code still} builds
     * them), the moving ones ({@code addMoving}, to a copy) every frame. Charts call it from
     * {@link #prepare}; the still labels are then drawn with the background, the moving ones by the chart.
     */
    protected final LabelLayout layOutLabels(Evaluation e, double w, double h,
                                             java.util.function.Supplier<LabelLayout> still,
                                             java.util.function.UnaryOperator<LabelLayout> addMoving,
                                             java.util.function.Predicate<LabelLayout.Label> isMoving) {
        Object key = java.util.Arrays.asList(backgroundKey(e), pins(), w, h, baseFontSize());
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
        Font f = font(label.style().fontScale(), label.style().bold());
        Color c = color(label.style().color());
        if (label.hasLeader()) {
            LabelLayout.Box b = label.box();
            double tx = Math.max(b.x(), Math.min(b.right(), label.leaderTo()[0]));
            double ty = Math.max(b.y(), Math.min(b.bottom(), label.leaderTo()[1]));
            g.setStroke(c.deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(1);
            g.strokeLine(label.leaderTo()[0], label.leaderTo()[1], tx, ty);
        }
        // The layout measured the text already: the backing comes from its box, no second text layout.
        LabelLayout.Box b = label.box();
        backing(g, b.x(), b.y(), b.w(), f.getSize() * 1.2);
        text(g, label.text(), b.x(), b.y(), TextAlignment.LEFT, VPos.TOP, f, c);
    }

    /** The text, shortened with an ellipsis to fit a width: a title never runs off the chart. */
    protected static String fitted(String text, Font font, double width) {
        return LabelLayout.fitted(text, width, t -> textWidth(t, font));
    }

    /**
     * The width of text in this chart's font at a scale, remembered: what a chart measures on every frame
     * (a legend, a total) costs a text layout only the first time.
     */
    protected double measuredWidth(String text, double fontScale, boolean bold) {
        return measure().width(text, fontSize.get() * fontScale, bold);
    }

    /** Measures text as this chart draws it: what its label layouts need. */
    protected LabelLayout.TextMeasure measure() {
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
    private final java.util.Map<String, Double> measured = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Double> eldest) {
            return size() > 256;
        }
    };

    /** The chart fonts, by size (negative: bold): a handful, made once, for drawing and measuring alike. */
    private static final java.util.Map<Double, Font> FONTS = new java.util.HashMap<>();

    private static Font fontOfSize(double sizePx, boolean bold) {
        return FONTS.computeIfAbsent(bold ? -sizePx : sizePx,
                k -> Font.font("DejaVu Sans", bold ? FontWeight.BOLD : FontWeight.NORMAL, sizePx));
    }

    /** Draws what {@link #backgroundKey} determines. Runs before {@link #draw}. */
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
    }

    /** Draws the foreground for one evaluation into a w x h canvas. */
    protected abstract void draw(ChartPen g, Evaluation e, double w, double h);

    protected Evaluation evaluation() {
        return source.getValue();
    }

    // ---- drawing helpers ----

    protected Font font(double scale, boolean bold) {
        return fontOfSize(fontSize.get() * scale, bold);
    }

    /** Text with its top-left, centre or right edge at (x, y). */
    protected void text(ChartPen g, String s, double x, double y, TextAlignment align, VPos baseline,
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
    protected void haloText(ChartPen g, String s, double x, double y, TextAlignment align, VPos baseline,
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

    private static final Text MEASURE = new Text();

    /** Width of a string in a font; one reused Text node, as measuring happens many times per frame. */
    protected static double textWidth(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** A rounded card with lines of text, kept inside the chart. */
    protected void card(ChartPen g, List<String> lines, double anchorX, double anchorY, double w, double h) {
        Font f = font(0.92, false);
        Font bold = font(0.92, true);
        double lineH = baseFontSize() * 1.35;
        double width = 0;
        for (int i = 0; i < lines.size(); i++) {
            width = Math.max(width, textWidth(lines.get(i), i == 0 ? bold : f));
        }
        width += 20;
        double height = lines.size() * lineH + 12;
        double[] origin = cardOrigin(anchorX, anchorY, width, height, w, h);
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

    /**
     * Draws the key to the live scenario and the pins: a row each, a sample of its line and its marker, then
     * its name. The live scenario's row shows {@code liveLine} solid with a {@code liveMarker} dot.
     */
    protected void drawPinKey(ChartPen g, PinKey key, Color liveLine, Color liveMarker) {
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
            double x0 = key.sampleLeft();
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
            text(g, row.text(), key.textLeft(), cy, TextAlignment.LEFT, VPos.CENTER, f, color(ChartColor.TEXT));
        }
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
                                    java.util.function.Supplier<List<double[][]>> lines,
                                    java.util.function.Supplier<List<LabelLayout.Box>> marks) {
        if (pins().isEmpty()) {
            return null;
        }
        String live = e.memory().fits() ? "Live" : "Live (does not fit)";
        List<PinKey> candidates = new java.util.ArrayList<>();
        for (boolean[] corner : corners) {
            candidates.add(PinKey.of(pins(), e.scenario(), live, plot, corner[0], corner[1], plot.w() * 0.45, measure(),
                    baseFontSize()));
        }
        Object inputs = java.util.Arrays.asList(e.scenario().withBatchSize(1), pins(), plot, baseFontSize(),
                candidates.get(0).rows());
        if (!inputs.equals(pinKeyInputs)) {
            pinKeyCorner = candidates.indexOf(PinKey.clearOf(candidates, lines.get(), marks.get()));
            pinKeyInputs = inputs;
        }
        return candidates.get(pinKeyCorner);
    }

    /** Sets the stroke to a pin's colour and line pattern (the caller sets the dashes back). */
    protected void pinLine(ChartPen g, PinStyle style, double width) {
        g.setStroke(color(style.color()));
        g.setLineWidth(width);
        g.setLineDashes(style.dashes());
    }

    /** A pin's marker at (x, y), in its colour with a plot-coloured outline that parts it from lines. */
    protected void pinMarker(ChartPen g, PinStyle style, double x, double y, double radius) {
        g.setFill(color(style.color()));
        g.setStroke(color(ChartColor.PLOT));
        g.setLineWidth(1.5);
        double[][] outline = style.outline(x, y, radius);
        g.fillPolygon(outline[0], outline[1], outline[0].length);
        g.strokePolygon(outline[0], outline[1], outline[0].length);
    }

    /** A colour of the current theme. */
    /**
     * Where a hover card of this size goes: right of the point, or left of it when the right side has no
     * room, centred on it vertically, and always inside the chart (a card wider than the chart starts at
     * its left edge).
     */
    static double[] cardOrigin(double anchorX, double anchorY, double width, double height, double w, double h) {
        double x = anchorX + 14;
        if (x + width > w - 4) {
            x = anchorX - 14 - width;
        }
        x = Math.max(4, Math.min(w - width - 4, x));
        double y = Math.max(4, Math.min(h - height - 4, anchorY - height / 2));
        return new double[] {x, y};
    }

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
