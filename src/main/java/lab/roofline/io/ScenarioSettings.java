package lab.roofline.io;

import lab.roofline.engine.roofline.HardwareScales;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;

/**
 * The last session's scenario in the settings file: read back value by value, each checked by the same
 * limits as typed input; a missing or bad value keeps the default.
 */
public final class ScenarioSettings {
    private ScenarioSettings() {
    }

    /** Written for a price the user cleared: no price, rather than the profile's. */
    static final String NO_PRICE = "none";

    /** Reads the session; each value that is there but unusable keeps its default and adds a note. */
    public static ScenarioInputs read(Settings s, List<String> notes) {
        ScenarioInputs d = ScenarioInputs.DEFAULT;
        String preset = text(s, "model").orElse(null);
        double parameters = number(s, "parameters", ScenarioLimits.PARAMETERS, d.parameters(), notes);
        if (preset == null && !s.number("parameters").isPresent()) {
            preset = d.presetName();
        }
        Double price = text(s, "price").flatMap(p -> known(p, price(p), "price", "the GPU's own price", notes))
                .orElse(null);
        int gpuCount = (int) number(s, "gpuCount", ScenarioLimits.GPU_COUNT, d.gpuCount(), notes);
        int stages = (int) number(s, "pipelineStages", ScenarioLimits.PIPELINE_STAGES, 1, notes);
        // The layers of a preset or a counted model (an imported model is checked where it is known: the app).
        int layers = lab.roofline.engine.roofline.ModelPresets.layersOf(preset, parameters);
        String layout = ScenarioLimits.parallelismProblem(gpuCount, stages, layers);
        if (layout != null) {
            notes.add("settings: pipelineStages=" + stages + ": " + layout.replaceFirst("^Pipeline stages: ", "")
                    + "; using 1");
            stages = 1;
        }
        return new ScenarioInputs(text(s, "gpu").orElse(d.gpuId()), preset, parameters,
                text(s, "precision").flatMap(p -> known(p, Precision.parse(p), "precision", d.precision().key(), notes))
                        .orElse(d.precision()),
                text(s, "weightOnly").map(Boolean::parseBoolean).orElse(d.weightOnly()),
                text(s, "kvPrecision").flatMap(p -> known(p, Precision.parse(p), "kvPrecision", d.kvPrecision().key(),
                        notes)).orElse(d.kvPrecision()),
                (int) number(s, "batch", ScenarioLimits.BATCH, d.batchSize(), notes),
                (int) number(s, "prompt", ScenarioLimits.PROMPT_TOKENS, d.promptTokens(), notes),
                (int) number(s, "generated", ScenarioLimits.GENERATED_TOKENS, d.generatedTokens(), notes),
                gpuCount,
                text(s, "realism").flatMap(r -> known(r, realism(r), "realism", d.realism().name(), notes))
                        .orElse(d.realism()),
                number(s, "computeEfficiency", ScenarioLimits.COMPUTE_EFFICIENCY, d.customComputeEfficiency(), notes),
                number(s, "bandwidthEfficiency", ScenarioLimits.BANDWIDTH_EFFICIENCY, d.customBandwidthEfficiency(),
                        notes),
                price,
                new HardwareScales(number(s, "whatIf.bandwidth", ScenarioLimits.BANDWIDTH_SCALE, 1, notes),
                        number(s, "whatIf.peak", ScenarioLimits.PEAK_SCALE, 1, notes),
                        number(s, "whatIf.memory", ScenarioLimits.MEMORY_SCALE, 1, notes)),
                stages,
                number(s, "layerOverheadMicroseconds", ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS,
                        d.customLayerOverheadMicroseconds(), notes),
                text(s, "quantizedEmbeddings").map(Boolean::parseBoolean).orElse(false),
                speculation(s, notes));
    }

    /** speculation.draftModel (a preset; empty: off), .draftTokens, .acceptanceRate. */
    private static lab.roofline.engine.roofline.Speculation speculation(Settings s, List<String> notes) {
        Optional<String> name = text(s, "speculation.draftModel").filter(n -> !n.isBlank());
        if (name.isEmpty()) {
            return lab.roofline.engine.roofline.Speculation.NONE;
        }
        Optional<lab.roofline.engine.roofline.ModelSpec> draft = known(name.get(), lab.roofline.engine.roofline.ModelPresets.find(name.get()),
                "speculation.draftModel", "no speculative decoding", notes);
        if (draft.isEmpty()) {
            return lab.roofline.engine.roofline.Speculation.NONE;
        }
        int k = (int) number(s, "speculation.draftTokens", new ScenarioLimits.Range("Draft tokens", 1,
                ScenarioLimits.DRAFT_TOKENS.max(), true, "4"), 4, notes);
        double a = number(s, "speculation.acceptanceRate", ScenarioLimits.ACCEPTANCE_RATE, 0.7, notes);
        return new lab.roofline.engine.roofline.Speculation(k, a, draft.get());
    }

