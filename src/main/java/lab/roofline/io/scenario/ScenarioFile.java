package lab.roofline.io.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.files.AtomicFiles;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.JsonText;
import lab.roofline.io.files.PrintableText;
import lab.roofline.io.files.TextFiles;

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
 * pattern and marker, and it is the next free one when left out. The "scenario" objects hold a field per
 * scenario input, as engine.scenario.ScenarioInput names them ({@link ScenarioInputsJson}).
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

    /** Every field a scenario file may hold at its top; any other is refused (a misspelt "pin" is not ignored). */
    static final Set<String> FIELDS = Set.of("format", "version", "name", "note", "scenario", "hardware", "pins",
            ModelSpecJson.FIELD);
    /** Every field a pin may hold. */
    static final Set<String> PIN_FIELDS = Set.of("name", "colour", "scenario", "hardware");

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
        ScenarioInputsJson.write(root.putObject("scenario"), d.inputs());
        if (d.hardware() != null) {
            root.set("hardware", ProfileLoader.toJsonTree(d.hardware()));
        }
        if (!d.pins().isEmpty()) {
            ArrayNode pins = root.putArray("pins");
            for (NamedScenario.Pinned p : d.pins()) {
                ObjectNode pin = pins.addObject();
                pin.put("name", p.name());
                pin.put("colour", p.colour());
                ScenarioInputsJson.write(pin.putObject("scenario"), p.inputs());
                if (p.hardware() != null) {
                    pin.set("hardware", ProfileLoader.toJsonTree(p.hardware()));
                }
            }
        }
        if (!d.models().isEmpty()) {
            ModelSpecJson.write(root.putArray(ModelSpecJson.FIELD), d.models());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** Writes the document through a temporary file: a failed save never leaves half a file. */
    public static void save(NamedScenario d, Path file) throws IOException {
        AtomicFiles.writeString(file, ".roofline-save-", toJson(d));
    }

    // ---- reading ----

    /** Reads a scenario file; every problem names the file. */
    public static NamedScenario read(Path file) throws ScenarioFileException {
        String shown = PrintableText.clean(file.toString());
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

    /**
     * Whether a file is a scenario document by its own word (its "format" field), damaged or not: what an
     * output may replace without losing a file of another kind.
     */
    public static boolean isScenarioDocument(Path file) {
        try {
            String text = TextFiles.readUtf8(file, MAX_BYTES);
            try {
                return FORMAT.equals(JsonText.readObject(JSON, text).path("format").asText(null));
            } catch (JsonText.InvalidJson e) {
                return text.contains("\"" + FORMAT + "\"");
            }
        } catch (IOException e) {
            return false;
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
                    ? "" : JsonSyntax.hint(JSON, jsonText)) : "not a scenario (a JSON object was expected)");
        }
        ScenarioInputsJson.refuseUnknown(root, FIELDS, "", "part of a scenario file");
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
        String name = PrintableText.clean(optionalText(root, "name", MAX_NAME_CHARS)); // a name is one line
        String note = optionalText(root, "note", MAX_NOTE_CHARS);
        JsonNode s = root.get("scenario");
        if (s == null || !s.isObject()) {
            throw new ScenarioFileException("missing field 'scenario' (an object with the inputs)");
        }
        HardwareProfile hardware = embeddedProfile(root.get("hardware"), "hardware");
        List<ModelSpec> models = ModelSpecJson.read(root.get(ModelSpecJson.FIELD));
        ScenarioInputs inputs = ScenarioInputsJson.read(s, "scenario", hardware, "hardware", models);
        return new NamedScenario(name, note, inputs, hardware, pins(root.get("pins"), hardware, models), models);
    }

    /**
     * The optional list of pinned scenarios: each a name, a colour (0-3, each once; one left out is the
     * first no pin asks for) and inputs. A pin on the document's own embedded profile may leave it out.
     */
    private static List<NamedScenario.Pinned> pins(JsonNode list, HardwareProfile documentHardware,
                                                   List<ModelSpec> models) throws ScenarioFileException {
        if (list == null || list.isNull()) {
            return List.of();
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
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "pins[" + i + "]";
            JsonNode pin = list.get(i);
            if (!pin.isObject()) {
                throw new ScenarioFileException("field '" + at + "' must be an object with a name and a scenario");
            }
            ScenarioInputsJson.refuseUnknown(pin, PIN_FIELDS, at + ".", "part of a pin");
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
        List<NamedScenario.Pinned> pins = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "pins[" + i + "]";
            JsonNode pin = list.get(i);
            JsonNode nameNode = pin.get("name");
            // Cleaned first: a name of only invisible characters is no name.
            String name = nameNode != null && nameNode.isTextual() ? PrintableText.clean(nameNode.asText()).strip() : "";
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
            ScenarioInputs inputs = ScenarioInputsJson.read(s, at + ".scenario", hardware, at + ".hardware", models);
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
}
