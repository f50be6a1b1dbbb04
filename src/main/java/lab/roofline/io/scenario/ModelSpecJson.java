package lab.roofline.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lab.roofline.engine.roofline.AttentionLayout;
import lab.roofline.engine.roofline.MixtureOfExperts;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.io.files.PrintableText;
import lab.roofline.io.scenario.ScenarioFile.ScenarioFileException;

/**
 * An imported model's whole architecture as a scenario file's "models" list holds it, so the file reproduces
 * its numbers where the config.json was never imported:
 * <pre>
 * {"name": "DeepSeek-V3", "source": "...", "totalParameters": 6.71e11, "activeParameters": 3.7e10,
 *  "layers": 61, "hiddenSize": 7168, "attentionHeads": 128, "kvHeads": 128, "headDim": 192,
 *  "vocabSize": 129280, "tiedEmbeddings": false, "maxContextTokens": 163840,
 *  "moe": {"routedExperts": 256, "expertsPerToken": 8, "routedParameters": 6.5e11},
 *  "attention": {"latentDim": 576, "latentValueDim": 512, "slidingWindowTokens": 0, "slidingLayers": 0}}
 * </pre>
 * "moe" is left out for a dense model and "attention" for standard attention. Read strictly: every field
 * is required (those two aside), an unknown one is refused, and the model must be one the engine takes.
 */
final class ModelSpecJson {
    static final String FIELD = "models";
    private static final Set<String> FIELDS = Set.of("name", "source", "totalParameters", "activeParameters", "layers",
            "hiddenSize", "attentionHeads", "kvHeads", "headDim", "vocabSize", "tiedEmbeddings", "maxContextTokens",
            "moe", "attention");
    private static final Set<String> MOE_FIELDS = Set.of("routedExperts", "expertsPerToken", "routedParameters");
    private static final Set<String> ATTENTION_FIELDS = Set.of("latentDim", "latentValueDim", "slidingWindowTokens",
            "slidingLayers");
    /** No real model comes near: a shape beyond is a damaged file, not a model. */
    private static final int MAX_SHAPE = 100_000_000;
    private static final int MAX_SOURCE_CHARS = 1_000;
    /** One for the scenario and one for each pin. */
    static final int MAX_MODELS = 1 + NamedScenario.MAX_PINS;

    private ModelSpecJson() {
    }

    static void write(ArrayNode list, List<ModelSpec> models) {
        for (ModelSpec m : models) {
            ObjectNode n = list.addObject();
            n.put("name", m.name());
            n.put("source", m.source());
            n.put("totalParameters", m.totalParameters());
            n.put("activeParameters", m.activeParameters());
            n.put("layers", m.layers());
            n.put("hiddenSize", m.hiddenSize());
            n.put("attentionHeads", m.attentionHeads());
            n.put("kvHeads", m.kvHeads());
            n.put("headDim", m.headDim());
            n.put("vocabSize", m.vocabSize());
            n.put("tiedEmbeddings", m.tiedEmbeddings());
            n.put("maxContextTokens", m.maxContextTokens());
            if (m.moe() != null) {
                ObjectNode moe = n.putObject("moe");
                moe.put("routedExperts", m.moe().routedExperts());
                moe.put("expertsPerToken", m.moe().expertsPerToken());
                moe.put("routedParameters", m.moe().routedParameters());
            }
            if (!m.attention().equals(AttentionLayout.STANDARD)) {
                ObjectNode a = n.putObject("attention");
                a.put("latentDim", m.attention().latentDim());
                a.put("latentValueDim", m.attention().latentValueDim());
                a.put("slidingWindowTokens", m.attention().slidingWindowTokens());
                a.put("slidingLayers", m.attention().slidingLayers());
            }
        }
    }

