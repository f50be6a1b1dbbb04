package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Captions;
import lab.roofline.explain.HoverLines;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Spot;
import lab.roofline.render.layout.LabelLayout.Style;
import lab.roofline.render.layout.RooflineGeometry.Marker;
import lab.roofline.render.layout.RooflineGeometry.Point;

/**
 * Every label on the roofline chart, placed by {@link LabelLayout} from the geometry, most important
 * first: the operating points, the ridge, the current roof, the end of the decode path, the other roofs,
 * the bandwidth, the two regions. Markers (points, the ridge, the decode path's dots) are obstacles.
 * Pure: tests lay a chart out with no toolkit.
 */
public final class RooflineLabels {
    private RooflineLabels() {
    }

    public static final Style POINT = new Style(0.95, true, ChartColor.TEXT);
    public static final Style RIDGE = new Style(0.95, true, ChartColor.TEXT);
    public static final Style RIDGE_DETAIL = new Style(0.82, false, ChartColor.MUTED);
    public static final Style CURRENT_ROOF = new Style(0.92, true, ChartColor.ACCENT);
    public static final Style OTHER_ROOF = new Style(0.82, false, ChartColor.MUTED);
    public static final Style BANDWIDTH = new Style(0.85, true, ChartColor.ACCENT);
    public static final Style PATH_END = new Style(0.8, false, ChartColor.DECODE);
    public static final Style REGION = new Style(1.0, true, ChartColor.MUTED);
    public static final Style INFEASIBLE = new Style(0.95, true, ChartColor.WARNING);
    public static final String INFEASIBLE_ID = "infeasible";

    /** The lesson's guess: its label's id and style, and its marker's radius. */
    public static final String GUESS_ID = "ghost";
    public static final Style GUESS = new Style(0.9, true, ChartColor.DECODE);
    public static final double GUESS_RADIUS = 10;

    /** Marker radius, and the size of the boxes that keep labels off markers. */
    public static final double POINT_RADIUS = 7;
    static final double PATH_DOT = 7;

    /** Label ids, for tests and the chart's hover. */
    public static final String DECODE = "decode", PREFILL = "prefill", ATTENTION = "attention", RIDGE_ID = "ridge",
            RIDGE_DETAIL_ID = "ridge-detail", CURRENT_ROOF_ID = "roof", PATH_END_ID = "path-end",
            BANDWIDTH_ID = "bandwidth", MEMORY_BOUND = "memory-bound", COMPUTE_BOUND = "compute-bound";

    /** Every label for one evaluation: the still ones, then the ones that move with the batch. */
    public static LabelLayout layout(Evaluation e, RooflineGeometry geo, LabelLayout.TextMeasure measure,
                                     double fontPx) {
        return withPoints(still(e, geo, measure, fontPx), e, geo);
    }

    /** A pin's label id: its name beside its decode point. */
    public static String pinId(int index) {
        return "pin-" + index;
    }

    /** The style of a pin's name beside its point, in its colour. */
    public static Style pinLabel(PinStyle style) {
        return new Style(0.85, true, style.color());
    }

    /** The still labels with nothing pinned. */
    public static LabelLayout still(Evaluation e, RooflineGeometry geo, LabelLayout.TextMeasure measure,
                                    double fontPx) {
        return still(e, List.of(), null, geo, measure, fontPx);
    }

    /**
     * The labels that stay put while the batch changes (the chart lays them out once per background):
     * the ridge, decode attention (its point does not move with the batch), the roofs, the decode path's
     * end, the bandwidth, the regions. They keep off the decode path and the roof the moving points
     * travel along, so a drag does not push them around.
     */
    public static LabelLayout still(Evaluation e, List<ChartPin> pins, PinKey key, RooflineGeometry geo,
                                    LabelLayout.TextMeasure measure, double fontPx) {
        LabelLayout layout = new LabelLayout(geo.plot(), measure, fontPx);
        keepOffMarks(layout, e, pins, key, geo);
        keepOffMovingRoof(layout, e, geo);
        ridgeAndRoof(layout, e, geo);
        pathEnd(layout, e, geo);
        otherRoofs(layout, e, geo);
        // Decode attention after the roofs: latent attention (DeepSeek's MLA) puts its point near the ridge,
        // among the roofs' labels, and a drawn roof is always named.
        point(layout, ATTENTION, "Decode attention", geo.marker(Marker.ATTENTION), ChartColor.ATTENTION, false);
        bandwidth(layout, e.currentRoof(), geo);
        regions(layout, geo);
        pinNames(layout, pins, geo);
        return layout;
    }

