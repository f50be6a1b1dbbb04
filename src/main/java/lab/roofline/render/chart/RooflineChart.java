package lab.roofline.render.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.explain.HoverLines;
import lab.roofline.fx.Motion;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.RooflineGeometry.Marker;
import lab.roofline.render.layout.RooflineLabels;
import lab.roofline.render.paint.RooflineAxes;
import lab.roofline.render.paint.RooflineMarks;
import lab.roofline.render.paint.RooflineRoofs;
import lab.roofline.render.pen.ChartPen;

/**
 * Log-log roofline: attainable FLOP/s = min(peak, intensity x bandwidth), with the ridge, the two regions,
 * the prefill, decode and decode-attention operating points, and the path decode follows as batch grows.
 */
public final class RooflineChart extends CanvasChart {
    private final RooflineMarks marks = new RooflineMarks(ink());
    private final List<Hit> hits = new ArrayList<>();
    private final List<Hit> backgroundHits = new ArrayList<>();
    private Hit hovered;
    private RooflineGeometry geometry;

    /** Something hoverable: a live marker, or a pin's point ("pin-0-decode"). */
    private record Hit(Object marker, double x, double y, List<String> lines) {
    }

    /**
     * A hollow "your guess" marker at a point of the roofline's axes (intensity, FLOP/s): the lesson's
     * prediction of where the decode point will move. While movable it follows a drag or a click in the plot
     * and, with the chart focused, the arrow keys (Shift for small steps).
     */
    public record Ghost(double flopsPerByte, double flopsPerSecond, boolean movable) {
    }

    private final ObjectProperty<Ghost> ghost = new SimpleObjectProperty<>(this, "ghost");

    public RooflineChart(ObservableValue<Evaluation> source) {
        super(source, "roofline-chart");
        setOnMouseMoved(ev -> hover(toDrawing(ev.getX()), toDrawing(ev.getY())));
        setOnMouseExited(ev -> hover(-1, -1));
        setOnMousePressed(ev -> moveGhostTo(ev.getX(), ev.getY()));
        setOnMouseDragged(ev -> moveGhostTo(ev.getX(), ev.getY()));
        setOnMouseReleased(ev -> hover(toDrawing(ev.getX()), toDrawing(ev.getY())));
        addEventHandler(KeyEvent.KEY_PRESSED, this::nudgeGhost);
        ghost.addListener((obs, old, now) -> {
            setFocusTraversable(now != null && now.movable());
            markDirty();
        });
        focusedProperty().addListener(obs -> markDirty());
    }

    public ObjectProperty<Ghost> ghostProperty() {
        return ghost;
    }

    /** Whether the learner is placing a guess (the hollow marker is movable). */
    private boolean placingGuess() {
        return ghost.get() != null && ghost.get().movable();
    }

    /** A guess kept on or under the current roof: no kernel attains more than the roof allows. */
    private Ghost underRoof(double flopsPerByte, double flopsPerSecond) {
        Evaluation.Roof roof = evaluation().currentRoof();
        LogScale xScale = geometry.x();
        LogScale yScale = geometry.y();
        double i = Math.max(xScale.min(), Math.min(xScale.max(), flopsPerByte));
        double f = Math.max(yScale.min(), Math.min(flopsPerSecond, roof.attainableFlopsPerSecond(i)));
        return new Ghost(i, f, true);
    }

    private Runnable onGhostPlaced = () -> { };

    /** What Enter does while the ghost is movable (the lesson reveals). */
    public void setOnGhostPlaced(Runnable handler) {
        onGhostPlaced = handler == null ? () -> { } : handler;
    }

    /** A press or drag in the plot puts a movable ghost there. */
    private void moveGhostTo(double pixelX, double pixelY) {
        Ghost g = ghost.get();
        if (g == null || !g.movable() || geometry == null) {
            return;
        }
        double x = Math.max(geometry.plotLeft(), Math.min(geometry.plotRight(), toDrawing(pixelX)));
        double y = Math.max(geometry.plotTop(), Math.min(geometry.plotBottom(), toDrawing(pixelY)));
        ghost.set(underRoof(geometry.x().toValue(x), geometry.y().toValue(y)));
        hover(-1, -1);
        requestFocus();
    }

