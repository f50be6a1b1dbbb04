package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a chart's labels so that none overlaps another label or a marker and none leaves the plot.
 * Labels are placed most important first; each tries its candidate spots in order (the preferred side,
 * then the other side, above, below, further away with a leader line) and takes the first free one. A
 * label with no free spot is dropped, and recorded as dropped: the least important go first because
 * they are placed last. Pure arithmetic over boxes, no toolkit: tests ask it directly.
 */
public final class LabelLayout {
    /** An axis-aligned box in chart units. */
    public record Box(double x, double y, double w, double h) {
        public double right() {
            return x + w;
        }

        public double bottom() {
            return y + h;
        }

        public boolean overlaps(Box o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }

        public boolean inside(Box o) {
            return x >= o.x - 1e-9 && y >= o.y - 1e-9 && right() <= o.right() + 1e-9 && bottom() <= o.bottom() + 1e-9;
        }

        /** A box of this size around a centre point. */
        public static Box around(double cx, double cy, double w, double h) {
            return new Box(cx - w / 2, cy - h / 2, w, h);
        }
    }

    /** How a label looks: its font relative to the chart's, bold or not, and its colour token. */
    public record Style(double fontScale, boolean bold, ChartColor color) {
    }

    /** A placed label: its text, box (the text's, without padding), style and, when moved away, the point its leader line goes to. */
    public record Label(String id, String text, Box box, Style style, double[] leaderTo) {
        public boolean hasLeader() {
            return leaderTo != null;
        }
    }

    /** A candidate spot: the text box's top-left corner, and whether it is far enough to need a leader line. */
    public record Spot(double x, double y, boolean leader) {
        public static Spot at(double x, double y) {
            return new Spot(x, y, false);
        }
    }

    /** Width of a string at a pixel size; the chart measures with its font, tests with the same font via AWT. */
    @FunctionalInterface
    public interface TextMeasure {
        double width(String text, double sizePx, boolean bold);
    }

    /** Room kept around every label's text (its backing box) so neighbours never touch. */
    public static final double PADDING = 3;

    private final Box bounds;
    private final TextMeasure measure;
    private final double fontPx;
    private final List<Box> obstacles = new ArrayList<>();
    /** Where moving markers may go: kept free by the labels laid out once, ignored by those placed per frame. */
    private final List<Box> reserved = new ArrayList<>();
    private boolean avoidReserved = true;
    private final List<Box> faint = new ArrayList<>();
    private boolean avoidFaint;
    private final LeaderLines leaders = new LeaderLines();
    /** Whether a spot must keep its leader off other labels and its box off other leaders (a first choice). */
    private boolean avoidLeaders;
    private final List<Box> taken = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    /** In a per-frame copy: how many of the first labels were laid out once, and may give way to a must-show one. */
    private int evictable;

    /**
     * @param bounds where labels may go (the plot)
     * @param fontPx the chart's base font size, which styles scale
     */
    public LabelLayout(Box bounds, TextMeasure measure, double fontPx) {
        this.bounds = bounds;
        this.measure = measure;
        this.fontPx = fontPx;
    }

    /** A marker (a point, a dot) that no label may cover. */
    public void obstacle(Box box) {
        obstacles.add(box);
    }

    /**
     * A marker that arrives after labels were placed (one that moves with the slider, over labels laid out
     * once): labels it would cover are taken away, recorded as dropped, and it becomes an obstacle.
     */
    public void obstacleOver(Box box) {
        List<String> covered = new ArrayList<>();
        for (int i = labels.size() - 1; i >= 0; i--) {
            if (taken.get(i).overlaps(box)) {
                covered.add(labels.get(i).id());
                dropped.add(labels.get(i).id());
                labels.remove(i);
                taken.remove(i);
                if (i < evictable) {
                    evictable--;
                }
            }
        }
        obstacles.add(box);
        // A label that must show moves out of the marker's way instead (a roof's label under a point).
        covered.forEach(this::placeAgain);
    }

    /** How deep a chain of labels moving each other goes: a label moved moves at most one more. */
    private int moving;

    /**
     * Places a must-show still label again after it gave way. It stays a still label (one this frame's own
     * labels may still displace), and a chain of moves stops after two.
     */
    private void placeAgain(String id) {
        MustShow m = mustShow.get(id);
        if (m == null) {
            return;
        }
        // Two moves deep, the label takes only a free place (anywhere near, with a leader): it moves nothing more,
        // so the chain ends, but it is not lost for want of a third move.
        boolean wasEvicting = evicting;
        evicting = moving < 2;
        moving++;
        try {
            dropped.remove(id);
            Label label = place(id, m.text(), m.style(), m.anchor(), m.spots(), true);
            int at = labels.indexOf(label);
            if (label != null && at >= evictable) {
                labels.add(evictable, labels.remove(at));
                taken.add(evictable, taken.remove(at));
                evictable++;
            }
        } finally {
            moving--;
            evicting = wasEvicting;
        }
    }