    /** Marks no label covers: the points, the ridge, the pins' key and markers, the decode path's dots. */
    private static void keepOffMarks(LabelLayout layout, Evaluation e, List<ChartPin> pins, PinKey key,
                                     RooflineGeometry geo) {
        Point attentionAt = geo.marker(Marker.ATTENTION);
        if (attentionAt != null) {
            layout.obstacle(Box.around(attentionAt.x(), attentionAt.y(), 2 * POINT_RADIUS + 2, 2 * POINT_RADIUS + 2));
        }
        Point ridge = geo.ridge();
        layout.obstacle(Box.around(ridge.x(), ridge.y(), 12, 12));
        // The faint lines: the ridge's drop line and the other precisions' dashed roofs (their flat parts).
        layout.faintLine(new Box(ridge.x() - 1, ridge.y(), 2, geo.plotBottom() - ridge.y()));
        Evaluation.Roof current = e.currentRoof();
        for (Evaluation.Roof other : e.roofs()) {
            if (other.peakFlopsPerSecond() != current.peakFlopsPerSecond()) {
                double from = geo.x().toPixelClamped(other.peakFlopsPerSecond() / other.bandwidthBytesPerSecond());
                layout.faintLine(new Box(from, geo.y().toPixel(other.peakFlopsPerSecond()) - 1, geo.plotRight() - from, 2));
            }
        }
        // The pins' key and markers: nothing covers them (their names come last, the least important).
        if (key != null) {
            layout.obstacle(key.box());
        }
        for (ChartPin pin : pins) {
            for (Point p : new Point[] {geo.phase(pin.evaluation().prefill()), geo.phase(pin.evaluation().decode())}) {
                layout.obstacle(Box.around(p.x(), p.y(), 2 * POINT_RADIUS + 2, 2 * POINT_RADIUS + 2));
            }
            // Labels keep off a pin's roof where they can, as off the live one's.
            List<Point> roof = geo.roof(pin.evaluation().currentRoof());
            layout.reserveAlong(roof.stream().mapToDouble(Point::x).toArray(), roof.stream().mapToDouble(Point::y).toArray(), 3);
        }
        List<Point> path = geo.decodePath();
        if (path.size() >= 2) {
            for (int i = 0; i < path.size(); i++) {
                long batch = e.decodePath().get(i).batchSize();
                if (Long.bitCount(batch) == 1 || i == path.size() - 1) {
                    layout.obstacle(Box.around(path.get(i).x(), path.get(i).y(), PATH_DOT, PATH_DOT));
                }
            }
            layout.reserveAlong(path.stream().mapToDouble(Point::x).toArray(),
                    path.stream().mapToDouble(Point::y).toArray(), POINT_RADIUS);
        }
    }

    /** The roof the operating points travel along as the batch changes, derated by the efficiencies. */
    private static void keepOffMovingRoof(LabelLayout layout, Evaluation e, RooflineGeometry geo) {
        Evaluation.Roof current = e.currentRoof();
        double ce = e.scenario().computeEfficiency();
        double be = e.scenario().bandwidthEfficiency();
        int samples = 48;
        double[] rx = new double[samples + 1];
        double[] ry = new double[samples + 1];
        for (int i = 0; i <= samples; i++) {
            double intensity = RooflineGeometry.MIN_INTENSITY
                    * Math.pow(RooflineGeometry.MAX_INTENSITY / RooflineGeometry.MIN_INTENSITY, (double) i / samples);
            rx[i] = geo.x().toPixel(intensity);
            ry[i] = geo.y().toPixelClamped(Math.min(current.peakFlopsPerSecond() * ce,
                    intensity * current.bandwidthBytesPerSecond() * be));
        }
        layout.reserveAlong(rx, ry, POINT_RADIUS);
    }

