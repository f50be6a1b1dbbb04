package lab.roofline.ui.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.ApiPrice;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.explain.Explanation;

/**
 * The controls' view of the live scenario: each input as a property a control binds to, the commands typed
 * text and sliders call, and the values derived for them. The inputs live in {@link ScenarioModel} as one
 * value; every property here reads it or is derived from it, so none can be stale. Pins, serving economics
 * and the document are features of their own ({@link #pinsModel()}, {@link #servingModel()},
 * {@link #document()}). Uses only javafx.beans (no toolkit), so it is tested without one.
 */
public final class RooflineViewModel {
    private final ScenarioModel scenario;
    private final PinsModel pins;
    private final ServingModel serving;
    private final ScenarioEdits edits;
    private ScenarioDocument document;

    private final ObjectProperty<HardwareProfile> gpu;
    private final ObjectProperty<ModelSpec> preset;
    private final ObjectProperty<Precision> precision;
    private final BooleanProperty weightOnly;
    private final ObjectProperty<Precision> kvPrecision;
    private final IntegerProperty batchSize;
    private final IntegerProperty gpuCount;
    private final IntegerProperty promptTokens;
    private final IntegerProperty generatedTokens;
    private final ObjectProperty<RealismMode> realismMode;
    /** A what-if on the device (bandwidth, peaks, memory scaled); none by default. Not saved as a profile. */
    private final ObjectProperty<HardwareScales> scales;
    /** Speculative decoding: a draft model, its tokens per step and their acceptance (NONE: off). */
    private final ObjectProperty<Speculation> speculation;
    /** The embedding and output tables quantized like the other weights (else kept at 16 bits). */
    private final BooleanProperty quantizedEmbeddings;

    private final ReadOnlyDoubleProperty parameters;
    private final ReadOnlyDoubleProperty computeEfficiency;
    private final ReadOnlyDoubleProperty bandwidthEfficiency;
    private final ReadOnlyDoubleProperty layerOverheadSeconds;
    private final ReadOnlyDoubleProperty priceUsdPerHour;
    private final ReadOnlyIntegerProperty effectivePipelineStages;
    private final ReadOnlyStringProperty realismSource;

    /** The topic a lesson step is discussing; charts highlight its element. Null: none. */
    private final ObjectProperty<Explanation.Topic> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ObservableList<Exercise> exercises = FXCollections.observableArrayList(Exercise.BUILT_IN);
    /**
     * Which profiles are the user's own (from their profile folder, or carried by a file) rather than bundled:
     * the app knows (it loaded them); the GPU list and the landscape mark them.
     */
    private final ObjectProperty<Predicate<HardwareProfile>> own = new SimpleObjectProperty<>(this, "own", p -> false);

    public RooflineViewModel(List<HardwareProfile> availableProfiles) {
        scenario = new ScenarioModel(availableProfiles);
        pins = new PinsModel(scenario);
        serving = new ServingModel(scenario, pins);
        edits = new ScenarioEdits(scenario);
        ObservableValue<ScenarioInputs> in = scenario.inputsProperty();
        gpu = InputField.object(this, "gpu", in, scenario::gpuOf, scenario::selectGpu);
        preset = InputField.object(this, "preset", in, i -> i.presetName() == null ? null
                : scenario.findModel(i.presetName()).orElse(null), edits::setPreset);
        precision = InputField.object(this, "precision", in, ScenarioInputs::precision, v -> scenario.update(e -> e.precision = v));
        weightOnly = InputField.bool(this, "weightOnly", in, ScenarioInputs::weightOnly, v -> scenario.update(e -> e.weightOnly = v));
        kvPrecision = InputField.object(this, "kvPrecision", in, ScenarioInputs::kvPrecision,
                v -> scenario.update(e -> e.kvPrecision = v));
        batchSize = InputField.integer(this, "batchSize", in, ScenarioInputs::batchSize, v -> scenario.update(e -> e.batchSize = v));
        gpuCount = InputField.integer(this, "gpuCount", in, ScenarioInputs::gpuCount, v -> scenario.update(e -> e.gpuCount = v));
        promptTokens = InputField.integer(this, "promptTokens", in, ScenarioInputs::promptTokens,
                v -> scenario.update(e -> e.promptTokens = v));
        generatedTokens = InputField.integer(this, "generatedTokens", in, ScenarioInputs::generatedTokens,
                v -> scenario.update(e -> e.generatedTokens = v));
        realismMode = InputField.object(this, "realismMode", in, ScenarioInputs::realism, v -> scenario.update(e -> e.realism = v));
        scales = InputField.object(this, "scales", in, ScenarioInputs::scales,
                v -> scenario.update(e -> e.scales = v == null ? HardwareScales.NONE : v));
        speculation = InputField.object(this, "speculation", in, ScenarioInputs::speculation,
                v -> scenario.update(e -> e.speculation = v));
        quantizedEmbeddings = InputField.bool(this, "quantizedEmbeddings", in, ScenarioInputs::quantizedEmbeddings,
                v -> scenario.update(e -> e.quantizedEmbeddings = v));

        ObservableValue<Scenario> s = scenario.scenarioProperty();
        parameters = InputField.decimal(this, "parameters", s, x -> x.model().totalParameters());
        computeEfficiency = InputField.decimal(this, "computeEfficiency", s, Scenario::computeEfficiency);
        bandwidthEfficiency = InputField.decimal(this, "bandwidthEfficiency", s, Scenario::bandwidthEfficiency);
        layerOverheadSeconds = InputField.decimal(this, "layerOverheadSeconds", s, Scenario::layerOverheadSeconds);
        priceUsdPerHour = InputField.decimal(this, "priceUsdPerHour", s, Scenario::priceUsdPerHour);
        effectivePipelineStages = InputField.whole(this, "pipelineStages", s, Scenario::pipelineStages);
        realismSource = InputField.text(this, "realismSource", s, this::realismSource);
    }