    /** Arrow keys move a movable ghost a tenth of a decade (Shift: a fiftieth), never out of the plot. */
    private void nudgeGhost(KeyEvent ev) {
        Ghost g = ghost.get();
        if (g == null || !g.movable() || geometry == null) {
            return;
        }
        if (ev.getCode() == KeyCode.ENTER) {
            onGhostPlaced.run(); // the guess is where the learner wants it
            ev.consume();
            return;
        }
        double step = Math.pow(10, ev.isShiftDown() ? 0.02 : 0.1);
        double fx = 1;
        double fy = 1;
        switch (ev.getCode()) {
            case LEFT -> fx = 1 / step;
            case RIGHT -> fx = step;
            case UP -> fy = step;
            case DOWN -> fy = 1 / step;
            default -> {
                return;
            }
        }
        ghost.set(underRoof(g.flopsPerByte() * fx, g.flopsPerSecond() * fy));
        ev.consume();
    }

    // ---- the lesson's reveal: the points move from where they were ----

    private final MarkerReveal reveal = new MarkerReveal(this::markDirty);

    /**
     * Moves the operating points from where they are in {@code before} to where the next evaluation puts
     * them, over {@link Motion#REVEAL_MILLIS}. Only the lesson asks; a drag stays instant. Nothing moves
     * when motion is off.
     */
    public void animateFrom(Evaluation before) {
        if (!Motion.enabled() || before == null) {
            return;
        }
        reveal.start(before);
    }

    /** Whether a reveal's points are on their way (never, with motion off). */
    public boolean isAnimating() {
        return reveal.isRunning();
    }

    private void drawGhost(ChartPen g) {
        Ghost guess = ghost.get();
        if (guess != null) {
            marks.drawGuess(g, geometry.point(guess.flopsPerByte(), guess.flopsPerSecond()),
                    guess.movable() && isFocused());
        }
    }

    /** Where the ghost is drawn, in chart pixels (null when there is none). */
    public Point2D ghostPosition() {
        Ghost guess = ghost.get();
        if (guess == null) {
            return null;
        }
        RooflineGeometry.Point p = geometry().point(guess.flopsPerByte(), guess.flopsPerSecond());
        return new Point2D(toPixels(p.x()), toPixels(p.y()));
    }

    private void hover(double x, double y) {
        if (ghost.get() != null && ghost.get().movable()) {
            x = y = -1; // while the learner places a guess, no card covers the chart
        }
        Hit best = null;
        double bestDistance = 16;
        for (Hit h : hits) {
            double d = Math.hypot(h.x - x, h.y - y);
            if (d <= bestDistance) { // later hits (the live points) win a tie with the pins under them
                bestDistance = d;
                best = h;
            }
        }
        if (best != hovered) {
            hovered = best;
            markDirty();
        }
    }

    /** The geometry of the evaluation at the chart's current size, in drawing units (pixels over the zoom). */
    public RooflineGeometry geometry() {
        return new RooflineGeometry(evaluation(), pinEvaluations(), drawingWidth(), drawingHeight());
    }

    private List<Evaluation> pinEvaluations() {
        return pins().stream().map(ChartPin::evaluation).toList();
    }

    /** Where a pin's prefill or decode point is, in chart pixels. */
    public Point2D pinPosition(int index, boolean prefill) {
        Evaluation p = pins().get(index).evaluation();
        RooflineGeometry.Point at = geometry().phase(prefill ? p.prefill() : p.decode());
        return new Point2D(toPixels(at.x()), toPixels(at.y()));
    }

    /**
     * The key in the plot's lower right, where at high intensity and low FLOP/s nothing is usually drawn;
     * else the first other corner that crosses no roof, decode path or pin point. Only what stays put while
     * the batch changes counts: the key is drawn with the background.
     */
    private PinKey pinKey(Evaluation e) {
        return pinKeyIn(e, geometry.plot(), new boolean[][] {{true, true}, {false, false}, {false, true}, {true, false}},
                () -> geometry.stillLines(pinEvaluations()), () -> geometry.pinMarks(pinEvaluations()));
    }

