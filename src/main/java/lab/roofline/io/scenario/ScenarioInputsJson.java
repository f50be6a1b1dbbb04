package lab.roofline.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.InputKind;
import lab.roofline.engine.scenario.ScenarioInput;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.files.PrintableText;
import lab.roofline.io.scenario.ScenarioFile.ScenarioFileException;

/**
 * The inputs as the object a scenario file's "scenario" field holds (and an exercise file's): one field per
 * row of {@link ScenarioInput}, at its key, in {@link ScenarioInput#DOCUMENT_ORDER}; a key with a dot is a
 * field of a nested object ("whatIf": {"bandwidth": 2}), written whole when any of its inputs is not the
 * default. Numbers are JSON numbers, switches true or false, the rest text. Read strictly: every refusal
 * names the field and the reason.
 */
final class ScenarioInputsJson {
    /** A model imported from a config.json: named here, with "model" null (a custom model where it is not imported). */
    static final String IMPORTED_MODEL = "importedModel";
    static final int MAX_IMPORTED_MODEL_CHARS = 100;
    /** The object a misspelt field would silently leave at its default: its fields are checked by name. */
    private static final String WHAT_IF = ScenarioInput.BANDWIDTH_SCALE.group();

    /** Every field a scenario object may hold. */
    static final Set<String> FIELDS = fields();

    private ScenarioInputsJson() {
    }

