package lab.roofline.render.chart;

import lab.roofline.render.layout.ChartColor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.HoverLines;
import lab.roofline.render.pen.ChartPen;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.PinStyle;

/**
 * Cost per million input and output tokens (GPU time per token when no price is known), each bar
 * split by cause: reading weights, KV-cache traffic, activations, compute, and (on several devices or with
 * an overhead per layer) communication and overhead.
 */
public final class CostChart extends CanvasChart {
    private static final double LEFT = 132;
    private static final double RIGHT = 28;
    private static final double TOP = 128; // below the ratio strip and its decade labels (to y 112)

    private final List<Segment> segments = new ArrayList<>();
    private Segment hovered;
    private double ratioShown = Double.NaN;

    /** One coloured piece of a bar; {@code scenario} 0 is the live one, 1 the first pin, and so on. */
    public record Segment(String bar, String cause, double value, String valueText, double x, double y, double w,
                          double h, int scenario) {
        public Segment(String bar, String cause, double value, String valueText, double x, double y, double w,
                       double h) {
            this(bar, cause, value, valueText, x, y, w, h, 0);
        }
    }

    /** The legend and the axis names depend only on the size and whether a price is known. */
    @Override
    protected Object backgroundKey(Evaluation e) {
        return List.of(e.cost().hasPrice(), references.getValue(), headlineWraps, shownCauses);
    }

    /**
     * Whether this frame's headline takes two lines: a scenario that does not fit says why ("does not fit:
     * needs 18 x NVIDIA T4"), which a narrow chart cannot print beside the ratio. The second line then
     * takes the place of the strip's description, so the reason is never cut short.
     */
    private boolean headlineWraps;