    /** The ridge's value, the current roof's peak, then what the ridge means per weight value. */
    private static void ridgeAndRoof(LabelLayout layout, Evaluation e, RooflineGeometry geo) {
        Point ridge = geo.ridge();
        // The ridge: its value, and under it what it means per weight value.
        Evaluation.Roof roof = e.currentRoof();
        String ridgeText = "ridge " + Units.sig3(roof.ridgeFlopsPerByte()) + " FLOP/byte";
        double rw = layout.width(ridgeText, RIDGE);
        double rh = layout.height(RIDGE);
        LabelLayout.Label ridgeLabel = layout.place(RIDGE_ID, ridgeText, RIDGE, new double[] {ridge.x(), ridge.y()},
                layout.around(ridge.x(), ridge.y(), rw, rh, 14, false, false));
        // The current roof's peak, on its flat part (other precisions with the same peak share it).
        String sameAsCurrent = e.roofs().stream()
                .filter(r -> r.precision() != roof.precision() && r.peakFlopsPerSecond() == roof.peakFlopsPerSecond())
                .map(r -> " / " + r.precision().label()).reduce("", String::concat);
        RoofLabels.place(layout, CURRENT_ROOF_ID, roof.precision().label() + sameAsCurrent + " "
                + HoverLines.tflops(roof.peakFlopsPerSecond()), CURRENT_ROOF, ridge.x(), geo.y().toPixel(roof.peakFlopsPerSecond()),
                geo.plotRight(), true, RoofLabels.flats(e, geo));

        // What the ridge means per weight value, after the roof: on a crowded small chart the roof keeps its name.
        if (ridgeLabel != null) {
            String detail = "= " + Units.sig3(e.ridgeFlopsPerValue()) + " FLOPs per "
                    + e.scenario().weightPrecision().label() + " value";
            Box b = ridgeLabel.box();
            double dh = layout.height(RIDGE_DETAIL);
            double gap = LabelLayout.PADDING + 1; // the two backings just apart
            double dw = layout.width(detail, RIDGE_DETAIL);
            // Just under (or over) the ridge's label; a little lower when a dashed roof runs just under it.
            List<Spot> spots = new ArrayList<>();
            for (double drop = 0; drop <= dh; drop += dh / 2) {
                spots.add(Spot.at(b.x(), b.bottom() + gap + drop));
                spots.add(Spot.at(b.right() - dw, b.bottom() + gap + drop));
            }
            spots.add(Spot.at(b.x(), b.y() - gap - dh));
            spots.add(Spot.at(b.right() - dw, b.y() - gap - dh));
            layout.place(RIDGE_DETAIL_ID, detail, RIDGE_DETAIL, null, spots);
        }
    }

    /** The end of the decode path: the largest batch that fits (or the chart's largest). */
    private static void pathEnd(LabelLayout layout, Evaluation e, RooflineGeometry geo) {
        List<Point> path = geo.decodePath();
        if (path.size() >= 2) {
            Evaluation.BatchPoint last = e.decodePath().get(path.size() - 1);
            Point end = path.get(path.size() - 1);
            String batch = String.format(Locale.ROOT, "batch %,d", last.batchSize());
            String text = last.batchSize() >= e.memory().maxBatch() ? batch + ": memory full" : batch;
            layout.place(PATH_END_ID, text, PATH_END, new double[] {end.x(), end.y()},
                    layout.around(end.x(), end.y(), layout.width(text, PATH_END), layout.height(PATH_END), 6, true, true));
        }
    }

