package lab.roofline.render.layout.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.render.layout.LogScale;

/**
 * Where everything on the hardware landscape goes, for a set of profiles at one precision and one size.
 * Two panels: peak FLOP/s against memory bandwidth (both log), with lines of constant ridge point; and the
 * ridge point, in FLOPs per weight value, against release year, with its trend. Pure arithmetic (no
 * toolkit): tests ask it where each device is.
 */
public final class LandscapeLayout {
    public static final double LEFT = 78;
    public static final double RIGHT = 24;
    public static final double TOP = 58;
    public static final double BOTTOM = 54;
    /** Between the panels: room for the second panel's axis labels. */
    static final double GAP = 86;
    /** The ridge points drawn as lines on the first panel, in FLOP/byte. */
    public static final double[] RIDGE_LINES = {100, 300, 1000};

    /** A device on both panels: its place on the first, and on the second (NaN when its year is unknown). */
    public record Dot(HardwareProfile profile, double x, double y, double yearX, double yearY, double ridgePerValue) {
    }

    private final Precision precision;
    private final List<Dot> dots = new ArrayList<>();
    private final List<HardwareProfile> without = new ArrayList<>();
    private final LogScale bandwidth;
    private final LogScale peak;
    private final LogScale years;
    private final LogScale ridge;
    private final double splitX;
    private final double width;
    private final double height;

    /** Every device drawn enters the trend (a layout of test devices). */
    public LandscapeLayout(List<HardwareProfile> profiles, Precision precision, double width, double height) {
        this(profiles, precision, width, height, p -> true);
    }

    /**
     * @param fitted the devices the trend is fitted to ({@link RidgeTrend#datacenter}: the app's own datacenter
     *               parts, never a user's own device); every device is drawn
     */
    public LandscapeLayout(List<HardwareProfile> profiles, Precision precision, double width, double height,
                           Predicate<HardwareProfile> fitted) {
        this.precision = precision;
        this.width = width;
        this.height = height;
        List<HardwareProfile> shown = new ArrayList<>();
        for (HardwareProfile p : profiles) {
            if (p.runsNatively(precision)) {
                shown.add(p);
            } else {
                without.add(p);
            }
        }
        double minBw = shown.stream().mapToDouble(HardwareProfile::memoryBandwidthBytesPerSecond).min().orElse(1e11);
        double maxBw = shown.stream().mapToDouble(HardwareProfile::memoryBandwidthBytesPerSecond).max().orElse(1e13);
        double minPeak = shown.stream().mapToDouble(p -> p.peakFlopsPerSecond().get(precision)).min().orElse(1e12);
        double maxPeak = shown.stream().mapToDouble(p -> p.peakFlopsPerSecond().get(precision)).max().orElse(1e15);
        splitX = LEFT + (width - LEFT - RIGHT - GAP) * 0.6;
        // Whole decades around the devices, so the ridge lines and the ticks read as round numbers.
        bandwidth = LogScale.log(decadeBelow(minBw), decadeAbove(maxBw), LEFT, splitX);
        peak = LogScale.log(decadeBelow(minPeak), decadeAbove(maxPeak), height - BOTTOM, TOP);
        int firstYear = shown.stream().mapToInt(HardwareProfile::year).filter(y -> y > 0).min().orElse(2016);
        int lastYear = shown.stream().mapToInt(HardwareProfile::year).filter(y -> y > 0).max().orElse(2026);
        years = LogScale.linear(firstYear - 0.6, lastYear + 0.6, splitX + GAP, width - RIGHT);
        double bytes = precision.bytesPerValue();
        double minRidge = shown.stream().mapToDouble(p -> p.peakFlopsPerSecond().get(precision)
                / p.memoryBandwidthBytesPerSecond() * bytes).min().orElse(10);
        double maxRidge = shown.stream().mapToDouble(p -> p.peakFlopsPerSecond().get(precision)
                / p.memoryBandwidthBytesPerSecond() * bytes).max().orElse(1000);
        ridge = LogScale.log(decadeBelow(minRidge), decadeAbove(maxRidge), height - BOTTOM, TOP);
        for (HardwareProfile p : shown) {
            double peakFlops = p.peakFlopsPerSecond().get(precision);
            double perValue = peakFlops / p.memoryBandwidthBytesPerSecond() * bytes;
            boolean dated = p.year() > 0;
            dots.add(new Dot(p, bandwidth.toPixel(p.memoryBandwidthBytesPerSecond()), peak.toPixel(peakFlops),
                    dated ? years.toPixel(p.year()) : Double.NaN, dated ? ridge.toPixel(perValue) : Double.NaN, perValue));
        }
        // Least squares of log10(ridge) on year over the stated set, at this precision and at every other.
        trend = RidgeTrend.fit(shown, precision, fitted);
        trendNote = trend.note(RidgeTrend.byPrecision(profiles, fitted));
    }

