package lab.roofline.render.layout.landscape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.HoverLines;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Style;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.LabelLayout;

/**
 * The hardware landscape's words: each device's name beside its points, the ridge lines' labels, the
 * vendors' colours and a device's hover card. Pure: tests lay the landscape out with no toolkit.
 */
public final class LandscapeLabels {
    private LandscapeLabels() {
    }

    public static final Style RIDGE_LINE = new Style(0.78, false, ChartColor.MUTED);

    /** Vendors by colour: the same token everywhere the landscape draws one. */
    public static ChartColor vendorColor(String vendor) {
        return switch (vendor.toLowerCase(Locale.ROOT)) {
            case "nvidia" -> ChartColor.PREFILL;
            case "amd" -> ChartColor.WARNING;
            case "google" -> ChartColor.ACCENT;
            case "aws" -> ChartColor.DECODE;
            case "intel" -> ChartColor.ATTENTION;
            case "apple" -> ChartColor.PIN_4;
            default -> ChartColor.MUTED;
        };
    }

    /** Whether a dot is the live scenario's device (the what-if's, when one is on). */
    public static boolean isLive(HardwareProfile p, Evaluation e) {
        return p.equals(e.scenario().gpu());
    }

    /** A dot's label id: the what-if device shares its real one's id. */
    private static String key(HardwareProfile p) {
        return p.id() + (p.whatIf().isNone() ? "" : "-what-if");
    }

    /**
     * Each device's short name beside its point on both panels (the live device's first, always shown),
     * after the ridge lines' labels: nothing covers what the lines are.
     */
    public static LabelLayout names(LandscapeLayout layout, Evaluation e, double h, LabelLayout.TextMeasure measure,
                                    double fontPx) {
        LabelLayout names = new LabelLayout(new Box(LandscapeLayout.LEFT, LandscapeLayout.TOP,
                layout.plotRight() - LandscapeLayout.LEFT, layout.plotBottom() - LandscapeLayout.TOP), measure,
                fontPx);
        List<LandscapeLayout.Dot> dots = new ArrayList<>(layout.dots());
        for (LandscapeLayout.Dot d : dots) {
            names.obstacle(Box.around(d.x(), d.y(), 11, 11));
            if (!Double.isNaN(d.yearX())) {
                names.obstacle(Box.around(d.yearX(), d.yearY(), 11, 11));
            }
        }
        // Nor the trend's note at the top of the year panel (its set, and when its sign depends on the precision).
        double noteLine = fontPx * 0.8 * 1.3;
        names.obstacle(new Box(layout.secondLeft(), layout.trendNoteTop(noteLine) - 4,
                layout.plotRight() - layout.secondLeft(), 4 + layout.trendNote().split("; ").length * noteLine));
        // The panels' gap is no place for a label.
        names.obstacle(new Box(layout.splitX() + 1, 0, layout.secondLeft() - layout.splitX() - 2, h));
        ridgeLines(names, layout);
        // Names shortened as far as they stay apart (two A100 SXM4s keep their memory sizes).
        Map<String, Long> counts = dots.stream().collect(Collectors.groupingBy(
                d -> d.profile().shortName(), Collectors.counting()));
        dots.sort(Comparator.comparing(d -> !isLive(d.profile(), e)));
        for (LandscapeLayout.Dot d : dots) {
            boolean selected = isLive(d.profile(), e);
            Style style = new Style(selected ? 0.85 : 0.75, selected, vendorColor(d.profile().vendor()));
            String text = counts.get(d.profile().shortName()) > 1
                    ? Units.oneLine(d.profile().name()).replaceFirst("^" + Pattern.quote(d.profile().vendor()) + "\\s+", "")
                    : d.profile().shortName();
            double tw = names.width(text, style);
            double th = names.height(style);
            names.place("bw-" + key(d.profile()), text, style, new double[] {d.x(), d.y()},
                    names.around(d.x(), d.y(), tw, th, 7, false, false), selected);
            if (!Double.isNaN(d.yearX())) {
                // Beside its point or not at all: a must-show label could land in the other panel.
                names.place("year-" + key(d.profile()), text, style, new double[] {d.yearX(), d.yearY()},
                        names.around(d.yearX(), d.yearY(), tw, th, 7, false, false));
            }
        }
        return names;
    }

    /** Each line of constant ridge point named along it, from its upper end, just below it. */
    private static void ridgeLines(LabelLayout names, LandscapeLayout layout) {
        for (double r : LandscapeLayout.RIDGE_LINES) {
            double[][] line = layout.ridgeLine(r);
            if (line.length != 2) {
                continue;
            }
            String text = "ridge " + String.format(Locale.ROOT, "%,.0f", r) + " FLOP/byte";
            double tw = names.width(text, RIDGE_LINE);
            double th = names.height(RIDGE_LINE);
            List<LabelLayout.Spot> spots = new ArrayList<>();
            // Along the line from its upper end, just below it (the line rises to the right).
            for (double t = 1; t >= 0.3; t -= 0.1) {
                double x = line[0][0] + t * (line[0][1] - line[0][0]);
                double y = line[1][0] + t * (line[1][1] - line[1][0]);
                spots.add(LabelLayout.Spot.at(x - tw - 4, y + 4));
                spots.add(LabelLayout.Spot.at(x + 4, y - th - 4));
            }
            names.place("ridge-" + (long) r, text, RIDGE_LINE, null, spots, true);
        }
    }

    /** A device's figures and sources at a precision, as the hover card shows them. */
    public static List<String> card(HardwareProfile p, Precision at, boolean mine) {
        List<String> lines = new ArrayList<>();
        lines.add(Units.oneLine(p.name()) + (mine ? " (your own)" : ""));
        lines.add(p.vendor() + (p.year() > 0 ? " · " + p.year() : ""));
        Double peak = p.peakFlopsPerSecond().get(at);
        if (peak != null) {
            lines.add("Peak " + at.label() + ": " + HoverLines.tflops(peak));
            lines.add("Ridge: " + Units.sig3(peak / p.memoryBandwidthBytesPerSecond()) + " FLOP/byte = "
                    + Units.sig3(peak / p.memoryBandwidthBytesPerSecond() * at.bytesPerValue()) + " FLOPs per "
                    + at.label() + " value");
        }
        lines.add("Bandwidth " + Units.si(p.memoryBandwidthBytesPerSecond(), "B/s") + " · memory "
                + Units.si(p.memoryCapacityBytes(), "B") + (p.price().isPresent()
                ? String.format(Locale.ROOT, " · $%.2f/hour", p.priceUsdPerHour()) : ""));
        p.sources().stream().limit(2).forEach(s -> lines.add("Source: " + Units.shortened(Units.oneLine(s))));
        lines.add(p.whatIf().isNone() ? "Click to make it the live GPU" : "Your what-if: not a real device");
        return lines;
    }
}
