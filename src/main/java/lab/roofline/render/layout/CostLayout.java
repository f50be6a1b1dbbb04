package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Units;

/**
 * Where the cost chart puts things at one size: the legend's rows, the two bars of the live scenario (or,
 * beside pins, a bar per scenario in each phase's group), and the strip of the APIs' price ratios. Pure
 * arithmetic and text measuring through {@link LabelLayout.TextMeasure}, so tests need no toolkit.
 * <p>
 * Top to bottom: the title and headline, the ratio strip, the bars, the key. The bars are the chart: they
 * are never thinner than {@link #MIN_BAR_THICKNESS} while the chart has room for it, and when it has not, the
 * ratio strip gives way first, then the key.
 */
public final class CostLayout {
    public static final double LEFT = 132;
    public static final double RIGHT = 28;
    public static final double TOTAL_LABEL_WIDTH = 150;
    /** The thinnest a bar is drawn while the chart has room, in drawing units (16 px at 100 %, scaled with zoom). */
    public static final double MIN_BAR_THICKNESS = 16;

    /** The causes a bar is split by, in its order from the left. */
    public static final List<String> CAUSES = List.of("Reading weights", "KV-cache traffic", "Activations", "Compute",
            "Communication", "Overhead", "Draft model");
    /** Each cause's colour role, in the same order. */
    public static final List<ChartColor> CAUSE_COLORS = List.of(ChartColor.WEIGHTS, ChartColor.KV,
            ChartColor.ACTIVATIONS, ChartColor.COMPUTE, ChartColor.COMMUNICATION, ChartColor.OVERHEAD, ChartColor.DRAFT);

    /**
     * Where the two bars go. Wide: names left of the bars, totals after them. Narrow (the bars would get
     * less than half the width): names and totals above the bars, which then span the chart, so the
     * proportion of the two bars stays readable at any width.
     */
    public record Bars(boolean compact, double left, double right, double height, double[] centres) {
        public double centre(int i) {
            return centres[i];
        }

        public double top(int i) {
            return centres[i] - height / 2;
        }
    }

    /** One scenario's bar in both groups, in the unit the chart shows; its ratios are to the live one's. */
    public record Row(String name, PinStyle style, PhaseCost.TimeSplit input, PhaseCost.TimeSplit output, boolean fits) {
    }

    /** One coloured piece of a bar, in drawing units; {@code scenario} 0 is the live one, 1 the first pin, and so on. */
    public record Piece(String bar, String cause, double value, String valueText, double x, double y, double w,
                        double h, int scenario) {
    }

    private final double w;
    private final double h;
    private final double fontPx;
    private final LabelLayout.TextMeasure measure;
    private final List<Integer> shownCauses;
    private final boolean headlineWraps;
    /** The scenarios the bars show: the live one, and beside pins one more per pin (grouped bars). */
    private final int scenarios;

    /**
     * @param shownCauses   indices into {@link #CAUSES} the legend shows
     * @param headlineWraps whether the headline takes two lines (a scenario that does not fit says why)
     * @param scenarios     the live scenario and the pins: the key gives way to their bars
     */
    public CostLayout(double w, double h, double fontPx, LabelLayout.TextMeasure measure, List<Integer> shownCauses,
                      boolean headlineWraps, int scenarios) {
        this.w = w;
        this.h = h;
        this.fontPx = fontPx;
        this.measure = measure;
        this.shownCauses = shownCauses;
        this.headlineWraps = headlineWraps;
        this.scenarios = scenarios;
    }

    /**
     * The share of the longest bar below which a cause's piece is not seen (under 2 px on a 400 px bar): the
     * key names only colours a reader can find, so a crowded chart keeps its key (lesson step 7's communication
     * colour went unexplained when a key of six rows, with invisible activations, gave way).
     */
    static final double VISIBLE_SHARE = 0.005;

    /** The causes whose colour shows on some bar (the bars share one scale: the longest bar's total). */
    public static List<Integer> shownCauses(Evaluation e, List<ChartPin> pins) {
        List<PhaseCost.TimeSplit> splits = new ArrayList<>(List.of(e.costByCause().input(), e.costByCause().output()));
        for (ChartPin p : pins) {
            splits.add(p.evaluation().costByCause().input());
            splits.add(p.evaluation().costByCause().output());
        }
        double longest = splits.stream().mapToDouble(PhaseCost.TimeSplit::totalSeconds).max().orElse(0);
        List<Integer> shown = new ArrayList<>();
        for (int cause = 0; cause < CAUSES.size(); cause++) {
            int c = cause;
            if (splits.stream().anyMatch(t -> seconds(t, c) > 0 && seconds(t, c) >= VISIBLE_SHARE * longest)) {
                shown.add(cause);
            }
        }
        return List.copyOf(shown.isEmpty() ? List.of(0) : shown);
    }

