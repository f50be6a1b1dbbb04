package lab.roofline.render.paint;

import static lab.roofline.render.paint.ChartInk.firstFitting;
import static lab.roofline.render.paint.ChartInk.fitted;
import static lab.roofline.render.paint.ChartInk.textWidth;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.layout.UtilizationLabels;
import lab.roofline.render.layout.UtilizationTexts;
import lab.roofline.render.pen.ChartPen;

/**
 * The utilization chart's frame of reference: the plot with the memory wall shaded, the grid of batch
 * sizes and percentages, the lines of the efficiency cap, the critical batch and the APIs' implied batches,
 * the frame, the titles and the key to the implied batches.
 */
public final class UtilizationAxes {
    private static final double LEFT = UtilizationLabels.LEFT;
    private static final double RIGHT = UtilizationLabels.RIGHT;
    private static final double TOP = UtilizationLabels.TOP;
    private static final double BOTTOM = UtilizationLabels.BOTTOM;

    /** The key to the implied batches' ticks, longest first: the longest with room is shown. */
    static final List<String> IMPLIED_KEYS = List.of("┆ n× = batch where output costs n× input, as in an API's prices",
            "┆ n× = where output costs n× input, as an API's", "┆ n× = an API's price ratio");

    private final ChartInk ink;
    private final LogScale xScale;
    private final LogScale yScale;
    private final double plotRight;
    private final double plotBottom;

    public UtilizationAxes(ChartInk ink, double w, double h) {
        this.ink = ink;
        this.xScale = UtilizationLabels.x(w);
        this.yScale = UtilizationLabels.y(h);
        this.plotRight = w - RIGHT;
        this.plotBottom = h - BOTTOM;
    }

    /** The plot, and beyond the largest batch that fits, the memory wall, shaded. */
    public void drawPlotAndWall(ChartPen g, Evaluation e) {
        g.setFill(ink.color(ChartColor.PLOT));
        g.fillRect(LEFT, TOP, plotRight - LEFT, plotBottom - TOP);

        // Memory wall: beyond the largest batch that fits, shaded.
        long maxBatch = e.memory().maxBatch();
        if (maxBatch < ScenarioLimits.CURVE_MAX_BATCH) {
            double wallX = maxBatch < 1 ? LEFT : xScale.toPixel(maxBatch);
            g.setFill(ink.color(ChartColor.WARNING).deriveColor(0, 1, 1, 0.12));
            g.fillRect(wallX, TOP, plotRight - wallX, plotBottom - TOP);
            g.setStroke(ink.color(ChartColor.WARNING));
            g.setLineWidth(2);
            g.strokeLine(wallX, TOP, wallX, plotBottom);
        }
    }

    /** Every power of two gets a grid line; labels thin out when they would touch. Percentages up the side. */
    public void drawGrid(ChartPen g) {
        Font tick = ink.font(0.85, false);
        g.setLineWidth(1);
        // Labels thin out (every 2nd, 3rd or 4th power of two) when they would touch their neighbours.
        int labelStep = (int) Math.min(4, Math.ceil((textWidth("4096", tick) + 8) / ((plotRight - LEFT) / 12)));
        for (int k = 0; k <= 12; k++) {
            double x = xScale.toPixel(1L << k);
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(x, TOP, x, plotBottom);
            if (k % labelStep == 0) {
                ink.text(g, Long.toString(1L << k), x, plotBottom + 6, TextAlignment.CENTER, VPos.TOP, tick,
                        ink.color(ChartColor.MUTED));
            }
        }
        // Every 20 %, or on a short chart every 50 % (or only the ends), so the numbers never touch.
        double fifth = Math.abs(yScale.toPixel(0) - yScale.toPixel(20));
        int pctStep = tick.getSize() * 1.2 <= fifth ? 20 : tick.getSize() * 1.2 <= fifth * 2.5 ? 50 : 100;
        for (int pct = 0; pct <= 100; pct += pctStep == 50 ? 10 : 20) {
            if (pct % 20 != 0 && pct % 50 != 0) {
                continue;
            }
            double y = yScale.toPixel(pct);
            g.setStroke(ink.color(ChartColor.GRID));
            g.strokeLine(LEFT, y, plotRight, y);
            if (pct % pctStep == 0) {
                ink.text(g, pct + " %", LEFT - 8, y, TextAlignment.RIGHT, VPos.CENTER, tick, ink.color(ChartColor.MUTED));
            }
        }
    }