    /** Indices into {@link #CAUSES} the legend shows this frame. */
    private List<Integer> shownCauses = List.of(0, 1, 2, 3);

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        String reason = lab.roofline.explain.Captions.doesNotFit(e);
        headlineWraps = reason != null
                && measuredWidth(wouldCost(e) + " · " + reason, 1.05, true) > w - 32;
        // Communication and overhead join the legend only when some bar has them.
        List<PhaseCost.TimeSplit> splits = new java.util.ArrayList<>(List.of(e.costByCause().input(), e.costByCause().output()));
        for (ChartPin p : pins()) {
            splits.add(p.evaluation().costByCause().input());
            splits.add(p.evaluation().costByCause().output());
        }
        List<Integer> shown = new java.util.ArrayList<>(List.of(0, 1, 2, 3));
        if (splits.stream().anyMatch(t -> t.communicationSeconds() > 0)) {
            shown.add(4);
        }
        if (splits.stream().anyMatch(t -> t.overheadSeconds() > 0)) {
            shown.add(5);
        }
        if (splits.stream().anyMatch(t -> t.draftSeconds() > 0)) {
            shown.add(6);
        }
        shownCauses = List.copyOf(shown);
    }

    private static String wouldCost(Evaluation e) {
        return "would cost " + Units.times(e.cost().outputToInputRatio()) + " input";
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        Color[] colors = causeColors();
        Font legend = font(0.85, false);
        double[][] spots = legendSpots(w, h);
        for (int k = 0; k < shownCauses.size(); k++) {
            int i = shownCauses.get(k);
            g.setFill(colors[i]);
            g.fillRoundRect(spots[k][0], spots[k][1] - 6, 12, 12, 3, 3);
            text(g, CAUSES[i], spots[k][0] + 17, spots[k][1], TextAlignment.LEFT, VPos.CENTER, legend,
                    color(ChartColor.MUTED));
        }
        // The longest wording with room: why the chart shows time, when it can say so.
        List<String> unpriced = pins().stream().filter(p -> !p.evaluation().cost().hasPrice()).map(ChartPin::shortName)
                .toList();
        String why = unpriced.size() == 1 ? unpriced.get(0) + " has no price" : "a pinned scenario has no price";
        String[] titles = usdShown(e) ? new String[] {"Cost per million tokens"} : e.cost().hasPrice()
                ? new String[] {"GPU time per token (" + why + ")", "GPU time per token (a pin has no price)",
                "GPU time per token"}
                : new String[] {"GPU time per token (no price known)", "GPU time per token"};
        String title = titles[titles.length - 1];
        for (int i = titles.length - 1; i >= 0; i--) {
            if (measuredWidth(titles[i], 1.15, true) <= w - 32) {
                title = titles[i];
            }
        }
        text(g, fitted(title, font(1.15, true), w - 32), 16, 12,
                TextAlignment.LEFT, VPos.TOP, font(1.15, true), color(ChartColor.TEXT));
        if (!pins().isEmpty()) {
            // Beside pins the chart compares scenarios, and the bars need the room the API strip takes.
            return; // grouped bars name their groups as they draw them
        }
        drawRatioScale(g, w);
        Bars bars = bars(w, h);
        String[] names = {"Input (prefill)", "Output (decode)"};
        for (int i = 0; i < 2; i++) {
            if (bars.compact()) {
                text(g, names[i], bars.left(), bars.top(i) - 4, TextAlignment.LEFT, VPos.BOTTOM, font(0.95, true),
                        color(ChartColor.TEXT));
            } else {
                text(g, names[i], LEFT - 12, bars.centre(i), TextAlignment.RIGHT, VPos.CENTER, font(0.95, true),
                        color(ChartColor.TEXT));
            }
        }
    }

    /**
     * Where the two bars go. Wide: names left of the bars, totals after them. Narrow (the bars would get
     * less than half the width): names and totals above the bars, which then span the chart, so the
     * proportion of the two bars stays readable at any width.
     */
    record Bars(boolean compact, double left, double right, double height, double[] centres) {
        double centre(int i) {
            return centres[i];
        }

        double top(int i) {
            return centres[i] - height / 2;
        }
    }

    static final double TOTAL_LABEL_WIDTH = 150;

    private static final String[] CAUSES = {"Reading weights", "KV-cache traffic", "Activations", "Compute",
            "Communication", "Overhead", "Draft model"};

    private Color[] causeColors() {
        return new Color[] {color(ChartColor.WEIGHTS), color(ChartColor.KV), color(ChartColor.ACTIVATIONS),
                color(ChartColor.COMPUTE), color(ChartColor.COMMUNICATION), color(ChartColor.OVERHEAD),
                color(ChartColor.DRAFT)};
    }

    /** A bar's segments, cause by cause, from {@code cursor}; returns where the bar ends. */
    private double causeSegments(ChartPen g, String bar, PhaseCost.TimeSplit s, double cursor, double y, double barH,
                                 LogScale x, boolean priced, int scenario) {
        Color[] colors = causeColors();
        double[] values = {s.weightSeconds(), s.kvCacheSeconds(), s.activationSeconds(), s.computeSeconds(),
                s.communicationSeconds(), s.overheadSeconds(), s.draftSeconds()};
        for (int i = 0; i < CAUSES.length; i++) {
            cursor = segment(g, bar, CAUSES[i], values[i], colors[i], cursor, y, barH, x, priced, scenario);
        }
        return cursor;
    }

    /**
     * The legend's entries, left to right, wrapping when the chart is narrow; the last row sits 20 units
     * above the bottom. Each spot is the swatch's left edge and the row's centre.
     */
    private double[][] legendSpots(double w, double h) {
        double rowHeight = baseFontSize() * 1.5;
        double[][] spots = new double[shownCauses.size()][];
        double lx = 16;
        int row = 0;
        for (int i = 0; i < spots.length; i++) {
            double itemWidth = 17 + measuredWidth(CAUSES[shownCauses.get(i)], 0.85, false);
            if (lx + itemWidth > w - 8 && lx > 16) {
                lx = 16;
                row++;
            }
            spots[i] = new double[] {lx, row};
            lx += itemWidth + 16;
        }
        for (double[] spot : spots) {
            spot[1] = h - 20 - (row - spot[1]) * rowHeight;
        }
        return spots;
    }

    /** The space below the bars: the legend's rows (one on a wide chart, more on a narrow one) and a margin. */
    private double bottomMargin(double w, double h) {
        return h - legendSpots(w, h)[0][1] + 22;
    }

    Bars bars(double w, double h) {
        double barArea = h - TOP - bottomMargin(w, h);
        double[] centres = {TOP + barArea * 0.25, TOP + barArea * 0.75};
        boolean compact = w - RIGHT - TOTAL_LABEL_WIDTH - LEFT < w * 0.5;
        // Bars grow with a tall chart (a slide), to a point: two slabs would read as a table, not a ratio.
        double cap = 72;
        if (compact) {
            // Each bar's slot: its name and total on a line, the bar under them, a gap before the next slot.
            // The bar takes what is left, so a short chart never draws one bar over the other's name.
            double slot = barArea / 2;
            double nameLine = baseFontSize() * 1.3;
            double height = Math.max(3, Math.min(cap, slot - nameLine - 8));
            for (int i = 0; i < 2; i++) {
                centres[i] = TOP + i * slot + nameLine + height / 2;
            }
            return new Bars(true, 16, w - RIGHT, height, centres);
        }
        return new Bars(false, LEFT, w - RIGHT - TOTAL_LABEL_WIDTH, Math.min(cap, barArea / 2 * 0.62), centres);
    }

    /** Where the bars were last laid out (for tests). */
    public double barAreaWidth() {
        Bars b = bars(drawingWidth(), drawingHeight());
        return toPixels(b.right() - b.left());
    }

    private final ObservableValue<List<RatioReference>> references;

    public CostChart(ObservableValue<Evaluation> source, ObservableValue<List<RatioReference>> references) {
        super(source, "cost-chart");
        this.references = references;
        setOnMouseMoved(ev -> {
            double x = toDrawing(ev.getX());
            double y = toDrawing(ev.getY());
            Segment now = segments.stream().filter(s -> x >= s.x && x <= s.x + Math.max(s.w, 4)
                    && y >= s.y && y <= s.y + s.h).findFirst().orElse(null);
            RatioReference tick = tickAt(ev.getX(), ev.getY());
            if (now != hovered || tick != hoveredTick) {
                hovered = now;
                hoveredTick = tick;
                markDirty();
            }
        });
        setOnMouseExited(ev -> {
            hovered = null;
            hoveredTick = null;
            markDirty();
        });
    }

    private boolean infeasible;
    private RatioReference hoveredTick;

    /** The API price tick under a point in chart pixels (within a few pixels of the strip), or null. */
    public RatioReference tickAt(double pixelX, double pixelY) {
        if (!pins().isEmpty()) {
            return null; // beside pins the strip is not drawn
        }
        double px = toDrawing(pixelX);
        double py = toDrawing(pixelY);
        if (Math.abs(py - STRIP_Y) > 10) {
            return null;
        }
        LogScale scale = ratioScale(drawingWidth());
        RatioReference best = null;
        double bestDistance = 5;
        for (RatioReference r : references.getValue()) {
            double d = Math.abs(scale.toPixelClamped(r.ratio()) - px);
            if (d <= bestDistance) {
                bestDistance = d;
                best = r;
            }
        }
        return best;
    }

    /** Where a tick is drawn, in chart pixels (for tests and hover). */
    public javafx.geometry.Point2D tickPosition(RatioReference r) {
        return new javafx.geometry.Point2D(toPixels(ratioScale(drawingWidth()).toPixelClamped(r.ratio())),
                toPixels(STRIP_Y));
    }

    /** The hovered tick's card lines, or an empty list. */
    public List<String> tickHoverText() {
        return hoveredTick == null ? List.of() : HoverLines.apiRatio(hoveredTick);
    }

    /** Whether the last draw showed the scenario as not fitting (faded bars, "would cost"). */
    public boolean infeasibleShown() {
        layout();
        return infeasible;
    }

    private final List<String> headlineShown = new ArrayList<>();

    /** The headline's lines as drawn at the last draw (shortened with "…" where they did not fit). */
    public List<String> headlineShown() {
        layout();
        return List.copyOf(headlineShown);
    }

    /** The ratio printed on the chart at the last draw. */
    public double ratioShown() {
        layout();
        return ratioShown;
    }

    /** The bars' pieces at the last draw, in chart pixels. */
    public List<Segment> segments() {
        layout();
        return segments.stream().map(s -> new Segment(s.bar(), s.cause(), s.value(), s.valueText(), toPixels(s.x()),
                toPixels(s.y()), toPixels(s.w()), toPixels(s.h()), s.scenario())).toList();
    }

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        segments.clear();
        Evaluation.Cost cost = e.cost();
        boolean priced = cost.hasPrice();
        Row live = row("Live", null, e, priced);
        PhaseCost.TimeSplit input = live.input();
        PhaseCost.TimeSplit output = live.output();
        double max = Math.max(input.totalSeconds(), output.totalSeconds());
        Bars bars = bars(w, h);
        LogScale x = LogScale.linear(0, max * 1.0, bars.left(), bars.right());

        ratioShown = cost.outputToInputRatio();
        Evaluation.MemoryUse memory = e.memory();
        infeasible = !memory.fits();
        // A scenario that does not fit has no cost, only the one it would have: said, and the bars faded.
        String reason = lab.roofline.explain.Captions.doesNotFit(e);
        String ratioText = !infeasible ? "output tokens cost " + Units.times(ratioShown) + " input"
                : headlineWraps ? wouldCost(e) : wouldCost(e) + " · " + reason;
        double headlineY = 12 + baseFontSize() * 1.6;
        Color headlineColor = color(infeasible ? ChartColor.WARNING : ChartColor.DECODE);
        headlineShown.clear();
        headlineShown.add(fitted(ratioText, font(1.05, true), w - 32));
        text(g, headlineShown.get(0), 16, headlineY, TextAlignment.LEFT, VPos.TOP, font(1.05, true), headlineColor);
        if (infeasible && headlineWraps) {
            headlineShown.add(fitted(reason, font(0.95, true), w - 32));
            text(g, headlineShown.get(1), 16, headlineY + baseFontSize() * 1.3, TextAlignment.LEFT, VPos.TOP,
                    font(0.95, true), headlineColor);
        }
        g.setGlobalAlpha(infeasible ? 0.35 : 1);

        if (!pins().isEmpty()) {
            drawGrouped(g, e, w, h);
            g.setGlobalAlpha(1);
            drawCards(g, usdShown(e), w, h);
            return;
        }

        drawRatioStrip(g, ratioShown, w);
        double barH = bars.height();
        // The lesson's ring round the end of the output bar, first: the bar and its total go over it.
        if (highlighted(Explanation.Topic.COST)) {
            double end = bars.left() + Math.max(2, x.toPixel(output.totalSeconds()) - x.toPixel(0));
            g.setGlobalAlpha(1);
            ring(g, Math.min(end, bars.right() - 18), bars.centre(1), 18);
            g.setGlobalAlpha(infeasible ? 0.35 : 1);
        }
        String[] names = {"Input (prefill)", "Output (decode)"};
        PhaseCost.TimeSplit[] splits = {input, output};
        for (int i = 0; i < 2; i++) {
            double cy = bars.centre(i);
            double y = bars.top(i);
            double cursor = bars.left();
            PhaseCost.TimeSplit s = splits[i];
            cursor = causeSegments(g, names[i], s, cursor, y, barH, x, priced, 0);
            String total = value(s.totalSeconds(), priced) + (priced ? " / 1M" : " / token");
            double totalWidth = measuredWidth(total, 1.0, true);
            if (bars.compact() && measuredWidth(names[i], 0.95, true) + totalWidth + 16 <= bars.right() - bars.left()) {
                // Beside the bar's name, above it.
                text(g, total, bars.right(), y - 4, TextAlignment.RIGHT, VPos.BOTTOM, font(1.0, true),
                        color(ChartColor.TEXT));
            } else if (bars.compact() && cursor + 10 + totalWidth > bars.right()) {
                // A long bar in a narrow chart: the total inside its end, in the plot's colour on a solid bar,
                // in the text colour (unfaded) on a faded one, where light text would not read.
                g.setGlobalAlpha(1);
                text(g, total, cursor - 6, cy, TextAlignment.RIGHT, VPos.CENTER, font(1.0, true),
                        color(infeasible ? ChartColor.TEXT : ChartColor.PLOT));
                g.setGlobalAlpha(infeasible ? 0.35 : 1);
            } else {
                text(g, total, Math.max(cursor, bars.left() + 2) + 10, cy, TextAlignment.LEFT, VPos.CENTER,
                        font(1.0, true), color(ChartColor.TEXT));
            }
        }


        g.setGlobalAlpha(1);
        drawCards(g, priced, w, h);
    }

    /** The hover cards: an API price tick's, or a bar segment's. */
    private void drawCards(ChartPen g, boolean priced, double w, double h) {
        if (hoveredTick != null) {
            card(g, HoverLines.apiRatio(hoveredTick), ratioScale(w).toPixelClamped(hoveredTick.ratio()), STRIP_Y + 60, w, h);
        }
        if (hovered != null) {
            Segment now = segments.stream().filter(s -> s.bar.equals(hovered.bar) && s.cause.equals(hovered.cause)
                    && s.scenario == hovered.scenario).findFirst().orElse(null);
            hovered = now;
            if (now != null) {
                card(g, HoverLines.costSegment(now.bar, now.cause, now.valueText, priced),
                        now.x + now.w / 2, now.y, w, h);
            }
        }
    }

    private static final double STRIP_Y = 84;

    private LogScale ratioScale(double w) {
        return LogScale.log(1, 1000, 40, w - 40);
    }

    /** The scale public API price ratios sit on, log from 1x to 1000x: background. */
    private void drawRatioScale(ChartPen g, double w) {
        double y = STRIP_Y;
        LogScale scale = ratioScale(w);
        g.setStroke(color(ChartColor.GRID));
        g.setLineWidth(4);
        g.strokeLine(scale.pixelStart(), y, scale.pixelEnd(), y);
        Font tiny = font(0.75, false);
        for (double t : new double[] {1, 10, 100, 1000}) {
            text(g, Units.times(t), scale.toPixel(t), y + 16, TextAlignment.CENTER, VPos.TOP, tiny, color(ChartColor.MUTED));
        }
        double lastRight = -1;
        for (RatioReference r : references.getValue()) {
            double x = scale.toPixelClamped(r.ratio());
            g.setFill(color(ChartColor.MUTED));
            g.fillRect(x - 1, y - 7, 2, 14);
            String label = Units.times(r.ratio());
            double lw = textWidth(label, tiny);
            if (x - lw / 2 > lastRight + 2) {
                text(g, label, x, y - 9, TextAlignment.CENTER, VPos.BOTTOM, tiny, color(ChartColor.MUTED));
                lastRight = x + lw / 2;
            }
        }
        if (!references.getValue().isEmpty() && !headlineWraps) {
            text(g, "Output ÷ input: public API prices (ticks above), this scenario (▲ below)", 16, y - 30, TextAlignment.LEFT,
                    VPos.TOP, tiny, color(ChartColor.MUTED));
        }
    }

    /** Where this scenario's output/input ratio sits among the API ratios: foreground. */
    private void drawRatioStrip(ChartPen g, double ratio, double w) {
        double x = ratioScale(w).toPixelClamped(ratio);
        double y = STRIP_Y;
        g.setFill(color(ChartColor.DECODE));
        // Below the strip: the API ticks' labels are above it, so the marker never covers one.
        g.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {y + 14, y + 14, y + 3}, 3);
    }

    private double segment(ChartPen g, String bar, String cause, double value, Color color, double cursor,
                           double y, double barH, LogScale x, boolean priced) {
        return segment(g, bar, cause, value, color, cursor, y, barH, x, priced, 0);
    }

    private double segment(ChartPen g, String bar, String cause, double value, Color color, double cursor,
                           double y, double barH, LogScale x, boolean priced, int scenario) {
        if (!(value > 0)) {
            return cursor;
        }
        double width = Math.max(2, x.toPixel(value) - x.toPixel(0));
        g.setFill(color);
        g.fillRect(cursor, y, width, barH);
        segments.add(new Segment(bar, cause, value, value(value, priced), cursor, y, width, barH, scenario));
        return cursor + width;
    }

    // ---- the live scenario beside the pins: bars grouped by phase, one per scenario ----

    /** One scenario's bar in both groups, in the unit the chart shows; its ratios are to the live one's. */
    record Row(String name, PinStyle style, PhaseCost.TimeSplit input, PhaseCost.TimeSplit output, boolean fits) {
    }

    /**
     * Dollars when the live scenario and every pin have a price; else device time per token for all, so
     * the bars always compare like with like.
     */
    boolean usdShown(Evaluation e) {
        return e.cost().hasPrice() && pins().stream().allMatch(p -> p.evaluation().cost().hasPrice());
    }

    /** The live scenario's row, then each pin's, in the chart's unit. */
    List<Row> rows(Evaluation e) {
        boolean usd = usdShown(e);
        List<Row> rows = new ArrayList<>();
        rows.add(row("Live", null, e, usd));
        for (ChartPin p : pins()) {
            rows.add(row(p.shortName(), p.style(), p.evaluation(), usd));
        }
        return rows;
    }

    private static Row row(String name, PinStyle style, Evaluation e, boolean usd) {
        Evaluation.CostByCause byCause = e.costByCause();
        // The engine gives dollars when priced, else GPU seconds (all devices) per token; dollars shown as time
        // (a pin has no price) are GPU time too, what the dollars pay for, so 8 GPUs never look 8x cheaper.
        double toUnit = usd || !byCause.usd() ? 1
                : e.scenario().gpuCount() / (e.cost().priceUsdPerHour() / 3600 * 1e6);
        return new Row(name, style, byCause.input().scaled(toUnit), byCause.output().scaled(toUnit), e.memory().fits());
    }

    /** Where grouped bars start: under the title and the headline (one line, or two when it wraps). */
    private double groupedTop() {
        return 12 + baseFontSize() * 1.6 + baseFontSize() * 1.3 * (headlineWraps ? 2 : 1) + 12;
    }

    /** The row height the grouped bars had at the last draw, in chart pixels (for tests). */
    public double groupedRowHeight() {
        layout();
        return toPixels(groupedRowHeight(drawingWidth(), drawingHeight(), pins().size() + 1));
    }

    /** The row heights a chart of this size gives the grouped bars: each group a header line and a row per scenario. */
    double groupedRowHeight(double w, double h, int scenarios) {
        double groupHeight = (h - groupedTop() - bottomMargin(w, h)) / 2;
        return Math.max(3, (groupHeight - baseFontSize() * 1.3 - 6) / scenarios);
    }

    private void drawGrouped(ChartPen g, Evaluation e, double w, double h) {
        boolean usd = usdShown(e);
        List<Row> rows = rows(e);
        int n = rows.size();
        double top = groupedTop();
        double groupHeight = (h - top - bottomMargin(w, h)) / 2;
        double header = baseFontSize() * 1.3;
        double rowH = groupedRowHeight(w, h, n);
        double barH = Math.max(2, Math.min(28, rowH - 4));
        double textScale = Math.max(0.62, Math.min(0.9, rowH / (baseFontSize() * 1.25)));
        Font rowFont = font(textScale, true);
        boolean compact = w - RIGHT - TOTAL_LABEL_WIDTH - LEFT < w * 0.5;
        // Each bar's scenario by name (shortened to a third of the chart), as the other charts' keys name it.
        double labelColumn = measuredWidth("Live", textScale, true);
        for (Row r : rows.subList(1, n)) {
            labelColumn = Math.max(labelColumn, measuredWidth(r.style().glyph() + " " + r.name(), textScale, true));
        }
        labelColumn = Math.min(labelColumn, Math.max(LEFT - 28, w * 0.3));
        double barsLeft = 16 + labelColumn + 8;
        double barsRight = compact ? w - RIGHT : w - RIGHT - TOTAL_LABEL_WIDTH;
        double max = 0;
        for (Row r : rows) {
            max = Math.max(max, Math.max(r.input().totalSeconds(), r.output().totalSeconds()));
        }
        LogScale x = LogScale.linear(0, max > 0 ? max : 1, barsLeft, barsRight);
        String[] names = {"Input (prefill)", "Output (decode)"};
        for (int group = 0; group < 2; group++) {
            double groupTop = top + group * groupHeight;
            g.setGlobalAlpha(1);
            text(g, names[group], 16, groupTop, TextAlignment.LEFT, VPos.TOP, font(0.95, true), color(ChartColor.TEXT));
            double first = (group == 0 ? rows.get(0).input() : rows.get(0).output()).totalSeconds();
            for (int k = 0; k < n; k++) {
                Row r = rows.get(k);
                PhaseCost.TimeSplit s = group == 0 ? r.input() : r.output();
                double y = groupTop + header + k * rowH + (rowH - barH) / 2;
                double cy = y + barH / 2;
                Color labelColor = r.style() == null ? color(ChartColor.TEXT) : color(r.style().color());
                String label = r.style() == null ? "Live" : fitted(r.style().glyph() + " " + r.name(), rowFont, labelColumn);
                g.setGlobalAlpha(1);
                text(g, label, barsLeft - 8, cy, TextAlignment.RIGHT, VPos.CENTER, rowFont, labelColor);
                g.setGlobalAlpha(r.fits() ? 1 : 0.35);
                String bar = names[group] + (k == 0 ? "" : " · " + r.name());
                double cursor = barsLeft;
                cursor = causeSegments(g, bar, s, cursor, y, barH, x, usd, k);
                String total = value(s.totalSeconds(), usd) + (usd ? " / 1M" : " / token");
                if (k > 0 && first > 0 && Double.isFinite(s.totalSeconds() / first)) {
                    total += "  " + Units.times(s.totalSeconds() / first);
                }
                if (!r.fits()) {
                    total = "would be " + total;
                }
                double totalWidth = measuredWidth(total, textScale, true);
                g.setGlobalAlpha(1);
                if (cursor + 8 + totalWidth > w - 4) {
                    // A long bar in a narrow chart: the total inside its end (light on a solid bar, dark on a faded one).
                    text(g, total, cursor - 6, cy, TextAlignment.RIGHT, VPos.CENTER, rowFont,
                            color(r.fits() ? ChartColor.PLOT : ChartColor.TEXT));
                } else {
                    text(g, total, cursor + 8, cy, TextAlignment.LEFT, VPos.CENTER, rowFont, color(ChartColor.TEXT));
                }
            }
        }
    }

    private static String value(double v, boolean priced) {
        return priced ? Units.usd(v) : Units.seconds(v);
    }

    @Override
    protected String textAlternative(Evaluation e) {
        return "Prefill versus decode cost chart. " + lab.roofline.explain.Explanation.about(java.util.List.of(lab.roofline.explain.Explanation.Topic.COST,
                lab.roofline.explain.Explanation.Topic.COMMUNICATION), e);
    }
}
