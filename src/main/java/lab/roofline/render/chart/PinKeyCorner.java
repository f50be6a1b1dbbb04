package lab.roofline.render.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.LabelLayout;
import lab.roofline.render.layout.PinKey;

/**
 * Which corner of a chart's plot the key to the pins goes in, remembered: the corners are searched again
 * only when what the choice depends on changes, never on every frame of a drag.
 */
final class PinKeyCorner {
    private Object pinKeyInputs;
    private int pinKeyCorner;

    /**
     * The key to the pins, in the first of the corners ({right, bottom} pairs, in order of preference) whose
     * key crosses none of the lines and covers no mark; null with nothing pinned. Which corner is searched
     * again only when what it depends on changes (the scenario but its batch, the pins, the plot, the key's
     * texts), never on every frame of a drag; the texts themselves are this frame's ("(= live)").
     */
    PinKey key(Evaluation e, List<ChartPin> pins, LabelLayout.Box plot, boolean[][] corners,
               Supplier<List<double[][]>> lines, Supplier<List<LabelLayout.Box>> marks,
               LabelLayout.TextMeasure measure, double fontPx) {
        if (pins.isEmpty()) {
            return null;
        }
        String live = e.memory().fits() ? "Live" : "Live (does not fit)";
        List<PinKey> candidates = new ArrayList<>();
        for (boolean[] corner : corners) {
            candidates.add(PinKey.of(pins, e.scenario(), live, plot, corner[0], corner[1], plot.w() * 0.45, measure,
                    fontPx));
        }
        if (candidates.get(0) == null) {
            return null; // no room for a useful key in this plot (see PinKey.of)
        }
        Object inputs = Arrays.asList(e.scenario().withBatchSize(1), pins, plot, fontPx, candidates.get(0).rows());
        if (!inputs.equals(pinKeyInputs)) {
            pinKeyCorner = candidates.indexOf(PinKey.clearOf(candidates, lines.get(), marks.get()));
            pinKeyInputs = inputs;
        }
        return candidates.get(pinKeyCorner);
    }
}