    /** The key to the pins at the last redraw (null when nothing is pinned). */
    public PinKey pinKey() {
        layout();
        return key;
    }

    /** Where a marker is, in chart pixels (null when it is not drawn). */
    public Point2D markerPosition(Marker marker) {
        RooflineGeometry.Point p = geometry().marker(marker);
        return p == null ? null : new Point2D(toPixels(p.x()), toPixels(p.y()));
    }

    /** The hovered marker's lines of text, or an empty list. */
    public List<String> hoverText() {
        return hovered == null ? List.of() : hovered.lines;
    }

    /** The FLOP/s a pixel height stands for on the current axis. */
    public double flopsAtPixelY(double y) {
        return geometry().y().toValue(toDrawing(y));
    }

    /** Pixel height of the current roof's flat part (its peak). */
    public double currentPeakY() {
        return toPixels(geometry().ridge().y());
    }

    /** Where every label goes at the last redraw. */
    private LabelLayout layout;
    private PinKey key;

    private static final Set<String> POINT_LABELS = Set.of(RooflineLabels.DECODE,
            RooflineLabels.PREFILL, RooflineLabels.ATTENTION, RooflineLabels.GUESS_ID);

    /** The lesson's guess and its label, laid out with this frame's moving labels. */
    private LabelLayout withGhost(LabelLayout frame) {
        Ghost guess = ghost.get();
        return guess == null ? frame : RooflineLabels.withGuess(frame,
                geometry.point(guess.flopsPerByte(), guess.flopsPerSecond()), guess.movable());
    }

