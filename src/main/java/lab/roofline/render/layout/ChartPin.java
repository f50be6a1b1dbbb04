package lab.roofline.render.layout;

import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Units;

/** A pinned scenario as the charts draw it beside the live one: its name, its look and its result. */
public record ChartPin(String name, PinStyle style, Evaluation evaluation) {
    /** The name as a chart label shows it: one line, at most 40 characters (a key shortens it further to fit). */
    public String shortName() {
        String oneLine = Units.oneLine(name);
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39).strip() + "…";
    }
}
