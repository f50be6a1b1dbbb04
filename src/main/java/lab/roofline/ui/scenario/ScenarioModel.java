package lab.roofline.ui.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.scenario.ScenarioEdit;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.ApiPrice;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.serving.RentalPrices;

/**
 * The live scenario: one immutable {@link ScenarioInputs} value, the data loaded beside it (profiles, the
 * measured realism, the models), and what follows from them. Every derived value is a function of that
 * value and the data, recomputed lazily when either changes; there is no list of inputs a value depends on
 * to keep in step. Any number of changes between two frames cost one evaluation.
 * Uses only javafx.beans (no toolkit), so it is tested without one.
 */
public final class ScenarioModel {
    private final ObjectProperty<ScenarioInputs> inputs = new SimpleObjectProperty<>(this, "inputs", ScenarioInputs.DEFAULT);
    private final ObservableList<HardwareProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Realism> realism = new SimpleObjectProperty<>(this, "realism", Realism.IDEAL);
    /** The presets, then the models imported from config.json files. */
    private final ObservableList<ModelSpec> models = FXCollections.observableArrayList(ModelPresets.ALL);
    /** Public API prices to compare the scenario's output/input ratio against. */
    private final ObservableList<ApiPrice> apiPrices = FXCollections.observableArrayList();
    /** What every derived value depends on: the inputs and the loaded data, the same for all of them. */
    /**
     * Hourly prices for devices whose profile has none (the rental table): the one place the dashboard, the
     * planner and the serving window take a price from after the profile's ({@link RentalPrices#rateFor}).
     */
    private final ObjectProperty<RentalPrices> rentalPrices = new SimpleObjectProperty<>(this, "rentalPrices",
            RentalPrices.NONE);
    private final Observable[] basis = {inputs, profiles, realism, models, rentalPrices};

    private final ReadOnlyIntegerWrapper evaluationCount = new ReadOnlyIntegerWrapper(this, "evaluationCount");
    /** Counts whole scenarios set (a lesson step, a file, Reset, undo): fields drop a refused draft then. */
    private final ReadOnlyIntegerWrapper applied = new ReadOnlyIntegerWrapper(this, "applied");
    private final ObjectBinding<Scenario> scenario;
    private final ObjectBinding<Evaluation> result;
    /**
     * Implied batches for the API ratios: a function of the scenario at batch 1, so a batch drag returns the
     * list already computed (the key is compared, not a list of inputs).
     */
    private final ObjectBinding<List<RatioReference>> references;
    /** A price the user typed, for the GPU it was typed for; another GPU shows its own profile's price. */
    private PriceOverride typedPrice;
    private UndoHistory history;

    /** A typed price per device-hour (NaN: no price) for one GPU. */
    record PriceOverride(String gpuId, double usdPerHour) {
    }

    public ScenarioModel(List<HardwareProfile> availableProfiles) {
        if (availableProfiles.isEmpty()) {
            throw new IllegalArgumentException("at least one hardware profile is needed");
        }
        profiles.setAll(availableProfiles);
        scenario = derive(this::scenarioOf);
        result = new ObjectBinding<>() {
            {
                bind(scenario);
            }

            @Override
            protected Evaluation computeValue() {
                evaluationCount.set(evaluationCount.get() + 1);
                return RooflineEngine.evaluate(scenario.get());
            }
        };
        references = new ObjectBinding<>() {
            private Scenario lastKey;
            private List<ApiPrice> lastPrices;
            private List<RatioReference> last;

            {
                bind(scenario, apiPrices);
            }

            @Override
            protected List<RatioReference> computeValue() {
                Scenario key = scenario.get().withBatchSize(1);
                if (!key.equals(lastKey) || !apiPrices.equals(lastPrices)) {
                    last = RatioReference.forPrices(key, apiPrices);
                    lastKey = key;
                    lastPrices = List.copyOf(apiPrices);
                }
                return last;
            }
        };
        // The default scenario names the H100; without one loaded, the first profile stands in.
        apply(ScenarioInputs.DEFAULT);
    }

    /** A value that follows the inputs and the data, computed on first read after either changes. */
    public <T> ObjectBinding<T> derive(Function<ScenarioInputs, T> f) {
        return Bindings.createObjectBinding(() -> f.apply(inputs.get()), basis);
    }

    // ---- the inputs ----

    public ScenarioInputs inputs() {
        return inputs.get();
    }

