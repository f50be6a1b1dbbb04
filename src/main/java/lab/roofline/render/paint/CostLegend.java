package lab.roofline.render.paint;

import static lab.roofline.render.paint.ChartInk.fitted;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.CostLayout;
import lab.roofline.render.pen.ChartPen;

/** The cost chart's still words: the legend of causes, the title, and the two bars' names. */
public final class CostLegend {
    private final ChartInk ink;
    private final CostLayout layout;

    public CostLegend(ChartInk ink, CostLayout layout) {
        this.ink = ink;
        this.layout = layout;
    }

    /** A swatch and a name for each cause some bar has, wrapping on a narrow chart; none when the bars need the room. */
    public void drawCauses(ChartPen g) {
        if (!layout.legendShown()) {
            return;
        }
        Font legend = ink.font(0.85, false);
        double[][] spots = layout.legendSpots();
        List<Integer> shownCauses = layout.shownCauses();
        for (int k = 0; k < shownCauses.size(); k++) {
            int i = shownCauses.get(k);
            g.setFill(ink.color(CostLayout.CAUSE_COLORS.get(i)));
            g.fillRoundRect(spots[k][0], spots[k][1] - 6, 12, 12, 3, 3);
            ink.text(g, CostLayout.CAUSES.get(i), spots[k][0] + 17, spots[k][1], TextAlignment.LEFT, VPos.CENTER, legend,
                    ink.color(ChartColor.MUTED));
        }
    }

    /** The longest wording with room: why the chart shows time, when it can say so. */
    public void drawTitle(ChartPen g, Evaluation e, List<ChartPin> pins, double w) {
        String[] titles = CostLayout.titles(e, pins);
        String title = titles[titles.length - 1];
        for (int i = titles.length - 1; i >= 0; i--) {
            if (ink.measuredWidth(titles[i], 1.15, true) <= w - 32) {
                title = titles[i];
            }
        }
        ink.text(g, fitted(title, ink.font(1.15, true), w - 32), 16, 12,
                TextAlignment.LEFT, VPos.TOP, ink.font(1.15, true), ink.color(ChartColor.TEXT));
    }

    /** The live scenario's two bars' names: left of them, or above them on a narrow chart. */
    public void drawBarNames(ChartPen g) {
        CostLayout.Bars bars = layout.bars();
        String[] names = {"Input (prefill)", "Output (decode)"};
        for (int i = 0; i < 2; i++) {
            if (bars.compact()) {
                ink.text(g, names[i], bars.left(), bars.top(i) - 4, TextAlignment.LEFT, VPos.BOTTOM, ink.font(0.95, true),
                        ink.color(ChartColor.TEXT));
            } else {
                ink.text(g, names[i], CostLayout.LEFT - 12, bars.centre(i), TextAlignment.RIGHT, VPos.CENTER,
                        ink.font(0.95, true), ink.color(ChartColor.TEXT));
            }
        }
    }
}
