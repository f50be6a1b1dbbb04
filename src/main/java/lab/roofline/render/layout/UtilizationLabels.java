package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.BatchApi;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Spot;
import lab.roofline.render.layout.LabelLayout.Style;

/**
 * The utilization chart's scales and labels, most important first: the current batch, the Batch API's
 * top-up (in its lesson step), the critical batch, the memory wall, the efficiency cap and the batches
 * API prices imply. Pure: tests lay a chart out with no toolkit.
 */
public final class UtilizationLabels {
    private UtilizationLabels() {
    }

    public static final double LEFT = 62;
    public static final double RIGHT = 22;
    public static final double TOP = 58;
    public static final double BOTTOM = 50;
    /** How far above the plot's bottom the implied-batch ticks reach. */
    public static final double TICK_HEIGHT = 46;

    public static final Style CURRENT = new Style(0.95, true, ChartColor.DECODE);
    public static final Style TOP_UP = new Style(0.9, true, ChartColor.PREFILL);
    public static final Style CRITICAL = new Style(0.85, true, ChartColor.ACCENT);
    public static final Style WALL = new Style(0.85, true, ChartColor.WARNING);
    public static final Style CAP = new Style(0.85, false, ChartColor.MUTED);
    public static final Style IMPLIED = new Style(0.78, false, ChartColor.MUTED);

    public static final String CURRENT_ID = "current", TOP_UP_ID = "top-up", CRITICAL_ID = "critical",
            WALL_ID = "wall", CAP_ID = "cap";

    public static LogScale x(double w) {
        return LogScale.log(1, ScenarioLimits.CURVE_MAX_BATCH, LEFT, w - RIGHT);
    }

    public static LogScale y(double h) {
        return LogScale.linear(0, 100, h - BOTTOM, TOP);
    }

    private static String batchText(Evaluation e) {
        return String.format(Locale.ROOT, "batch %,d", e.scenario().batchSize());
    }

    /** The text beside the current batch's marker. */
    public static String currentText(Evaluation e) {
        return batchText(e) + (e.memory().fits() ? ": " : " (does not fit): ") + Units.percent(e.decode().computeUtilization()) + "  ·  "
                + Units.sig3(e.decode().tokensPerSecond()) + " tokens/s";
    }

    /** Every label for one evaluation: the still ones, then the current batch's (and the lesson's top-up). */
    public static LabelLayout layout(Evaluation e, List<RatioReference> references, boolean showTopUp, double w,
                                     double h, LabelLayout.TextMeasure measure, double fontPx) {
        return withCurrent(still(e, references, w, h, measure, fontPx), e, showTopUp, w, h);
    }

    /**
     * The labels that stay put while the batch changes (laid out once per background): the critical batch,
     * the memory wall, the efficiency cap, the two parts of the step and the implied batches. They keep off
     * the curve, which the current batch's marker travels along.
     */
    public static LabelLayout still(Evaluation e, List<RatioReference> references, double w, double h,
                                    LabelLayout.TextMeasure measure, double fontPx) {
        return still(e, references, List.of(), null, w, h, measure, fontPx);
    }

    /** The plot's box at a size. */
    public static Box plot(double w, double h) {
        return new Box(LEFT, TOP, w - RIGHT - LEFT, h - BOTTOM - TOP);
    }

    /** Where a pin's current batch sits on its curve, in chart pixels. */
    public static double[] pinPoint(ChartPin pin, double w, double h) {
        Evaluation p = pin.evaluation();
        return new double[] {x(w).toPixelClamped(p.scenario().batchSize()),
                y(h).toPixel(p.decode().computeUtilization() * 100)};
    }