    /** Fainter roofs, nearest peaks first; one label per distinct peak. */
    private static void otherRoofs(LabelLayout layout, Evaluation e, RooflineGeometry geo) {
        Evaluation.Roof roof = e.currentRoof();
        Map<Double, List<String>> otherPeaks = new TreeMap<>();
        for (Evaluation.Roof other : e.roofs()) {
            if (other.precision() != roof.precision() && other.peakFlopsPerSecond() != roof.peakFlopsPerSecond()) {
                otherPeaks.computeIfAbsent(other.peakFlopsPerSecond(), k -> new ArrayList<>()).add(other.precision().label());
            }
        }
        List<Double> peaksByDistance = new ArrayList<>(otherPeaks.keySet());
        peaksByDistance.sort(Comparator.comparingDouble(p -> Math.abs(Math.log(p / roof.peakFlopsPerSecond()))));
        List<RoofLabels.Flat> flats = RoofLabels.flats(e, geo);
        for (double peak : peaksByDistance) {
            double flatFrom = geo.x().toPixelClamped(peak / roof.bandwidthBytesPerSecond());
            RoofLabels.place(layout, "roof-" + String.join("/", otherPeaks.get(peak)), String.join(" / ", otherPeaks.get(peak))
                    + " " + HoverLines.tflops(peak), OTHER_ROOF, flatFrom, geo.y().toPixel(peak), geo.plotRight(), false, flats);
        }
    }

    /** The bandwidth names the sloped roof, above it, low on the left where the slope is alone. */
    private static void bandwidth(LabelLayout layout, Evaluation.Roof roof, RooflineGeometry geo) {
        String bandwidth = Units.si(roof.bandwidthBytesPerSecond(), "B/s");
        double bw = layout.width(bandwidth, BANDWIDTH);
        double bh = layout.height(BANDWIDTH);
        List<Spot> slopeSpots = new ArrayList<>();
        for (double intensity : new double[] {0.15, 0.4, 1.2, 3.5, 10}) {
            double x = geo.x().toPixel(intensity);
            double y = geo.y().toPixel(roof.attainableFlopsPerSecond(intensity));
            if (intensity < roof.ridgeFlopsPerByte() && y < geo.plotBottom()) {
                for (double lift : new double[] {10, 18, 28}) {
                    slopeSpots.add(Spot.at(x - bw - 8, y - lift - bh));
                    slopeSpots.add(Spot.at(x - bw / 2, y - lift - 8 - bh));
                }
            }
        }
        layout.place(BANDWIDTH_ID, bandwidth, BANDWIDTH, null, slopeSpots);
    }

    /** The regions, low in each, where nothing else usually is; the least important. */
    private static void regions(LabelLayout layout, RooflineGeometry geo) {
        Point ridge = geo.ridge();
        double plotBottom = geo.plotBottom();
        double rh2 = layout.height(REGION);
        List<Spot> memorySpots = new ArrayList<>();
        List<Spot> computeSpots = new ArrayList<>();
        String memory = "← memory-bound";
        String compute = "compute-bound →";
        double mw = layout.width(memory, REGION);
        for (double lift = 10; lift < 10 + 4 * rh2; lift += rh2 * 1.2) {
            memorySpots.add(Spot.at(ridge.x() - 10 - mw, plotBottom - lift - rh2));
            computeSpots.add(Spot.at(ridge.x() + 10, plotBottom - lift - rh2));
        }
        layout.place(MEMORY_BOUND, memory, REGION, null, memorySpots);
        layout.place(COMPUTE_BOUND, compute, REGION, null, computeSpots);
    }

    /** Each pin's name beside its decode point, where the pins differ most (the key names them too). */
    private static void pinNames(LabelLayout layout, List<ChartPin> pins, RooflineGeometry geo) {
        for (int i = 0; i < pins.size(); i++) {
            ChartPin pin = pins.get(i);
            Point at = geo.phase(pin.evaluation().decode());
            Style style = pinLabel(pin.style());
            String text = pin.shortName();
            double w = layout.width(text, style);
            double h = layout.height(style);
            layout.place(pinId(i), text, style, new double[] {at.x(), at.y()},
                    layout.around(at.x(), at.y(), w, h, POINT_RADIUS + 4, true, true));
        }
    }

