package lab.roofline.render.layout;

/** Where a chart's hover card goes beside the point it describes. */
public final class HoverCardPlacement {
    private HoverCardPlacement() {
    }

    /**
     * Where a hover card of this size goes: right of the point, or left of it when the right side has no
     * room, centred on it vertically, and always inside the chart (a card wider than the chart starts at
     * its left edge). Returns its top-left corner {x, y}.
     */
    public static double[] origin(double anchorX, double anchorY, double width, double height, double w, double h) {
        double x = anchorX + 14;
        if (x + width > w - 4) {
            x = anchorX - 14 - width;
        }
        x = Math.max(4, Math.min(w - width - 4, x));
        double y = Math.max(4, Math.min(h - height - 4, anchorY - height / 2));
        return new double[] {x, y};
    }
}
