package lab.roofline.engine.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;

/**
 * A public output/input price ratio, the APIs that charge it, and the batch at which a scenario's own
 * ratio comes down to it ({@link RooflineEngine#impliedBatch}; NaN when no batch does).
 */
public record RatioReference(double ratio, String apis, double impliedBatch) {

    /** One reference per distinct ratio (to 0.01), the APIs that share it named together. */
    public static List<RatioReference> forPrices(Scenario s, List<ApiPrice> prices) {
        Map<Double, List<String>> byRatio = new TreeMap<>();
        for (ApiPrice p : prices) {
            double ratio = Math.round(p.outputToInputRatio() * 100) / 100.0;
            byRatio.computeIfAbsent(ratio, r -> new ArrayList<>()).add(p.label() + " (" + p.date() + ")");
        }
        List<RatioReference> out = new ArrayList<>();
        byRatio.forEach((ratio, names) -> {
            if (ratio > 0) { // a price typo rounding to 0 has no implied batch; the loader reports such rows
                out.add(new RatioReference(ratio, String.join(", ", names), RooflineEngine.impliedBatch(s, ratio)));
            }
        });
        return List.copyOf(out);
    }
}
