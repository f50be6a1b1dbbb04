package lab.roofline.render.export;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size an export is laid out at, in layout pixels before the 1x/2x/3x scale: a slide preset or any
 * size in range. The picture is laid out for it, independent of the window: text grows with the size,
 * so a 16:9 slide reads like the chart on screen, only bigger.
 */
public record ExportSize(int width, int height) {
    public static final ExportSize SLIDE_16_9 = new ExportSize(1920, 1080);
    public static final ExportSize SLIDE_4_3 = new ExportSize(1600, 1200);
    public static final int MIN_WIDTH = 480;
    public static final int MIN_HEIGHT = 320;
    public static final int MAX_WIDTH = 7680;
    public static final int MAX_HEIGHT = 4320;

    /** The size at which one chart's text is at 100 %; bigger exports scale it up. */
    static final double CHART_REFERENCE_WIDTH = 1100;
    static final double CHART_REFERENCE_HEIGHT = 620;
    /** The same for the dashboard page (the summary and three charts). */
    static final double DASHBOARD_REFERENCE_WIDTH = 1440;
    static final double DASHBOARD_REFERENCE_HEIGHT = 900;

    public ExportSize {
        if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_WIDTH || height > MAX_HEIGHT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size %dx%d is outside %dx%d to %dx%d", width, height, MIN_WIDTH, MIN_HEIGHT, MAX_WIDTH,
                    MAX_HEIGHT));
        }
    }

    /** A size in the window: clamped into range, for "the current size" of a chart that may be tiny. */
    public static ExportSize clamped(double width, double height) {
        return new ExportSize((int) Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width))),
                (int) Math.round(Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, height))));
    }

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,5})\\s*[x×X*]\\s*(\\d{1,5})\\s*");

    /** Reads "1920x1080" (or "1920×1080"); the message of the exception says what was wrong. */
    public static ExportSize parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("size must be WIDTHxHEIGHT in pixels, like 1920x1080");
        }
        return new ExportSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * How much bigger than on screen the text is drawn: 1 at the reference size, growing with the smaller
     * of the two ratios (so text never crowds the short side). A chart keeps at least 0.85 (it lays itself
     * out for small sizes); a dashboard shrinks as a whole down to 0.6, so a small one is the reference
     * page made smaller, never the summary and three charts squeezed over each other.
     */
    public double textScale(ChartKind kind) {
        boolean page = kind == ChartKind.DASHBOARD;
        double byWidth = width / (page ? DASHBOARD_REFERENCE_WIDTH : CHART_REFERENCE_WIDTH);
        double byHeight = height / (page ? DASHBOARD_REFERENCE_HEIGHT : CHART_REFERENCE_HEIGHT);
        return Math.max(page ? 0.6 : 0.85, Math.min(3, Math.min(byWidth, byHeight)));
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