    /**
     * As above with pins beside the live curve: their key and markers are obstacles. Their names are in the
     * key only: beside markers that crowd where the curves meet they would give way to the current batch's
     * label on many frames, each time redrawing the background.
     */
    public static LabelLayout still(Evaluation e, List<RatioReference> references, List<ChartPin> pins, PinKey key,
                                    double w, double h, LabelLayout.TextMeasure measure, double fontPx) {
        LabelLayout layout = new LabelLayout(plot(w, h), measure, fontPx);
        keepOffCurves(layout, e, pins, key, w, h);
        criticalBatch(layout, e, w, h);
        memoryWall(layout, e, w, h);
        keepOffCriticalLine(layout, e, w, h);
        efficiencyCap(layout, e, w, h);
        // The two parts of the step, when attention holds it visibly below the weights' own curve.
        if (attentionShows(e)) {
            stepParts(layout, e, w, h);
        }
        impliedBatches(layout, references, w, h);
        return layout;
    }

    /** The pins' key and markers are obstacles; labels keep off every curve where they can. */
    private static void keepOffCurves(LabelLayout layout, Evaluation e, List<ChartPin> pins, PinKey key, double w,
                                      double h) {
        LogScale xs = x(w);
        LogScale ys = y(h);
        if (key != null) {
            layout.obstacle(key.box());
        }
        for (ChartPin pin : pins) {
            double[] at = pinPoint(pin, w, h);
            layout.obstacle(Box.around(at[0], at[1], 14, 14));
            // Labels keep off a pin's curve where they can, as off the live one.
            List<Evaluation.BatchPoint> pinCurve = pin.evaluation().utilizationCurve();
            layout.reserveAlong(pinCurve.stream().mapToDouble(p -> xs.toPixel(p.batchSize())).toArray(),
                    pinCurve.stream().mapToDouble(p -> ys.toPixel(p.computeUtilization() * 100)).toArray(), 3);
        }
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        layout.reserveAlong(curve.stream().mapToDouble(p -> xs.toPixel(p.batchSize())).toArray(),
                curve.stream().mapToDouble(p -> ys.toPixel(p.computeUtilization() * 100)).toArray(), 7);
        // Labels keep off the memory wall (and, once the wall is named, the critical batch's line) where they can.
        long maxBatch = e.memory().maxBatch();
        if (maxBatch >= 1 && maxBatch < ScenarioLimits.CURVE_MAX_BATCH) {
            double wallX = xs.toPixel(maxBatch);
            layout.reserveAlong(new double[] {wallX, wallX}, new double[] {TOP, h - BOTTOM}, 1);
        }
    }

    /** Where the critical batch's line is drawn at a width; NaN when it is off the chart (or never reached). */
    private static double criticalX(Evaluation e, double w) {
        double c = e.criticalBatchNoContext();
        return !Double.isNaN(c) && c <= ScenarioLimits.CURVE_MAX_BATCH ? x(w).toPixel(Math.max(1, c)) : Double.NaN;
    }

    /** After the wall's label (which may cross the dashed critical line to stay beyond the wall): the rest keep off it. */
    private static void keepOffCriticalLine(LabelLayout layout, Evaluation e, double w, double h) {
        double x = criticalX(e, w);
        if (!Double.isNaN(x)) {
            layout.reserveAlong(new double[] {x, x}, new double[] {TOP, h - BOTTOM}, 1);
        }
    }

    /** The critical batch, beside its line, low in the plot. */
    private static void criticalBatch(LabelLayout layout, Evaluation e, double w, double h) {
        double plotBottom = h - BOTTOM;
        double x = criticalX(e, w);
        if (!Double.isNaN(x)) {
            // With no room beside the line, the line under the title names it (UtilizationTexts.subtitles).
            String text = String.format(Locale.ROOT, "critical batch ≈ %,d", (long) Math.ceil(e.criticalBatchNoContext()));
            layout.place(CRITICAL_ID, text, CRITICAL, null, besideLine(layout, text, x, plotBottom));
        }
    }

    /** Spots either side of the critical batch's line, from low in the plot up to its top. */
    private static List<Spot> besideLine(LabelLayout layout, String text, double x, double plotBottom) {
        double tw = layout.width(text, CRITICAL);
        double th = layout.height(CRITICAL);
        List<Spot> s = new ArrayList<>();
        for (double lift = 24; lift <= plotBottom - TOP - th - 4; lift += th * 1.4) {
            s.add(Spot.at(x - 6 - tw, plotBottom - lift - th));
            s.add(Spot.at(x + 6, plotBottom - lift - th));
        }
        return s;
    }