    /** Whether a must-show label may take still labels' places (not at the end of a chain of moves). */
    private boolean evicting = true;

    /** How a must-show label was asked for: enough to place it again when a marker covers it. */
    private record MustShow(String text, Style style, double[] anchor, List<Spot> spots) {
    }

    private final Map<String, MustShow> mustShow = new HashMap<>();

    /**
     * A line the labels placed from now on keep off, with room for a marker of the given radius anywhere on
     * it: where markers that move along it (with the slider) can go, so labels laid out once stay clear of
     * them. Labels placed in a {@link #copy} (per frame, beside the moving markers) may use it.
     */
    public void reserveAlong(double[] xs, double[] ys, double radius) {
        reserved.addAll(LabelSpots.along(xs, ys, radius));
    }

    /** A faint line (a dashed roof) as the thin box it covers: kept off where a spot allows, never a reason to drop. */
    public void faintLine(Box line) {
        faint.add(line);
    }

    /** A copy to place more labels in, leaving this one as it is (a layout cached between frames). */
    public LabelLayout copy() {
        LabelLayout c = new LabelLayout(bounds, measure, fontPx);
        c.obstacles.addAll(obstacles);
        c.taken.addAll(taken);
        c.labels.addAll(labels);
        c.dropped.addAll(dropped);
        c.mustShow.putAll(mustShow);
        c.reserved.addAll(reserved);
        c.faint.addAll(faint);
        c.leaders.addAll(leaders);
        c.avoidReserved = false;
        c.evictable = labels.size();
        return c;
    }

    /**
     * The spots whose box keeps off the reserved lines (the roof, the decode path): a per-frame banner
     * tries these first, so it hides no line where it need not.
     */
    public List<Spot> offReserved(List<Spot> spots, double w, double h) {
        return spots.stream().filter(s -> {
            Box padded = padded(new Box(s.x(), s.y(), w, h));
            return reserved.stream().noneMatch(padded::overlaps);
        }).toList();
    }

    public double width(String text, Style style) {
        return measure.width(text, fontPx * style.fontScale(), style.bold());
    }

    public double height(Style style) {
        return fontPx * style.fontScale() * 1.2;
    }

    /**
     * Places a label at its first free spot, or drops it.
     *
     * @param anchor the point a leader line goes to when a leader spot is taken (may be null)
     * @return the label, or null when no spot was free
     */
    public Label place(String id, String text, Style style, double[] anchor, List<Spot> spots) {
        return place(id, text, style, anchor, spots, false);
    }

    /**
     * As {@link #place(String, String, Style, double[], List)}; with {@code mustShow}, a label none of whose
     * spots is free then tries {@link #anywhereNear} its anchor (built only then: it is a few thousand spots),
     * and in a per-frame copy finally takes the place of still labels ({@link #placeEvicting}).
     */
    public Label place(String id, String text, Style style, double[] anchor, List<Spot> spots, boolean mustShow) {
        if (mustShow) {
            this.mustShow.put(id, new MustShow(text, style, anchor, List.copyOf(spots)));
        }
        double w = width(text, style);
        double h = height(style);
        Label label = tryPlaceOffFaint(id, text, style, anchor, spots, w, h);
        if (label == null && mustShow) {
            // Near its point, or near where it wanted to be when it has none (a banner).
            double[] near = anchor != null ? anchor : spots.isEmpty()
                    ? new double[] {bounds.x() + bounds.w() / 2, bounds.y() + h}
                    : new double[] {spots.get(0).x() + w / 2, spots.get(0).y() + h / 2};
            List<Spot> grid = anywhereNear(near[0], near[1], w, h);
            // Close by first, even if a still label must give way; only then anywhere, with a long leader.
            double reach = Math.max(w, 6 * h);
            List<Spot> close = grid.stream().filter(s -> Math.hypot(s.x() + w / 2 - near[0],
                    s.y() + h / 2 - near[1]) <= reach).toList();
            label = tryPlaceOffFaint(id, text, style, anchor, close, w, h);
            if (label == null && evicting && evictable > 0) {
                List<Spot> all = new ArrayList<>(spots);
                all.addAll(close);
                label = placeEvicting(id, text, style, anchor, all, w, h);
            }
            if (label == null) {
                label = tryPlaceOffFaint(id, text, style, anchor, grid, w, h);
            }
            if (label == null && evicting && evictable > 0) {
                List<Spot> all = new ArrayList<>(spots);
                all.addAll(grid);
                label = placeEvicting(id, text, style, anchor, all, w, h);
            }
            if (label == null && avoidReserved) {
                // Laid out once, it may still sit where markers travel: one that comes by later takes it
                // away for that frame (obstacleOver) rather than it never showing.
                avoidReserved = false;
                List<Spot> all = new ArrayList<>(spots);
                all.addAll(grid);
                label = tryPlace(id, text, style, anchor, all, w, h);
                avoidReserved = true;
            }
        }
        if (label == null) {
            dropped.add(id);
        }
        return label;
    }

