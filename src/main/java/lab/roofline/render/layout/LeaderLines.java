package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.roofline.render.layout.LabelLayout.Box;

/**
 * The leader lines of a layout's labels, as drawn (from the point to the nearest edge of its label), so a
 * label is placed where its leader crosses no other label and no label sits on another's leader.
 */
final class LeaderLines {
    private final List<double[]> lines = new ArrayList<>();

    /** The leader a label at {@code box} would have to {@code anchor}: x1, y1, x2, y2. */
    static double[] of(Box box, double[] anchor) {
        double tx = Math.max(box.x(), Math.min(box.right(), anchor[0]));
        double ty = Math.max(box.y(), Math.min(box.bottom(), anchor[1]));
        return new double[] {anchor[0], anchor[1], tx, ty};
    }

    /** A label's leader (none: null, nothing added). */
    void add(double[] line) {
        if (line != null) {
            lines.add(line);
        }
    }

    void addAll(LeaderLines other) {
        lines.addAll(other.lines);
    }

    /** Whether a box lies on one of the leaders. */
    boolean cross(Box box) {
        return lines.stream().anyMatch(l -> crosses(l, box));
    }

    /**
     * Whether a leader (null: none) passes through any of the boxes (labels, markers) but one holding its
     * point (the marker it names).
     */
    static boolean crossesAny(double[] line, List<Box> labels, List<Box> markers) {
        return line != null && Stream.concat(labels.stream(), markers.stream())
                .anyMatch(b -> !holds(b, line[0], line[1]) && crosses(line, b));
    }

    private static boolean holds(Box b, double x, double y) {
        return x >= b.x() && x <= b.right() && y >= b.y() && y <= b.bottom();
    }

    /** Whether the segment passes through the box (sampled every 2 px: boxes are never thinner). */
    static boolean crosses(double[] l, Box b) {
        double length = Math.hypot(l[2] - l[0], l[3] - l[1]);
        int steps = (int) Math.max(1, Math.min(2_000, Math.ceil(length / 2)));
        // The ends are left out: the anchor may sit at a box's edge, and the other end is the label's own.
        for (int k = 1; k < steps; k++) {
            double x = l[0] + (l[2] - l[0]) * k / steps;
            double y = l[1] + (l[3] - l[1]) * k / steps;
            if (x > b.x() && x < b.right() && y > b.y() && y < b.bottom()) {
                return true;
            }
        }
        return false;
    }
}