    private final RidgeTrend trend;
    private final String trendNote;

    static double decadeBelow(double v) {
        return Math.pow(10, Math.floor(Math.log10(v)));
    }

    static double decadeAbove(double v) {
        return Math.pow(10, Math.ceil(Math.log10(v) + 1e-9));
    }

    public Precision precision() {
        return precision;
    }

    /** The devices drawn, in the profiles' order. */
    public List<Dot> dots() {
        return List.copyOf(dots);
    }

    /** The devices with no peak at this precision (named under the chart, not drawn). */
    public List<HardwareProfile> without() {
        return List.copyOf(without);
    }

    public LogScale bandwidth() {
        return bandwidth;
    }

    public LogScale peak() {
        return peak;
    }

    public LogScale years() {
        return years;
    }

    public LogScale ridge() {
        return ridge;
    }

    /** The first panel's right edge. */
    public double splitX() {
        return splitX;
    }

    public double secondLeft() {
        return splitX + GAP;
    }

    public double plotBottom() {
        return height - BOTTOM;
    }

    public double plotRight() {
        return width - RIGHT;
    }

    /** How many times the ridge grows per year, fitted to the stated set (NaN with too few devices or years). */
    public double trendPerYear() {
        return trend.perYear();
    }

    /** The fit itself: its precision, factor and the devices it is over. */
    public RidgeTrend trend() {
        return trend;
    }

    /** What the trend is fitted to, and whether its sign depends on the precision (shown under the title). */
    public String trendNote() {
        return trendNote;
    }

    /**
     * Where the trend's note starts on the year panel (its top), for lines of a height: the top of the panel, or
     * its bottom when fewer devices sit there; nothing is placed over the band.
     */
    public double trendNoteTop(double lineHeight) {
        double band = 4 + trendNote.split("; ").length * lineHeight;
        long atTop = dots.stream().filter(d -> d.yearY() <= TOP + band + 6).count();
        long atBottom = dots.stream().filter(d -> d.yearY() >= plotBottom() - band - 6).count();
        return atTop <= atBottom ? TOP + 4 : plotBottom() - band;
    }

    /** The trend's ridge at a year, in FLOPs per weight value. */
    public double trendAt(double year) {
        return Math.pow(10, trend.intercept() + Math.log10(trend.perYear()) * year);
    }

    /** A line of constant ridge point on the first panel, clipped to it: two points, or none when it misses. */
    public double[][] ridgeLine(double flopsPerByte) {
        double x0 = bandwidth.min();
        double x1 = bandwidth.max();
        // FLOP/s = ridge x bandwidth: enter and leave through whichever edge comes first.
        double lo = Math.max(x0, peak.min() / flopsPerByte);
        double hi = Math.min(x1, peak.max() / flopsPerByte);
        if (!(lo < hi)) {
            return new double[0][];
        }
        return new double[][] {{bandwidth.toPixel(lo), bandwidth.toPixel(hi)},
                {peak.toPixel(lo * flopsPerByte), peak.toPixel(hi * flopsPerByte)}};
    }

    /** The device nearest a point, within a radius, or null. */
    public HardwareProfile at(double x, double y, double radius) {
        HardwareProfile best = null;
        double bestDistance = radius;
        for (Dot d : dots) {
            for (double[] p : new double[][] {{d.x(), d.y()}, {d.yearX(), d.yearY()}}) {
                double distance = Math.hypot(p[0] - x, p[1] - y);
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = d.profile();
                }
            }
        }
        return best;
    }
}
