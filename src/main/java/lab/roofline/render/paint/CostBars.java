package lab.roofline.render.paint;

import static lab.roofline.render.paint.ChartInk.fitted;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Units;
import lab.roofline.render.layout.ChartColor;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.CostLayout;
import lab.roofline.render.layout.LogScale;
import lab.roofline.render.pen.ChartPen;

/**
 * The cost chart's bars, each split by cause: the live scenario's input and output bars with their totals,
 * or beside pins a bar per scenario in each phase's group. Every piece drawn is added to {@code pieces},
 * so the chart can say what is under the mouse.
 */
public final class CostBars {
    private static final String[] NAMES = {"Input (prefill)", "Output (decode)"};

    private final ChartInk ink;
    private final CostLayout layout;
    private final List<CostLayout.Piece> pieces;

    public CostBars(ChartInk ink, CostLayout layout, List<CostLayout.Piece> pieces) {
        this.ink = ink;
        this.layout = layout;
        this.pieces = pieces;
    }

    /**
     * The live scenario's two bars on the scale {@code x}, each with its total: beside its name on a narrow
     * chart, inside its end when the bar is long, else after it.
     */
    public void drawLive(ChartPen g, Evaluation.Cost cost, PhaseCost.TimeSplit[] splits, LogScale x, boolean infeasible) {
        boolean priced = cost.hasPrice();
        CostLayout.Bars bars = layout.bars();
        double barH = bars.height();
        for (int i = 0; i < 2; i++) {
            double cy = bars.centre(i);
            double y = bars.top(i);
            double cursor = bars.left();
            PhaseCost.TimeSplit s = splits[i];
            cursor = causeSegments(g, NAMES[i], s, cursor, y, barH, x, priced, 0);
            String total = CostLayout.value(s.totalSeconds(), priced) + (priced ? " / 1M" : " / token");
            double totalWidth = ink.measuredWidth(total, 1.0, true);
            if (bars.compact() && ink.measuredWidth(NAMES[i], 0.95, true) + totalWidth + 16 <= bars.right() - bars.left()) {
                // Beside the bar's name, above it.
                ink.text(g, total, bars.right(), y - 4, TextAlignment.RIGHT, VPos.BOTTOM, ink.font(1.0, true),
                        ink.color(ChartColor.TEXT));
            } else if (bars.compact() && cursor + 10 + totalWidth > bars.right()) {
                // A long bar in a narrow chart: the total inside its end, in the plot's colour on a solid bar,
                // in the text colour (unfaded) on a faded one, where light text would not read.
                g.setGlobalAlpha(1);
                ink.text(g, total, cursor - 6, cy, TextAlignment.RIGHT, VPos.CENTER, ink.font(1.0, true),
                        ink.color(infeasible ? ChartColor.TEXT : ChartColor.PLOT));
                g.setGlobalAlpha(infeasible ? 0.35 : 1);
            } else {
                ink.text(g, total, Math.max(cursor, bars.left() + 2) + 10, cy, TextAlignment.LEFT, VPos.CENTER,
                        ink.font(1.0, true), ink.color(ChartColor.TEXT));
            }
        }
    }

    /** The live scenario beside the pins: bars grouped by phase, one per scenario, named in a column. */
    public void drawGrouped(ChartPen g, Evaluation e, List<ChartPin> pins, double w) {
        boolean usd = CostLayout.usdShown(e, pins);
        List<CostLayout.Row> rows = CostLayout.rows(e, pins);
        int n = rows.size();
        double top = layout.groupedTop();
        double groupHeight = layout.groupHeight();
        double header = ink.baseFontSize() * 1.3;
        double rowH = layout.groupedRowHeight(n);
        double barH = Math.max(2, Math.min(28, rowH - 4));
        double textScale = Math.max(0.62, Math.min(0.9, rowH / (ink.baseFontSize() * 1.25)));
        // Each bar's scenario by name (shortened to a third of the chart), as the other charts' keys name it.
        double labelColumn = ink.measuredWidth("Live", textScale, true);
        for (CostLayout.Row r : rows.subList(1, n)) {
            labelColumn = Math.max(labelColumn, ink.measuredWidth(r.style().glyph() + " " + r.name(), textScale, true));
        }
        labelColumn = Math.min(labelColumn, Math.max(CostLayout.LEFT - 28, w * 0.3));
        double barsLeft = 16 + labelColumn + 8;
        double barsRight = layout.compact() ? w - CostLayout.RIGHT : w - CostLayout.RIGHT - CostLayout.TOTAL_LABEL_WIDTH;
        double max = 0;
        for (CostLayout.Row r : rows) {
            max = Math.max(max, Math.max(r.input().totalSeconds(), r.output().totalSeconds()));
        }
        LogScale x = LogScale.linear(0, max > 0 ? max : 1, barsLeft, barsRight);
        for (int group = 0; group < 2; group++) {
            double groupTop = top + group * groupHeight;
            g.setGlobalAlpha(1);
            ink.text(g, NAMES[group], 16, groupTop, TextAlignment.LEFT, VPos.TOP, ink.font(0.95, true),
                    ink.color(ChartColor.TEXT));
            double first = (group == 0 ? rows.get(0).input() : rows.get(0).output()).totalSeconds();
            for (int k = 0; k < n; k++) {
                double y = groupTop + header + k * rowH + (rowH - barH) / 2;
                drawGroupedRow(g, rows.get(k), k, group, first, y, barH, x, usd, textScale, labelColumn, barsLeft, w);
            }
        }
    }