    private String realismSource(Scenario s) {
        Realism measured = scenario.realismProperty().get();
        return switch (scenario.inputs().realism()) {
            case IDEAL -> "Ideal roofline: 100 % of peak compute and bandwidth, an upper bound on speed.";
            case REALISTIC -> "Compute " + Units.percent(s.computeEfficiency()) + ": "
                    + measured.computeSource(s.gpu().id()) + ". Bandwidth " + Units.percent(s.bandwidthEfficiency())
                    + ": " + measured.bandwidthSource() + ". Overhead " + Units.seconds(s.layerOverheadSeconds())
                    + " per layer: " + measured.layerOverheadSource() + ".";
            case CUSTOM -> "Your own efficiencies and overhead per layer.";
        };
    }

    // ---- the features beside the controls ----

    /** The live scenario: its one inputs value, the loaded data and the evaluation. */
    public ScenarioModel scenarioModel() {
        return scenario;
    }

    public PinsModel pinsModel() {
        return pins;
    }

    public ServingModel servingModel() {
        return serving;
    }

    /** What the controls do: typed text, slider moves and choices, each one edit of the inputs. */
    public ScenarioEdits edit() {
        return edits;
    }

    /** The live scenario as a document: its file, name, note and unsaved changes. */
    public ScenarioDocument document() {
        if (document == null) {
            document = new ScenarioDocument(scenario.inputsProperty(), pins.pinnedProperty());
        }
        return document;
    }

    // ---- whole scenarios ----

    /** Sets every input from a scenario (a lesson step, a restored session, a file), as one undo step. */
    public void apply(ScenarioInputs in) {
        scenario.apply(in);
    }

    public UndoHistory history() {
        return scenario.history();
    }

    UndoHistory history(LongSupplier clock) {
        return scenario.history(clock);
    }

    /** The inputs as the user chose them: what {@link #apply} takes back. */
    public ScenarioInputs inputs() {
        return scenario.inputs();
    }

    /** Invalidated whenever any input changes (the app saves the session then). */
    public ObservableValue<ScenarioInputs> inputsProperty() {
        return scenario.inputsProperty();
    }

    /** Edit ▸ Reset to defaults: the default scenario, as one undoable step (the document stays). */
    public void resetToDefaults() {
        apply(ScenarioInputs.DEFAULT);
    }

    /** File ▸ New: the default scenario, untitled. */
    public void newScenario() {
        apply(ScenarioInputs.DEFAULT);
        document().startedNew();
    }

    /**
     * Opens a scenario document: its GPU must be loaded or carried in the file (then it joins the list);
     * otherwise nothing changes and the reason is returned.
     */
    public Optional<String> open(Path from, NamedScenario d) {
        Optional<HardwareProfile> gpuOf = d.profileAmong(scenario.profiles());
        if (gpuOf.isEmpty()) {
            return Optional.of(from.getFileName() + ": field 'scenario.gpu': unknown accelerator '"
                    + Units.shortened(d.inputs().gpuId()) + "' (not among the loaded profiles, and the file carries none)");
        }
        if (!d.pins().isEmpty()) {
            // A file that holds pins brings them; one without leaves the user's pins as they are.
            Optional<String> problem = pins.setPins(d.pins());
            if (problem.isPresent()) {
                return Optional.of(from.getFileName() + ": " + problem.get());
            }
        }
        if (!scenario.profiles().contains(gpuOf.get())) {
            // The file's own copy stands in for a loaded profile of its id (the caller says when they differ).
            Optional<HardwareProfile> same = scenario.findProfile(gpuOf.get().id());
            same.ifPresentOrElse(p -> scenario.profiles().set(scenario.profiles().indexOf(p), gpuOf.get()),
                    () -> scenario.profiles().add(gpuOf.get()));
        }
        // The file's imported models join the list, as the file describes them (over one of the same name).
        d.models().forEach(edits::addImportedModel);
        apply(d.inputs());
        document().opened(from, d);
        return Optional.empty();
    }

