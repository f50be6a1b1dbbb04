package lab.roofline.render.chart;

import lab.roofline.render.layout.ChartColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Units;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Style;
import lab.roofline.render.pen.ChartPen;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.LandscapeLayout;
import lab.roofline.render.layout.TickLabels;

/**
 * The hardware landscape: every profile as a point, peak FLOP/s against memory bandwidth with lines of
 * constant ridge point, and the ridge point against release year with its trend: peak has grown faster
 * than bandwidth, so decode gets more memory-bound with every generation. The live scenario's device is
 * ringed; a click selects a device, hover shows its figures and sources.
 */
public final class LandscapeChart extends CanvasChart {
    private final ObservableList<HardwareProfile> profiles;
    /** The precision compared; null follows the live scenario's math. */
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision");
    private final ObjectProperty<Predicate<HardwareProfile>> own = new SimpleObjectProperty<>(this, "own", p -> false);
    private Consumer<HardwareProfile> onSelect = p -> { };
    private LandscapeLayout layout;
    private HardwareProfile hovered;

    public LandscapeChart(ObservableValue<Evaluation> source, ObservableList<HardwareProfile> profiles) {
        super(source, "landscape-chart");
        this.profiles = profiles;
        profiles.addListener(profilesChanged);
        javafx.beans.InvalidationListener changed = obs -> markDirty();
        precision.addListener(changed);
        own.addListener(changed);
        setOnMouseMoved(ev -> {
            HardwareProfile now = layout == null ? null : layout.at(toDrawing(ev.getX()), toDrawing(ev.getY()), 10);
            if (now != hovered) {
                hovered = now;
                markDirty();
            }
        });
        setOnMouseExited(ev -> {
            hovered = null;
            markDirty();
        });
        setOnMouseClicked(ev -> {
            HardwareProfile at = layout == null ? null : layout.at(toDrawing(ev.getX()), toDrawing(ev.getY()), 10);
            if (at != null) {
                onSelect.accept(at);
            }
        });
    }

    private final javafx.beans.InvalidationListener profilesChanged = obs -> markDirty();

    /** Stops listening to the evaluation and the profiles. */
    @Override
    public void dispose() {
        super.dispose();
        profiles.removeListener(profilesChanged);
    }

    /** The precision compared (null: the live scenario's math precision). */
    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    /** Which devices are the user's own (marked with a square outline). */
    public ObjectProperty<Predicate<HardwareProfile>> ownProperty() {
        return own;
    }

    /** What a click on a device does (the window selects it as the live GPU). */
    public void setOnSelect(Consumer<HardwareProfile> action) {
        onSelect = action == null ? p -> { } : action;
    }

    /** The precision shown now. */
    public Precision shownPrecision() {
        return precision.get() != null ? precision.get() : evaluation().computePrecision();
    }

    /** Where a device is drawn on the first panel, in chart pixels (null when it is not drawn). */
    public Point2D position(HardwareProfile p) {
        layout();
        return layout.dots().stream().filter(d -> d.profile().equals(p)).findFirst()
                .map(d -> new Point2D(toPixels(d.x()), toPixels(d.y()))).orElse(null);
    }

    /** The layout of the last redraw (for tests). */
    public LandscapeLayout landscape() {
        layout();
        return layout;
    }

    /** The hovered device's card lines, or an empty list. */
    public List<String> hoverText() {
        return hovered == null ? List.of() : card(hovered);
    }

    private LabelLayout labels;

    @Override
    protected Object backgroundKey(Evaluation e) {
        return List.of(List.copyOf(profiles), shownPrecision(), e.scenario().gpu(), own.get());
    }

    /** The profiles, and the live device beside its real self when a what-if scales it. */
    private List<HardwareProfile> shown(Evaluation e) {
        HardwareProfile live = e.scenario().gpu();
        if (live.whatIf().isNone()) {
            return profiles;
        }
        List<HardwareProfile> all = new ArrayList<>(profiles);
        all.add(live);
        return all;
    }

    /** Whether a dot is the live scenario's device (the what-if's, when one is on). */
    private static boolean isLive(HardwareProfile p, Evaluation e) {
        return p.equals(e.scenario().gpu());
    }

