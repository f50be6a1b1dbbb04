package lab.roofline.render.chart;

import static lab.roofline.render.paint.ChartInk.firstFitting;
import static lab.roofline.render.paint.ChartInk.fitted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.explain.Captions;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.explain.HoverLines;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.CostLayout;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.paint.CostBars;
import lab.roofline.render.paint.CostLegend;
import lab.roofline.render.paint.CostRatioStrip;
import lab.roofline.render.pen.ChartPen;

/**
 * Cost per million input and output tokens (GPU time per token when no price is known), each bar
 * split by cause: reading weights, KV-cache traffic, activations, compute, and (on several devices or with
 * an overhead per layer) communication and overhead.
 */
public final class CostChart extends CanvasChart {

    private final List<CostLayout.Piece> segments = new ArrayList<>();
    private CostLayout.Piece hovered;
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

    /** Indices into {@link CostLayout#CAUSES} the legend shows this frame. */
    private List<Integer> shownCauses = List.of(0, 1, 2, 3);

    @Override
    protected void prepare(Evaluation e, double w, double h) {
        String reason = Captions.doesNotFit(e);
        headlineWraps = reason != null
                && measuredWidth(CostLayout.wouldCost(e) + " · " + reason, 1.05, true) > w - 32;
        // The key names the colours a bar shows. While only the batch changes (a drag) a cause once named
        // stays named: a key that changed with every step would redraw the background on every frame.
        List<Integer> seen = CostLayout.shownCauses(e, pins());
        Object scenario = Arrays.asList(e.scenario().withBatchSize(1), pins());
        List<Integer> before = scenario.equals(causesScenario) ? shownCauses : List.of();
        causesScenario = scenario;
        shownCauses = IntStream.range(0, CostLayout.CAUSES.size()).filter(i -> before.contains(i) || seen.contains(i))
                .boxed().toList();
    }

    /** The scenario (but its batch) and the pins the key's causes were gathered for. */
    private Object causesScenario;

    /** Where things go at a size, with this frame's legend and headline. */
    private CostLayout layoutAt(double w, double h) {
        return new CostLayout(w, h, baseFontSize(), measure(), shownCauses, headlineWraps, pins().size() + 1);
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        CostLegend legend = new CostLegend(ink(), layoutAt(w, h));
        CostLayout layout = layoutAt(w, h);
        legend.drawCauses(g);
        legend.drawTitle(g, e, pins(), w);
        if (!pins().isEmpty()) {
            // Beside pins the chart compares scenarios, and the bars need the room the API strip takes.
            return; // grouped bars name their groups as they draw them
        }
        if (layout.stripShown()) {
            new CostRatioStrip(ink(), w, layout.stripY()).drawScale(g, references.getValue(), headlineWraps);
        }
        legend.drawBarNames(g);
    }

    /** Where the bars were last laid out (for tests). */
    public double barAreaWidth() {
        CostLayout.Bars b = layoutAt(drawingWidth(), drawingHeight()).bars();
        return toPixels(b.right() - b.left());
    }

    private final ObservableValue<List<RatioReference>> references;