    /** The one inputs value; invalidated whenever any input changes. */
    public ObservableValue<ScenarioInputs> inputsProperty() {
        return inputs;
    }

    /**
     * Changes some inputs: the edit starts from the current ones; a pipeline split the devices or the model
     * cannot take falls back to 1 (as the engine would evaluate it).
     */
    public void update(Consumer<ScenarioEdit> change) {
        ScenarioEdit e = new ScenarioEdit(inputs.get());
        change.accept(e);
        set(e);
    }

    private void set(ScenarioEdit e) {
        int layers = modelOf(e.presetName, e.parameters).layers();
        if (ScenarioLimits.parallelismProblem(e.gpuCount, e.pipelineStages, layers) != null) {
            e.pipelineStages = 1;
        }
        ScenarioInputs next = e.done();
        if (!next.equals(inputs.get())) { // an equal value changes nothing: no evaluation, no undo step
            inputs.set(next);
        }
    }

    /**
     * Sets every input from a scenario (a lesson step, a restored session, a file) as one undo step. An
     * unknown GPU id keeps the current GPU; an unknown preset makes the model custom with the given count.
     */
    public void apply(ScenarioInputs in) {
        if (history != null) {
            history.applyAsOneStep(() -> applyInputs(in));
        } else {
            applyInputs(in);
        }
    }

    private void applyInputs(ScenarioInputs in) {
        ScenarioEdit e = new ScenarioEdit(in);
        String current = inputs.get() == null ? profiles.get(0).id() : inputs.get().gpuId();
        e.gpuId = findProfile(in.gpuId()).or(() -> findProfile(current)).orElse(profiles.get(0)).id();
        Optional<ModelSpec> named = in.presetName() == null ? Optional.empty() : findModel(in.presetName());
        e.presetName = named.map(ModelSpec::name).orElse(null);
        if (named.isPresent()) {
            e.parameters = named.get().totalParameters();
        } else if (!ScenarioLimits.PARAMETERS.allows(in.parameters())) {
            e.parameters = inputs.get() == null ? ScenarioInputs.DEFAULT.parameters() : inputs.get().parameters();
        }
        typedPrice = in.priceUsdPerHour() == null ? null : new PriceOverride(e.gpuId, in.priceUsdPerHour());
        set(e);
        applied.set(applied.get() + 1);
    }

    /** Selects a device; the price is the one typed for it, if any, else its profile's. */
    public void selectGpu(HardwareProfile gpu) {
        update(e -> {
            e.gpuId = gpu.id();
            e.priceUsdPerHour = typedPrice != null && typedPrice.gpuId().equals(gpu.id()) ? typedPrice.usdPerHour() : null;
        });
    }

    /** A price per device-hour for the current GPU; NaN means no price. */
    public void setPrice(double usdPerHour) {
        typedPrice = new PriceOverride(inputs.get().gpuId(), usdPerHour);
        update(e -> e.priceUsdPerHour = usdPerHour);
    }

    /** Undo and redo of the inputs (made on first use; changes before it are the starting point). */
    public UndoHistory history() {
        if (history == null) {
            history = new UndoHistory(inputs, this::inputs, this::applyInputs, System::nanoTime);
        }
        return history;
    }

    /** The same history with a given clock, for tests of how changes join into steps. */
    UndoHistory history(LongSupplier clock) {
        history = new UndoHistory(inputs, this::inputs, this::applyInputs, clock);
        return history;
    }

    // ---- the data loaded beside the inputs ----

    public ObservableList<HardwareProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<Realism> realismProperty() {
        return realism;
    }

    public ObservableList<ModelSpec> models() {
        return models;
    }

    public ObservableList<ApiPrice> apiPrices() {
        return apiPrices;
    }

    /** A loaded profile by id, ignoring case. */
    public Optional<HardwareProfile> findProfile(String id) {
        return profiles.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
    }

    /** A preset or an imported model by name, ignoring case and punctuation. */
    public Optional<ModelSpec> findModel(String name) {
        String wanted = simplified(name);
        return models.stream().filter(m -> simplified(m.name()).equals(wanted)).findFirst();
    }