    /** A dot's label id: the what-if device shares its real one's id. */
    private static String key(HardwareProfile p) {
        return p.id() + (p.whatIf().isNone() ? "" : "-what-if");
    }

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        layout = new LandscapeLayout(shown(e), shownPrecision(), w, h);
        labels = layOutLabels(e, w, h, () -> names(e, w, h), still -> still, l -> false);
    }

    /**
     * Each device's short name beside its point on both panels (the live device's first, always shown),
     * after the ridge lines' labels: nothing covers what the lines are.
     */
    private LabelLayout names(Evaluation e, double w, double h) {
        LabelLayout names = new LabelLayout(new Box(LandscapeLayout.LEFT, LandscapeLayout.TOP,
                layout.plotRight() - LandscapeLayout.LEFT, layout.plotBottom() - LandscapeLayout.TOP), measure(),
                baseFontSize());
        List<LandscapeLayout.Dot> dots = new ArrayList<>(layout.dots());
        for (LandscapeLayout.Dot d : dots) {
            names.obstacle(Box.around(d.x(), d.y(), 11, 11));
            if (!Double.isNaN(d.yearX())) {
                names.obstacle(Box.around(d.yearX(), d.yearY(), 11, 11));
            }
        }
        // The panels' gap is no place for a label.
        names.obstacle(new Box(layout.splitX() + 1, 0, layout.secondLeft() - layout.splitX() - 2, h));
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
        // Names shortened as far as they stay apart (two A100 SXM4s keep their memory sizes).
        java.util.Map<String, Long> counts = dots.stream().collect(java.util.stream.Collectors.groupingBy(
                d -> d.profile().shortName(), java.util.stream.Collectors.counting()));
        dots.sort(java.util.Comparator.comparing(d -> !isLive(d.profile(), e)));
        for (LandscapeLayout.Dot d : dots) {
            boolean selected = isLive(d.profile(), e);
            Style style = new Style(selected ? 0.85 : 0.75, selected, vendorColor(d.profile().vendor()));
            String text = counts.get(d.profile().shortName()) > 1
                    ? Units.oneLine(d.profile().name()).replaceFirst("^" + java.util.regex.Pattern.quote(d.profile().vendor()) + "\\s+", "")
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

    static final Style RIDGE_LINE = new Style(0.78, false, ChartColor.MUTED);

    /** Vendors by colour: the same token everywhere the landscape draws one. */
    static ChartColor vendorColor(String vendor) {
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

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        double top = LandscapeLayout.TOP;
        double bottom = layout.plotBottom();
        Precision p = layout.precision();
        Font tick = font(0.8, false);
        Font axis = font(0.9, false);
        for (double[] panel : new double[][] {{LandscapeLayout.LEFT, layout.splitX()}, {layout.secondLeft(), layout.plotRight()}}) {
            g.setFill(color(ChartColor.PLOT));
            g.fillRect(panel[0], top, panel[1] - panel[0], bottom - top);
        }
        // First panel: decades of bandwidth and of FLOP/s, and the lines of constant ridge point.
        g.setLineWidth(1);
        for (double v = layout.bandwidth().min(); v <= layout.bandwidth().max() * 1.0001; v *= 10) {
            double x = layout.bandwidth().toPixel(v);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(x, top, x, bottom);
            text(g, Units.si(v, "B/s"), x, bottom + 6, TextAlignment.CENTER, VPos.TOP, tick, color(ChartColor.MUTED));
        }
        for (double v = layout.peak().min(); v <= layout.peak().max() * 1.0001; v *= 10) {
            double y = layout.peak().toPixel(v);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(LandscapeLayout.LEFT, y, layout.splitX(), y);
            text(g, TickLabels.tflops(v), LandscapeLayout.LEFT - 6, y, TextAlignment.RIGHT, VPos.CENTER, tick,
                    color(ChartColor.MUTED));
        }
        for (double r : LandscapeLayout.RIDGE_LINES) {
            double[][] line = layout.ridgeLine(r);
            if (line.length == 2) {
                g.setStroke(color(ChartColor.MUTED).deriveColor(0, 1, 1, 0.7));
                g.setLineDashes(5, 4);
                g.strokeLine(line[0][0], line[1][0], line[0][1], line[1][1]);
                g.setLineDashes();
            }
        }
        // Second panel: years, and decades of the ridge per weight value, with the fitted trend.
        int firstYear = (int) Math.ceil(layout.years().min());
        int lastYear = (int) Math.floor(layout.years().max());
        // A label every year when they fit side by side, else every second or fifth.
        double perYear = Math.abs(layout.years().toPixel(1) - layout.years().toPixel(0));
        double labelWidth = measuredWidth("2024", 0.8, false) + 8;
        int step = perYear >= labelWidth ? 1 : 2 * perYear >= labelWidth ? 2 : 5;
        for (int y = firstYear; y <= lastYear; y += step) {
            double x = layout.years().toPixel(y);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(x, top, x, bottom);
            text(g, Integer.toString(y), x, bottom + 6, TextAlignment.CENTER, VPos.TOP, tick, color(ChartColor.MUTED));
        }
        for (double v = layout.ridge().min(); v <= layout.ridge().max() * 1.0001; v *= 10) {
            double y = layout.ridge().toPixel(v);
            g.setStroke(color(ChartColor.GRID));
            g.strokeLine(layout.secondLeft(), y, layout.plotRight(), y);
            text(g, Units.sig3(v).replaceAll("\\.0+$", ""), layout.secondLeft() - 6, y, TextAlignment.RIGHT, VPos.CENTER,
                    tick, color(ChartColor.MUTED));
        }
        double trend = layout.trendPerYear();
        if (Double.isFinite(trend)) {
            double y0 = layout.years().min();
            double y1 = layout.years().max();
            g.setStroke(color(ChartColor.ACCENT).deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(2);
            g.setLineDashes(8, 5);
            g.strokeLine(layout.years().toPixel(y0), layout.ridge().toPixelClamped(layout.trendAt(y0)),
                    layout.years().toPixel(y1), layout.ridge().toPixelClamped(layout.trendAt(y1)));
            g.setLineDashes();
        }
        // Frames, titles and axis names.
        g.setStroke(color(ChartColor.MUTED));
        g.setLineWidth(1);
        g.strokeRect(LandscapeLayout.LEFT + 0.5, top + 0.5, layout.splitX() - LandscapeLayout.LEFT - 1, bottom - top - 1);
        g.strokeRect(layout.secondLeft() + 0.5, top + 0.5, layout.plotRight() - layout.secondLeft() - 1, bottom - top - 1);
        text(g, fitted("Memory bandwidth (log scale)", axis, layout.splitX() - LandscapeLayout.LEFT),
                (LandscapeLayout.LEFT + layout.splitX()) / 2, h - 6, TextAlignment.CENTER, VPos.BOTTOM, axis,
                color(ChartColor.TEXT));
        text(g, "Release year", (layout.secondLeft() + layout.plotRight()) / 2, h - 6, TextAlignment.CENTER,
                VPos.BOTTOM, axis, color(ChartColor.TEXT));
        g.save();
        g.translate(16, (top + bottom) / 2);
        g.rotate(-90);
        text(g, fitted("Peak " + p.label() + " TFLOP/s (log scale)", axis, bottom - top), 0, 0, TextAlignment.CENTER,
                VPos.CENTER, axis, color(ChartColor.TEXT));
        g.restore();
        g.save();
        g.translate(layout.splitX() + 18, (top + bottom) / 2);
        g.rotate(-90);
        text(g, fitted("Ridge: FLOPs per " + p.label() + " value", axis, bottom - top), 0, 0, TextAlignment.CENTER,
                VPos.CENTER, axis, color(ChartColor.TEXT));
        g.restore();
        Font title = font(1.1, true);
        text(g, fitted("Peak " + p.label() + " vs bandwidth", title, layout.splitX() - LandscapeLayout.LEFT),
                LandscapeLayout.LEFT, 10, TextAlignment.LEFT, VPos.TOP, title, color(ChartColor.TEXT));
        String trendText = Double.isFinite(trend) ? "  ·  trend ×" + Units.sig3(trend) + " a year"
                : "  ·  too few devices for a trend";
        text(g, fitted("Ridge point by year" + trendText, title, layout.plotRight() - layout.secondLeft()),
                layout.secondLeft(), 10, TextAlignment.LEFT, VPos.TOP, title, color(ChartColor.TEXT));
        // The vendors' colours, and what is left out.
        Font key = font(0.8, false);
        double x = LandscapeLayout.LEFT;
        double keyY = 12 + baseFontSize() * 1.7;
        List<String> vendors = layout.dots().stream().map(d -> d.profile().vendor()).distinct().toList();
        for (String vendor : vendors) {
            double kw = textWidth(vendor, key);
            if (x + 14 + kw > layout.plotRight()) {
                break;
            }
            g.setFill(color(vendorColor(vendor)));
            g.fillOval(x, keyY - 4, 9, 9);
            text(g, vendor, x + 13, keyY, TextAlignment.LEFT, VPos.CENTER, key, color(ChartColor.MUTED));
            x += 13 + kw + 14;
        }
        if (!layout.without().isEmpty()) {
            boolean liveMissing = layout.without().contains(e.scenario().gpu());
            String note = liveMissing ? e.scenario().gpu().shortName() + " has no " + p.label() + " peak; "
                    + layout.without().size() + " not shown" : layout.without().size() + " without " + p.label() + " not shown";
            if (x + textWidth(note, key) <= layout.plotRight()) {
                text(g, note, layout.plotRight(), keyY, TextAlignment.RIGHT, VPos.CENTER, key, color(ChartColor.MUTED));
            }
        }
        // The devices: a dot each, in its vendor's colour; the user's own outlined square; the live one ringed.
        for (LandscapeLayout.Dot d : layout.dots()) {
            Color c = color(vendorColor(d.profile().vendor()));
            boolean whatIf = !d.profile().whatIf().isNone();
            boolean mine = !whatIf && own.get() != null && own.get().test(d.profile());
            for (double[] at : new double[][] {{d.x(), d.y()}, {d.yearX(), d.yearY()}}) {
                if (Double.isNaN(at[0])) {
                    continue;
                }
                if (isLive(d.profile(), e)) {
                    ring(g, at[0], at[1], 10);
                }
                g.setFill(c);
                g.setStroke(color(ChartColor.PLOT));
                g.setLineWidth(1.5);
                if (whatIf) {
                    // A what-if: hollow, not a device anyone can buy.
                    g.setFill(color(ChartColor.PLOT));
                    g.setStroke(c);
                    g.setLineWidth(2.5);
                    g.fillOval(at[0] - 5, at[1] - 5, 10, 10);
                    g.strokeOval(at[0] - 5, at[1] - 5, 10, 10);
                } else if (mine) {
                    g.fillRect(at[0] - 5, at[1] - 5, 10, 10);
                    g.setStroke(color(ChartColor.TEXT));
                    g.strokeRect(at[0] - 5, at[1] - 5, 10, 10);
                } else {
                    g.fillOval(at[0] - 5, at[1] - 5, 10, 10);
                    g.strokeOval(at[0] - 5, at[1] - 5, 10, 10);
                }
            }
        }
    }

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        if (hovered != null) {
            LandscapeLayout.Dot d = layout.dots().stream().filter(x -> x.profile().equals(hovered)).findFirst().orElse(null);
            if (d != null) {
                card(g, card(hovered), d.x(), d.y(), w, h);
            }
        }
    }

    /** A device's figures and sources, as the hover card shows them. */
    private List<String> card(HardwareProfile p) {
        Precision at = layout.precision();
        List<String> lines = new ArrayList<>();
        boolean mine = p.whatIf().isNone() && own.get() != null && own.get().test(p);
        lines.add(Units.oneLine(p.name()) + (mine ? " (your own)" : ""));
        lines.add(p.vendor() + (p.year() > 0 ? " · " + p.year() : ""));
        Double peak = p.peakFlopsPerSecond().get(at);
        if (peak != null) {
            lines.add("Peak " + at.label() + ": " + lab.roofline.explain.HoverLines.tflops(peak));
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

    @Override
    protected String textAlternative(Evaluation e) {
        return "Hardware landscape: every accelerator's peak FLOP/s against its memory bandwidth, with lines of "
                + "constant ridge point. The live device: " + lab.roofline.explain.Captions.of(e);
    }
}