    /** The efficiency cap, and the critical batch where the weight matmuls turn compute-bound. */
    public void drawCapAndCriticalBatch(ChartPen g, Evaluation e) {
        // Efficiency cap.
        double cap = e.scenario().computeEfficiency() * 100;
        if (cap < 99.9) {
            double y = yScale.toPixel(cap);
            g.setStroke(ink.color(ChartColor.MUTED));
            g.setLineDashes(6, 4);
            g.strokeLine(LEFT, y, plotRight, y);
            g.setLineDashes();
        }

        // Critical batch: where the weight matmuls turn compute-bound (one definition everywhere).
        double critical = e.criticalBatchNoContext();
        if (!Double.isNaN(critical) && critical <= ScenarioLimits.CURVE_MAX_BATCH) {
            double x = xScale.toPixel(Math.max(1, critical));
            g.setStroke(ink.color(ChartColor.ACCENT));
            g.setLineWidth(1.5);
            g.setLineDashes(4, 4);
            g.strokeLine(x, TOP, x, plotBottom);
            g.setLineDashes();
        }
    }

    /**
     * The line under the title (null: none), in the longest wording that fits; naming the critical batch
     * when its label found no room beside its line. Returns its full wording.
     */
    public String drawSubtitle(ChartPen g, Evaluation e, boolean criticalLabelled, boolean wallLabelled) {
        List<String> wordings = UtilizationTexts.subtitles(e, criticalLabelled, wallLabelled);
        if (wordings.isEmpty()) {
            return null;
        }
        Font small = ink.font(0.85, false);
        ink.text(g, firstFitting(small, plotRight - LEFT, wordings.toArray(String[]::new)), LEFT,
                12 + ink.baseFontSize() * 1.55, TextAlignment.LEFT, VPos.TOP, small, ink.color(ChartColor.ACCENT));
        return wordings.get(0);
    }

    /** Implied batches: where this scenario's output/input cost ratio comes down to a public API's. */
    public void drawImpliedTicks(ChartPen g, List<RatioReference> references) {
        for (RatioReference r : UtilizationLabels.impliedOnChart(references)) {
            double x = xScale.toPixel(r.impliedBatch());
            g.setStroke(ink.color(ChartColor.MUTED).deriveColor(0, 1, 1, 0.6));
            g.setLineWidth(1);
            g.setLineDashes(2, 3);
            g.strokeLine(x, plotBottom - UtilizationLabels.TICK_HEIGHT, x, plotBottom);
            g.setLineDashes();
        }
    }

    /** The frame, the axis titles and the title. */
    public void drawFrameAndTitles(ChartPen g, double h) {
        g.setStroke(ink.color(ChartColor.MUTED));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotRight - LEFT - 1, plotBottom - TOP - 1);
        ink.text(g, firstFitting(ink.font(0.9, false), plotRight - LEFT,
                "Batch size (sequences decoded together, log₂ scale)", "Batch size (sequences, log₂ scale)", "Batch size"),
                (LEFT + plotRight) / 2, h - 6,
                TextAlignment.CENTER, VPos.BOTTOM, ink.font(0.9, false), ink.color(ChartColor.TEXT));
        g.save();
        g.translate(14, (TOP + plotBottom) / 2);
        g.rotate(-90);
        ink.text(g, firstFitting(ink.font(0.9, false), plotBottom - TOP,
                "Compute utilization", "Utilization"), 0, 0, TextAlignment.CENTER,
                VPos.CENTER, ink.font(0.9, false), ink.color(ChartColor.TEXT));
        g.restore();
        ink.text(g, firstFitting(ink.font(1.15, true), plotRight - LEFT, TITLE, "Utilization vs batch size", "Utilization vs batch"), LEFT, 12, TextAlignment.LEFT, VPos.TOP,
                ink.font(1.15, true), ink.color(ChartColor.TEXT));
    }

    private static final String TITLE = "Decode utilization vs batch size";

    /**
     * The dotted ticks need a key: each is the batch at which this scenario's output/input cost ratio falls
     * to a public API's. Beside the title when there is room, else after the subtitle.
     */
    public void drawImpliedKey(ChartPen g, List<RatioReference> references, String subtitle) {
        if (UtilizationLabels.impliedOnChart(references).isEmpty()) {
            return;
        }
        Font key = ink.font(0.8, false);
        double titleRight = LEFT + textWidth(TITLE, ink.font(1.15, true));
        double subtitleRight = LEFT + (subtitle == null ? 0 : textWidth(subtitle, ink.font(0.85, false)));
        // The longest wording with room: beside the title, else after the subtitle.
        boolean impliedKeyShown = false;
        for (String legend : IMPLIED_KEYS) {
            double keyWidth = textWidth(legend, key);
            if (titleRight + 24 + keyWidth <= plotRight) {
                ink.text(g, legend, plotRight, 12 + ink.baseFontSize() * 0.3, TextAlignment.RIGHT, VPos.TOP, key,
                        ink.color(ChartColor.MUTED));
                impliedKeyShown = true;
            } else if (subtitleRight + 24 + keyWidth <= plotRight) {
                ink.text(g, legend, plotRight, 12 + ink.baseFontSize() * 1.6, TextAlignment.RIGHT, VPos.TOP, key,
                        ink.color(ChartColor.MUTED));
                impliedKeyShown = true;
            }
            if (impliedKeyShown) {
                break;
            }
        }
    }
}