    /** The value, or a note that the saved text was not understood and which default replaces it. */
    private static <T> Optional<T> known(String text, Optional<T> value, String key, String fallback,
                                         List<String> notes) {
        if (value.isEmpty()) {
            notes.add("settings: " + key + "=" + Units.shortened(text) + " is not understood; using " + fallback);
        }
        return value;
    }

    /** The serving settings of the last session (serving.*); a value not understood keeps its default, with a note. */
    public static lab.roofline.engine.serving.ServingSettings readServing(Settings s, List<String> notes) {
        lab.roofline.engine.serving.ServingSettings d = lab.roofline.engine.serving.ServingSettings.DEFAULT;
        double cached = number(s, "serving.cachedInput", ScenarioLimits.CACHED_INPUT_SHARE, d.cachedInput(), notes);
        double ttft = limit(s, "serving.ttftMs", d.ttftSeconds(), notes);
        double tpot = limit(s, "serving.tpotMs", d.tpotSeconds(), notes);
        double electricity = number(s, "serving.electricityUsdPerKwh", ScenarioLimits.ELECTRICITY_USD_PER_KWH,
                d.electricityUsdPerKwh(), notes);
        boolean split = text(s, "serving.disaggregated").map(Boolean::parseBoolean).orElse(d.disaggregated());
        return new lab.roofline.engine.serving.ServingSettings(cached, ttft, tpot, split, electricity);
    }

    /** A limit in ms: "none" for no limit. */
    private static double limit(Settings s, String key, double fallbackSeconds, List<String> notes) {
        Optional<String> t = text(s, key);
        if (t.isPresent() && t.get().strip().equalsIgnoreCase("none")) {
            return Double.POSITIVE_INFINITY;
        }
        return number(s, key, ScenarioLimits.LIMIT_MILLISECONDS, fallbackSeconds * 1e3, notes) / 1e3;
    }

    public static void writeServing(Settings s, lab.roofline.engine.serving.ServingSettings serving) {
        s.put("serving.cachedInput", serving.cachedInput());
        s.put("serving.ttftMs", Double.isInfinite(serving.ttftSeconds()) ? "none" : Double.toString(serving.ttftSeconds() * 1e3));
        s.put("serving.tpotMs", Double.isInfinite(serving.tpotSeconds()) ? "none" : Double.toString(serving.tpotSeconds() * 1e3));
        s.put("serving.disaggregated", serving.disaggregated());
        s.put("serving.electricityUsdPerKwh", serving.electricityUsdPerKwh());
    }

    public static void write(Settings s, ScenarioInputs in) {
        s.put("gpu", in.gpuId());
        s.put("model", in.presetName() == null ? "" : in.presetName());
        s.put("parameters", in.parameters());
        s.put("precision", in.precision().key());
        s.put("weightOnly", in.weightOnly());
        s.put("kvPrecision", in.kvPrecision().key());
        s.put("batch", in.batchSize());
        s.put("prompt", in.promptTokens());
        s.put("generated", in.generatedTokens());
        s.put("gpuCount", in.gpuCount());
        s.put("pipelineStages", in.pipelineStages());
        s.put("layerOverheadMicroseconds", in.customLayerOverheadMicroseconds());
        s.put("quantizedEmbeddings", in.quantizedEmbeddings());
        s.put("realism", in.realism().name());
        s.put("computeEfficiency", in.customComputeEfficiency());
        s.put("bandwidthEfficiency", in.customBandwidthEfficiency());
        s.put("price", in.priceUsdPerHour() == null ? null
                : in.priceUsdPerHour().isNaN() ? NO_PRICE : in.priceUsdPerHour());
        s.put("whatIf.bandwidth", in.scales().bandwidth());
        s.put("whatIf.peak", in.scales().peak());
        s.put("whatIf.memory", in.scales().memory());
        s.put("speculation.draftModel", in.speculation().isOn() ? in.speculation().draftModel().name() : "");
        s.put("speculation.draftTokens", in.speculation().isOn() ? in.speculation().draftTokens() : 4);
        s.put("speculation.acceptanceRate", in.speculation().isOn() ? in.speculation().acceptanceRate() : 0.7);
    }

    /** NaN for "none" (the user cleared it), the price when valid, empty (the profile's) otherwise. */
    private static Optional<Double> price(String text) {
        if (text.equals(NO_PRICE)) {
            return Optional.of(Double.NaN);
        }
        ScenarioLimits.Parsed p = ScenarioLimits.PRICE_USD_PER_HOUR.parse(text);
        return p.ok() ? Optional.of(p.value()) : Optional.empty();
    }

    private static Optional<RealismMode> realism(String name) {
        try {
            return Optional.of(RealismMode.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