    public CostChart(ObservableValue<Evaluation> source, ObservableValue<List<RatioReference>> references) {
        super(source, "cost-chart");
        this.references = references;
        setOnMouseMoved(ev -> {
            double x = toDrawing(ev.getX());
            double y = toDrawing(ev.getY());
            CostLayout.Piece now = segments.stream().filter(s -> x >= s.x() && x <= s.x() + Math.max(s.w(), 4)
                    && y >= s.y() && y <= s.y() + s.h()).findFirst().orElse(null);
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
        CostLayout layout = layoutAt(drawingWidth(), drawingHeight());
        if (!pins().isEmpty() || !layout.stripShown()) {
            return null; // beside pins, or short of room, the strip is not drawn
        }
        double px = toDrawing(pixelX);
        double py = toDrawing(pixelY);
        if (Math.abs(py - layout.stripY()) > 10) {
            return null;
        }
        LogScale scale = CostLayout.ratioScale(drawingWidth());
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
    public Point2D tickPosition(RatioReference r) {
        return new Point2D(toPixels(CostLayout.ratioScale(drawingWidth()).toPixelClamped(r.ratio())), toPixels(layoutAt(drawingWidth(), drawingHeight()).stripY()));
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
        CostLayout.Row live = CostLayout.row("Live", null, e, priced);
        PhaseCost.TimeSplit input = live.input();
        PhaseCost.TimeSplit output = live.output();
        double max = Math.max(input.totalSeconds(), output.totalSeconds());
        CostLayout layout = layoutAt(w, h);
        CostLayout.Bars bars = layout.bars();
        LogScale x = LogScale.linear(0, max * 1.0, bars.left(), bars.right());
        drawHeadline(g, e, w);
        g.setGlobalAlpha(infeasible ? 0.35 : 1);
        CostBars barPainter = new CostBars(ink(), layout, segments);
        if (!pins().isEmpty()) {
            barPainter.drawGrouped(g, e, pins(), w);
            g.setGlobalAlpha(1);
            drawCards(g, CostLayout.usdShown(e, pins()), w, h);
            return;
        }

        if (layout.stripShown()) {
            new CostRatioStrip(ink(), w, layout.stripY()).drawMarker(g, ratioShown);
        }
        // The lesson's ring round the end of the output bar, first: the bar and its total go over it.
        if (highlighted(Topic.COST)) {
            double end = bars.left() + Math.max(2, x.toPixel(output.totalSeconds()) - x.toPixel(0));
            g.setGlobalAlpha(1);
            // Just round the bar's end: a larger ring would reach the total and the name above a thin bar.
            double radius = Math.min(18, bars.height() / 2 + 7);
            ring(g, Math.min(end, bars.right() - radius), bars.centre(1), radius);
            g.setGlobalAlpha(infeasible ? 0.35 : 1);
        }
        barPainter.drawLive(g, cost, new PhaseCost.TimeSplit[] {input, output}, x, infeasible);
        g.setGlobalAlpha(1);
        drawCards(g, priced, w, h);
    }

    /**
     * The ratio of output to input cost; a scenario that does not fit has no cost, only the one it would
     * have: said (with why, on a second line when the chart is narrow), and the bars faded.
     */
    private void drawHeadline(ChartPen g, Evaluation e, double w) {
        ratioShown = e.cost().outputToInputRatio();
        Evaluation.MemoryUse memory = e.memory();
        infeasible = !memory.fits();
        String reason = Captions.doesNotFit(e);
        String ratioText = !infeasible ? "output tokens cost " + Units.times(ratioShown) + " input"
                : headlineWraps ? CostLayout.wouldCost(e) : CostLayout.wouldCost(e) + " · " + reason;
        double headlineY = 12 + baseFontSize() * 1.6;
        Color headlineColor = color(infeasible ? ChartColor.WARNING : ChartColor.DECODE);
        headlineShown.clear();
        // A number is never cut ("5.4…" would read as another): fewer words first.
        headlineShown.add(infeasible ? fitted(ratioText, font(1.05, true), w - 32)
                : firstFitting(font(1.05, true), w - 32, ratioText, "output costs " + Units.times(ratioShown) + " input",
                Units.times(ratioShown) + " input"));
        text(g, headlineShown.get(0), 16, headlineY, TextAlignment.LEFT, VPos.TOP, font(1.05, true), headlineColor);
        if (infeasible && headlineWraps) {
            headlineShown.add(fitted(reason, font(0.95, true), w - 32));
            text(g, headlineShown.get(1), 16, headlineY + baseFontSize() * 1.3, TextAlignment.LEFT, VPos.TOP,
                    font(0.95, true), headlineColor);
        }
    }

    /** The hover cards: an API price tick's, or a bar segment's. */
    private void drawCards(ChartPen g, boolean priced, double w, double h) {
        if (hoveredTick != null) {
            card(g, HoverLines.apiRatio(hoveredTick), CostLayout.ratioScale(w).toPixelClamped(hoveredTick.ratio()),
                    layoutAt(w, h).stripY() + 60, w, h);
        }
        if (hovered != null) {
            CostLayout.Piece now = segments.stream().filter(s -> s.bar().equals(hovered.bar())
                    && s.cause().equals(hovered.cause()) && s.scenario() == hovered.scenario()).findFirst().orElse(null);
            hovered = now;
            if (now != null) {
                card(g, HoverLines.costSegment(now.bar(), now.cause(), now.valueText(), priced),
                        now.x() + now.w() / 2, now.y(), w, h);
            }
        }
    }

    /** The row height the grouped bars had at the last draw, in chart pixels (for tests). */
    public double groupedRowHeight() {
        layout();
        return toPixels(layoutAt(drawingWidth(), drawingHeight()).groupedRowHeight(pins().size() + 1));
    }

    @Override
    protected String textAlternative(Evaluation e) {
        return "Prefill versus decode cost chart. " + Explanation.about(List.of(Topic.COST, Topic.COMMUNICATION), e);
    }
}