    /** The memory wall: the largest batch that fits, beside its line. */
    private static void memoryWall(LabelLayout layout, Evaluation e, double w, double h) {
        double plotRight = w - RIGHT;
        double plotBottom = h - BOTTOM;
        long maxBatch = e.memory().maxBatch();
        if (maxBatch < ScenarioLimits.CURVE_MAX_BATCH) {
            double wallX = maxBatch < 1 ? LEFT : x(w).toPixel(maxBatch);
            String text = maxBatch < 1 ? "weights alone do not fit" : String.format(Locale.ROOT, "does not fit (max batch %,d)", maxBatch);
            double tw = layout.width(text, WALL);
            double th = layout.height(WALL);
            // On the side that does not fit: right of the wall, in its shaded region.
            List<Spot> beyond = new ArrayList<>();
            double criticalX = criticalX(e, w);
            for (double y = TOP + 6; y < plotBottom - th; y += th * 1.4) {
                beyond.add(Spot.at(wallX + 6, y));
                if (criticalX > wallX && criticalX + 6 + tw <= plotRight) {
                    beyond.add(Spot.at(criticalX + 6, y)); // past the critical batch's line, still beyond the wall
                }
                if (plotRight - 6 - tw > wallX + 6) {
                    beyond.add(Spot.at(plotRight - 6 - tw, y));
                }
            }
            if (wallX + 6 + tw <= plotRight && layout.placeIfFree(WALL_ID, text, WALL, beyond) != null) {
                return;
            }
            // No room there (a wall near the right edge): left of it, pointing across it, so it never reads as
            // the side that fits.
            String across = maxBatch < 1 ? text : String.format(Locale.ROOT, "max batch %,d | does not fit →", maxBatch);
            double aw = layout.width(across, WALL);
            List<Spot> before = new ArrayList<>();
            for (double y = TOP + 6; y < plotBottom - th; y += th * 1.4) {
                before.add(Spot.at(Math.max(LEFT + 2, wallX - 6 - aw), y));
            }
            // The wall must be named: when no spot is free, the one that covers least.
            layout.place(WALL_ID, across, WALL, null, before, true);
        }
    }

    /** The compute efficiency cap, along its line. */
    private static void efficiencyCap(LabelLayout layout, Evaluation e, double w, double h) {
        double plotRight = w - RIGHT;
        double cap = e.scenario().computeEfficiency() * 100;
        if (cap < 99.9) {
            double y = y(h).toPixel(cap);
            String text = "compute efficiency " + Units.sig3(cap) + " %";
            double tw = layout.width(text, CAP);
            double th = layout.height(CAP);
            List<Spot> s = new ArrayList<>();
            for (double x = LEFT + 6; x + tw < plotRight; x += tw / 2) {
                s.add(Spot.at(x, y - 3 - th));
                s.add(Spot.at(x, y + 3));
            }
            layout.place(CAP_ID, text, CAP, null, s);
        }
    }