    // ---- results and data ----

    public ModelSpec model() {
        return scenario.modelOf(inputs());
    }

    /** The scenario the inputs describe. Inputs are kept valid by the setters, so this cannot fail. */
    public Scenario scenario() {
        return scenario.scenario();
    }

    public ObservableValue<Evaluation> resultProperty() {
        return scenario.resultProperty();
    }

    public Evaluation result() {
        return scenario.result();
    }

    public ObservableValue<List<RatioReference>> referencesProperty() {
        return scenario.referencesProperty();
    }

    /** Another scenario evaluated on the loaded profiles and measured fractions; null when its GPU is not loaded. */
    public Evaluation evaluate(ScenarioInputs in) {
        return scenario.evaluate(in);
    }

    public void setRealism(Realism measured) {
        scenario.realismProperty().set(measured);
    }

    /** The measured fractions "realistic" means. */
    public Realism measuredRealism() {
        return scenario.realismProperty().get();
    }

    public ObservableList<HardwareProfile> profiles() {
        return scenario.profiles();
    }

    /** The profiles loaded now (an exercise file is checked against them). */
    public List<HardwareProfile> loadedProfiles() {
        return List.copyOf(scenario.profiles());
    }

    public ObservableList<ModelSpec> models() {
        return scenario.models();
    }

    public Optional<ModelSpec> findModel(String name) {
        return scenario.findModel(name);
    }

    public ObservableList<ApiPrice> apiPrices() {
        return scenario.apiPrices();
    }

    /** The exercises: the built-in ones, then a teacher's files once they are read (off the FX thread). */
    public ObservableList<Exercise> exercises() {
        return exercises;
    }

    public ObjectProperty<Predicate<HardwareProfile>> ownProperty() {
        return own;
    }

    /** Whether a profile is one of the user's own. */
    public boolean isOwn(HardwareProfile p) {
        return own.get() != null && own.get().test(p);
    }

    public ObjectProperty<Explanation.Topic> highlightProperty() {
        return highlight;
    }

    public ReadOnlyIntegerProperty evaluationCountProperty() {
        return scenario.evaluationCountProperty();
    }


    // ---- each input as a property: writing one edits the one inputs value ----

    public ObjectProperty<HardwareProfile> gpuProperty() {
        return gpu;
    }

    public ObjectProperty<ModelSpec> presetProperty() {
        return preset;
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

    public IntegerProperty gpuCountProperty() {
        return gpuCount;
    }

    public IntegerProperty promptTokensProperty() {
        return promptTokens;
    }

    public IntegerProperty generatedTokensProperty() {
        return generatedTokens;
    }

    public ObjectProperty<RealismMode> realismModeProperty() {
        return realismMode;
    }

    /** The what-if on the device; setting null means none. */
    public ObjectProperty<HardwareScales> scalesProperty() {
        return scales;
    }

    public ObjectProperty<Speculation> speculationProperty() {
        return speculation;
    }

    public BooleanProperty quantizedEmbeddingsProperty() {
        return quantizedEmbeddings;
    }

    // ---- derived from the scenario, read-only ----

    public ObservableDoubleValue parametersProperty() {
        return parameters;
    }

    public ObservableDoubleValue computeEfficiencyProperty() {
        return computeEfficiency;
    }

    public ObservableDoubleValue bandwidthEfficiencyProperty() {
        return bandwidthEfficiency;
    }

    public ObservableDoubleValue layerOverheadSecondsProperty() {
        return layerOverheadSeconds;
    }

    public ObservableDoubleValue priceUsdPerHourProperty() {
        return priceUsdPerHour;
    }

    /** The stages the evaluation uses: the chosen ones, or 1 when the devices or model cannot take them. */
    public ObservableIntegerValue pipelineStagesProperty() {
        return effectivePipelineStages;
    }

    /** Where the current efficiencies come from, in words. */
    public ObservableStringValue realismSourceProperty() {
        return realismSource;
    }
}
