package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Term;

/**
 * Where everything on the roofline chart goes, in chart pixels, for one evaluation at one size: the
 * axes, the roofs, the ridge, the operating points and the decode path. Pure arithmetic (no toolkit), so
 * tests ask it directly, without a layout pass; the chart paints what it says.
 */
public final class RooflineGeometry {
    public static final double MIN_INTENSITY = 0.1;
    public static final double MAX_INTENSITY = 1e6;
    public static final double LEFT = 78;
    public static final double RIGHT = 24;
    public static final double TOP = 44;
    public static final double BOTTOM = 54;
    /** Decades of attainable FLOP/s shown: the highest roof and five decades below it. */
    private static final double Y_RANGE = 2e5;

    /** Things on the chart a user can hover or a lesson can ring. */
    public enum Marker { PREFILL, DECODE, ATTENTION, RIDGE }

    public record Point(double x, double y) {
    }

    private final Evaluation evaluation;
    private final LogScale x;
    private final LogScale y;
    private final double width;
    private final double height;

    public RooflineGeometry(Evaluation e, double width, double height) {
        this(e, List.of(), width, height);
    }

    /**
     * The geometry of the live evaluation with pinned ones beside it: the axis reaches the highest roof of
     * any of them, so every pin's roof and points are on the chart.
     */
    public RooflineGeometry(Evaluation e, List<Evaluation> pinned, double width, double height) {
        this.evaluation = e;
        this.width = width;
        this.height = height;
        double maxPeak = e.roofs().stream().mapToDouble(Evaluation.Roof::peakFlopsPerSecond).max().orElseThrow();
        for (Evaluation p : pinned) {
            maxPeak = Math.max(maxPeak, p.currentRoof().peakFlopsPerSecond());
        }
        double yMax = maxPeak * 6; // headroom above the highest roof for its label
        x = LogScale.log(MIN_INTENSITY, MAX_INTENSITY, LEFT, width - RIGHT);
        y = LogScale.log(yMax / Y_RANGE, yMax, height - BOTTOM, TOP);
    }

    public LogScale x() {
        return x;
    }

    public LogScale y() {
        return y;
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return width - RIGHT;
    }

    public double plotTop() {
        return TOP;
    }

    public double plotBottom() {
        return height - BOTTOM;
    }

    /** Powers of ten on the FLOP/s axis: at most a handful, whatever the range (a bad profile never hangs it). */
    public List<Double> flopsDecades() {
        List<Double> decades = new ArrayList<>();
        double first = Math.ceil(Math.log10(y.min()));
        for (int i = 0; i <= 8 && first + i <= Math.log10(y.max()); i++) {
            decades.add(Math.pow(10, first + i));
        }
        return decades;
    }

    /** The ridge of the current roof: where the sloped and flat parts meet. */
    public Point ridge() {
        Evaluation.Roof roof = evaluation.currentRoof();
        return new Point(x.toPixelClamped(roof.ridgeFlopsPerByte()), y.toPixel(roof.peakFlopsPerSecond()));
    }

    /** A roof as a polyline: entering at the left edge (or the bottom edge), up to its ridge, then flat. */
    public List<Point> roof(Evaluation.Roof roof) {
        double x0 = MIN_INTENSITY;
        double startX = x.toPixel(x0);
        double startY = y.toPixel(roof.attainableFlopsPerSecond(x0));
        if (startY > y.pixelStart()) {
            // The slope enters through the bottom edge: start where it crosses the lowest FLOP/s shown.
            x0 = y.min() / roof.bandwidthBytesPerSecond();
            startX = x.toPixel(x0);
            startY = y.pixelStart();
        }
        double ridge = Math.min(roof.ridgeFlopsPerByte(), MAX_INTENSITY);
        double peakY = y.toPixel(roof.attainableFlopsPerSecond(ridge));
        return List.of(new Point(startX, startY), new Point(x.toPixel(ridge), peakY), new Point(x.pixelEnd(), peakY));
    }

    /** Where a marker sits; null for decode attention when there is no KV cache to read. */
    public Point marker(Marker marker) {
        return switch (marker) {
            case RIDGE -> ridge();
            case PREFILL -> at(evaluation.prefill());
            case DECODE -> at(evaluation.decode());
            case ATTENTION -> {
                Term t = evaluation.decode().attention();
                yield t.flops() == 0 ? null : point(t.arithmeticIntensity(), t.flops() / t.seconds());
            }
        };
    }

    /** The decode path's points as the batch grows, up to the memory wall. */
    public List<Point> decodePath() {
        List<Point> points = new ArrayList<>();
        for (Evaluation.BatchPoint p : evaluation.decodePath()) {
            points.add(point(p.arithmeticIntensity(), p.achievedFlopsPerSecond()));
        }
        return points;
    }

    /** Where another evaluation's (a pin's) prefill or decode point sits on this chart. */
    public Point phase(PhaseCost p) {
        return at(p);
    }

    private Point at(PhaseCost p) {
        return point(p.arithmeticIntensity(), p.achievedFlopsPerSecond());
    }

    /** A point kept inside the plot. */
    public Point point(double flopsPerByte, double flopsPerSecond) {
        return new Point(x.toPixelClamped(flopsPerByte), y.toPixelClamped(flopsPerSecond));
    }

    /** The plot as a box. */
    public LabelLayout.Box plot() {
        return new LabelLayout.Box(plotLeft(), plotTop(), plotRight() - plotLeft(), plotBottom() - plotTop());
    }

    /**
     * The lines a key in a corner must not cross, as {xs, ys} polylines: every roof (the pins' current ones
     * too), the decode path, and the line down from the ridge. Only what stays put while the batch changes.
     */
    public List<double[][]> stillLines(List<Evaluation> pinned) {
        List<double[][]> lines = new ArrayList<>();
        List<Evaluation.Roof> roofs = new ArrayList<>(evaluation.roofs());
        pinned.forEach(p -> roofs.add(p.currentRoof()));
        for (Evaluation.Roof roof : roofs) {
            lines.add(xy(roof(roof)));
        }
        lines.add(xy(decodePath()));
        Point ridge = ridge();
        lines.add(new double[][] {{ridge.x(), ridge.x()}, {ridge.y(), plotBottom()}});
        return lines;
    }

    /** The pinned scenarios' prefill and decode points, each as the box its marker covers. */
    public List<LabelLayout.Box> pinMarks(List<Evaluation> pinned) {
        List<LabelLayout.Box> marks = new ArrayList<>();
        for (Evaluation p : pinned) {
            for (Point at : List.of(phase(p.prefill()), phase(p.decode()))) {
                marks.add(LabelLayout.Box.around(at.x(), at.y(), 16, 16));
            }
        }
        return marks;
    }

    private static double[][] xy(List<Point> points) {
        return new double[][] {points.stream().mapToDouble(Point::x).toArray(),
                points.stream().mapToDouble(Point::y).toArray()};
    }
}
