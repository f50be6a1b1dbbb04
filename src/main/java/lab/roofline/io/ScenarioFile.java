package lab.roofline.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;

/**
 * A scenario as a document ({@code *.roofline.json}): every input as the user chose it, a name, a free
 * note and, when the scenario runs on a profile of the user's own, a copy of that profile, so the file
 * opens on a colleague's machine. Versioned: a file from a newer version is refused with that reason
 * rather than half read.
 *
 * <pre>
 * {"format": "roofline-lab scenario", "version": 1, "name": "...", "note": "...",
 *  "scenario": {"gpu": "h100_sxm", "model": "Llama-3.1-70B", "parameters": 7.06e10, "precision": "int8",
 *               "weightOnly": false, "kvPrecision": "bf16", "batch": 1, "prompt": 1024, "generated": 256,
 *               "gpuCount": 1, "realism": "ideal", "computeEfficiency": 1, "bandwidthEfficiency": 1,
 *               "pricePerHour": null},
 *  "hardware": { a hardware profile, as in hardware-profiles/ },
 *  "pins": [{"name": "H200", "colour": 0, "scenario": {...as above...}, "hardware": {...}}, ...]}
 * </pre>
 * {@code hardware} and {@code pins} are optional; a pin's colour (0-3, each once) also gives its line
 * pattern and marker, and it is the next free one when left out.
 */
public final class ScenarioFile {
    public static final String FORMAT = "roofline-lab scenario";
    public static final int VERSION = 1;
    public static final String EXTENSION = NamedScenario.FILE_EXTENSION;
    /** Whether a name is a scenario file's (*.roofline.json, any case). */
    public static boolean isScenarioFileName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** A scenario is a few hundred bytes; with an embedded profile and a long note a few kB. */
    static final long MAX_BYTES = 1 << 20;
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_NOTE_CHARS = 20_000;

    /** Strict and exact: an exercise file's scenarios are read by the same rules (ExerciseFile). */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Numbers exactly as written: 1e400 is too large and 2.00000000000000001 is not a whole batch.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioFile() {
    }

    /** A file that could not be read as a scenario: the message names the file, the field and the reason. */
    public static final class ScenarioFileException extends Exception {
        private static final long serialVersionUID = 1L;

        public ScenarioFileException(String message) {
            super(message);
        }
    }

    // ---- writing ----