    /** The weight matmuls' own curve and attention's share of the step, where the curves have levelled off. */
    private static void stepParts(LabelLayout layout, Evaluation e, double w, double h) {
        LogScale xs = x(w);
        LogScale ys = y(h);
        double plotRight = w - RIGHT;
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        Evaluation.BatchPoint last = curve.get(curve.size() - 1);
        double weightsY = ys.toPixel(last.weightMatmulUtilization() * 100);
        double stepY = ys.toPixel(last.computeUtilization() * 100);
        // Both labels sit where the curves have reached their plateau (their y is the plateau's): further
        // left they would float beside nothing.
        double plateauX = LEFT;
        for (Evaluation.BatchPoint p : curve) {
            if (p.weightMatmulUtilization() >= last.weightMatmulUtilization() - 0.03) {
                plateauX = xs.toPixel(p.batchSize());
                break;
            }
        }
        String weights = "weight matmuls alone";
        double ww = layout.width(weights, WEIGHTS_ONLY);
        double wh = layout.height(WEIGHTS_ONLY);
        List<Spot> ws = new ArrayList<>();
        for (double right = plotRight - 8; right - ww > LEFT && right - ww >= plateauX - 8; right -= ww / 2) {
            ws.add(Spot.at(right - ww, weightsY - 4 - wh));
            ws.add(Spot.at(right - ww, weightsY + 4));
        }
        layout.place(WEIGHTS_ID, weights, WEIGHTS_ONLY, null, ws);
        String attention = String.format(Locale.ROOT, "attention (KV cache): %s of the step at batch %,d",
                Units.percent(attentionShare(last)), last.batchSize());
        double aw = layout.width(attention, ATTENTION_SHARE);
        double ah = layout.height(ATTENTION_SHARE);
        List<Spot> as = new ArrayList<>();
        double middle = (weightsY + stepY) / 2 - ah / 2;
        for (double right = plotRight - 8; right - aw > LEFT && right - aw >= plateauX - aw / 2; right -= aw / 3) {
            as.add(Spot.at(right - aw, middle));
            as.add(Spot.at(right - aw, stepY + 4));
        }
        layout.place(ATTENTION_ID, attention, ATTENTION_SHARE, null, as);
    }

    /** Implied batches: where this scenario's output/input cost ratio comes down to a public API's. */
    private static void impliedBatches(LabelLayout layout, List<RatioReference> references, double w, double h) {
        double plotBottom = h - BOTTOM;
        List<RatioReference> byBatch = new ArrayList<>(impliedOnChart(references));
        byBatch.sort(Comparator.comparingDouble(RatioReference::impliedBatch));
        for (RatioReference r : byBatch) {
            double x = x(w).toPixel(r.impliedBatch());
            String text = Units.times(r.ratio());
            double tw = layout.width(text, IMPLIED);
            double th = layout.height(IMPLIED);
            double top = plotBottom - TICK_HEIGHT - 2 - th;
            // Over the tick; else beside it, low in the plot (under the curve, where it is rarely drawn);
            // else further up with a leader line. An unlabelled tick would say nothing.
            double low = plotBottom - th - 4;
            layout.place("implied-" + r.apis(), text, IMPLIED, new double[] {x, plotBottom - TICK_HEIGHT},
                    List.of(Spot.at(x - tw / 2, top), Spot.at(x + 3, low), Spot.at(x - 3 - tw, low),
                            Spot.at(x + 3, low - th * 1.3), Spot.at(x - 3 - tw, low - th * 1.3),
                            new Spot(x - tw / 2, top - th * 1.2, true), new Spot(x - tw / 2, top - th * 2.4, true)));
        }
    }

    /**
     * The lines a key in a corner must not cross, as {xs, ys} polylines: every curve (the pins' too), and
     * the critical batch's and the memory wall's lines.
     */
    public static List<double[][]> keyLines(Evaluation e, List<ChartPin> pins, double w, double h) {
        LogScale xScale = x(w);
        LogScale yScale = y(h);
        Box plot = plot(w, h);
        List<double[][]> lines = new ArrayList<>();
        List<Evaluation> all = new ArrayList<>(List.of(e));
        pins.forEach(p -> all.add(p.evaluation()));
        for (Evaluation each : all) {
            List<Evaluation.BatchPoint> curve = each.utilizationCurve();
            lines.add(new double[][] {curve.stream().mapToDouble(p -> xScale.toPixel(p.batchSize())).toArray(),
                    curve.stream().mapToDouble(p -> yScale.toPixel(p.computeUtilization() * 100)).toArray()});
        }
        double criticalX = criticalX(e, w);
        if (!Double.isNaN(criticalX)) {
            lines.add(new double[][] {{criticalX, criticalX}, {plot.y(), plot.bottom()}});
        }
        if (e.memory().maxBatch() >= 1 && e.memory().maxBatch() < ScenarioLimits.CURVE_MAX_BATCH) {
            double x = xScale.toPixel(e.memory().maxBatch());
            lines.add(new double[][] {{x, x}, {plot.y(), plot.bottom()}});
        }
        return lines;
    }