    /**
     * Adds what moves with the batch to a copy of the still layout: the decode and prefill points (a still
     * label they would cover gives way), the notice that the scenario does not fit, and their labels.
     */
    public static LabelLayout withPoints(LabelLayout still, Evaluation e, RooflineGeometry geo) {
        LabelLayout layout = still.copy();
        for (Marker m : new Marker[] {Marker.DECODE, Marker.PREFILL}) {
            Point p = geo.marker(m);
            if (p != null) {
                layout.obstacleOver(Box.around(p.x(), p.y(), 2 * POINT_RADIUS + 2, 2 * POINT_RADIUS + 2));
            }
        }
        // A scenario that does not fit says so, at the top of the plot: its points are what it would do.
        String notFit = Captions.doesNotFit(e);
        if (notFit != null) {
            // The longest wording that has room off the roof and the decode path (the banner should hide no
            // line it can avoid); else the longest with room anywhere; a crowded chart still says "does not fit".
            List<String> wordings = List.of(notFit + " (points: what it would do)", notFit, "does not fit");
            double h = layout.height(INFEASIBLE);
            boolean placed = false;
            for (boolean offLines : new boolean[] {true, false}) {
                for (int i = 0; i < wordings.size() && !placed; i++) {
                    String text = wordings.get(i);
                    double w = layout.width(text, INFEASIBLE);
                    boolean last = !offLines && i == wordings.size() - 1;
                    if (!last && w + 16 > geo.plotRight() - geo.plotLeft()) {
                        continue;
                    }
                    List<Spot> rows = new ArrayList<>();
                    for (double y = geo.plotTop() + 6; y < geo.plotBottom() - h; y += h) {
                        rows.add(Spot.at(geo.plotLeft() + 8, y));
                        rows.add(Spot.at((geo.plotLeft() + geo.plotRight() - w) / 2, y));
                        rows.add(Spot.at(geo.plotRight() - 8 - w, y));
                    }
                    List<Spot> spots = offLines ? layout.offReserved(rows, w, h) : rows;
                    placed = last ? layout.place(INFEASIBLE_ID, text, INFEASIBLE, null, spots, true) != null
                            : layout.placeIfFree(INFEASIBLE_ID, text, INFEASIBLE, spots) != null;
                }
            }
        }
        // Decode sits on the rising roof, where below-right is free; prefill under the flat roof, above it.
        point(layout, DECODE, "Decode step", geo.marker(Marker.DECODE), ChartColor.DECODE, false);
        point(layout, PREFILL, "Prefill", geo.marker(Marker.PREFILL), ChartColor.PREFILL, true);
        return layout;
    }

    /**
     * The lesson's hollow "your guess" marker and its label, laid out with this frame's moving labels: the
     * marker is a marker (labels move off it) and its label goes where the layout finds room, as every
     * label does.
     */
    public static LabelLayout withGuess(LabelLayout frame, Point at, boolean movable) {
        frame.obstacleOver(Box.around(at.x(), at.y(), 2 * GUESS_RADIUS + 4, 2 * GUESS_RADIUS + 4));
        String text = movable ? "your guess (drag me)" : "your guess";
        frame.place(GUESS_ID, text, GUESS, new double[] {at.x(), at.y()}, frame.around(at.x(), at.y(),
                frame.width(text, GUESS), frame.height(GUESS), GUESS_RADIUS + 6, true, false), true);
        return frame;
    }

    private static void point(LabelLayout layout, String id, String text, Point at, ChartColor color, boolean above) {
        if (at == null) {
            return;
        }
        Style style = new Style(POINT.fontScale(), true, color);
        double w = layout.width(text, style);
        double h = layout.height(style);
        List<Spot> spots = new ArrayList<>();
        // Beside the point first, level with it; then the corners; then further out with a leader line.
        double gap = POINT_RADIUS + 5;
        if (above) {
            spots.add(Spot.at(at.x() + gap, at.y() - gap - h + 4));
        } else {
            spots.add(Spot.at(at.x() + gap, at.y() + gap - 4));
        }
        spots.addAll(layout.around(at.x(), at.y(), w, h, gap, above, false));
        layout.place(id, text, style, new double[] {at.x(), at.y()}, spots, true);
    }
}