    /** One scenario's bar in a group: its name, its pieces, its total and its ratio to the live one's. */
    private void drawGroupedRow(ChartPen g, CostLayout.Row r, int k, int group, double first, double y, double barH,
                                LogScale x, boolean usd, double textScale, double labelColumn, double barsLeft, double w) {
        Font rowFont = ink.font(textScale, true);
        PhaseCost.TimeSplit s = group == 0 ? r.input() : r.output();
        double cy = y + barH / 2;
        Color labelColor = r.style() == null ? ink.color(ChartColor.TEXT) : ink.color(r.style().color());
        String label = r.style() == null ? "Live" : fitted(r.style().glyph() + " " + r.name(), rowFont, labelColumn);
        g.setGlobalAlpha(1);
        ink.text(g, label, barsLeft - 8, cy, TextAlignment.RIGHT, VPos.CENTER, rowFont, labelColor);
        g.setGlobalAlpha(r.fits() ? 1 : 0.35);
        String bar = NAMES[group] + (k == 0 ? "" : " · " + r.name());
        double cursor = barsLeft;
        cursor = causeSegments(g, bar, s, cursor, y, barH, x, usd, k);
        String value = CostLayout.value(s.totalSeconds(), usd);
        String ratio = k > 0 && first > 0 && Double.isFinite(s.totalSeconds() / first)
                ? "  " + Units.times(s.totalSeconds() / first) : "";
        String would = r.fits() ? "" : "would be ";
        // The longest wording with room, after the bar or inside its end: the unit goes first, then the ratio,
        // so a narrow chart shows "$20.53", never "$..".
        List<String> wordings = List.of(would + value + (usd ? " / 1M" : " / token") + ratio, would + value + ratio,
                would + value); // a scenario that does not fit keeps its "would be" in every wording
        g.setGlobalAlpha(1);
        for (String total : wordings) {
            double totalWidth = ink.measuredWidth(total, textScale, true);
            if (cursor + 8 + totalWidth <= w - 4) {
                ink.text(g, total, cursor + 8, cy, TextAlignment.LEFT, VPos.CENTER, rowFont, ink.color(ChartColor.TEXT));
                return;
            }
            if (cursor - barsLeft >= totalWidth + 12) {
                // A long bar in a narrow chart: the total inside its end (light on a solid bar, dark on a faded one).
                ink.text(g, total, cursor - 6, cy, TextAlignment.RIGHT, VPos.CENTER, rowFont,
                        ink.color(r.fits() ? ChartColor.PLOT : ChartColor.TEXT));
                return;
            }
        }
        // No room either side: after the bar, shortened (never over the scenario's name).
        ink.text(g, fitted(would + value, rowFont, Math.max(0, w - 4 - cursor - 8)), cursor + 8, cy, TextAlignment.LEFT,
                VPos.CENTER, rowFont, ink.color(ChartColor.TEXT));
    }

    /** A bar's segments, cause by cause, from {@code cursor}; returns where the bar ends. */
    private double causeSegments(ChartPen g, String bar, PhaseCost.TimeSplit s, double cursor, double y, double barH,
                                 LogScale x, boolean priced, int scenario) {
        double[] values = CostLayout.byCause(s);
        for (int i = 0; i < CostLayout.CAUSES.size(); i++) {
            cursor = segment(g, bar, CostLayout.CAUSES.get(i), values[i], ink.color(CostLayout.CAUSE_COLORS.get(i)),
                    cursor, y, barH, x, priced, scenario);
        }
        return cursor;
    }

    private double segment(ChartPen g, String bar, String cause, double value, Color color, double cursor,
                           double y, double barH, LogScale x, boolean priced, int scenario) {
        if (!(value > 0)) {
            return cursor;
        }
        double width = Math.max(2, x.toPixel(value) - x.toPixel(0));
        g.setFill(color);
        g.fillRect(cursor, y, width, barH);
        pieces.add(new CostLayout.Piece(bar, cause, value, CostLayout.value(value, priced), cursor, y, width, barH,
                scenario));
        return cursor + width;
    }
}
