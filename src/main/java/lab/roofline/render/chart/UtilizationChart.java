package lab.roofline.render.chart;

import lab.roofline.render.layout.ChartColor;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.BatchApi;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.HoverLines;
import lab.roofline.render.pen.ChartPen;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.UtilizationLabels;

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
                still -> UtilizationLabels.withCurrent(still, e, highlighted(Explanation.Topic.BATCH_API), w, h),
                l -> l.id().equals(UtilizationLabels.CURRENT_ID));
    }

    /** The implied batches depend on the API prices too. */
    @Override
    protected Object backgroundKey(Evaluation e) {
        // The key's rows too: a pin that is the live scenario at this batch says so, and the key is background.
        return java.util.Arrays.asList(e.scenario().withBatchSize(1), references.getValue(), key == null ? null : key.rows());
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        double plotRight = w - RIGHT;
        double plotBottom = h - BOTTOM;
        Font tick = font(0.85, false);
        Font small = font(0.85, false);

        g.setFill(color(ChartColor.PLOT));
        g.fillRect(LEFT, TOP, plotRight - LEFT, plotBottom - TOP);

        // Memory wall: beyond the largest batch that fits, shaded.
        long maxBatch = e.memory().maxBatch();
        if (maxBatch < ScenarioLimits.CURVE_MAX_BATCH) {
            double wallX = maxBatch < 1 ? LEFT : xScale.toPixel(maxBatch);
            g.setFill(color(ChartColor.WARNING).deriveColor(0, 1, 1, 0.12));
            g.fillRect(wallX, TOP, plotRight - wallX, plotBottom - TOP);
            g.setStroke(color(ChartColor.WARNING));
            g.setLineWidth(2);
            g.strokeLine(wallX, TOP, wallX, plotBottom);
        }

        // Grid.
        g.setLineWidth(1);
        // Every power of two gets a grid line; labels thin out when they would touch.
        int labelStep = textWidth("4096", tick) + 8 > (plotRight - LEFT) / 12 ? 2 : 1;
        for (int k = 0; k <= 12; k++) {
            double x = xScale.toPixel(1L << k);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(x, TOP, x, plotBottom);
            if (k % labelStep == 0) {
                text(g, Long.toString(1L << k), x, plotBottom + 6, TextAlignment.CENTER, VPos.TOP, tick, color(ChartColor.MUTED));
            }
        }
        for (int pct = 0; pct <= 100; pct += 20) {
            double y = yScale.toPixel(pct);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(LEFT, y, plotRight, y);
            text(g, pct + " %", LEFT - 8, y, TextAlignment.RIGHT, VPos.CENTER, tick, color(ChartColor.MUTED));
        }

        // Efficiency cap.
        double cap = e.scenario().computeEfficiency() * 100;
        if (cap < 99.9) {
            double y = yScale.toPixel(cap);
            g.setStroke(color(ChartColor.MUTED));
            g.setLineDashes(6, 4);
            g.strokeLine(LEFT, y, plotRight, y);
            g.setLineDashes();
        }

        // Critical batch: where the weight matmuls turn compute-bound (one definition everywhere).
        double critical = e.criticalBatchNoContext();
        if (!Double.isNaN(critical) && critical <= ScenarioLimits.CURVE_MAX_BATCH) {
            double x = xScale.toPixel(Math.max(1, critical));
            g.setStroke(color(ChartColor.ACCENT));
            g.setLineWidth(1.5);
            g.setLineDashes(4, 4);
            g.strokeLine(x, TOP, x, plotBottom);
            g.setLineDashes();
        }
        String subtitle = UtilizationLabels.subtitle(e);
        if (subtitle != null) {
            double room = plotRight - LEFT;
            text(g, fitted(subtitle, small, room), LEFT, 12 + baseFontSize() * 1.55, TextAlignment.LEFT, VPos.TOP, small,
                    color(ChartColor.ACCENT));
        }

        // Implied batches: where this scenario's output/input cost ratio comes down to a public API's.
        for (RatioReference r : UtilizationLabels.impliedOnChart(references.getValue())) {
            double x = xScale.toPixel(r.impliedBatch());
            g.setStroke(color(ChartColor.MUTED).deriveColor(0, 1, 1, 0.6));
            g.setLineWidth(1);
            g.setLineDashes(2, 3);
            g.strokeLine(x, plotBottom - UtilizationLabels.TICK_HEIGHT, x, plotBottom);
            g.setLineDashes();
        }

        // The curve; and where attention holds it below the weights' own curve, that curve too, dashed,
        // with attention's share of the step shaded between them.
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        int n = curve.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] weightYs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xScale.toPixel(curve.get(i).batchSize());
            ys[i] = yScale.toPixel(curve.get(i).computeUtilization() * 100);
            weightYs[i] = yScale.toPixel(curve.get(i).weightMatmulUtilization() * 100);
        }
        if (UtilizationLabels.attentionShows(e)) {
            double[] bandX = new double[2 * n];
            double[] bandY = new double[2 * n];
            for (int i = 0; i < n; i++) {
                bandX[i] = xs[i];
                bandY[i] = weightYs[i];
                bandX[2 * n - 1 - i] = xs[i];
                bandY[2 * n - 1 - i] = ys[i];
            }
            g.setFill(color(ChartColor.ATTENTION).deriveColor(0, 1, 1, 0.13));
            g.fillPolygon(bandX, bandY, 2 * n);
            g.setStroke(color(ChartColor.ACCENT).deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(1.6);
            g.setLineDashes(7, 5);
            g.strokePolyline(xs, weightYs, n);
            g.setLineDashes();
        }
        drawPinCurves(g, w, h);
        g.setStroke(color(ChartColor.ACCENT));
        g.setLineWidth(2.6);
        g.strokePolyline(xs, ys, n);
        drawPinMarkers(g, w, h);
        drawPinKey(g, key, color(ChartColor.ACCENT), color(ChartColor.DECODE));

        // Frame and titles.
        g.setStroke(color(ChartColor.MUTED));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotRight - LEFT - 1, plotBottom - TOP - 1);
        text(g, fitted("Batch size (sequences decoded together, log₂ scale)", font(0.9, false), plotRight - LEFT),
                (LEFT + plotRight) / 2, h - 6,
                TextAlignment.CENTER, VPos.BOTTOM, font(0.9, false), color(ChartColor.TEXT));
        g.save();
        g.translate(14, (TOP + plotBottom) / 2);
        g.rotate(-90);
        text(g, fitted("Compute utilization", font(0.9, false), plotBottom - TOP), 0, 0, TextAlignment.CENTER, VPos.CENTER, font(0.9, false), color(ChartColor.TEXT));
        g.restore();
        String title = "Decode utilization vs batch size";
        text(g, fitted(title, font(1.15, true), plotRight - LEFT), LEFT, 12, TextAlignment.LEFT, VPos.TOP,
                font(1.15, true), color(ChartColor.TEXT));
        // The dotted ticks need a key: each is the batch at which this scenario's output/input cost ratio
        // falls to a public API's. Beside the title when there is room, else after the subtitle.
        if (!UtilizationLabels.impliedOnChart(references.getValue()).isEmpty()) {
            Font key = font(0.8, false);
            double titleRight = LEFT + textWidth(title, font(1.15, true));
            double subtitleRight = LEFT + (subtitle == null ? 0 : textWidth(subtitle, small));
            // The longest wording with room: beside the title, else after the subtitle.
            boolean impliedKeyShown = false;
            for (String legend : IMPLIED_KEYS) {
                double keyWidth = textWidth(legend, key);
                if (titleRight + 24 + keyWidth <= plotRight) {
                    text(g, legend, plotRight, 12 + baseFontSize() * 0.3, TextAlignment.RIGHT, VPos.TOP, key,
                            color(ChartColor.MUTED));
                    impliedKeyShown = true;
                } else if (subtitleRight + 24 + keyWidth <= plotRight) {
                    text(g, legend, plotRight, 12 + baseFontSize() * 1.6, TextAlignment.RIGHT, VPos.TOP, key,
                            color(ChartColor.MUTED));
                    impliedKeyShown = true;
                }
                if (impliedKeyShown) {
                    break;
                }
            }
        }
    }

    /** Each pin's curve in its pattern, faded past its memory wall (batches that would not fit). */
    private void drawPinCurves(ChartPen g, double w, double h) {
        for (ChartPin pin : pins()) {
            List<Evaluation.BatchPoint> curve = pin.evaluation().utilizationCurve();
            int n = curve.size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            int fitting = 0;
            for (int i = 0; i < n; i++) {
                xs[i] = xScale.toPixel(curve.get(i).batchSize());
                ys[i] = yScale.toPixel(curve.get(i).computeUtilization() * 100);
                if (curve.get(i).fits()) {
                    fitting = i + 1;
                }
            }
            pinLine(g, pin.style(), 2.2);
            if (fitting >= 2) {
                g.strokePolyline(xs, ys, fitting);
            }
            if (fitting < n) {
                int from = Math.max(0, fitting - 1);
                g.setGlobalAlpha(0.35);
                g.strokePolyline(java.util.Arrays.copyOfRange(xs, from, n), java.util.Arrays.copyOfRange(ys, from, n),
                        n - from);
                g.setGlobalAlpha(1);
            }
            g.setLineDashes();
        }
    }

    /** Each pin's current batch as its marker, over every curve (faded when it does not fit). */
    private void drawPinMarkers(ChartPen g, double w, double h) {
        for (ChartPin pin : pins()) {
            double[] at = UtilizationLabels.pinPoint(pin, w, h);
            g.setGlobalAlpha(pin.evaluation().memory().fits() ? 1 : 0.45);
            pinMarker(g, pin.style(), at[0], at[1], 6);
            g.setGlobalAlpha(1);
        }
    }

    /** Where a pin's current batch is drawn, in chart pixels. */
    public javafx.geometry.Point2D pinPosition(int index) {
        double[] at = UtilizationLabels.pinPoint(pins().get(index), drawingWidth(), drawingHeight());
        return new javafx.geometry.Point2D(toPixels(at[0]), toPixels(at[1]));
    }

    /**
     * The key in the plot's upper left, where at small batches every curve is low; else the first other
     * corner that crosses no curve, no line of the critical batch or the memory wall, and no pin's marker.
     */
    private PinKey pinKey(Evaluation e, double w, double h) {
        LabelLayout.Box plot = UtilizationLabels.plot(w, h);
        return pinKeyIn(e, plot, new boolean[][] {{false, false}, {true, true}, {true, false}, {false, true}}, () -> {
            List<double[][]> lines = new java.util.ArrayList<>();
            List<Evaluation> all = new java.util.ArrayList<>(List.of(e));
            pins().forEach(p -> all.add(p.evaluation()));
            for (Evaluation each : all) {
                List<Evaluation.BatchPoint> curve = each.utilizationCurve();
                lines.add(new double[][] {curve.stream().mapToDouble(p -> xScale.toPixel(p.batchSize())).toArray(),
                        curve.stream().mapToDouble(p -> yScale.toPixel(p.computeUtilization() * 100)).toArray()});
            }
            double critical = e.criticalBatchNoContext();
            if (!Double.isNaN(critical) && critical <= ScenarioLimits.CURVE_MAX_BATCH) {
                double x = xScale.toPixel(Math.max(1, critical));
                lines.add(new double[][] {{x, x}, {plot.y(), plot.bottom()}});
            }
            if (e.memory().maxBatch() >= 1 && e.memory().maxBatch() < ScenarioLimits.CURVE_MAX_BATCH) {
                double x = xScale.toPixel(e.memory().maxBatch());
                lines.add(new double[][] {{x, x}, {plot.y(), plot.bottom()}});
            }
            return lines;
        }, () -> pins().stream().map(p -> {
            double[] at = UtilizationLabels.pinPoint(p, w, h);
            return LabelLayout.Box.around(at[0], at[1], 14, 14);
        }).toList());
    }

    /** The key to the pins at the last redraw (null when nothing is pinned). */
    public PinKey pinKey() {
        layout();
        return key;
    }

    static final List<String> IMPLIED_KEYS = List.of("┆ n× = batch where output costs n× input, as in an API's prices",
            "┆ n× = where output costs n× input, as an API's", "┆ n× = an API's price ratio");

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        double plotRight = w - RIGHT;
        double plotBottom = h - BOTTOM;
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();

        // Current batch.
        long batch = e.scenario().batchSize();
        double util = e.decode().computeUtilization() * 100;
        currentBatchX = xScale.toPixelClamped(batch);
        double cy = yScale.toPixel(util);
        g.setStroke(color(ChartColor.DECODE));
        g.setLineWidth(2);
        g.strokeLine(currentBatchX, TOP, currentBatchX, plotBottom);
        g.setFill(color(ChartColor.DECODE));
        g.fillOval(currentBatchX - 6, cy - 6, 12, 12);

        // Lesson highlights, under the labels they point at.
        if (highlighted(Explanation.Topic.BATCHING) && !Double.isNaN(e.criticalBatchNoContext())
                && e.criticalBatchNoContext() <= ScenarioLimits.CURVE_MAX_BATCH) {
            double x = xScale.toPixel(Math.max(1, e.criticalBatchNoContext()));
            ring(g, x, yScale.toPixel(e.scenario().computeEfficiency() * 100), 16);
        }
        if (highlighted(Explanation.Topic.MEMORY_WALL) && e.memory().maxBatch() <= ScenarioLimits.CURVE_MAX_BATCH) {
            double x = e.memory().maxBatch() < 1 ? LEFT : xScale.toPixel(e.memory().maxBatch());
            ring(g, x, TOP + 14, 16);
        }
        if (highlighted(Explanation.Topic.KV_CACHE)) {
            Evaluation.BatchPoint last = curve.get(curve.size() - 1);
            ring(g, xScale.toPixel(last.batchSize()) - 30, yScale.toPixel(last.computeUtilization() * 100), 16);
        }
        if (highlighted(Explanation.Topic.BATCH_API)) {
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
        drawMovingLabels(g);

        // Hover: the nearest curve point to the mouse.
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
        return "Batch size versus utilization chart. " + lab.roofline.explain.Explanation.about(java.util.List.of(lab.roofline.explain.Explanation.Topic.BATCHING,
                lab.roofline.explain.Explanation.Topic.MEMORY_WALL, lab.roofline.explain.Explanation.Topic.BATCH_API), e);
    }
}
