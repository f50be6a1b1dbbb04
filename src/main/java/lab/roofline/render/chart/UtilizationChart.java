package lab.roofline.render.chart;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import lab.roofline.engine.roofline.BatchApi;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.explain.HoverLines;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.UtilizationLabels;
import lab.roofline.render.paint.UtilizationAxes;
import lab.roofline.render.paint.UtilizationCurves;
import lab.roofline.render.pen.ChartPen;

/** Decode compute utilization (0-100 %) over batch size (log2), with current batch, critical batch and memory wall. */
public final class UtilizationChart extends CanvasChart {
    private static final double LEFT = UtilizationLabels.LEFT;
    private static final double RIGHT = UtilizationLabels.RIGHT;
    private static final double TOP = UtilizationLabels.TOP;
    private static final double BOTTOM = UtilizationLabels.BOTTOM;
    private LabelLayout layout;
    private PinKey key;

    private LogScale xScale;
    private LogScale yScale;
    private double currentBatchX = Double.NaN;
    private Evaluation.BatchPoint hovered;
    private double mouseX = -1;

    private final ObservableValue<List<RatioReference>> references;

    public UtilizationChart(ObservableValue<Evaluation> source, ObservableValue<List<RatioReference>> references) {
        super(source, "utilization-chart");
        this.references = references;
        setOnMouseMoved(ev -> {
            mouseX = toDrawing(ev.getX());
            markDirty();
        });
        setOnMouseExited(ev -> {
            mouseX = -1;
            markDirty();
        });
    }

    /** Pixel x of the current-batch marker (for tests). */
    public double currentBatchX() {
        layout();
        return toPixels(currentBatchX);
    }

    /** The curve point under the mouse, or null. */
    public Evaluation.BatchPoint hoveredPoint() {
        return hovered;
    }