    /** Adds the current batch's marker and label (and the Batch API's top-up in its lesson step) to a copy. */
    public static LabelLayout withCurrent(LabelLayout still, Evaluation e, boolean showTopUp, double w, double h) {
        LogScale xs = x(w);
        LogScale ys = y(h);
        double plotRight = w - RIGHT;
        double plotBottom = h - BOTTOM;
        LabelLayout layout = still.copy();
        double cx = xs.toPixelClamped(e.scenario().batchSize());
        double cy = ys.toPixel(e.decode().computeUtilization() * 100);
        layout.obstacleOver(Box.around(cx, cy, 14, 14));

        // The current batch: above-right of its marker when there is room, else anywhere near it.
        String current = currentText(e);
        if (layout.width(current, CURRENT) + 4 * LabelLayout.PADDING > plotRight - LEFT) {
            // A narrow chart: the batch and its utilization, the throughput left to the summary.
            current = batchText(e) + (e.memory().fits() ? ": " : " (does not fit): ")
                    + Units.percent(e.decode().computeUtilization());
        }
        double cw = layout.width(current, CURRENT);
        double ch = layout.height(CURRENT);
        List<Spot> spots = new ArrayList<>();
        spots.add(Spot.at(cx + 10, cy - 12 - ch));
        spots.add(Spot.at(cx - 10 - cw, cy - 12 - ch));
        spots.addAll(layout.around(cx, cy, cw, ch, 12, true, false));
        for (double y = TOP + 6; y < plotBottom - ch; y += ch * 1.3) { // anywhere in its column, top down
            spots.add(new Spot(cx + 10, y, true));
            spots.add(new Spot(cx - 10 - cw, y, true));
        }
        // Beside the marker, the spots that cross no curve or line first: the label covers a line only where
        // no spot beside the marker keeps off one (a leader line across the plot would be worse).
        List<Spot> beside = spots.stream().filter(sp -> !sp.leader()).toList();
        List<Spot> ordered = new ArrayList<>(layout.offReserved(beside, cw, ch));
        ordered.addAll(spots);
        layout.place(CURRENT_ID, current, CURRENT, new double[] {cx, cy}, ordered, true);

        BatchApi api = e.batchApi();
        if (showTopUp && api.topsUp() && api.toppedUpBatch() <= ScenarioLimits.CURVE_MAX_BATCH) {
            double x = xs.toPixel(api.toppedUpBatch());
            String text = "Batch API tops up to " + api.toppedUpBatch();
            double tw = layout.width(text, TOP_UP);
            layout.place(TOP_UP_ID, text, TOP_UP, null, List.of(Spot.at(x - 6 - tw, TOP + 24), Spot.at(x + 6, TOP + 24),
                    Spot.at(x - 6 - tw, TOP + 24 + layout.height(TOP_UP) * 1.4),
                    Spot.at(x + 6, TOP + 24 + layout.height(TOP_UP) * 1.4)));
        }

        return layout;
    }

    public static final Style WEIGHTS_ONLY = new Style(0.82, false, ChartColor.ACCENT);
    public static final Style ATTENTION_SHARE = new Style(0.82, true, ChartColor.ATTENTION);
    public static final String WEIGHTS_ID = "weights-only", ATTENTION_ID = "attention-share";

    /** Attention's share of a decode step's time. */
    static double attentionShare(Evaluation.BatchPoint p) {
        return p.step().attention().seconds() / p.step().seconds();
    }

    /** Whether attention holds the curve visibly (over 2 points) below the weights' own at the largest batch. */
    public static boolean attentionShows(Evaluation e) {
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        Evaluation.BatchPoint last = curve.get(curve.size() - 1);
        return last.weightMatmulUtilization() - last.computeUtilization() > 0.02;
    }

    /** The API references whose implied batch lies on the chart. */
    public static List<RatioReference> impliedOnChart(List<RatioReference> references) {
        return references.stream().filter(r -> !Double.isNaN(r.impliedBatch()) && r.impliedBatch() > 1
                && r.impliedBatch() <= ScenarioLimits.CURVE_MAX_BATCH).toList();
    }
}