    /** A split's time for one of {@link #CAUSES}, by index. */
    private static double seconds(PhaseCost.TimeSplit t, int cause) {
        return switch (cause) {
            case 0 -> t.weightSeconds();
            case 1 -> t.kvCacheSeconds();
            case 2 -> t.activationSeconds();
            case 3 -> t.computeSeconds();
            case 4 -> t.communicationSeconds();
            case 5 -> t.overheadSeconds();
            default -> t.draftSeconds();
        };
    }

    public List<Integer> shownCauses() {
        return shownCauses;
    }

    public boolean headlineWraps() {
        return headlineWraps;
    }

    /**
     * The legend's entries, left to right, wrapping when the chart is narrow; the last row's centre sits
     * {@link #LEGEND_LAST_ROW_UP} units above the bottom. Each spot is the swatch's left edge and the row's centre.
     */
    public double[][] legendSpots() {
        double rowHeight = fontPx * 1.5;
        double[][] spots = new double[shownCauses.size()][];
        double lx = 16;
        int row = 0;
        for (int i = 0; i < spots.length; i++) {
            double itemWidth = 17 + measure.width(CAUSES.get(shownCauses.get(i)), fontPx * 0.85, false);
            if (lx + itemWidth > w - 8 && lx > 16) {
                lx = 16;
                row++;
            }
            spots[i] = new double[] {lx, row};
            lx += itemWidth + 16;
        }
        for (double[] spot : spots) {
            spot[1] = h - LEGEND_LAST_ROW_UP - (row - spot[1]) * rowHeight;
        }
        return spots;
    }

    /** How far above the chart's bottom the key's last row has its centre: half a row and a margin. */
    private static final double LEGEND_LAST_ROW_UP = 14;

    /**
     * The space the key takes below the bars: its rows (one on a wide chart, more on a narrow one), half a row
     * above the first row's centre and a gap to the bars.
     */
    private double legendBand() {
        return h - legendSpots()[0][1] + fontPx * 0.6 + 8;
    }

    /** Where the title and headline end (one headline line, or two when it wraps). */
    private double headerBottom() {
        return headerHeight(fontPx, headlineWraps);
    }

    private static double headerHeight(double fontPx, boolean headlineWraps) {
        return 12 + fontPx * 1.6 + fontPx * 1.3 * (headlineWraps ? 2 : 1) + 4;
    }

    /**
     * The least height (drawing units) at which the bars keep {@link #MIN_BAR_THICKNESS}, without the strip or
     * the key: what the window gives the cost chart's row, when it can.
     */
    public static double leastHeight(int scenarios, double fontPx) {
        return headerHeight(fontPx, false) + barsNeed(scenarios, fontPx, true) + BOTTOM_PAD;
    }

    /** The margin under the bars when the key gives way. */
    private static final double BOTTOM_PAD = 6;

    /** The ratio strip's band: its caption, the API ticks' labels above the strip, the decade labels below. */
    private double stripBand() {
        return fontPx * 5.3 + 6;
    }

    /** The height of the strip of the APIs' price ratios (its line). */
    public double stripY() {
        return headerBottom() + fontPx * 2.9;
    }

    /** The least room the bars need: each bar at its least thickness with its name (and for pins, each row). */
    private double barsNeed(int scenarios) {
        return barsNeed(scenarios, fontPx, compact());
    }

    private static double barsNeed(int scenarios, double fontPx, boolean compact) {
        if (scenarios > 1) {
            return 2 * (fontPx * 1.3 + 6 + scenarios * (MIN_BAR_THICKNESS + 4));
        }
        return compact ? 2 * (fontPx * 1.3 + MIN_BAR_THICKNESS + COMPACT_GAP)
                : 2 * (Math.max(MIN_BAR_THICKNESS, fontPx * 1.3) + 10);
    }

    /** The gap under a compact bar, before the next bar's name. */
    private static final double COMPACT_GAP = 5;

    /** The room between the header and the bottom, less the strip and the key when they show. */
    private double barRoom(boolean strip, boolean legend) {
        return h - headerBottom() - (strip ? stripBand() : 0) - (legend ? legendBand() : BOTTOM_PAD);
    }

    /** Whether the API ratio strip shows: only for the live scenario alone, and only if the bars keep their room. */
    public boolean stripShown() {
        return barRoom(true, true) >= barsNeed(1);
    }

    /** Whether the key shows: the bars keep their room first (the strip has given way already). */
    public boolean legendShown() {
        return barRoom(false, true) >= barsNeed(scenarios);
    }

    /** Whether the bars are laid out narrow: names and totals above them. */
    public boolean compact() {
        return w - RIGHT - TOTAL_LABEL_WIDTH - LEFT < w * 0.5;
    }

