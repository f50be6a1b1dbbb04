package lab.roofline.render.paint;

import static lab.roofline.render.paint.ChartInk.fitted;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.FrontierLayout;
import lab.roofline.render.layout.FrontierTexts;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.pen.ChartPen;

/**
 * The frontier chart's frame of reference: the plot, the band slower than the time-per-output-token limit,
 * the log grid with its numbers, the frame, the axis titles, and the title with the limits and price notes.
 */
public final class FrontierAxes {
    private final ChartInk ink;
    private final FrontierLayout layout;

    public FrontierAxes(ChartInk ink, FrontierLayout layout) {
        this.ink = ink;
        this.layout = layout;
    }

    /** The plot, the band, the grid, the frame and the axis titles. */
    public void drawPlot(ChartPen g, Frontier f, double h) {
        LabelLayout.Box p = layout.plot();
        Font small = ink.font(0.85, false);
        g.setFill(ink.color(ChartColor.PLOT));
        g.fillRect(p.x(), p.y(), p.w(), p.h());
        // Nothing to draw: no shading, ticks or axis titles that would suggest there is (the reasons follow).
        boolean nothing = layout.curves().stream().allMatch(List::isEmpty);
        if (!nothing && layout.infeasibleRightEdge() > p.x()) {
            drawTooSlowBand(g, f, p, small);
        }
        g.setStroke(ink.color(ChartColor.GRID));
        g.setLineWidth(1);
        for (double v : nothing ? List.<Double>of() : FrontierLayout.ticks(layout.x())) {
            double x = layout.x().toPixel(v);
            g.strokeLine(x, p.y(), x, p.y() + p.h());
            ink.text(g, FrontierLayout.tickLabel(v, false), x, p.y() + p.h() + 4, TextAlignment.CENTER, VPos.TOP, small,
                    ink.color(ChartColor.MUTED));
        }
        for (double v : nothing ? List.<Double>of() : FrontierLayout.ticks(layout.y())) {
            double y = layout.y().toPixel(v);
            g.strokeLine(p.x(), y, p.x() + p.w(), y);
            String label = FrontierLayout.tickLabel(v, layout.metric() == FrontierLayout.Metric.COST);
            ink.text(g, label, p.x() - 6, y, TextAlignment.RIGHT, VPos.CENTER, small, ink.color(ChartColor.MUTED));
        }
        g.setStroke(ink.color(ChartColor.MUTED));
        g.strokeRect(p.x(), p.y(), p.w(), p.h());
        ink.text(g, fitted("Tokens/s per user (interactivity) →", small, p.w()), p.x() + p.w() / 2, h - 6,
                TextAlignment.CENTER, VPos.BOTTOM, small, ink.color(ChartColor.MUTED));
        g.save();
        g.translate(ink.baseFontSize() * 1.0, p.y() + p.h() / 2);
        g.rotate(-90);
        ink.text(g, fitted(layout.metric().title() + (layout.metric() == FrontierLayout.Metric.COST ? " ↓ cheaper" : " ↑"),
                small, p.h()), 0, 0, TextAlignment.CENTER, VPos.CENTER, small, ink.color(ChartColor.MUTED));
        g.restore();
    }

    /** The band slower than the TPOT limit: users there get fewer tokens/s than promised. */
    private void drawTooSlowBand(ChartPen g, Frontier f, LabelLayout.Box p, Font small) {
        g.setFill(ink.color(ChartColor.INFEASIBLE));
        g.fillRect(p.x(), p.y(), layout.infeasibleRightEdge() - p.x(), p.h());
        g.setStroke(ink.color(ChartColor.WARNING));
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        g.strokeLine(layout.infeasibleRightEdge(), p.y(), layout.infeasibleRightEdge(), p.y() + p.h());
        g.setLineDashes();
        double room = layout.infeasibleRightEdge() - p.x() - 8;
        for (String why : new String[] {"slower than " + Units.seconds(f.settings().tpotSeconds()) + " a token",
                "slower than the limit", "too slow"}) {
            if (ink.measuredWidth(why, 0.85, false) <= room) {
                ink.text(g, why, layout.infeasibleRightEdge() - 6, p.y() + 6, TextAlignment.RIGHT, VPos.TOP, small,
                        ink.color(ChartColor.WARNING));
                break;
            }
        }
    }

    /** The title (the longest wording with room), the limits, and which curves are priced from the rental table. */
    public void drawTitles(ChartPen g, Frontier f, double w) {
        Font small = ink.font(0.85, false);
        Font title = ink.font(1.15, true);
        String[] titles = FrontierTexts.titles(layout.metric());
        String shown = titles[titles.length - 1];
        for (int i = titles.length - 1; i >= 0; i--) {
            if (ink.measuredWidth(titles[i], 1.15, true) <= w - 32) {
                shown = titles[i];
            }
        }
        ink.text(g, fitted(shown, title, w - 32), 16, 10, TextAlignment.LEFT, VPos.TOP, title, ink.color(ChartColor.TEXT));
        ink.text(g, fitted(FrontierTexts.subtitle(f), small, w - 32), 16, 10 + ink.baseFontSize() * 1.5, TextAlignment.LEFT,
                VPos.TOP, small, ink.color(ChartColor.MUTED));
        String priced = FrontierTexts.priceNotes(f);
        if (!priced.isEmpty()) {
            ink.text(g, fitted(priced, small, w - 32), 16, 10 + ink.baseFontSize() * 2.8, TextAlignment.LEFT, VPos.TOP,
                    small, ink.color(ChartColor.WARNING));
        }
    }
}