    /** Places a label at its first free spot, or returns null and records nothing (a caller with a shorter wording to try). */
    public Label placeIfFree(String id, String text, Style style, List<Spot> spots) {
        return tryPlaceOffFaint(id, text, style, null, spots, width(text, style), height(style));
    }

    /** The first free spot off the faint lines and the leaders, then off the leaders, else the first free one. */
    private Label tryPlaceOffFaint(String id, String text, Style style, double[] anchor, List<Spot> spots, double w,
                                   double h) {
        Label off = null;
        for (int pass = faint.isEmpty() ? 1 : 0; pass < 3 && off == null; pass++) {
            avoidFaint = pass == 0;
            avoidLeaders = pass < 2;
            off = tryPlace(id, text, style, anchor, spots, w, h);
        }
        avoidFaint = avoidLeaders = false;
        return off;
    }

    /**
     * A label that must show, in a per-frame copy with no free spot: it takes the spot that covers the
     * fewest labels laid out once (less important than it: they were placed for any frame, it for this
     * one), and those are dropped for this frame. Markers and this frame's other labels still win.
     */
    private Label placeEvicting(String id, String text, Style style, double[] anchor, List<Spot> spots, double w,
                                double h) {
        Spot best = null;
        int fewest = Integer.MAX_VALUE;
        for (Spot spot : spots) {
            Box padded = padded(new Box(spot.x(), spot.y(), w, h));
            if (!padded.inside(bounds) || obstacles.stream().anyMatch(padded::overlaps)) {
                continue;
            }
            int covered = 0;
            boolean blocked = false;
            for (int i = 0; i < taken.size() && !blocked && covered < fewest; i++) {
                if (taken.get(i).overlaps(padded)) {
                    // A must-show one (a roof's label) would have to move too: cover it only if nothing else works.
                    covered += mustShow.containsKey(labels.get(i).id()) ? 10 : 1;
                    blocked = i >= evictable; // this frame's own labels are never covered
                }
            }
            if (!blocked && covered < fewest) {
                fewest = covered;
                best = spot;
            }
        }
        if (best == null) {
            return null;
        }
        Box padded = padded(new Box(best.x(), best.y(), w, h));
        List<String> evicted = new ArrayList<>();
        for (int i = evictable - 1; i >= 0; i--) {
            if (taken.get(i).overlaps(padded)) {
                evicted.add(labels.get(i).id());
                dropped.add(labels.get(i).id());
                labels.remove(i);
                taken.remove(i);
                evictable--;
            }
        }
        Label placed = tryPlace(id, text, style, anchor, List.of(best), w, h);
        // A must-show label that gave way finds another place (it can no longer take this one's).
        evicted.forEach(this::placeAgain);
        return placed;
    }

    private Label tryPlace(String id, String text, Style style, double[] anchor, List<Spot> spots, double w, double h) {
        for (Spot spot : spots) {
            Box box = new Box(spot.x(), spot.y(), w, h);
            Box padded = padded(box);
            if (!padded.inside(bounds)) {
                continue;
            }
            if (taken.stream().anyMatch(padded::overlaps) || obstacles.stream().anyMatch(padded::overlaps)
                    || avoidReserved && reserved.stream().anyMatch(padded::overlaps)
                    || avoidFaint && faint.stream().anyMatch(padded::overlaps)) {
                continue;
            }
            double[] leader = spot.leader() && anchor != null ? LeaderLines.of(box, anchor) : null;
            if (avoidLeaders && (leaders.cross(padded) || LeaderLines.crossesAny(leader, taken, obstacles))) {
                continue;
            }
            leaders.add(leader);
            Label label = new Label(id, text, box, style, spot.leader() ? anchor : null);
            taken.add(padded);
            labels.add(label);
            return label;
        }
        return null;
    }

    /** The box a label occupies with its backing: what must not overlap. */
    public static Box padded(Box box) {
        return new Box(box.x() - PADDING, box.y() - PADDING / 2, box.w() + 2 * PADDING, box.h() + PADDING);
    }

    public List<Label> labels() {
        return List.copyOf(labels);
    }

    public Label label(String id) {
        return labels.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    public List<Box> obstacles() {
        return List.copyOf(obstacles);
    }

    public Box bounds() {
        return bounds;
    }

    /** The last resort for a label that must be shown: anywhere in the plot, nearest to its point first. */
    public List<Spot> anywhereNear(double x, double y, double w, double h) {
        return LabelSpots.anywhereNear(bounds, x, y, w, h);
    }

    /** The usual spots around a point, the preferred first (see {@link LabelSpots#around}). */
    public List<Spot> around(double x, double y, double w, double h, double gap, boolean preferAbove,
                             boolean preferLeft) {
        return LabelSpots.around(x, y, w, h, gap, preferAbove, preferLeft);
    }
}