    /** Lower case letters and digits only (a loop, not a regex: every input change looks the model up). */
    private static String simplified(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    // ---- what follows from the inputs ----

    /** The profile the inputs name (a profile removed since stands as the first loaded one). */
    public HardwareProfile gpuOf(ScenarioInputs in) {
        return findProfile(in.gpuId()).orElse(profiles.get(0));
    }

    /** The model the inputs name: a preset or import, else a dense model of their parameter count. */
    public ModelSpec modelOf(ScenarioInputs in) {
        return modelOf(in.presetName(), in.parameters());
    }

    private ModelSpec modelOf(String presetName, double parameters) {
        return (presetName == null ? Optional.<ModelSpec>empty() : findModel(presetName))
                .orElseGet(() -> ModelSpec.fromParameterCount(parameters));
    }

    /**
     * The architectures of the imported models (no preset) some inputs name, as the window evaluates them:
     * what a saved document carries so it reopens with the same numbers anywhere.
     */
    public List<ModelSpec> importedModelsOf(List<ScenarioInputs> all) {
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (ScenarioInputs in : all) {
            String name = in.presetName();
            if (name != null && ModelPresets.find(name).isEmpty()) {
                models.putIfAbsent(name.toLowerCase(Locale.ROOT), modelOf(in).withName(name));
            }
        }
        return List.copyOf(models.values());
    }

    /** The scenario any inputs describe on the loaded profiles, models and measured fractions. */
    public Scenario scenarioOf(ScenarioInputs in) {
        ModelSpec model = modelOf(in);
        int stages = ScenarioLimits.parallelismProblem(in.gpuCount(), in.pipelineStages(), model.layers()) == null
                ? in.pipelineStages() : 1;
        return priced(in, in.withParallelism(in.gpuCount(), stages).toScenario(gpuOf(in), realism.get(), model));
    }

    /**
     * A scenario of the inputs with the one price rule applied: no typed price, the rental table's when the
     * profile has none (or the user owns the device). The live scenario's and every pin's.
     */
    public Scenario priced(ScenarioInputs in, Scenario s) {
        return rentalPrices.get().priced(s, in.priceUsdPerHour() != null);
    }

    /** The rental table the scenario's price falls back to (the serving window edits it). */
    public ObjectProperty<RentalPrices> rentalPricesProperty() {
        return rentalPrices;
    }

    /** Where a price comes from, by the one price rule. */
    public enum PriceOrigin { TYPED, RENTAL_TABLE, PROFILE, NONE }

    /** Where the live scenario's price comes from. */
    public PriceOrigin priceOrigin() {
        ScenarioInputs in = inputs.get();
        if (in.priceUsdPerHour() != null) {
            return Double.isNaN(in.priceUsdPerHour()) ? PriceOrigin.NONE : PriceOrigin.TYPED;
        }
        HardwareProfile gpu = gpuOf(in);
        return rentalPrices.get().rateFor(gpu).isPresent() ? PriceOrigin.RENTAL_TABLE
                : gpu.price().isPresent() ? PriceOrigin.PROFILE : PriceOrigin.NONE;
    }

    /**
     * Where the live scenario's price comes from, in words: "your price" (typed), the rental table's row (its
     * rate, kind, date and source), "profile", or "no price".
     */
    public String priceSource() {
        return switch (priceOrigin()) {
            case TYPED -> "your price";
            case RENTAL_TABLE -> rentalPrices.get().rateFor(gpuOf(inputs.get())).orElseThrow().describe();
            case PROFILE -> "profile";
            case NONE -> "no price";
        };
    }

    /**
     * Another scenario evaluated on the loaded profiles and measured fractions (an exercise's, a card's), the
     * live one untouched; null when no loaded profile has its GPU.
     */
    public Evaluation evaluate(ScenarioInputs in) {
        return findProfile(in.gpuId()).isEmpty() ? null : RooflineEngine.evaluate(scenarioOf(in));
    }

    /** A scenario built elsewhere (a pin from a file, on the profile it carries), evaluated by the engine. */
    public Evaluation evaluate(Scenario s) {
        return RooflineEngine.evaluate(s);
    }

    public Scenario scenario() {
        return scenario.get();
    }

    public ObservableValue<Scenario> scenarioProperty() {
        return scenario;
    }

    /** The evaluation of the current inputs, computed on first read after a change. */
    public ObservableValue<Evaluation> resultProperty() {
        return result;
    }

    public Evaluation result() {
        return result.get();
    }

    public ObservableValue<List<RatioReference>> referencesProperty() {
        return references;
    }

    /** Fires after each whole scenario is set, even one equal to the last. */
    public ReadOnlyIntegerProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty evaluationCountProperty() {
        return evaluationCount.getReadOnlyProperty();
    }
}
