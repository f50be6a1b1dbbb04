package lab.roofline.render.layout;

import lab.roofline.engine.roofline.Units;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.layout.LabelLayout.Style;

/**
 * The key that tells the live scenario from the pinned ones: a row each, a sample of its line with its
 * marker, then its name. Laid out here (pure, for tests); a chart draws it and keeps its labels off it.
 *
 * @param box  where the key goes, its backing included
 * @param rows the live scenario first (style null), then each pin
 */
public record PinKey(Box box, List<Row> rows) {
    public static final Style TEXT = new Style(0.82, false, ChartColor.TEXT);
    /** The line sample's length, and the room around the rows. */
    public static final double SAMPLE = 30;
    static final double INSET = 6;

    /**
     * A row: its text as shown (shortened to fit), its style (null: the live scenario), its centre line, and
     * where its line sample starts (the key's second column, when it has one, starts further right).
     */
    public record Row(String text, PinStyle style, double centreY, double sampleLeft) {
        public double textLeft() {
            return sampleLeft + INSET + SAMPLE;
        }
    }

    /**
     * The key for the pins, or null when nothing is pinned or a useful key has no room in the plot. It is anchored at a corner of the plot
     * ({@code right}/{@code bottom} choose which) and never wider than {@code maxWidth}: names are
     * shortened with an ellipsis first.
     */
    public static PinKey of(List<ChartPin> pins, String liveText, Box plot, boolean right, boolean bottom,
                            double maxWidth, LabelLayout.TextMeasure measure, double fontPx) {
        return of(pins, null, liveText, plot, right, bottom, maxWidth, measure, fontPx);
    }

    /**
     * As above; a pin whose scenario is the live one's ({@code live}, may be null) says so: its marks are
     * under the live ones.
     */
    public static PinKey of(List<ChartPin> pins, Scenario live, String liveText, Box plot,
                            boolean right, boolean bottom, double maxWidth, LabelLayout.TextMeasure measure,
                            double fontPx) {
        if (pins.isEmpty()) {
            return null;
        }
        double size = fontPx * TEXT.fontScale();
        double rowHeight = size * 1.45;
        double margin = 8;
        // A key taller than the plot (four pins on a short, zoomed chart) takes two columns, never the title's room.
        int columns = (pins.size() + 1) * rowHeight + INSET > plot.h() - 2 * margin ? 2 : 1;
        int perColumn = (pins.size() + columns) / columns;
        double textRoom = (maxWidth - INSET) / columns - 2 * INSET - SAMPLE;
        if (textRoom < size * 4 || perColumn * rowHeight + INSET > plot.h() - 2 * margin) {
            return null; // names cut to "2…", or a key over the axes: the key gives way (the pins' marks keep their glyphs)
        }
        List<String> texts = new ArrayList<>();
        texts.add(fit(liveText, textRoom, measure, size));
        // A pin that does not fit is drawn faded: its key says why.
        // The whole name where the key has room (a 1920-wide export), shortened to the room only where it has not.
        pins.forEach(p -> texts.add(fit(Units.oneLine(p.name()) + (p.evaluation().scenario().equals(live) ? " (= live)"
                : p.evaluation().memory().fits() ? "" : " (does not fit)"), textRoom, measure, size)));
        double textWidth = texts.stream().mapToDouble(t -> measure.width(t, size, false)).max().orElse(0);
        double columnWidth = 2 * INSET + SAMPLE + textWidth;
        double w = INSET + columns * columnWidth;
        double h = perColumn * rowHeight + INSET;
        double x = right ? plot.right() - margin - w : plot.x() + margin;
        double y = bottom ? plot.bottom() - margin - h : plot.y() + margin;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(new Row(texts.get(i), i == 0 ? null : pins.get(i - 1).style(),
                    y + INSET / 2 + (i % perColumn + 0.5) * rowHeight, x + INSET + (i / perColumn) * columnWidth));
        }
        return new PinKey(new Box(x, y, w, h), List.copyOf(rows));
    }

    /**
     * The first of the candidate keys that crosses none of the lines (polylines as x, y arrays) and covers
     * no mark; the first candidate when every one does. A key never hides a roof or a curve it can avoid.
     */
    public static PinKey clearOf(List<PinKey> candidates, List<double[][]> lines, List<Box> marks) {
        for (PinKey key : candidates) {
            if (key != null && clear(LabelLayout.padded(key.box()), lines, marks)) {
                return key;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static boolean clear(Box box, List<double[][]> lines, List<Box> marks) {
        if (marks.stream().anyMatch(box::overlaps)) {
            return false;
        }
        for (double[][] line : lines) {
            double[] xs = line[0];
            double[] ys = line[1];
            for (int i = 0; i + 1 < xs.length; i++) {
                double length = Math.hypot(xs[i + 1] - xs[i], ys[i + 1] - ys[i]);
                int steps = (int) Math.max(1, Math.min(4000, Math.ceil(length / 2)));
                for (int k = 0; k <= steps && Double.isFinite(length); k++) {
                    double x = xs[i] + (xs[i + 1] - xs[i]) * k / steps;
                    double y = ys[i] + (ys[i + 1] - ys[i]) * k / steps;
                    if (x >= box.x() && x <= box.right() && y >= box.y() && y <= box.bottom()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The text, shortened with an ellipsis to a width. */
    static String fit(String text, double width, LabelLayout.TextMeasure measure, double sizePx) {
        return TextFitting.fitted(text, width, t -> measure.width(t, sizePx, false));
    }

}
