package lab.roofline.io.scenario;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.InputKind;
import lab.roofline.engine.scenario.ScenarioInput;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.ServingSettings;

/**
 * The last session's scenario in the settings file: a key per scenario input, as the table names it
 * ({@link ScenarioInput#settingsKey}), its value as the table prints it. Read back value by value, each
 * checked by the same limits as typed input; a missing or bad value keeps the default, and a bad one says
 * so in a note.
 */
public final class ScenarioSettings {
    private ScenarioSettings() {
    }

    /** Reads the session; each value that is there but unusable keeps its default and adds a note. */
    public static ScenarioInputs read(Settings s, List<String> notes) {
        Map<ScenarioInput, Object> values = new EnumMap<>(ScenarioInput.class);
        for (ScenarioInput input : ScenarioInput.values()) {
            values.put(input, read(s, input, notes));
        }
        // A model saved by name (an imported one's too, found among the imports by the app); no name and no
        // count saved: the default preset, else a custom model of the saved count.
        boolean countSaved = text(s, ScenarioInput.PARAMETERS.settingsKey())
                .map(count -> ScenarioInput.PARAMETERS.parse(count).ok()).orElse(false);
        values.put(ScenarioInput.MODEL, text(s, ScenarioInput.MODEL.settingsKey())
                .orElse(countSaved ? null : (String) ScenarioInput.MODEL.defaultValue()));
        int devices = (Integer) values.get(ScenarioInput.GPU_COUNT);
        int stages = (Integer) values.get(ScenarioInput.PIPELINE_STAGES);
        // The layers of a preset or a counted model (an imported model is checked where it is known: the app).
        String layout = ScenarioLimits.parallelismProblem(devices, stages, ModelPresets.layersOf(
                (String) values.get(ScenarioInput.MODEL), (Double) values.get(ScenarioInput.PARAMETERS)));
        if (layout != null) {
            notes.add("settings: " + ScenarioInput.PIPELINE_STAGES.settingsKey() + "=" + stages + ": "
                    + layout.replaceFirst("^Pipeline stages: ", "") + "; using 1");
            values.put(ScenarioInput.PIPELINE_STAGES, 1);
        }
        return ScenarioInput.inputsOf(values);
    }

    /** Every input at its key; one with no value (the profile's price, no draft) is left out. */
    public static void write(Settings s, ScenarioInputs in) {
        for (ScenarioInput input : ScenarioInput.values()) {
            s.put(input.settingsKey(), input.print(input.valueIn(in)));
        }
    }

    /** One input's saved value, or its default; a value not understood adds a note saying which default. */
    private static Object read(Settings s, ScenarioInput input, List<String> notes) {
        String key = input.settingsKey();
        Optional<String> saved = text(s, key);
        if (saved.isEmpty()) {
            return input.defaultValue();
        }
        InputKind.Parsed parsed = input.parse(saved.get());
        if (parsed.ok()) {
            return parsed.value();
        }
        boolean counted = input.kind() == InputKind.NUMBER || input.kind() == InputKind.WHOLE;
        notes.add("settings: " + key + "=" + Units.shortened(saved.get()) + (counted ? " (" + parsed.reason() + ")"
                : " is not understood") + "; using " + input.defaultDescribed());
        return input.defaultValue();
    }

    /** The serving settings of the last session (serving.*); a value not understood keeps its default, with a note. */
    public static ServingSettings readServing(Settings s, List<String> notes) {
        ServingSettings d = ServingSettings.DEFAULT;
        double cached = number(s, "serving.cachedInput", ScenarioLimits.CACHED_INPUT_SHARE, d.cachedInput(), notes);
        double ttft = limit(s, "serving.ttftMs", d.ttftSeconds(), notes);
        double tpot = limit(s, "serving.tpotMs", d.tpotSeconds(), notes);
        double electricity = number(s, "serving.electricityUsdPerKwh", ScenarioLimits.ELECTRICITY_USD_PER_KWH,
                d.electricityUsdPerKwh(), notes);
        boolean split = text(s, "serving.disaggregated").map(Boolean::parseBoolean).orElse(d.disaggregated());
        return new ServingSettings(cached, ttft, tpot, split, electricity);
    }

    /** A limit in ms: "none" for no limit. */
    private static double limit(Settings s, String key, double fallbackSeconds, List<String> notes) {
        Optional<String> t = text(s, key);
        if (t.isPresent() && t.get().strip().equalsIgnoreCase("none")) {
            return Double.POSITIVE_INFINITY;
        }
        return number(s, key, ScenarioLimits.LIMIT_MILLISECONDS, fallbackSeconds * 1e3, notes) / 1e3;
    }

    public static void writeServing(Settings s, ServingSettings serving) {
        s.put("serving.cachedInput", serving.cachedInput());
        s.put("serving.ttftMs", Double.isInfinite(serving.ttftSeconds()) ? "none" : Double.toString(serving.ttftSeconds() * 1e3));
        s.put("serving.tpotMs", Double.isInfinite(serving.tpotSeconds()) ? "none" : Double.toString(serving.tpotSeconds() * 1e3));
        s.put("serving.disaggregated", serving.disaggregated());
        s.put("serving.electricityUsdPerKwh", serving.electricityUsdPerKwh());
    }

    private static Optional<String> text(Settings s, String key) {
        return Optional.ofNullable(s.get(key, null)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static double number(Settings s, String key, ScenarioLimits.Range range, double fallback,
                                 List<String> notes) {
        Optional<String> saved = text(s, key);
        if (saved.isEmpty()) {
            return fallback;
        }
        ScenarioLimits.Parsed p = range.parse(saved.get());
        if (p.ok()) {
            return p.value();
        }
        notes.add("settings: " + key + "=" + Units.shortened(saved.get()) + " (" + p.reason() + "); using "
                + range.format(fallback));
        return fallback;
    }
}