    private void setScales(double w, double h) {
        xScale = UtilizationLabels.x(w);
        yScale = UtilizationLabels.y(h);
    }

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        setScales(w, h);
        key = pinKey(e, w, h);
        layout = layOutLabels(e, w, h,
                () -> UtilizationLabels.still(e, references.getValue(), pins(), key, w, h, measure(), baseFontSize()),
                still -> UtilizationLabels.withCurrent(still, e, highlighted(Topic.BATCH_API), w, h),
                l -> l.id().equals(UtilizationLabels.CURRENT_ID));
    }

    /** The implied batches depend on the API prices too. */
    @Override
    protected Object backgroundKey(Evaluation e) {
        // The key's rows too: a pin that is the live scenario at this batch says so, and the key is background.
        return Arrays.asList(e.scenario().withBatchSize(1), references.getValue(), key == null ? null : key.rows());
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        UtilizationAxes axes = new UtilizationAxes(ink(), w, h);
        axes.drawPlotAndWall(g, e);
        axes.drawGrid(g);
        axes.drawCapAndCriticalBatch(g, e);
        // The still labels are part of the background's key: whether the critical batch is named is too.
        boolean criticalLabelled = layout.labels().stream().anyMatch(l -> l.id().equals(UtilizationLabels.CRITICAL_ID));
        boolean wallLabelled = layout.labels().stream().anyMatch(l -> l.id().equals(UtilizationLabels.WALL_ID));
        String subtitle = axes.drawSubtitle(g, e, criticalLabelled, wallLabelled);
        axes.drawImpliedTicks(g, references.getValue());
        new UtilizationCurves(ink(), w, h).drawCurves(g, e, pins(), key);
        axes.drawFrameAndTitles(g, h);
        axes.drawImpliedKey(g, references.getValue(), subtitle);
    }

    /** Where a pin's current batch is drawn, in chart pixels. */
    public Point2D pinPosition(int index) {
        double[] at = UtilizationLabels.pinPoint(pins().get(index), drawingWidth(), drawingHeight());
        return new Point2D(toPixels(at[0]), toPixels(at[1]));
    }

    /**
     * The key in the plot's upper left, where at small batches every curve is low; else the first other
     * corner that crosses no curve, no line of the critical batch or the memory wall, and no pin's marker.
     */
    private PinKey pinKey(Evaluation e, double w, double h) {
        return pinKeyIn(e, UtilizationLabels.plot(w, h), new boolean[][] {{false, false}, {true, true}, {true, false}, {false, true}},
                () -> UtilizationLabels.keyLines(e, pins(), w, h), () -> pins().stream().map(p -> {
                    double[] at = UtilizationLabels.pinPoint(p, w, h);
                    return LabelLayout.Box.around(at[0], at[1], 14, 14);
                }).toList());
    }

    /** The key to the pins at the last redraw (null when nothing is pinned). */
    public PinKey pinKey() {
        layout();
        return key;
    }

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        double plotBottom = h - BOTTOM;
        // Current batch.
        long batch = e.scenario().batchSize();
        double util = e.decode().computeUtilization() * 100;
        currentBatchX = xScale.toPixelClamped(batch);
        double cy = yScale.toPixel(util);
        g.setStroke(color(ChartColor.DECODE));
        g.setLineWidth(2);
        strokeAroundLabels(g, currentBatchX, TOP, plotBottom);
        g.setFill(color(ChartColor.DECODE));
        g.fillOval(currentBatchX - 6, cy - 6, 12, 12);
        drawLessonRings(g, e, plotBottom);
        drawMovingLabels(g);
        drawHover(g, e, w, h);
    }

    /**
     * The current batch's line from top to bottom, broken where it would cross a label's text: the still labels
     * are laid out once, so they cannot keep off a line that moves with the slider; the line keeps off them.
     */
    private void strokeAroundLabels(ChartPen g, double x, double top, double bottom) {
        double from = top;
        List<LabelLayout.Box> crossed = layout.labels().stream().map(LabelLayout.Label::box)
                .filter(b -> b.x() - 2 <= x && x <= b.right() + 2 && b.y() < bottom && b.bottom() > top)
                .sorted(Comparator.comparingDouble(LabelLayout.Box::y)).toList();
        for (LabelLayout.Box b : crossed) {
            if (b.y() - 1 > from) {
                g.strokeLine(x, from, x, b.y() - 1);
            }
            from = Math.max(from, b.bottom() + 1);
        }
        if (from < bottom) {
            g.strokeLine(x, from, x, bottom);
        }
    }

    /** Lesson highlights, under the labels they point at. */
    private void drawLessonRings(ChartPen g, Evaluation e, double plotBottom) {
        if (highlighted(Topic.BATCHING) && !Double.isNaN(e.criticalBatchNoContext())
                && e.criticalBatchNoContext() <= ScenarioLimits.CURVE_MAX_BATCH) {
            // The knee: where the curve meets the critical batch's line, kept inside the plot (not on the title).
            double critical = Math.max(1, e.criticalBatchNoContext());
            double y = yScale.toPixel(utilizationAt(e, critical) * 100);
            ring(g, xScale.toPixel(critical), Math.max(TOP + 16, Math.min(plotBottom - 16, y)), 16);
        }
        if (highlighted(Topic.MEMORY_WALL) && e.memory().maxBatch() <= ScenarioLimits.CURVE_MAX_BATCH) {
            double x = e.memory().maxBatch() < 1 ? LEFT : xScale.toPixel(e.memory().maxBatch());
            ring(g, x, TOP + 14, 16);
        }
        if (highlighted(Topic.KV_CACHE)) { // the step's own batch, whose point the longer context pulls down
            ring(g, xScale.toPixel(Math.max(1, e.scenario().batchSize())),
                    yScale.toPixel(e.decode().computeUtilization() * 100), 16);
        }
        if (highlighted(Topic.BATCH_API)) {
            BatchApi api = e.batchApi();
            long topUp = api.toppedUpBatch();
            if (api.topsUp() && topUp <= ScenarioLimits.CURVE_MAX_BATCH) {
                double x = xScale.toPixel(topUp);
                g.setStroke(color(ChartColor.PREFILL));
                g.setLineWidth(2);
                g.setLineDashes(6, 4);
                g.strokeLine(x, TOP, x, plotBottom);
                g.setLineDashes();
                ring(g, x, yScale.toPixel(api.utilizationAfter() * 100), 14);
            }
        }
    }

    /** The live curve's utilization at a batch, between its points (log batch). */
    private static double utilizationAt(Evaluation e, double batch) {
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        Evaluation.BatchPoint before = curve.get(0);
        for (Evaluation.BatchPoint p : curve) {
            if (p.batchSize() >= batch) {
                double span = Math.log(p.batchSize()) - Math.log(before.batchSize());
                double t = span <= 0 ? 1 : (Math.log(batch) - Math.log(before.batchSize())) / span;
                return before.computeUtilization() + t * (p.computeUtilization() - before.computeUtilization());
            }
            before = p;
        }
        return before.computeUtilization();
    }

    /** Hover: the nearest curve point to the mouse, ringed, with its card. */
    private void drawHover(ChartPen g, Evaluation e, double w, double h) {
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        double plotRight = w - RIGHT;
        hovered = null;
        if (mouseX >= LEFT && mouseX <= plotRight) {
            double batchAtMouse = xScale.toValue(mouseX);
            Evaluation.BatchPoint best = curve.get(0);
            for (Evaluation.BatchPoint p : curve) {
                if (Math.abs(Math.log(p.batchSize() / batchAtMouse)) < Math.abs(Math.log(best.batchSize() / batchAtMouse))) {
                    best = p;
                }
            }
            hovered = best;
            double hx = xScale.toPixel(best.batchSize());
            double hy = yScale.toPixel(best.computeUtilization() * 100);
            g.setStroke(color(ChartColor.TEXT));
            g.setLineWidth(1.5);
            g.strokeOval(hx - 5, hy - 5, 10, 10);
            card(g, HoverLines.batchPoint(best), hx, hy, w, h);
        }
    }

    @Override
    protected String textAlternative(Evaluation e) {
        return "Batch size versus utilization chart. " + Explanation.about(List.of(Topic.BATCHING, Topic.MEMORY_WALL,
                Topic.BATCH_API), e);
    }
}
