package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.roofline.render.layout.LabelLayout.Box;

/**
 * The leader lines of a layout's labels, as drawn (from the point to the nearest edge of its label), so a
 * label is placed where its leader crosses no other label and no label sits on another's leader.
 */
public final class LeaderLines {
    private final List<double[]> lines = new ArrayList<>();

    /** The leader a label at {@code box} has to {@code anchor}, as drawn: x1, y1, x2, y2. */
    public static double[] of(Box box, double[] anchor) {
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

    /**
     * Whether the segment passes through the box's inside (Liang-Barsky clipping: exact, and constant time,
     * as every spot of every moving label asks it on every frame). Its ends are left out: the point may sit on
     * a box's edge, and the other end is the label's own.
     */
    static boolean crosses(double[] l, Box b) {
        double dx = l[2] - l[0];
        double dy = l[3] - l[1];
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {l[0] - b.x(), b.right() - l[0], l[1] - b.y(), b.bottom() - l[1]};
        double from = 0.001;
        double to = 0.999;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false; // parallel to this side, and outside it
                }
            } else if (p[i] < 0) {
                from = Math.max(from, q[i] / p[i]);
            } else {
                to = Math.min(to, q[i] / p[i]);
            }
        }
        return from < to;
    }
}
