package lab.roofline.app;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.roofline.engine.ApiPrice;
import lab.roofline.engine.Evaluation;
import lab.roofline.engine.Explanation;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.ModelPresets;
import lab.roofline.engine.ModelSpec;
import lab.roofline.engine.Precision;
import lab.roofline.engine.RatioReference;
import lab.roofline.engine.Realism;
import lab.roofline.engine.RooflineEngine;
import lab.roofline.engine.Scenario;
import lab.roofline.engine.Units;

/**
 * The one view model: input properties, and one lazily evaluated result. Any number of input changes
 * between two reads cost one evaluation, so a slider drag costs one evaluation per frame.
 * Uses only javafx.beans (no toolkit), so it is tested without one.
 */
public final class RooflineViewModel {
    public static final double MIN_PARAMETERS = 1e8;
    public static final double MAX_PARAMETERS = 2e12;
    public static final int MAX_SLIDER_BATCH = 4096;

    private final ObservableList<HardwareProfile> profiles = FXCollections.observableArrayList();
    /** Null means a custom model derived from {@link #parameters}. */
    private final ObjectProperty<ModelSpec> preset = new SimpleObjectProperty<>(this, "preset");
    private final DoubleProperty parameters = new SimpleDoubleProperty(this, "parameters");
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision", Precision.BF16);
    private final BooleanProperty weightOnly = new SimpleBooleanProperty(this, "weightOnly");
    private final ObjectProperty<Precision> kvPrecision = new SimpleObjectProperty<>(this, "kvPrecision", Precision.BF16);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 1);
    private final ObjectProperty<HardwareProfile> gpu = new SimpleObjectProperty<>(this, "gpu");
    private final IntegerProperty gpuCount = new SimpleIntegerProperty(this, "gpuCount", 1);
    private final IntegerProperty promptTokens = new SimpleIntegerProperty(this, "promptTokens", 1024);
    private final IntegerProperty generatedTokens = new SimpleIntegerProperty(this, "generatedTokens", 256);
    private final DoubleProperty computeEfficiency = new SimpleDoubleProperty(this, "computeEfficiency", 1.0);
    private final DoubleProperty bandwidthEfficiency = new SimpleDoubleProperty(this, "bandwidthEfficiency", 1.0);
    /** Price per device-hour; NaN when unknown. Follows the GPU's profile when the GPU changes. */
    private final DoubleProperty priceUsdPerHour = new SimpleDoubleProperty(this, "priceUsdPerHour", Double.NaN);

    /** Ideal roofline, measured achievable fractions, or the user's own efficiencies. */
    public enum RealismMode { IDEAL, REALISTIC, CUSTOM }

    private final ObjectProperty<RealismMode> realismMode = new SimpleObjectProperty<>(this, "realismMode",
            RealismMode.IDEAL);
    private Realism realism = Realism.IDEAL;
    private boolean applyingRealism;

    /** Public API prices to compare the scenario's output/input ratio against. */
    private final ObservableList<ApiPrice> apiPrices = FXCollections.observableArrayList();
    /** The Explanation topic a lesson step is discussing; charts highlight its element. Null: none. */
    private final ObjectProperty<Explanation.Topic> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ReadOnlyIntegerWrapper evaluationCount = new ReadOnlyIntegerWrapper(this, "evaluationCount");
    private final ObjectBinding<Evaluation> result;
    /** Implied batches for the API ratios; independent of the batch, so a batch drag never recomputes it. */
    private final ObjectBinding<List<RatioReference>> references;
    private final ReadOnlyObjectWrapper<String> lastInputError = new ReadOnlyObjectWrapper<>(this, "lastInputError");

    public RooflineViewModel(List<HardwareProfile> availableProfiles) {
        if (availableProfiles.isEmpty()) {
            throw new IllegalArgumentException("at least one hardware profile is needed");
        }
        profiles.setAll(availableProfiles);
        gpu.set(availableProfiles.stream().filter(p -> p.id().equals("h100_sxm")).findFirst()
                .orElse(availableProfiles.get(0)));
        priceUsdPerHour.set(gpu.get().priceUsdPerHour());
        // The article's case: a 70B model in INT8 on one H100.
        preset.set(ModelPresets.LLAMA_3_1_70B);
        parameters.set(ModelPresets.LLAMA_3_1_70B.totalParameters());
        precision.set(Precision.INT8);

        // Choosing a preset sets the parameter count; moving the count away from it makes the model custom.
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                parameters.set(now.totalParameters());
            }
        });
        parameters.addListener((obs, old, now) -> {
            ModelSpec p = preset.get();
            if (p != null && Math.abs(now.doubleValue() - p.totalParameters()) > 1e-6 * p.totalParameters()) {
                preset.set(null);
            }
        });
        gpu.addListener((obs, old, now) -> {
            if (now != null) {
                priceUsdPerHour.set(now.priceUsdPerHour());
                if (realismMode.get() == RealismMode.REALISTIC) {
                    applyRealism();
                }
            }
        });
        realismMode.addListener((obs, old, now) -> applyRealism());
        // Moving an efficiency slider by hand makes the setting the user's own.
        javafx.beans.InvalidationListener handEdit = obs -> {
            if (!applyingRealism) {
                realismMode.set(RealismMode.CUSTOM);
            }
        };
        computeEfficiency.addListener(handEdit);
        bandwidthEfficiency.addListener(handEdit);

        references = new ObjectBinding<>() {
            {
                bind(preset, parameters, precision, weightOnly, kvPrecision, gpu, gpuCount, promptTokens,
                        generatedTokens, computeEfficiency, bandwidthEfficiency, apiPrices);
            }

            @Override
            protected List<RatioReference> computeValue() {
                return ratioReferences(scenario(), apiPrices);
            }
        };

        result = new ObjectBinding<>() {
            {
                bind(preset, parameters, precision, weightOnly, kvPrecision, batchSize, gpu, gpuCount,
                        promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour);
            }

            @Override
            protected Evaluation computeValue() {
                evaluationCount.set(evaluationCount.get() + 1);
                return RooflineEngine.evaluate(scenario());
            }
        };
    }

    static List<RatioReference> ratioReferences(Scenario s, List<ApiPrice> prices) {
        java.util.Map<Double, List<String>> byRatio = new java.util.TreeMap<>();
        for (ApiPrice p : prices) {
            double ratio = Math.round(p.outputToInputRatio() * 100) / 100.0;
            byRatio.computeIfAbsent(ratio, r -> new java.util.ArrayList<>()).add(p.label());
        }
        List<RatioReference> out = new java.util.ArrayList<>();
        byRatio.forEach((ratio, names) -> out.add(new RatioReference(ratio, String.join(", ", names),
                RooflineEngine.impliedBatch(s, ratio))));
        return List.copyOf(out);
    }

    public ObservableValue<List<RatioReference>> referencesProperty() {
        return references;
    }

    public ObservableList<ApiPrice> apiPrices() {
        return apiPrices;
    }

    public ObjectProperty<Explanation.Topic> highlightProperty() {
        return highlight;
    }

    private void applyRealism() {
        RealismMode mode = realismMode.get();
        if (mode == RealismMode.CUSTOM) {
            return;
        }
        applyingRealism = true;
        try {
            Realism r = mode == RealismMode.REALISTIC ? realism : Realism.IDEAL;
            computeEfficiency.set(r.computeFraction(gpu.get().id()));
            bandwidthEfficiency.set(r.bandwidthFraction());
        } finally {
            applyingRealism = false;
        }
    }

    public void setRealism(Realism measured) {
        realism = measured;
        applyRealism();
    }

    public Realism realism() {
        return realism;
    }

    public ObjectProperty<RealismMode> realismModeProperty() {
        return realismMode;
    }

    /** Where the current efficiencies come from, in words. */
    public String realismSource() {
        return switch (realismMode.get()) {
            case IDEAL -> "Ideal roofline: 100 % of peak compute and bandwidth, an upper bound on speed.";
            case REALISTIC -> "Compute " + Units.percent(computeEfficiency.get()) + ": "
                    + realism.computeSource(gpu.get().id()) + ". Bandwidth " + Units.percent(bandwidthEfficiency.get())
                    + ": " + realism.bandwidthSource() + ".";
            case CUSTOM -> "Your own efficiencies.";
        };
    }

    /** The scenario the inputs describe. Inputs are kept valid by the setters, so this cannot fail. */
    public Scenario scenario() {
        return new Scenario(model(), gpu.get(), gpuCount.get(), precision.get(), weightOnly.get(),
                kvPrecision.get(), batchSize.get(), promptTokens.get(), generatedTokens.get(),
                computeEfficiency.get(), bandwidthEfficiency.get(), priceUsdPerHour.get());
    }

    public ModelSpec model() {
        ModelSpec p = preset.get();
        return p != null ? p : ModelSpec.fromParameterCount(parameters.get());
    }

    /** The evaluation of the current inputs, computed on first read after a change. */
    public ObservableValue<Evaluation> resultProperty() {
        return result;
    }

    public Evaluation result() {
        return result.get();
    }

    // ---- validated setters: bad text never reaches the model; the message says what was wrong ----

    /** Accepts 70B, 7e9, 1.8T. Returns the error, or empty when applied. */
    public Optional<String> setParametersText(String text) {
        var parsed = Units.parseCount(text);
        if (parsed.isEmpty()) {
            return error("Parameter count: '" + text.trim() + "' is not a number of parameters (try 70B, 7e9 or 1.8T)");
        }
        double value = parsed.getAsDouble();
        if (value < MIN_PARAMETERS || value > MAX_PARAMETERS) {
            return error("Parameter count: " + Units.parameterCount(value) + " is outside 100M to 2T");
        }
        parameters.set(value);
        return ok();
    }

    public Optional<String> setBatchSizeText(String text) {
        return parseWhole(text, "Batch size", 1, lab.roofline.engine.Scenario.MAX_BATCH).map(this::error)
                .orElseGet(() -> {
                    batchSize.set((int) Long.parseLong(text.trim().replace(",", "").replace("_", "")));
                    return ok();
                });
    }

    public Optional<String> setPromptTokensText(String text) {
        return setTokens(text, "Prompt tokens", promptTokens);
    }

    public Optional<String> setGeneratedTokensText(String text) {
        return setTokens(text, "Generated tokens", generatedTokens);
    }

    private Optional<String> setTokens(String text, String what, IntegerProperty target) {
        var parsed = Units.parseCount(text);
        if (parsed.isEmpty() && text.trim().matches("-?[0-9.]+")) {
            return error(what + ": must be between 1 and 10M tokens, got " + text.trim());
        }
        if (parsed.isEmpty() || parsed.getAsDouble() != Math.rint(parsed.getAsDouble())) {
            return error(what + ": '" + text.trim() + "' is not a whole number of tokens (try 1024 or 8k)");
        }
        double v = parsed.getAsDouble();
        if (v < 1 || v > 10_000_000) {
            return error(what + ": must be between 1 and 10M tokens, got " + text.trim());
        }
        target.set((int) v);
        return ok();
    }

    public Optional<String> setPriceText(String text) {
        String t = text.trim().replace("$", "");
        if (t.isEmpty()) {
            priceUsdPerHour.set(Double.NaN);
            return ok();
        }
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && v < 1e6) {
                priceUsdPerHour.set(v);
                return ok();
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        return error("Price per hour: '" + text.trim() + "' is not a positive number of dollars (try 3.49)");
    }

    private Optional<String> parseWhole(String text, String what, long min, long max) {
        String t = text == null ? "" : text.trim().replace(",", "").replace("_", "");
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                return Optional.of(what + ": must be between " + min + " and " + max + ", got " + v);
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(what + ": '" + (text == null ? "" : text.trim()) + "' is not a whole number");
        }
    }

    private Optional<String> error(String message) {
        lastInputError.set(message);
        return Optional.of(message);
    }

    private Optional<String> ok() {
        lastInputError.set(null);
        return Optional.empty();
    }

    /** Sets every input from a scenario (a lesson step, a saved session, the command line). */
    public void applyScenario(Scenario s) {
        if (!profiles.contains(s.gpu())) {
            profiles.add(s.gpu());
        }
        gpu.set(s.gpu());
        ModelSpec m = s.model();
        if (ModelPresets.ALL.contains(m)) {
            preset.set(m);
        } else {
            preset.set(null);
            parameters.set(m.totalParameters());
        }
        gpuCount.set(s.gpuCount());
        precision.set(s.weightPrecision());
        weightOnly.set(s.weightOnly());
        kvPrecision.set(s.kvPrecision());
        batchSize.set((int) s.batchSize());
        promptTokens.set((int) s.promptTokens());
        generatedTokens.set((int) s.generatedTokens());
        computeEfficiency.set(s.computeEfficiency());
        bandwidthEfficiency.set(s.bandwidthEfficiency());
        priceUsdPerHour.set(s.priceUsdPerHour());
    }

    /** Selects a GPU by id; false when no such profile is loaded. */
    public boolean selectGpu(String id) {
        return profiles.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst().map(p -> {
            gpu.set(p);
            return true;
        }).orElse(false);
    }

    // ---- plain-word summaries the views show ----

    /** "A100 has no FP8: using BF16", memory warnings: whatever applies now. */
    public List<String> warnings() {
        return result().notices();
    }

    /** One line describing the scenario, for export captions. */
    public String caption() {
        Scenario s = result().scenario();
        String precisionText = s.weightOnly()
                ? s.weightPrecision().label() + " weights, BF16 math" : s.weightPrecision().label();
        return (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + s.gpu().name() + "  ·  " + s.model().name()
                + "  ·  " + precisionText + "  ·  batch " + s.batchSize() + "  ·  " + s.promptTokens()
                + " prompt + " + s.generatedTokens() + " generated tokens  ·  Roofline Lab";
    }

    // ---- property accessors ----

    public ObservableList<HardwareProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ModelSpec> presetProperty() {
        return preset;
    }

    public DoubleProperty parametersProperty() {
        return parameters;
    }

    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    public BooleanProperty weightOnlyProperty() {
        return weightOnly;
    }

    public ObjectProperty<Precision> kvPrecisionProperty() {
        return kvPrecision;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public ObjectProperty<HardwareProfile> gpuProperty() {
        return gpu;
    }

    public IntegerProperty gpuCountProperty() {
        return gpuCount;
    }

    public IntegerProperty promptTokensProperty() {
        return promptTokens;
    }

    public IntegerProperty generatedTokensProperty() {
        return generatedTokens;
    }

    public DoubleProperty computeEfficiencyProperty() {
        return computeEfficiency;
    }

    public DoubleProperty bandwidthEfficiencyProperty() {
        return bandwidthEfficiency;
    }

    public DoubleProperty priceUsdPerHourProperty() {
        return priceUsdPerHour;
    }

    public ReadOnlyIntegerProperty evaluationCountProperty() {
        return evaluationCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> lastInputErrorProperty() {
        return lastInputError.getReadOnlyProperty();
    }
}
