package lab.roofline.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.Evaluation;
import lab.roofline.engine.PhaseCost;
import lab.roofline.engine.RatioReference;
import lab.roofline.engine.Units;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.HoverLines;

/**
 * Cost per million input and output tokens (GPU time per token when no price is known), each bar
 * split by cause: reading weights, KV-cache traffic, activations, compute.
 */
public final class CostChart extends CanvasChart {
    private static final double LEFT = 132;
    private static final double RIGHT = 28;
    private static final double TOP = 128; // below the ratio strip and its decade labels (to y 112)
    private static final double BOTTOM = 62;

    private final List<Segment> segments = new ArrayList<>();
    private Segment hovered;
    private double ratioShown = Double.NaN;

    /** One coloured piece of a bar. */
    public record Segment(String bar, String cause, double value, String valueText, double x, double y, double w,
                          double h) {
    }

    /** The legend and the axis names depend only on the size and whether a price is known. */
    @Override
    protected Object backgroundKey(Evaluation e) {
        return List.of(e.cost().hasPrice(), references.getValue());
    }

    @Override
    protected void drawBackground(ChartPen g, Evaluation e, double w, double h) {
        String[] causes = {"Reading weights", "KV-cache traffic", "Activations", "Compute"};
        Color[] colors = {color(ChartColor.WEIGHTS), color(ChartColor.KV), color(ChartColor.ACTIVATIONS), color(ChartColor.COMPUTE)};
        double lx = 16;
        double ly = h - 40;
        Font legend = font(0.85, false);
        for (int i = 0; i < causes.length; i++) {
            double itemWidth = 17 + textWidth(causes[i], legend) + 22;
            if (lx + itemWidth > w - 8 && lx > 16) {
                lx = 16;
                ly += baseFontSize() * 1.5;
            }
            g.setFill(colors[i]);
            g.fillRoundRect(lx, ly - 6, 12, 12, 3, 3);
            text(g, causes[i], lx + 17, ly, TextAlignment.LEFT, VPos.CENTER, legend, color(ChartColor.MUTED));
            lx += itemWidth;
        }
        text(g, fitted(e.cost().hasPrice() ? "Cost per million tokens" : "GPU time per token (no price known)",
                        font(1.15, true), w - 32), 16, 12,
                TextAlignment.LEFT, VPos.TOP, font(1.15, true), color(ChartColor.TEXT));
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

    Bars bars(double w, double h) {
        double barArea = h - TOP - BOTTOM;
        double[] centres = {TOP + barArea * 0.25, TOP + barArea * 0.75};
        boolean compact = w - RIGHT - TOTAL_LABEL_WIDTH - LEFT < w * 0.5;
        double height = Math.min(54, barArea / 2 * (compact ? 0.5 : 0.62));
        if (compact) {
            // Room above each bar for its name and total.
            for (int i = 0; i < 2; i++) {
                centres[i] += baseFontSize() * 0.6;
            }
            return new Bars(true, 16, w - RIGHT, height, centres);
        }
        return new Bars(false, LEFT, w - RIGHT - TOTAL_LABEL_WIDTH, height, centres);
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

    /** The ratio printed on the chart at the last draw. */
    public double ratioShown() {
        layout();
        return ratioShown;
    }

    /** The bars' pieces at the last draw, in chart pixels. */
    public List<Segment> segments() {
        layout();
        return segments.stream().map(s -> new Segment(s.bar(), s.cause(), s.value(), s.valueText(), toPixels(s.x()),
                toPixels(s.y()), toPixels(s.w()), toPixels(s.h()))).toList();
    }

    @Override
    protected void draw(ChartPen g, Evaluation e, double w, double h) {
        segments.clear();
        Evaluation.Cost cost = e.cost();
        boolean priced = cost.hasPrice();
        PhaseCost.TimeSplit input = e.costByCause().input();
        PhaseCost.TimeSplit output = e.costByCause().output();
        double max = Math.max(input.totalSeconds(), output.totalSeconds());
        Bars bars = bars(w, h);
        LogScale x = LogScale.linear(0, max * 1.0, bars.left(), bars.right());

        ratioShown = cost.outputToInputRatio();
        Evaluation.MemoryUse memory = e.memory();
        infeasible = !memory.fits();
        // A scenario that does not fit has no cost, only the one it would have: said, and the bars faded.
        String ratioText = infeasible
                ? "would cost " + Units.times(ratioShown) + " input · " + lab.roofline.explain.Captions.doesNotFit(e)
                : "output tokens cost " + Units.times(ratioShown) + " input";
        text(g, fitted(ratioText, font(1.05, true), w - 32), 16, 12 + baseFontSize() * 1.6, TextAlignment.LEFT, VPos.TOP, font(1.05, true),
                color(infeasible ? ChartColor.WARNING : ChartColor.DECODE));
        g.setGlobalAlpha(infeasible ? 0.35 : 1);

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
            cursor = segment(g, names[i], "Reading weights", s.weightSeconds(), color(ChartColor.WEIGHTS), cursor, y, barH, x, priced);
            cursor = segment(g, names[i], "KV-cache traffic", s.kvCacheSeconds(), color(ChartColor.KV), cursor, y, barH, x, priced);
            cursor = segment(g, names[i], "Activations", s.activationSeconds(), color(ChartColor.ACTIVATIONS), cursor, y, barH, x, priced);
            cursor = segment(g, names[i], "Compute", s.computeSeconds(), color(ChartColor.COMPUTE), cursor, y, barH, x, priced);
            String total = value(s.totalSeconds(), priced) + (priced ? " / 1M" : " / token");
            double totalWidth = textWidth(total, font(1.0, true));
            if (bars.compact() && textWidth(names[i], font(0.95, true)) + totalWidth + 16 <= bars.right() - bars.left()) {
                // Beside the bar's name, above it.
                text(g, total, bars.right(), y - 4, TextAlignment.RIGHT, VPos.BOTTOM, font(1.0, true),
                        color(ChartColor.TEXT));
            } else if (bars.compact() && cursor + 10 + totalWidth > bars.right()) {
                // A long bar in a narrow chart: the total inside its end, in the plot's colour.
                text(g, total, cursor - 6, cy, TextAlignment.RIGHT, VPos.CENTER, font(1.0, true),
                        color(ChartColor.PLOT));
            } else {
                text(g, total, Math.max(cursor, bars.left() + 2) + 10, cy, TextAlignment.LEFT, VPos.CENTER,
                        font(1.0, true), color(ChartColor.TEXT));
            }
        }


        g.setGlobalAlpha(1);

        if (hoveredTick != null) {
            card(g, HoverLines.apiRatio(hoveredTick), ratioScale(w).toPixelClamped(hoveredTick.ratio()), STRIP_Y + 60, w, h);
        }
        if (hovered != null) {
            Segment now = segments.stream().filter(s -> s.bar.equals(hovered.bar) && s.cause.equals(hovered.cause))
                    .findFirst().orElse(null);
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
        if (!references.getValue().isEmpty()) {
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
        if (!(value > 0)) {
            return cursor;
        }
        double width = Math.max(2, x.toPixel(value) - x.toPixel(0));
        g.setFill(color);
        g.fillRect(cursor, y, width, barH);
        segments.add(new Segment(bar, cause, value, value(value, priced), cursor, y, width, barH));
        return cursor + width;
    }

    private static String value(double v, boolean priced) {
        return priced ? Units.usd(v) : Units.seconds(v);
    }
}