    /** The document as JSON text (UTF-8 when written; ends with a newline). */
    public static String toJson(NamedScenario d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", d.name());
        root.put("note", d.note());
        writeInputs(root.putObject("scenario"), d.inputs());
        if (d.hardware() != null) {
            root.set("hardware", ProfileLoader.toJsonTree(d.hardware()));
        }
        if (!d.pins().isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode pins = root.putArray("pins");
            for (NamedScenario.Pinned p : d.pins()) {
                ObjectNode pin = pins.addObject();
                pin.put("name", p.name());
                pin.put("colour", p.colour());
                writeInputs(pin.putObject("scenario"), p.inputs());
                if (p.hardware() != null) {
                    pin.set("hardware", ProfileLoader.toJsonTree(p.hardware()));
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** The inputs as the object a scenario file's "scenario" field holds (an exercise file's too). */
    static void writeInputs(ObjectNode s, ScenarioInputs in) {
        s.put("gpu", in.gpuId());
        if (in.presetName() == null) {
            s.putNull("model");
        } else if (ModelPresets.find(in.presetName()).isEmpty()) {
            // A model imported from a config.json: named, and read back as it where it is imported too; elsewhere
            // a custom model of its parameter count.
            s.putNull("model");
            s.put("importedModel", in.presetName());
        } else {
            s.put("model", in.presetName());
        }
        s.put("parameters", in.parameters());
        s.put("precision", in.precision().key());
        s.put("weightOnly", in.weightOnly());
        if (in.quantizedEmbeddings()) {
            s.put("quantizedEmbeddings", true);
        }
        if (in.speculation().isOn()) {
            ObjectNode sp = s.putObject("speculation");
            sp.put("draftModel", in.speculation().draftModel().name());
            sp.put("draftTokens", in.speculation().draftTokens());
            sp.put("acceptanceRate", in.speculation().acceptanceRate());
        }
        s.put("kvPrecision", in.kvPrecision().key());
        s.put("batch", in.batchSize());
        s.put("prompt", in.promptTokens());
        s.put("generated", in.generatedTokens());
        s.put("gpuCount", in.gpuCount());
        if (in.pipelineStages() != 1) {
            s.put("pipelineStages", in.pipelineStages());
        }
        s.put("realism", in.realism().name().toLowerCase(Locale.ROOT));
        s.put("computeEfficiency", in.customComputeEfficiency());
        s.put("bandwidthEfficiency", in.customBandwidthEfficiency());
        if (in.customLayerOverheadMicroseconds() != 0) {
            s.put("layerOverheadMicroseconds", in.customLayerOverheadMicroseconds());
        }
        if (!in.scales().isNone()) {
            ObjectNode whatIf = s.putObject("whatIf"); // the device scaled: a what-if, not a profile
            whatIf.put("bandwidth", in.scales().bandwidth());
            whatIf.put("peak", in.scales().peak());
            whatIf.put("memory", in.scales().memory());
        }
        if (in.priceUsdPerHour() == null) {
            s.putNull("pricePerHour"); // the profile's own price
        } else if (in.priceUsdPerHour().isNaN()) {
            s.put("pricePerHour", "none"); // the user cleared it
        } else {
            s.put("pricePerHour", in.priceUsdPerHour());
        }
    }

    /** Writes the document through a temporary file: a failed save never leaves half a file. */
    public static void save(NamedScenario d, Path file) throws IOException {
        AtomicFiles.writeString(file, ".roofline-save-", toJson(d));
    }

    // ---- reading ----

    /** Reads a scenario file; every problem names the file. */
    public static NamedScenario read(Path file) throws ScenarioFileException {
        String shown = ProfileLoader.clean(file.toString());
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ScenarioFileException(shown + ": " + (Files.isDirectory(file) ? "a folder, not a file"
                        : Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file) ? "a broken link"
                        : Files.exists(file) ? "not a regular file" : "it does not exist"));
            }
            text = TextFiles.readUtf8(file, MAX_BYTES);
        } catch (TextFiles.TooLarge e) {
            throw new ScenarioFileException(shown + ": too large for a scenario ("
                    + (e.bytes < 0 ? "more than " + MAX_BYTES : e.bytes) + " bytes; at most " + MAX_BYTES + ")");
        } catch (CharacterCodingException e) {
            throw new ScenarioFileException(shown + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioFileException(shown + ": " + IoReasons.of(e));
        }
        try {
            return parse(text);
        } catch (ScenarioFileException e) {
            throw new ScenarioFileException(shown + ": " + e.getMessage());
        }
    }

    /** Parses a document; the message names the field and says what is wrong with it. */
    public static NamedScenario parse(String jsonText) throws ScenarioFileException {
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, jsonText);
        } catch (JsonText.InvalidJson e) {
            throw new ScenarioFileException(e.getMessage().startsWith("not valid JSON")
                    ? e.getMessage() + (e.getMessage().contains("written twice") || e.getMessage().contains("nested too deeply")
                    ? "" : " (is the file complete?)") : "not a scenario (a JSON object was expected)");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ScenarioFileException("not a Roofline Lab scenario (field 'format' should be '" + FORMAT + "')");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new ScenarioFileException("field 'version' must be a whole number");
        }
        if (version.asInt() > VERSION) {
            throw new ScenarioFileException("written by a newer Roofline Lab (version " + version.asInt()
                    + "; this one reads version " + VERSION + " and older)");
        }
        if (version.asInt() < 1) {
            throw new ScenarioFileException("field 'version': " + version.asInt() + " is not a version");
        }
        String name = ProfileLoader.clean(optionalText(root, "name", MAX_NAME_CHARS)); // a name is one line
        String note = optionalText(root, "note", MAX_NOTE_CHARS);
        JsonNode s = root.get("scenario");
        if (s == null || !s.isObject()) {
            throw new ScenarioFileException("missing field 'scenario' (an object with the inputs)");
        }
        HardwareProfile hardware = embeddedProfile(root.get("hardware"), "hardware");
        ScenarioInputs inputs = readInputs(s, "scenario", hardware, "hardware");
        return new NamedScenario(name, note, inputs, hardware, pins(root.get("pins"), hardware));
    }

    /**
     * The optional list of pinned scenarios: each a name, a colour (0-3, each once; one left out is the
     * first no pin asks for) and inputs. A pin on the document's own embedded profile may leave it out.
     */
    private static java.util.List<NamedScenario.Pinned> pins(JsonNode list, HardwareProfile documentHardware)
            throws ScenarioFileException {
        if (list == null || list.isNull()) {
            return java.util.List.of();
        }
        if (!list.isArray()) {
            throw new ScenarioFileException("field 'pins' must be a list of pinned scenarios");
        }
        if (list.size() > NamedScenario.MAX_PINS) {
            throw new ScenarioFileException("field 'pins' has " + list.size() + " scenarios; at most "
                    + NamedScenario.MAX_PINS + " can be pinned");
        }
        // Colours first: the ones written, each once; then the pins without one take the first left free.
        Integer[] colours = new Integer[list.size()];
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "pins[" + i + "]";
            JsonNode pin = list.get(i);
            if (!pin.isObject()) {
                throw new ScenarioFileException("field '" + at + "' must be an object with a name and a scenario");
            }
            JsonNode colourNode = pin.get("colour");
            if (colourNode == null || colourNode.isNull()) {
                continue;
            }
            if (!colourNode.isIntegralNumber() || !colourNode.canConvertToInt() || colourNode.asInt() < 0
                    || colourNode.asInt() >= NamedScenario.MAX_PINS) {
                throw new ScenarioFileException("field '" + at + ".colour' must be a whole number from 0 to "
                        + (NamedScenario.MAX_PINS - 1));
            }
            if (!taken.add(colourNode.asInt())) {
                throw new ScenarioFileException("field '" + at + ".colour': " + colourNode.asInt()
                        + " is another pin's colour already (each pin has its own)");
            }
            colours[i] = colourNode.asInt();
        }
        for (int i = 0; i < colours.length; i++) {
            if (colours[i] == null) {
                int free = 0;
                while (taken.contains(free)) {
                    free++;
                }
                taken.add(free);
                colours[i] = free;
            }
        }
        java.util.List<NamedScenario.Pinned> pins = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "pins[" + i + "]";
            JsonNode pin = list.get(i);
            JsonNode nameNode = pin.get("name");
            // Cleaned first: a name of only invisible characters is no name.
            String name = nameNode != null && nameNode.isTextual() ? ProfileLoader.clean(nameNode.asText()).strip() : "";
            if (name.isEmpty()) {
                throw new ScenarioFileException("field '" + at + ".name' must be a short piece of text");
            }
            if (name.length() > MAX_NAME_CHARS) {
                throw new ScenarioFileException("field '" + at + ".name' is too long (" + name.length()
                        + " characters; at most " + MAX_NAME_CHARS + ")");
            }
            JsonNode s = pin.get("scenario");
            if (s == null || !s.isObject()) {
                throw new ScenarioFileException("missing field '" + at + ".scenario' (an object with the inputs)");
            }
            HardwareProfile hardware = embeddedProfile(pin.get("hardware"), at + ".hardware");
            if (hardware == null && documentHardware != null && s.path("gpu").isTextual()
                    && documentHardware.id().equalsIgnoreCase(s.path("gpu").asText().strip())) {
                hardware = documentHardware;
            }
            ScenarioInputs inputs = readInputs(s, at + ".scenario", hardware, at + ".hardware");
            pins.add(new NamedScenario.Pinned(name, colours[i], inputs, hardware));
        }
        return pins;
    }

    private static HardwareProfile embeddedProfile(JsonNode embedded, String at) throws ScenarioFileException {
        if (embedded == null || embedded.isNull()) {
            return null;
        }
        try {
            return ProfileLoader.parse(JSON.writeValueAsString(embedded));
        } catch (ProfileLoader.ProfileException | JsonProcessingException e) {
            throw new ScenarioFileException("field '" + at + "' (the embedded profile): " + e.getMessage());
        }
    }

    /** The inputs in an object at a path ("scenario", "exercises[2].scenario"), on a profile loaded by id. */
    static ScenarioInputs readInputs(JsonNode s, String at) throws ScenarioFileException {
        return readInputs(s, at, null, null);
    }

    /** The inputs in an object at a path ("scenario", "pins[1].scenario"), which every message names. */
    private static ScenarioInputs readInputs(JsonNode s, String at, HardwareProfile hardware, String hardwareAt)
            throws ScenarioFileException {
        String gpu = requiredText(s, at, "gpu");
        if (hardware != null && !hardware.id().equalsIgnoreCase(gpu)) {
            throw new ScenarioFileException("field '" + hardwareAt + "': the embedded profile is '" + hardware.id()
                    + "' but field '" + at + ".gpu' is '" + gpu + "'");
        }
        String model = s.hasNonNull("model") ? requiredText(s, at, "model") : null;
        String imported = model == null && s.hasNonNull("importedModel") ? requiredText(s, at, "importedModel") : null;
        if (imported != null && imported.length() > 100) {
            throw new ScenarioFileException("field '" + at + ".importedModel' is too long (at most 100 characters)");
        }
        if (model != null && ModelPresets.find(model).isEmpty()) {
            throw new ScenarioFileException("field '" + at + ".model': unknown preset '" + model + "' (known: "
                    + String.join(", ", ModelPresets.ALL.stream().map(m -> m.name()).toList())
                    + "; or null with 'parameters' for a custom model)");
        }
        double parameters = model != null && !s.hasNonNull("parameters")
                ? ModelPresets.find(model).orElseThrow().totalParameters()
                : number(s, at, "parameters", ScenarioLimits.PARAMETERS);
        Precision precision = precision(s, at, "precision");
        boolean weightOnly = bool(s, at, "weightOnly", false);
        if (weightOnly && precision.bytesPerValue() >= Precision.BF16.bytesPerValue()) {
            throw new ScenarioFileException("field '" + at + ".weightOnly': needs weights narrower than BF16, got "
                    + precision.label());
        }
        Precision kv = precision(s, at, "kvPrecision");
        int batch = (int) number(s, at, "batch", ScenarioLimits.BATCH);
        int prompt = (int) number(s, at, "prompt", ScenarioLimits.PROMPT_TOKENS);
        int generated = (int) number(s, at, "generated", ScenarioLimits.GENERATED_TOKENS);
        int gpuCount = (int) number(s, at, "gpuCount", ScenarioLimits.GPU_COUNT);
        RealismMode realism = realism(s, at);
        double compute = s.has("computeEfficiency") ? number(s, at, "computeEfficiency", ScenarioLimits.COMPUTE_EFFICIENCY) : 1;
        double bandwidth = s.has("bandwidthEfficiency")
                ? number(s, at, "bandwidthEfficiency", ScenarioLimits.BANDWIDTH_EFFICIENCY) : 1;
        Double price = price(s, at);
        int stages = s.hasNonNull("pipelineStages") ? (int) number(s, at, "pipelineStages", ScenarioLimits.PIPELINE_STAGES) : 1;
        int layers = ModelPresets.layersOf(model, parameters);
        String layout = ScenarioLimits.parallelismProblem(gpuCount, stages, layers);
        if (layout != null) {
            throw new ScenarioFileException("field '" + at + ".pipelineStages': " + layout.replaceFirst("^Pipeline stages: ", ""));
        }
        double overhead = s.hasNonNull("layerOverheadMicroseconds")
                ? number(s, at, "layerOverheadMicroseconds", ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS) : 0;
        return new ScenarioInputs(gpu, model != null ? model : imported, parameters, precision, weightOnly, kv, batch,
                prompt, generated, gpuCount, realism, compute, bandwidth, price, scales(s.get("whatIf"), at + ".whatIf"),
                stages, overhead, bool(s, at, "quantizedEmbeddings", false), speculation(s.get("speculation"), at + ".speculation"));
    }

    /** The optional speculative decoding: {draftModel (a preset), draftTokens (1-16), acceptanceRate (0-1)}. */
    private static lab.roofline.engine.roofline.Speculation speculation(JsonNode sp, String at) throws ScenarioFileException {
        if (sp == null || sp.isNull()) {
            return lab.roofline.engine.roofline.Speculation.NONE;
        }
        if (!sp.isObject()) {
            throw new ScenarioFileException("field '" + at + "' must be an object such as {\"draftModel\": \"Llama-3.1-8B\", "
                    + "\"draftTokens\": 4, \"acceptanceRate\": 0.7}");
        }
        String name = requiredText(sp, at, "draftModel");
        lab.roofline.engine.roofline.ModelSpec draft = ModelPresets.find(name).orElseThrow(() -> new ScenarioFileException(
                "field '" + at + ".draftModel': unknown preset '" + lab.roofline.engine.roofline.Units.shortened(name) + "' (a draft is a preset)"));
        int k = (int) number(sp, at, "draftTokens", new ScenarioLimits.Range("Draft tokens", 1,
                ScenarioLimits.DRAFT_TOKENS.max(), true, "4"));
        double a = number(sp, at, "acceptanceRate", ScenarioLimits.ACCEPTANCE_RATE);
        return new lab.roofline.engine.roofline.Speculation(k, a, draft);
    }

    /** The optional what-if on the device: each of bandwidth, peak and memory a factor (0.5-4), 1 when left out. */
    private static lab.roofline.engine.roofline.HardwareScales scales(JsonNode w, String at) throws ScenarioFileException {
        if (w == null || w.isNull()) {
            return lab.roofline.engine.roofline.HardwareScales.NONE;
        }
        if (!w.isObject()) {
            throw new ScenarioFileException("field '" + at + "' must be an object such as {\"bandwidth\": 2}");
        }
        for (java.util.Iterator<String> names = w.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!java.util.Set.of("bandwidth", "peak", "memory").contains(name)) {
                // A misspelt factor would silently be none: said instead.
                throw new ScenarioFileException("field '" + at + "." + ProfileLoader.clean(Units.shortened(name))
                        + "' is not a what-if (bandwidth, peak or memory)");
            }
        }
        double bandwidth = w.has("bandwidth") ? number(w, at, "bandwidth", ScenarioLimits.BANDWIDTH_SCALE) : 1;
        double peak = w.has("peak") ? number(w, at, "peak", ScenarioLimits.PEAK_SCALE) : 1;
        double memory = w.has("memory") ? number(w, at, "memory", ScenarioLimits.MEMORY_SCALE) : 1;
        return new lab.roofline.engine.roofline.HardwareScales(bandwidth, peak, memory);
    }

    private static String optionalText(JsonNode root, String field, int maxChars) throws ScenarioFileException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new ScenarioFileException("field '" + field + "' must be text");
        }
        if (n.asText().length() > maxChars) {
            throw new ScenarioFileException("field '" + field + "' is too long (" + n.asText().length()
                    + " characters; at most " + maxChars + ")");
        }
        return n.asText();
    }

    private static String requiredText(JsonNode s, String at, String field) throws ScenarioFileException {
        JsonNode n = s.get(field);
        if (n == null || n.isNull()) {
            throw new ScenarioFileException("missing field '" + at + "." + field + "'");
        }
        if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > MAX_NAME_CHARS) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be a short piece of text");
        }
        return ProfileLoader.clean(n.asText().strip());
    }

    private static double number(JsonNode s, String at, String field, ScenarioLimits.Range range) throws ScenarioFileException {
        JsonNode n = s.get(field);
        if (n == null || n.isNull()) {
            throw new ScenarioFileException("missing field '" + at + "." + field + "'");
        }
        if (!n.isNumber()) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be a number, e.g. " + range.example());
        }
        // Exactly as written: 1e400 is too large and 2.5 is not a whole batch, never rounded first.
        String written = n.decimalValue().stripTrailingZeros().toPlainString();
        if (written.length() > 64) { // 1e400 or 1e-400: no input is anywhere near
            String problem = range.problem(n.doubleValue());
            throw new ScenarioFileException("field '" + at + "." + field + "': " + (problem != null ? problem
                    : "too many digits (" + written.length() + "; at most 64)"));
        }
        ScenarioLimits.Parsed parsed = range.parse(written);
        if (!parsed.ok()) {
            throw new ScenarioFileException("field '" + at + "." + field + "': " + parsed.reason());
        }
        return parsed.value();
    }

    private static Precision precision(JsonNode s, String at, String field) throws ScenarioFileException {
        String text = requiredText(s, at, field);
        return Precision.parse(text).orElseThrow(() -> new ScenarioFileException("field '" + at + "." + field
                + "': unknown precision '" + text + "' (known: " + Precision.acceptedKeys() + ")"));
    }

    private static boolean bool(JsonNode s, String at, String field, boolean fallback) throws ScenarioFileException {
        JsonNode n = s.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new ScenarioFileException("field '" + at + "." + field + "' must be true or false");
        }
        return n.asBoolean();
    }

    private static RealismMode realism(JsonNode s, String at) throws ScenarioFileException {
        JsonNode n = s.get("realism");
        if (n == null || n.isNull()) {
            return RealismMode.IDEAL;
        }
        for (RealismMode m : RealismMode.values()) {
            if (n.isTextual() && m.name().equalsIgnoreCase(n.asText().strip())) {
                return m;
            }
        }
        throw new ScenarioFileException("field '" + at + ".realism' must be ideal, realistic or custom");
    }

    private static Double price(JsonNode s, String at) throws ScenarioFileException {
        JsonNode n = s.get("pricePerHour");
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual() && n.asText().strip().equalsIgnoreCase("none")) {
            return Double.NaN;
        }
        return number(s, at, "pricePerHour", ScenarioLimits.PRICE_USD_PER_HOUR);
    }

}