    /** The list at "models" (none when left out); names are unique and no preset's. */
    static List<ModelSpec> read(JsonNode list) throws ScenarioFileException {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ScenarioFileException("field '" + FIELD + "' must be a list of imported models' architectures");
        }
        if (list.size() > MAX_MODELS) {
            throw new ScenarioFileException("field '" + FIELD + "' has " + list.size() + " models; at most "
                    + MAX_MODELS + " (the scenario's and each pin's)");
        }
        List<ModelSpec> models = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = FIELD + "[" + i + "]";
            ModelSpec m = model(list.get(i), at);
            if (!names.add(m.name().toLowerCase(Locale.ROOT))) {
                throw new ScenarioFileException("field '" + at + ".name': '" + m.name() + "' is another model's name already");
            }
            if (ModelPresets.find(m.name()).isPresent()) {
                throw new ScenarioFileException("field '" + at + ".name': '" + m.name()
                        + "' is a preset's name; an imported model needs a name of its own");
            }
            models.add(m);
        }
        return List.copyOf(models);
    }

    private static ModelSpec model(JsonNode n, String at) throws ScenarioFileException {
        if (n == null || !n.isObject()) {
            throw new ScenarioFileException("field '" + at + "' must be an object with a model's architecture");
        }
        ScenarioInputsJson.refuseUnknown(n, FIELDS, at + ".", "part of a model's architecture");
        String name = text(n, at, "name", ScenarioInputsJson.MAX_IMPORTED_MODEL_CHARS);
        String source = text(n, at, "source", MAX_SOURCE_CHARS);
        double total = count(n, at, "totalParameters");
        double active = count(n, at, "activeParameters");
        MixtureOfExperts moe = null;
        AttentionLayout attention = AttentionLayout.STANDARD;
        try {
            JsonNode m = nested(n, at, "moe", MOE_FIELDS);
            if (m != null) {
                moe = new MixtureOfExperts(whole(m, at + ".moe", "routedExperts", 1),
                        whole(m, at + ".moe", "expertsPerToken", 1), count(m, at + ".moe", "routedParameters"));
            }
            JsonNode a = nested(n, at, "attention", ATTENTION_FIELDS);
            if (a != null) {
                attention = new AttentionLayout(whole(a, at + ".attention", "latentDim", 0),
                        whole(a, at + ".attention", "latentValueDim", 0),
                        whole(a, at + ".attention", "slidingWindowTokens", 0),
                        whole(a, at + ".attention", "slidingLayers", 0));
            }
            return new ModelSpec(name, total, active, whole(n, at, "layers", 1), whole(n, at, "hiddenSize", 1),
                    whole(n, at, "attentionHeads", 1), whole(n, at, "kvHeads", 1), whole(n, at, "headDim", 1), moe,
                    source, attention, whole(n, at, "vocabSize", 0), flag(n, at, "tiedEmbeddings"),
                    whole(n, at, "maxContextTokens", 0));
        } catch (IllegalArgumentException e) {
            throw new ScenarioFileException("field '" + at + "': not a model the engine takes (" + e.getMessage() + ")");
        }
    }

    private static JsonNode nested(JsonNode n, String at, String field, Set<String> known) throws ScenarioFileException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be an object ("
                    + String.join(", ", known.stream().sorted().toList()) + ")");
        }
        ScenarioInputsJson.refuseUnknown(v, known, at + "." + field + ".", "part of '" + field + "'");
        return v;
    }

    private static JsonNode required(JsonNode n, String at, String field) throws ScenarioFileException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new ScenarioFileException("missing field '" + at + "." + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String at, String field, int maxChars) throws ScenarioFileException {
        JsonNode v = required(n, at, field);
        String cleaned = v.isTextual() ? PrintableText.clean(v.asText()).strip() : "";
        if (cleaned.isEmpty() || cleaned.length() > maxChars || !cleaned.equals(v.asText())) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be text of at most " + maxChars
                    + " printable characters, without spaces around it");
        }
        return cleaned;
    }

    /** A parameter count within the range every model keeps to. */
    private static double count(JsonNode n, String at, String field) throws ScenarioFileException {
        JsonNode v = required(n, at, field);
        ScenarioLimits.Range range = ScenarioLimits.PARAMETERS;
        if (!v.isNumber() || !range.allows(v.doubleValue())) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be a parameter count from "
                    + range.format(range.min()) + " to " + range.format(range.max()));
        }
        return v.doubleValue();
    }

    private static int whole(JsonNode n, String at, String field, int min) throws ScenarioFileException {
        JsonNode v = required(n, at, field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > MAX_SHAPE) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be a whole number from " + min
                    + " to " + MAX_SHAPE);
        }
        return v.asInt();
    }

    private static boolean flag(JsonNode n, String at, String field) throws ScenarioFileException {
        JsonNode v = required(n, at, field);
        if (!v.isBoolean()) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be true or false");
        }
        return v.asBoolean();
    }
}