    /** The key's rows too: a pin that is the live scenario at this batch says so, and the key is background. */
    @Override
    protected Object backgroundKey(Evaluation e) {
        return Arrays.asList(super.backgroundKey(e), key == null ? null : key.rows(), placingGuess());
    }

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        geometry = new RooflineGeometry(e, pinEvaluations(), w, h);
        key = pinKey(e);
        layout = layOutLabels(e, w, h, () -> RooflineLabels.still(e, pins(), key, geometry, measure(), baseFontSize()),
                still -> withGhost(RooflineLabels.withPoints(still, e, geometry)), l -> POINT_LABELS.contains(l.id()));
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        backgroundHits.clear();
        RooflineAxes axes = new RooflineAxes(ink(), geometry);
        RooflineRoofs roofs = new RooflineRoofs(ink(), geometry);
        axes.drawRegions(g, e);
        axes.drawGrid(g);
        roofs.drawRoofs(g, e, pins());
        RooflineGeometry.Point ridge = roofs.drawRidge(g);
        backgroundHits.add(new Hit(Marker.RIDGE, ridge.x(), ridge.y(), HoverLines.ridge(e)));
        if (!placingGuess()) {
            roofs.drawDecodePath(g, e); // while a guess is placed, the path would show where the batch takes decode
        }
        drawPins(g);
        legendShown = axes.drawFrameAndTitles(g, e, h, !placingGuess());
    }

    private boolean legendShown;

    /** Each pin's prefill and decode points (faded when it does not fit), and the key that names them. */
    private void drawPins(ChartPen g) {
        List<ChartPin> pins = pins();
        for (int i = 0; i < pins.size(); i++) {
            ChartPin pin = pins.get(i);
            Evaluation p = pin.evaluation();
            g.setGlobalAlpha(p.memory().fits() ? 1 : 0.45);
            for (boolean prefill : new boolean[] {true, false}) {
                RooflineGeometry.Point at = geometry.phase(prefill ? p.prefill() : p.decode());
                ink().pinMarker(g, pin.style(), at.x(), at.y(), RooflineLabels.POINT_RADIUS);
                List<String> lines = new ArrayList<>();
                lines.add(pin.style().glyph() + " " + pin.shortName() + " (pinned)");
                lines.addAll(HoverLines.phase(p, prefill));
                backgroundHits.add(new Hit("pin-" + i + (prefill ? "-prefill" : "-decode"), at.x(), at.y(), lines));
            }
        }
        g.setGlobalAlpha(1);
        ink().drawPinKey(g, key, color(ChartColor.ACCENT), color(ChartColor.DECODE));
    }

    /** Whether the key to the decode-path dots was drawn (it is left out when the title needs the room). */
    public boolean decodePathKeyShown() {
        layout();
        return legendShown;
    }

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        hits.clear();
        hits.addAll(backgroundHits);
        // The lesson's ring first, so the labels it points at stay on top of it, readable.
        Marker lessonMarker = switch (highlight() == null ? Topic.COST : highlight()) {
            case RIDGE -> Marker.RIDGE;
            case DECODE, BATCHING -> Marker.DECODE;
            case PREFILL -> Marker.PREFILL;
            case KV_CACHE -> Marker.ATTENTION;
            default -> null;
        };
        if (lessonMarker != null) {
            RooflineGeometry.Point at = geometry.marker(lessonMarker);
            if (at != null) {
                ring(g, at.x(), at.y(), 17);
            }
        }
        // Points of a scenario that does not fit are drawn faded: what it would do, not what it does.
        g.setGlobalAlpha(e.memory().fits() ? 1 : 0.45);
        drawPoint(g, Marker.ATTENTION, color(ChartColor.ATTENTION), e, true);
        drawPoint(g, Marker.PREFILL, color(ChartColor.PREFILL), e, false);
        drawPoint(g, Marker.DECODE, color(ChartColor.DECODE), e, false);
        g.setGlobalAlpha(1);
        drawMovingLabels(g);
        drawGhost(g);

        if (hovered != null) {
            Hit current = hits.stream().filter(x -> x.marker.equals(hovered.marker)).findFirst().orElse(null);
            hovered = current;
            if (current != null) {
                card(g, current.lines, current.x, current.y, w, h);
            }
        }
    }

    /** The roof labels placed at the last redraw (for tests). */
    public List<String> roofLabels() {
        layout();
        return layout.labels().stream().filter(l -> l.id().equals(RooflineLabels.CURRENT_ROOF_ID)
                || l.id().startsWith("roof-")).map(LabelLayout.Label::text).toList();
    }

    private void drawPoint(ChartPen g, Marker marker, Color color, Evaluation e, boolean diamond) {
        RooflineGeometry.Point at = reveal.drawnAt(marker, geometry.marker(marker), geometry);
        if (at == null) {
            return;
        }
        List<String> lines = marker == Marker.ATTENTION ? HoverLines.attention(e)
                : HoverLines.phase(e, marker == Marker.PREFILL);
        hits.add(new Hit(marker, at.x(), at.y(), lines));
        marks.drawPoint(g, at.x(), at.y(), color, diamond);
    }

    /** For tests: the precision whose roof is drawn solid. */
    public Precision currentRoofPrecision() {
        return evaluation().computePrecision();
    }

    @Override
    protected String textAlternative(Evaluation e) {
        PhaseCost d = e.decode();
        PhaseCost p = e.prefill();
        String points = String.format(Locale.ROOT, "The decode step at batch %d: %s FLOP/byte, %s (%s of "
                        + "peak, %s). Prefill: %s FLOP/byte, %s. ", e.scenario().batchSize(), Units.sig3(d.arithmeticIntensity()),
                HoverLines.tflops(d.achievedFlopsPerSecond()), Units.percent(d.computeUtilization()),
                d.arithmeticIntensity() < e.ridgeFlopsPerByte() ? "memory-bound" : "compute-bound",
                Units.sig3(p.arithmeticIntensity()), HoverLines.tflops(p.achievedFlopsPerSecond()));
        return "Roofline chart. " + points + Explanation.about(List.of(Topic.RIDGE, Topic.DECODE,
                Topic.PREFILL, Topic.KV_CACHE), e);
    }
}
