package lab.roofline.render.chart;

import lab.roofline.render.layout.ChartColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.HoverLines;
import lab.roofline.render.layout.RooflineGeometry.Marker;
import lab.roofline.render.pen.ChartPen;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.RooflineLabels;

/**
 * Log-log roofline: attainable FLOP/s = min(peak, intensity x bandwidth), with the ridge, the two regions,
 * the prefill, decode and decode-attention operating points, and the path decode follows as batch grows.
 */
public final class RooflineChart extends CanvasChart {
    private static final double LEFT = RooflineGeometry.LEFT;
    private static final double TOP = RooflineGeometry.TOP;

    private final List<Hit> hits = new ArrayList<>();
    private final List<Hit> backgroundHits = new ArrayList<>();
    private Hit hovered;
    private RooflineGeometry geometry;
    private LogScale xScale;
    private LogScale yScale;

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

    private final javafx.beans.property.ObjectProperty<Ghost> ghost =
            new javafx.beans.property.SimpleObjectProperty<>(this, "ghost");

    public RooflineChart(ObservableValue<Evaluation> source) {
        super(source, "roofline-chart");
        setOnMouseMoved(ev -> hover(toDrawing(ev.getX()), toDrawing(ev.getY())));
        setOnMouseExited(ev -> hover(-1, -1));
        setOnMousePressed(ev -> moveGhostTo(ev.getX(), ev.getY()));
        setOnMouseDragged(ev -> moveGhostTo(ev.getX(), ev.getY()));
        setOnMouseReleased(ev -> hover(toDrawing(ev.getX()), toDrawing(ev.getY())));
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, this::nudgeGhost);
        ghost.addListener((obs, old, now) -> {
            setFocusTraversable(now != null && now.movable());
            markDirty();
        });
        focusedProperty().addListener(obs -> markDirty());
    }

    public javafx.beans.property.ObjectProperty<Ghost> ghostProperty() {
        return ghost;
    }

    /** Whether the learner is placing a guess (the hollow marker is movable). */
    private boolean placingGuess() {
        return ghost.get() != null && ghost.get().movable();
    }

    /** A guess kept on or under the current roof: no kernel attains more than the roof allows. */
    private Ghost underRoof(double flopsPerByte, double flopsPerSecond) {
        Evaluation.Roof roof = evaluation().currentRoof();
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
        ghost.set(underRoof(xScale.toValue(x), yScale.toValue(y)));
        hover(-1, -1);
        requestFocus();
    }

    /** Arrow keys move a movable ghost a tenth of a decade (Shift: a fiftieth), never out of the plot. */
    private void nudgeGhost(javafx.scene.input.KeyEvent ev) {
        Ghost g = ghost.get();
        if (g == null || !g.movable() || geometry == null) {
            return;
        }
        if (ev.getCode() == javafx.scene.input.KeyCode.ENTER) {
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

    private java.util.Map<Marker, double[]> movingFrom = java.util.Map.of();
    private long moveStartNanos;
    private double moveProgress = 1;
    private javafx.animation.AnimationTimer mover;

    /**
     * Moves the operating points from where they are in {@code before} to where the next evaluation puts
     * them, over {@link lab.roofline.fx.Motion#REVEAL_MILLIS}. Only the lesson asks; a drag stays
     * instant. Nothing moves when motion is off.
     */
    public void animateFrom(Evaluation before) {
        if (!lab.roofline.fx.Motion.enabled() || before == null) {
            return;
        }
        java.util.Map<Marker, double[]> from = new java.util.EnumMap<>(Marker.class);
        from.put(Marker.PREFILL, new double[] {before.prefill().arithmeticIntensity(), before.prefill().achievedFlopsPerSecond()});
        from.put(Marker.DECODE, new double[] {before.decode().arithmeticIntensity(), before.decode().achievedFlopsPerSecond()});
        lab.roofline.engine.roofline.Term att = before.decode().attention();
        if (att.flops() > 0) {
            from.put(Marker.ATTENTION, new double[] {att.arithmeticIntensity(), att.flops() / att.seconds()});
        }
        movingFrom = from;
        moveProgress = 0;
        moveStartNanos = System.nanoTime();
        if (mover == null) {
            mover = new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    moveProgress = Math.min(1, (now - moveStartNanos) / 1e6 / lab.roofline.fx.Motion.REVEAL_MILLIS);
                    markDirty();
                    if (moveProgress >= 1) {
                        stop();
                    }
                }
            };
        }
        mover.start();
    }

    /** Whether a reveal's points are on their way (never, with motion off). */
    public boolean isAnimating() {
        return moveProgress < 1;
    }

    /** Where a marker is drawn now: on its way from a reveal's start, else where the geometry puts it. */
    private RooflineGeometry.Point drawnAt(Marker marker, RooflineGeometry.Point to) {
        double[] from = movingFrom.get(marker);
        if (to == null || from == null || moveProgress >= 1) {
            return to;
        }
        double t = lab.roofline.fx.Motion.ease(moveProgress);
        double toX = xScale.toValue(to.x());
        double toY = yScale.toValue(to.y());
        return geometry.point(lab.roofline.fx.Motion.logLerp(from[0], toX, t),
                lab.roofline.fx.Motion.logLerp(from[1], toY, t));
    }

    private void drawGhost(ChartPen g) {
        Ghost guess = ghost.get();
        if (guess == null) {
            return;
        }
        RooflineGeometry.Point at = geometry.point(guess.flopsPerByte(), guess.flopsPerSecond());
        double r = GHOST_RADIUS; // its label is laid out with the others (withGhost) and drawn with them
        g.setStroke(color(ChartColor.DECODE));
        g.setLineWidth(2.5);
        g.setLineDashes(5, 4);
        g.strokeOval(at.x() - r, at.y() - r, 2 * r, 2 * r);
        g.setLineDashes();
        g.strokeLine(at.x() - 4, at.y(), at.x() + 4, at.y());
        g.strokeLine(at.x(), at.y() - 4, at.x(), at.y() + 4);
        if (guess.movable() && isFocused()) {
            // The keys move it now: said by a focus ring around it.
            g.setStroke(color(ChartColor.ACCENT));
            g.setLineWidth(2);
            g.strokeOval(at.x() - r - 5, at.y() - r - 5, 2 * r + 10, 2 * r + 10);
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
        LabelLayout.Box plot = new LabelLayout.Box(geometry.plotLeft(), geometry.plotTop(),
                geometry.plotRight() - geometry.plotLeft(), geometry.plotBottom() - geometry.plotTop());
        return pinKeyIn(e, plot, new boolean[][] {{true, true}, {false, false}, {false, true}, {true, false}}, () -> {
            List<double[][]> lines = new ArrayList<>();
            List<Evaluation.Roof> roofs = new ArrayList<>(e.roofs());
            pins().forEach(p -> roofs.add(p.evaluation().currentRoof()));
            for (Evaluation.Roof roof : roofs) {
                lines.add(xy(geometry.roof(roof)));
            }
            lines.add(xy(geometry.decodePath()));
            RooflineGeometry.Point ridge = geometry.ridge();
            lines.add(new double[][] {{ridge.x(), ridge.x()}, {ridge.y(), geometry.plotBottom()}});
            return lines;
        }, () -> {
            List<LabelLayout.Box> marks = new ArrayList<>();
            for (ChartPin p : pins()) {
                for (RooflineGeometry.Point at : List.of(geometry.phase(p.evaluation().prefill()),
                        geometry.phase(p.evaluation().decode()))) {
                    marks.add(LabelLayout.Box.around(at.x(), at.y(), 16, 16));
                }
            }
            return marks;
        });
    }

    private static double[][] xy(List<RooflineGeometry.Point> points) {
        return new double[][] {points.stream().mapToDouble(RooflineGeometry.Point::x).toArray(),
                points.stream().mapToDouble(RooflineGeometry.Point::y).toArray()};
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

    private void setScales(Evaluation e, double w, double h) {
        geometry = new RooflineGeometry(e, pinEvaluations(), w, h);
        xScale = geometry.x();
        yScale = geometry.y();
    }

    /** Where every label goes at the last redraw. */
    private LabelLayout layout;
    private PinKey key;

    private static final String GHOST_ID = "ghost";
    private static final LabelLayout.Style GHOST_LABEL = new LabelLayout.Style(0.9, true, ChartColor.DECODE);
    private static final java.util.Set<String> POINT_LABELS = java.util.Set.of(RooflineLabels.DECODE,
            RooflineLabels.PREFILL, RooflineLabels.ATTENTION, GHOST_ID);

    /**
     * The lesson's hollow marker and its label, laid out with this frame's moving labels: the marker is a
     * marker (labels move off it) and its label goes where the layout finds room, as every label does.
     */
    private LabelLayout withGhost(LabelLayout frame) {
        Ghost guess = ghost.get();
        if (guess == null) {
            return frame;
        }
        RooflineGeometry.Point at = geometry.point(guess.flopsPerByte(), guess.flopsPerSecond());
        frame.obstacleOver(LabelLayout.Box.around(at.x(), at.y(), 2 * GHOST_RADIUS + 4, 2 * GHOST_RADIUS + 4));
        String text = guess.movable() ? "your guess (drag me)" : "your guess";
        frame.place(GHOST_ID, text, GHOST_LABEL, new double[] {at.x(), at.y()}, frame.around(at.x(), at.y(),
                frame.width(text, GHOST_LABEL), frame.height(GHOST_LABEL), GHOST_RADIUS + 6, true, false), true);
        return frame;
    }

    private static final double GHOST_RADIUS = 10;

    /** The key's rows too: a pin that is the live scenario at this batch says so, and the key is background. */
    @Override
    protected Object backgroundKey(Evaluation e) {
        return java.util.Arrays.asList(super.backgroundKey(e), key == null ? null : key.rows(), placingGuess());
    }

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        setScales(e, w, h);
        key = pinKey(e);
        layout = layOutLabels(e, w, h, () -> RooflineLabels.still(e, pins(), key, geometry, measure(), baseFontSize()),
                still -> withGhost(RooflineLabels.withPoints(still, e, geometry)), l -> POINT_LABELS.contains(l.id()));
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        backgroundHits.clear();
        legendShown = false;
        double plotRight = geometry.plotRight();
        double plotBottom = geometry.plotBottom();

        Evaluation.Roof roof = e.currentRoof();
        double ridge = roof.ridgeFlopsPerByte();
        double ridgeX = xScale.toPixelClamped(ridge);

        // Plot area and the two regions.
        g.setFill(color(ChartColor.PLOT));
        g.fillRect(LEFT, TOP, plotRight - LEFT, plotBottom - TOP);
        g.setFill(color(ChartColor.MEMORY_REGION));
        g.fillRect(LEFT, TOP, ridgeX - LEFT, plotBottom - TOP);
        g.setFill(color(ChartColor.COMPUTE_REGION));
        g.fillRect(ridgeX, TOP, plotRight - ridgeX, plotBottom - TOP);

        drawGrid(g, plotRight, plotBottom);

        // Fainter roofs for the device's other precisions; precisions with the same peak share a line.
        for (Evaluation.Roof other : e.roofs()) {
            if (other.precision() == roof.precision()) {
                continue;
            }
            g.setStroke(color(ChartColor.MUTED).deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(1.3);
            g.setLineDashes(5, 4);
            strokeRoof(g, other);
            g.setLineDashes();
        }

        // The pins' roofs, each in its pattern: under the live roof, which stays on top.
        for (ChartPin pin : pins()) {
            pinLine(g, pin.style(), 2.2);
            strokeRoof(g, pin.evaluation().currentRoof());
            g.setLineDashes();
        }

        // The current roof.
        g.setStroke(color(ChartColor.ACCENT));
        g.setLineWidth(3.2);
        strokeRoof(g, roof);

        // Ridge point.
        double ridgeY = yScale.toPixel(roof.peakFlopsPerSecond());
        g.setStroke(color(ChartColor.ACCENT).deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1.2);
        g.setLineDashes(3, 4);
        g.strokeLine(ridgeX, ridgeY, ridgeX, plotBottom);
        g.setLineDashes();
        g.setFill(color(ChartColor.ACCENT));
        g.fillOval(ridgeX - 5, ridgeY - 5, 10, 10);
        backgroundHits.add(new Hit(Marker.RIDGE, ridgeX, ridgeY, HoverLines.ridge(e)));

        if (!placingGuess()) {
            drawDecodePath(g, e); // while a guess is placed, the path would show where the batch takes decode
        }
        drawPins(g);

        // Frame, axes titles and title.
        g.setStroke(color(ChartColor.MUTED));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotRight - LEFT - 1, plotBottom - TOP - 1);
        text(g, fitted("Arithmetic intensity (FLOP/byte, log scale)", font(0.95, false), plotRight - LEFT),
                (LEFT + plotRight) / 2, h - 6, TextAlignment.CENTER,
                VPos.BOTTOM, font(0.95, false), color(ChartColor.TEXT));
        g.save();
        g.translate(16, (TOP + plotBottom) / 2);
        g.rotate(-90);
        text(g, fitted("Attainable TFLOP/s (log scale)", font(0.95, false), plotBottom - TOP), 0, 0, TextAlignment.CENTER, VPos.CENTER, font(0.95, false), color(ChartColor.TEXT));
        g.restore();
        String devices = e.scenario().gpuCount() > 1 ? e.scenario().gpuCount() + " × " : "";
        String split = e.scenario().pipelineStages() > 1
                ? " (" + lab.roofline.engine.roofline.Scenario.layoutName(e.scenario().gpuCount(), e.scenario().pipelineStages()) + ")" : "";
        // The longest wording that fits: a narrow (or zoomed) chart drops "Roofline" before it cuts the
        // precision, which is what a reader needs to read the roofs.
        String gpu = devices + e.scenario().gpu().name() + split;
        String precision = e.computePrecision().label();
        String title = "Roofline  ·  " + gpu + "  ·  " + precision + " math";
        for (String shorter : new String[] {gpu + "  ·  " + precision + " math", precision + " math  ·  " + gpu}) {
            if (textWidth(title, font(1.15, true)) > plotRight - LEFT) {
                title = shorter;
            }
        }
        if (textWidth(title, font(1.15, true)) > plotRight - LEFT && !e.scenario().gpu().whatIf().isNone()) {
            // A long name is shortened before its what-if: a chart never passes a what-if off as the device.
            String suffix = " with " + e.scenario().gpu().whatIf().describe();
            String head = precision + " math  ·  ";
            String name = gpu.substring(0, gpu.length() - suffix.length());
            double room = plotRight - LEFT - textWidth(head + suffix, font(1.15, true));
            title = head + fitted(name, font(1.15, true), Math.max(20, room)) + suffix;
        }
        text(g, fitted(title, font(1.15, true), plotRight - LEFT), LEFT, 12, TextAlignment.LEFT, VPos.TOP,
                font(1.15, true), color(ChartColor.TEXT));
        // The small dots need a key: they are the decode step as the batch doubles, up to the memory wall.
        if (e.decodePath().size() >= 2 && !placingGuess()) {
            Font key = font(0.8, false);
            String legend = "● decode at batch 1, 2, 4, 8 … as it grows";
            double right = geometry.plotRight();
            if (LEFT + textWidth(title, font(1.15, true)) + 24 + textWidth(legend, key) <= right) {
                text(g, legend, right, 12 + baseFontSize() * 0.3, TextAlignment.RIGHT, VPos.TOP, key,
                        color(ChartColor.DECODE));
                legendShown = true;
            }
        }
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
                pinMarker(g, pin.style(), at.x(), at.y(), RooflineLabels.POINT_RADIUS);
                List<String> lines = new ArrayList<>();
                lines.add(pin.style().glyph() + " " + pin.shortName() + " (pinned)");
                lines.addAll(HoverLines.phase(p, prefill));
                backgroundHits.add(new Hit("pin-" + i + (prefill ? "-prefill" : "-decode"), at.x(), at.y(), lines));
            }
        }
        g.setGlobalAlpha(1);
        drawPinKey(g, key, color(ChartColor.ACCENT), color(ChartColor.DECODE));
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
        Marker lessonMarker = switch (highlight() == null ? lab.roofline.explain.Explanation.Topic.COST : highlight()) {
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

    private void drawGrid(ChartPen g, double plotRight, double plotBottom) {
        Font tick = font(0.85, false);
        g.setLineWidth(1);
        for (int exp = -1; exp <= 6; exp++) {
            double v = Math.pow(10, exp);
            double x = xScale.toPixel(v);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(x, TOP, x, plotBottom);
            g.setStroke(color(ChartColor.GRID).deriveColor(0, 1, 1, 0.45));
            for (int m = 2; m <= 9 && exp < 6; m++) {
                double xm = xScale.toPixel(v * m);
                g.strokeLine(xm, plotBottom - 5, xm, plotBottom);
            }
            text(g, intensityLabel(v), x, plotBottom + 6, TextAlignment.CENTER, VPos.TOP, tick, color(ChartColor.MUTED));
        }
        for (double v : geometry.flopsDecades()) {
            double y = yScale.toPixel(v);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(LEFT, y, plotRight, y);
            text(g, tflopsTick(v), LEFT - 8, y, TextAlignment.RIGHT, VPos.CENTER, tick, color(ChartColor.MUTED));
        }
    }

    /** The roof labels placed at the last redraw (for tests). */
    public List<String> roofLabels() {
        layout();
        return layout.labels().stream().filter(l -> l.id().equals(RooflineLabels.CURRENT_ROOF_ID)
                || l.id().startsWith("roof-")).map(LabelLayout.Label::text).toList();
    }

    private void strokeRoof(ChartPen g, Evaluation.Roof roof) {
        polyline(g, geometry.roof(roof));
    }

    private static void polyline(ChartPen g, List<RooflineGeometry.Point> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).x();
            ys[i] = points.get(i).y();
        }
        g.strokePolyline(xs, ys, points.size());
    }

    private void drawDecodePath(ChartPen g, Evaluation e) {
        List<Evaluation.BatchPoint> path = e.decodePath();
        if (path.size() < 2) {
            return;
        }
        g.setStroke(color(ChartColor.DECODE).deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(2);
        List<RooflineGeometry.Point> points = geometry.decodePath();
        polyline(g, points);
        // A dot per doubling of the batch, so the path reads as steps along the roof.
        g.setFill(color(ChartColor.DECODE).deriveColor(0, 1, 1, 0.85));
        for (int i = 0; i < path.size(); i++) {
            if (Long.bitCount(path.get(i).batchSize()) == 1 || i == path.size() - 1) {
                g.fillOval(points.get(i).x() - 3.5, points.get(i).y() - 3.5, 7, 7);
            }
        }
    }

    private void drawPoint(ChartPen g, Marker marker, Color color, Evaluation e, boolean diamond) {
        RooflineGeometry.Point at = drawnAt(marker, geometry.marker(marker));
        if (at == null) {
            return;
        }
        List<String> lines = marker == Marker.ATTENTION ? HoverLines.attention(e)
                : HoverLines.phase(e, marker == Marker.PREFILL);
        double x = at.x();
        double y = at.y();
        hits.add(new Hit(marker, x, y, lines));
        g.setFill(color);
        g.setStroke(color(ChartColor.PLOT));
        g.setLineWidth(2);
        double r = 7;
        if (diamond) {
            double[] xs = {x, x + r, x, x - r};
            double[] ys = {y - r, y, y + r, y};
            g.fillPolygon(xs, ys, 4);
            g.strokePolygon(xs, ys, 4);
        } else {
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /** Decade tick labels: 0.1, 1, 10, 100, 1k, 10k, 100k, 1M. */
    static String intensityLabel(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.0fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return v < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    static String tflopsTick(double flops) {
        double t = flops / 1e12;
        if (t >= 1e4) { // short, so a large multi-device axis never runs into the axis title (and one style: 10k, 100k)
            return t >= 1e6 ? String.format(Locale.ROOT, "%.0fM", t / 1e6) : String.format(Locale.ROOT, "%.0fk", t / 1e3);
        }
        if (t >= 1) {
            return String.format(Locale.ROOT, "%,.0f", t);
        }
        return Units.sig3(t).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String tflops(double flops) {
        return HoverLines.tflops(flops);
    }

    /** For tests: the precision whose roof is drawn solid. */
    public Precision currentRoofPrecision() {
        return evaluation().computePrecision();
    }

    @Override
    protected String textAlternative(Evaluation e) {
        lab.roofline.engine.roofline.PhaseCost d = e.decode();
        lab.roofline.engine.roofline.PhaseCost p = e.prefill();
        String points = String.format(java.util.Locale.ROOT, "The decode step at batch %d: %s FLOP/byte, %s (%s of "
                        + "peak, %s). Prefill: %s FLOP/byte, %s. ", e.scenario().batchSize(), Units.sig3(d.arithmeticIntensity()),
                HoverLines.tflops(d.achievedFlopsPerSecond()), Units.percent(d.computeUtilization()),
                d.arithmeticIntensity() < e.ridgeFlopsPerByte() ? "memory-bound" : "compute-bound",
                Units.sig3(p.arithmeticIntensity()), HoverLines.tflops(p.achievedFlopsPerSecond()));
        return "Roofline chart. " + points + lab.roofline.explain.Explanation.about(java.util.List.of(lab.roofline.explain.Explanation.Topic.RIDGE, lab.roofline.explain.Explanation.Topic.DECODE,
                lab.roofline.explain.Explanation.Topic.PREFILL, lab.roofline.explain.Explanation.Topic.KV_CACHE), e);
    }
}
