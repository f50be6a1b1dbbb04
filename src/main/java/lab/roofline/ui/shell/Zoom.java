package lab.roofline.ui.shell;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The text zoom, 80 to 200 % in fixed steps: every control and chart follows it. A pure value, so a round
 * trip (in and back out) returns exactly where it started.
 */
public final class Zoom {
    /** Text sizes offered: a step per Ctrl+Plus or Ctrl+Minus. */
    public static final double[] STEPS = {0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};
    private final DoubleProperty level = new SimpleDoubleProperty(this, "zoom", 1);

    /** 1 = 100 %. */
    public DoubleProperty levelProperty() {
        return level;
    }

    public double get() {
        return level.get();
    }

    /** Sets the zoom, kept to 80-200 %; anything unreadable (NaN) is 100 %. */
    public void set(double z) {
        level.set(Double.isFinite(z) ? Math.max(STEPS[0], Math.min(STEPS[STEPS.length - 1], z)) : 1);
    }

    /** One step up (+1) or down (-1) the ladder, from wherever the zoom is now. */
    public void step(int direction) {
        double now = level.get();
        double next = now;
        if (direction > 0) {
            for (double s : STEPS) {
                if (s > now + 1e-9) {
                    next = s;
                    break;
                }
            }
        } else {
            for (int i = STEPS.length - 1; i >= 0; i--) {
                if (STEPS[i] < now - 1e-9) {
                    next = STEPS[i];
                    break;
                }
            }
        }
        set(next);
    }

    public boolean atLargest() {
        return level.get() >= STEPS[STEPS.length - 1] - 1e-9;
    }

    public boolean atSmallest() {
        return level.get() <= STEPS[0] + 1e-9;
    }
}
