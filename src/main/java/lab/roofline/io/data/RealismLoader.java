package lab.roofline.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.io.files.JsonText;

/**
 * Reads data/realism.json. A broken file falls back to the ideal roofline with one line saying why; a
 * broken device entry is skipped with one line naming it. Never an exception.
 */
public final class RealismLoader {
    public static final String RESOURCE = "data/realism.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealismLoader() {
    }

    public record Result(Realism realism, List<String> problems) {
    }

    public static Result loadBundled() {
        BundledText bundled = BundledText.read(RESOURCE);
        return bundled.text() != null ? parse(RESOURCE, bundled.text()) : new Result(Realism.IDEAL,
                List.of(bundled.problem() + (bundled.missing() ? "" : "; the realistic setting is off")));
    }

    public static Result parse(String fileName, String text) {
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, text);
        } catch (JsonText.InvalidJson e) {
            return new Result(Realism.IDEAL, List.of(fileName + ": " + e.getMessage() + "; the realistic setting is off"));
        }
        List<String> problems = new ArrayList<>();
        double bandwidth = fraction(root, "bandwidthFraction");
        double defaultCompute = fraction(root, "defaultComputeFraction");
        if (Double.isNaN(bandwidth) || Double.isNaN(defaultCompute)) {
            String field = Double.isNaN(bandwidth) ? "bandwidthFraction" : "defaultComputeFraction";
            return new Result(Realism.IDEAL, List.of(fileName + ": field '" + field
                    + "' must be a number above 0 and at most 1; the realistic setting is off"));
        }
        Map<String, Realism.Measured> measured = new LinkedHashMap<>();
        JsonNode devices = root.path("computeFractions");
        Iterator<Map.Entry<String, JsonNode>> it = devices.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            double f = fraction(e.getValue(), "fraction");
            String source = e.getValue().path("source").asText("");
            if (Double.isNaN(f)) {
                problems.add(fileName + ": computeFractions." + e.getKey()
                        + ": field 'fraction' must be a number above 0 and at most 1");
            } else if (source.isBlank()) {
                problems.add(fileName + ": computeFractions." + e.getKey() + ": missing field 'source'");
            } else {
                measured.put(e.getKey(), new Realism.Measured(f, source));
            }
        }
        double overheadUs = 0;
        JsonNode overhead = root.get("layerOverheadMicroseconds");
        if (overhead != null) {
            if (!overhead.isNumber() || !ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS.allows(overhead.asDouble())) {
                problems.add(fileName + ": field 'layerOverheadMicroseconds' must be a number from 0 to "
                        + ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS.format(
                        ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS.max()) + "; no overhead used");
            } else {
                overheadUs = overhead.asDouble();
            }
        }
        return new Result(new Realism(bandwidth, root.path("bandwidthSource").asText(""), defaultCompute,
                root.path("defaultComputeSource").asText(""), measured, overheadUs * 1e-6,
                root.path("layerOverheadSource").asText("")), List.copyOf(problems));
    }

    private static double fraction(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0) || v.asDouble() > 1) {
            return Double.NaN;
        }
        return v.asDouble();
    }
}