    private static Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        for (ScenarioInput input : ScenarioInput.DOCUMENT_ORDER) {
            fields.add(input.group() != null ? input.group() : input.key());
        }
        fields.add(IMPORTED_MODEL);
        return Set.copyOf(fields);
    }

    // ---- writing ----

    static void write(ObjectNode scenario, ScenarioInputs in) {
        for (ScenarioInput input : ScenarioInput.DOCUMENT_ORDER) {
            Object value = input.valueIn(in);
            if (input == ScenarioInput.MODEL) {
                writeModel(scenario, (String) value);
            } else if (input == ScenarioInput.PARAMETERS && ModelPresets.find(in.presetName()).isPresent()) {
                continue; // a preset's count is the preset's: never a second, possibly contradicting, number
            } else if (input.group() == null) {
                if (!input.savedUnlessDefault() || input.differsFromDefault(in)) {
                    put(scenario, input, value);
                }
            } else if (groupDiffers(input.group(), in)) {
                JsonNode group = scenario.get(input.group());
                put(group != null ? (ObjectNode) group : scenario.putObject(input.group()), input, value);
            }
        }
    }

    /** A preset by name; an imported model named beside a null model (read back as it, where it is imported). */
    private static void writeModel(ObjectNode scenario, String name) {
        String model = ScenarioInput.MODEL.key();
        if (name == null) {
            scenario.putNull(model);
        } else if (ModelPresets.find(name).isEmpty()) {
            scenario.putNull(model);
            scenario.put(IMPORTED_MODEL, name);
        } else {
            scenario.put(model, name);
        }
    }

    private static boolean groupDiffers(String group, ScenarioInputs in) {
        for (ScenarioInput input : ScenarioInput.values()) {
            if (group.equals(input.group()) && input.differsFromDefault(in)) {
                return true;
            }
        }
        return false;
    }

    private static void put(ObjectNode object, ScenarioInput input, Object value) {
        String field = input.field();
        if (value == null) {
            object.putNull(field);
        } else if (value instanceof Boolean b) {
            object.put(field, b);
        } else if (value instanceof Integer i) {
            object.put(field, i);
        } else if (value instanceof Double d && !d.isNaN()) {
            object.put(field, d);
        } else {
            object.put(field, input.print(value)); // text, and a price of none
        }
    }

    // ---- reading ----

    /** The inputs in an object at a path ("scenario", "exercises[2].scenario"), on a profile loaded by id. */
    static ScenarioInputs read(JsonNode scenario, String at) throws ScenarioFileException {
        return read(scenario, at, null, null, List.of());
    }

    /**
     * The inputs in an object at a path ("scenario", "pins[1].scenario"), which every message names; an
     * imported model must be among {@code models} (the file's architectures).
     */
    static ScenarioInputs read(JsonNode scenario, String at, HardwareProfile hardware, String hardwareAt,
                               List<ModelSpec> models) throws ScenarioFileException {
        // A misspelt "pipelineStage" would otherwise be read as the default without a word.
        refuseUnknown(scenario, FIELDS, at + ".", "a scenario field");
        Map<ScenarioInput, Object> values = new EnumMap<>(ScenarioInput.class);
        ModelSpec model = readModel(scenario, at, values, models);
        for (ScenarioInput input : ScenarioInput.DOCUMENT_ORDER) {
            if (!values.containsKey(input)) {
                values.put(input, read(scenario, at, input));
            }
        }
        String gpu = (String) values.get(ScenarioInput.GPU);
        if (hardware != null && !hardware.id().equalsIgnoreCase(gpu)) {
            throw new ScenarioFileException("field '" + hardwareAt + "': the embedded profile is '" + hardware.id()
                    + "' but field '" + at + "." + ScenarioInput.GPU.key() + "' is '" + gpu + "'");
        }
        Precision precision = (Precision) values.get(ScenarioInput.PRECISION);
        if ((Boolean) values.get(ScenarioInput.WEIGHT_ONLY) && precision.bytesPerValue() >= Precision.BF16.bytesPerValue()) {
            throw new ScenarioFileException("field '" + at + "." + ScenarioInput.WEIGHT_ONLY.key()
                    + "': needs weights narrower than BF16, got " + precision.label());
        }
        // The layers of the preset or imported model, else of a custom model of that count.
        String layout = ScenarioLimits.parallelismProblem((Integer) values.get(ScenarioInput.GPU_COUNT),
                (Integer) values.get(ScenarioInput.PIPELINE_STAGES), model != null ? model.layers()
                        : ModelPresets.layersOf(null, (Double) values.get(ScenarioInput.PARAMETERS)));
        if (layout != null) {
            throw new ScenarioFileException("field '" + at + "." + ScenarioInput.PIPELINE_STAGES.key() + "': "
                    + layout.replaceFirst("^Pipeline stages: ", ""));
        }
        return ScenarioInput.inputsOf(values);
    }

    /**
     * A preset (its parameter count may be left out), an imported model whose architecture the file carries,
     * or null with a parameter count; returns the preset or imported model, or null for a counted one.
     */
    private static ModelSpec readModel(JsonNode scenario, String at, Map<ScenarioInput, Object> values,
                                       List<ModelSpec> models) throws ScenarioFileException {
        String modelKey = ScenarioInput.MODEL.key();
        String preset = scenario.hasNonNull(modelKey) ? text(scenario.get(modelKey), at + "." + modelKey) : null;
        String imported = preset == null && scenario.hasNonNull(IMPORTED_MODEL)
                ? text(scenario.get(IMPORTED_MODEL), at + "." + IMPORTED_MODEL) : null;
        if (imported != null && imported.length() > MAX_IMPORTED_MODEL_CHARS) {
            throw new ScenarioFileException("field '" + at + "." + IMPORTED_MODEL + "' is too long (at most "
                    + MAX_IMPORTED_MODEL_CHARS + " characters)");
        }
        if (preset != null && ModelPresets.find(preset).isEmpty()) {
            throw new ScenarioFileException("field '" + at + "." + modelKey + "': unknown preset '" + preset
                    + "' (known: " + presetNames() + "; or null with '" + ScenarioInput.PARAMETERS.key()
                    + "' for a custom model)");
        }
        ScenarioInput parameters = ScenarioInput.PARAMETERS;
        values.put(ScenarioInput.MODEL, preset != null ? preset : imported);
        if (preset == null && imported == null) {
            values.put(parameters, value(scenario, at, parameters, true));
            return null;
        }
        ModelSpec spec = preset != null ? ModelPresets.find(preset).orElseThrow()
                : models.stream().filter(m -> m.name().equalsIgnoreCase(imported)).findFirst().orElseThrow(() ->
                new ScenarioFileException("field '" + at + "." + IMPORTED_MODEL + "': the architecture of '" + imported
                        + "' is not in the file (field '" + ModelSpecJson.FIELD + "'), so its numbers cannot be "
                        + "reproduced; import its config.json again (--model-config) and save"));
        if (scenario.hasNonNull(parameters.key())) {
            // A preset and another count contradict each other: which one the file meant cannot be guessed.
            double written = (Double) value(scenario, at, parameters, true);
            if (Math.abs(written - spec.totalParameters()) > 1e-9 * spec.totalParameters()) {
                throw new ScenarioFileException("field '" + at + "." + parameters.key() + "': "
                        + Units.parameterCount(written) + " is not the parameter count of the "
                        + (preset != null ? "preset" : "imported model") + " '" + spec.name()
                        + "' (" + Units.parameterCount(spec.totalParameters()) + "); leave it out for the preset, or set '"
                        + at + "." + modelKey + "' to null for a custom model");
            }
        }
        values.put(parameters, spec.totalParameters());
        return spec;
    }

    /** One input at its key: left out (or null), its default when it may be, else missing. */
    private static Object read(JsonNode scenario, String at, ScenarioInput input) throws ScenarioFileException {
        if (input.group() == null) {
            return value(scenario, at, input, input.requiredInFile());
        }
        JsonNode group = group(scenario, at, input.group());
        return group == null ? input.defaultValue()
                : value(group, at + "." + input.group(), input, input.requiredInFile());
    }

    /** A nested object ("whatIf"), or null when it is left out. */
    private static JsonNode group(JsonNode scenario, String at, String name) throws ScenarioFileException {
        JsonNode group = scenario.get(name);
        if (group == null || group.isNull()) {
            return null;
        }
        List<ScenarioInput> members = Arrays.stream(ScenarioInput.values())
                .filter(i -> name.equals(i.group())).toList();
        if (!group.isObject()) {
            throw new ScenarioFileException("field '" + at + "." + name + "' must be an object such as "
                    + example(members));
        }
        if (name.equals(WHAT_IF)) {
            Set<String> known = members.stream().map(ScenarioInput::field).collect(Collectors.toSet());
            for (Iterator<String> fields = group.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!known.contains(field)) {
                    String named = members.stream().map(ScenarioInput::field).collect(Collectors.joining(", "));
                    throw new ScenarioFileException("field '" + at + "." + name + "."
                            + PrintableText.clean(Units.shortened(field)) + "' is not a what-if ("
                            + named.replaceFirst(", ([^,]*)$", " or $1") + ")");
                }
            }
        }
        // A misspelt "draftModel" is named as such, not reported as the real one missing.
        refuseUnknown(group, members.stream().map(ScenarioInput::field).collect(Collectors.toSet()),
                at + "." + name + ".", "part of '" + name + "'");
        return group;
    }

    /** {"draftModel": "Llama-3.1-8B", ...}: the fields it must hold, or its first when none must be. */
    private static String example(List<ScenarioInput> members) {
        List<ScenarioInput> shown = members.stream().filter(ScenarioInput::requiredInFile).toList();
        return (shown.isEmpty() ? members.subList(0, 1) : shown).stream()
                .map(i -> "\"" + i.field() + "\": " + (i.kind().isNumber() ? i.example() : "\"" + i.example() + "\""))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** The field's value by its kind: a number, a switch, or text the table reads. */
    private static Object value(JsonNode object, String at, ScenarioInput input, boolean required)
            throws ScenarioFileException {
        String path = at + "." + input.field();
        JsonNode n = object.get(input.field());
        if (n == null || n.isNull()) {
            if (required) {
                throw new ScenarioFileException("missing field '" + path + "'");
            }
            return input.defaultValue();
        }
        return switch (input.kind()) {
            case NUMBER, WHOLE -> number(n, path, input);
            case PRICE -> n.isTextual() && n.asText().strip().equalsIgnoreCase(InputKind.NO_PRICE) ? Double.NaN
                    : number(n, path, input);
            case SWITCH -> {
                if (!n.isBoolean()) {
                    throw new ScenarioFileException("field '" + path + "' must be true or false");
                }
                yield n.asBoolean();
            }
            case REALISM -> {
                InputKind.Parsed mode = n.isTextual() ? input.parse(n.asText()) : null;
                if (mode == null || !mode.ok()) {
                    throw new ScenarioFileException("field '" + path + "' must be ideal, realistic or custom");
                }
                yield mode.value();
            }
            case NAME, PRESET, PRECISION -> word(n, path, input);
        };
    }

    private static Object word(JsonNode n, String path, ScenarioInput input) throws ScenarioFileException {
        String text = text(n, path);
        InputKind.Parsed parsed = input.parse(text);
        if (parsed.ok()) {
            return parsed.value();
        }
        throw new ScenarioFileException("field '" + path + "': " + switch (input.kind()) {
            case PRECISION -> "unknown precision '" + text + "' (known: " + Precision.acceptedKeys() + ")";
            case PRESET -> parsed.reason() + " (known: " + presetNames() + ")";
            default -> parsed.reason();
        });
    }

    /** Text of a name's length, cleaned of control characters. */
    private static String text(JsonNode n, String path) throws ScenarioFileException {
        if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > ScenarioFile.MAX_NAME_CHARS) {
            throw new ScenarioFileException("field '" + path + "' must be a short piece of text");
        }
        return PrintableText.clean(n.asText().strip());
    }

    /** A number exactly as written: 1e400 is too large and 2.5 is not a whole batch, never rounded first. */
    private static Object number(JsonNode n, String path, ScenarioInput input) throws ScenarioFileException {
        if (!n.isNumber()) {
            throw new ScenarioFileException("field '" + path + "' must be a number, e.g. " + input.example());
        }
        String written = n.decimalValue().stripTrailingZeros().toPlainString();
        if (written.length() > 64) { // 1e400 or 1e-400: no input is anywhere near
            String problem = input.range().problem(n.doubleValue());
            throw new ScenarioFileException("field '" + path + "': " + (problem != null ? problem
                    : "too many digits (" + written.length() + "; at most 64)"));
        }
        InputKind.Parsed parsed = input.parse(written);
        if (!parsed.ok()) {
            throw new ScenarioFileException("field '" + path + "': " + parsed.reason());
        }
        return parsed.value();
    }

    /** Refuses a field not among the known ones, naming it (shortened, printable) and listing the known. */
    static void refuseUnknown(JsonNode object, Set<String> known, String at, String what) throws ScenarioFileException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ScenarioFileException("field '" + at + PrintableText.cut(PrintableText.clean(name), 60)
                        + "' is not " + what + " (" + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String presetNames() {
        return ModelPresets.ALL.stream().map(ModelSpec::name).collect(Collectors.joining(", "));
    }
}