    public Bars bars() {
        boolean strip = stripShown();
        double top = headerBottom() + (strip ? stripBand() : 0);
        double barArea = barRoom(strip, legendShown());
        double[] centres = {top + barArea * 0.25, top + barArea * 0.75};
        boolean compact = compact();
        // Bars grow with a tall chart (a slide), to a point: two slabs would read as a table, not a ratio.
        double cap = 72;
        if (compact) {
            // Each bar's slot: its name and total on a line, the bar under them, a gap before the next slot.
            // The bar takes what is left, so a short chart never draws one bar over the other's name.
            double slot = barArea / 2;
            double nameLine = fontPx * 1.3;
            double height = Math.max(3, Math.min(cap, slot - nameLine - COMPACT_GAP));
            for (int i = 0; i < 2; i++) {
                centres[i] = top + i * slot + nameLine + height / 2;
            }
            return new Bars(true, 16, w - RIGHT, height, centres);
        }
        double height = Math.min(cap, Math.max(barArea / 2 * 0.62, Math.min(MIN_BAR_THICKNESS, barArea / 2 - 6)));
        return new Bars(false, LEFT, w - RIGHT - TOTAL_LABEL_WIDTH, Math.max(3, height), centres);
    }

    /** Where grouped bars start: under the title and the headline (the strip is not drawn beside pins). */
    public double groupedTop() {
        return headerBottom();
    }

    /** The height of each phase's group of bars. */
    public double groupHeight() {
        return (h - groupedTop() - groupedBottomBand()) / 2;
    }

    private double groupedBottomBand() {
        return legendShown() ? legendBand() : BOTTOM_PAD;
    }

    /** The row heights a chart of this size gives the grouped bars: each group a header line and a row per scenario. */
    public double groupedRowHeight(int scenarios) {
        return Math.max(3, (groupHeight() - fontPx * 1.3 - 6) / scenarios);
    }

    /** The scale public API price ratios sit on, log from 1x to 1000x. */
    public static LogScale ratioScale(double w) {
        return LogScale.log(1, 1000, 40, w - 40);
    }

    /**
     * Dollars when the live scenario and every pin have a price; else device time per token for all, so
     * the bars always compare like with like.
     */
    public static boolean usdShown(Evaluation e, List<ChartPin> pins) {
        return e.cost().hasPrice() && pins.stream().allMatch(p -> p.evaluation().cost().hasPrice());
    }

    /** The live scenario's row, then each pin's, in the chart's unit. */
    public static List<Row> rows(Evaluation e, List<ChartPin> pins) {
        boolean usd = usdShown(e, pins);
        List<Row> rows = new ArrayList<>();
        rows.add(row("Live", null, e, usd));
        for (ChartPin p : pins) {
            rows.add(row(Units.oneLine(p.name()), p.style(), p.evaluation(), usd)); // shortened to its column when drawn
        }
        return rows;
    }

    public static Row row(String name, PinStyle style, Evaluation e, boolean usd) {
        Evaluation.CostByCause byCause = e.costByCause();
        // The engine gives dollars when priced, else GPU seconds (all devices) per token; dollars shown as time
        // (a pin has no price) are GPU time too, what the dollars pay for, so 8 GPUs never look 8x cheaper.
        double toUnit = usd || !byCause.usd() ? 1
                : e.scenario().gpuCount() / (e.cost().priceUsdPerHour() / 3600 * 1e6);
        return new Row(name, style, byCause.input().scaled(toUnit), byCause.output().scaled(toUnit), e.memory().fits());
    }

    /** A bar's cause by cause: weights, KV cache, activations, compute, communication, overhead, draft. */
    public static double[] byCause(PhaseCost.TimeSplit s) {
        return new double[] {s.weightSeconds(), s.kvCacheSeconds(), s.activationSeconds(), s.computeSeconds(),
                s.communicationSeconds(), s.overheadSeconds(), s.draftSeconds()};
    }

    /** A value in the chart's unit: dollars, or device time. */
    public static String value(double v, boolean priced) {
        return priced ? Units.usd(v) : Units.seconds(v);
    }

    /** What a scenario that does not fit would cost: its ratio, said as a conditional. */
    public static String wouldCost(Evaluation e) {
        return "would cost " + Units.times(e.cost().outputToInputRatio()) + " input";
    }

    /** The chart's title, longest first: a chart that shows time says why, when it has room. */
    public static String[] titles(Evaluation e, List<ChartPin> pins) {
        List<String> unpriced = pins.stream().filter(p -> !p.evaluation().cost().hasPrice()).map(ChartPin::shortName)
                .toList();
        String why = unpriced.size() == 1 ? unpriced.get(0) + " has no price" : "a pinned scenario has no price";
        return usdShown(e, pins) ? new String[] {"Cost per million tokens", "Cost per 1M tokens"} : e.cost().hasPrice()
                ? new String[] {"GPU time per token (" + why + ")", "GPU time per token (a pin has no price)",
                "GPU time per token"}
                : new String[] {"GPU time per token (no price known)", "GPU time per token"};
    }
}
