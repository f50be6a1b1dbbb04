package lab.roofline.ui.scenario;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
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
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.roofline.engine.serving.ApiPrice;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Explanation;

/**
 * The one view model. Inputs are what the user chose (a preset or a parameter count, a realism setting,
 * a typed price for one GPU); everything that follows from them (the parameter count a preset implies,
 * the efficiencies, the price, the evaluation) is a binding, so writing inputs in any order gives the same
 * state, and a drag that changes many inputs between two frames costs one evaluation.
 * Uses only javafx.beans (no toolkit), so it is tested without one.
 */
public final class RooflineViewModel {
    private final ObservableList<HardwareProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<HardwareProfile> gpu = new SimpleObjectProperty<>(this, "gpu");
    /** A what-if on the device (bandwidth, peaks, memory scaled); none by default. Not saved as a profile. */
    private final ObjectProperty<lab.roofline.engine.roofline.HardwareScales> scales = new SimpleObjectProperty<>(this, "scales",
            lab.roofline.engine.roofline.HardwareScales.NONE);
    /** Null: a custom model of {@link #customParameters}. */
    private final ObjectProperty<ModelSpec> preset = new SimpleObjectProperty<>(this, "preset");
    /** Starts valid: bindings may be evaluated as soon as they are observed, before apply() runs. */
    private final SimpleDoubleProperty customParameters = new SimpleDoubleProperty(this, "customParameters",
            ScenarioInputs.DEFAULT.parameters());
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision", Precision.BF16);
    private final BooleanProperty weightOnly = new SimpleBooleanProperty(this, "weightOnly");
    private final ObjectProperty<Precision> kvPrecision = new SimpleObjectProperty<>(this, "kvPrecision", Precision.BF16);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 1);
    private final IntegerProperty gpuCount = new SimpleIntegerProperty(this, "gpuCount", 1);
    /** Pipeline stages as chosen; a count the devices or the model cannot take is evaluated as 1. */
    private final IntegerProperty pipelineStages = new SimpleIntegerProperty(this, "pipelineStages", 1);
    /** The user's own fixed cost per forward pass, in µs, used when the realism is custom. */
    /** The embedding and output tables quantized like the other weights (else kept at 16 bits). */
    private final javafx.beans.property.BooleanProperty quantizedEmbeddings =
            new javafx.beans.property.SimpleBooleanProperty(this, "quantizedEmbeddings", false);
    private final SimpleDoubleProperty customLayerOverheadMicroseconds = new SimpleDoubleProperty(this, "customOverhead", 0);
    /** Speculative decoding: a draft model, its tokens per step and their acceptance (NONE: off). */
    private final ObjectProperty<lab.roofline.engine.roofline.Speculation> speculation =
            new SimpleObjectProperty<>(this, "speculation", lab.roofline.engine.roofline.Speculation.NONE);
    private final javafx.beans.binding.DoubleBinding layerOverheadSeconds;
    private final javafx.beans.binding.IntegerBinding effectivePipelineStages;
    private final IntegerProperty promptTokens = new SimpleIntegerProperty(this, "promptTokens", 1024);
    private final IntegerProperty generatedTokens = new SimpleIntegerProperty(this, "generatedTokens", 256);
    private final ObjectProperty<RealismMode> realismMode = new SimpleObjectProperty<>(this, "realismMode",
            RealismMode.IDEAL);
    private final SimpleDoubleProperty customComputeEfficiency = new SimpleDoubleProperty(this, "customCompute", 1);
    private final SimpleDoubleProperty customBandwidthEfficiency = new SimpleDoubleProperty(this, "customBandwidth", 1);
    private final ObjectProperty<Realism> realism = new SimpleObjectProperty<>(this, "realism", Realism.IDEAL);
    /** A price the user typed, for the GPU it was typed for; another GPU shows its own profile's price. */
    private final ObjectProperty<PriceOverride> priceOverride = new SimpleObjectProperty<>(this, "priceOverride");

    /** A typed price per device-hour (NaN: no price) for one GPU. */
    public record PriceOverride(String gpuId, double usdPerHour) {
    }

    private final DoubleBinding parameters;
    private final DoubleBinding computeEfficiency;
    private final DoubleBinding bandwidthEfficiency;
    private final DoubleBinding priceUsdPerHour;
    private final StringBinding realismSource;

    /** Public API prices to compare the scenario's output/input ratio against. */
    private final ObservableList<ApiPrice> apiPrices = FXCollections.observableArrayList();
    /** The topic a lesson step is discussing; charts highlight its element. Null: none. */
    private final ObjectProperty<Explanation.Topic> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ReadOnlyIntegerWrapper evaluationCount = new ReadOnlyIntegerWrapper(this, "evaluationCount");
    private final ObjectBinding<Scenario> scenario;
    private final ObjectBinding<ScenarioInputs> inputs;
    private final ObjectBinding<Evaluation> result;
    /** Implied batches for the API ratios; independent of the batch, so a batch drag never recomputes them. */
    private final ObjectBinding<List<RatioReference>> references;
    private final ReadOnlyObjectWrapper<String> lastInputError = new ReadOnlyObjectWrapper<>(this, "lastInputError");

    public RooflineViewModel(List<HardwareProfile> availableProfiles) {
        if (availableProfiles.isEmpty()) {
            throw new IllegalArgumentException("at least one hardware profile is needed");
        }
        profiles.setAll(availableProfiles);
        gpu.set(availableProfiles.get(0));

        parameters = Bindings.createDoubleBinding(() -> preset.get() != null
                ? preset.get().totalParameters() : customParameters.get(), preset, customParameters);
        computeEfficiency = Bindings.createDoubleBinding(() -> switch (realismMode.get()) {
            case IDEAL -> 1.0;
            case REALISTIC -> realism.get().computeFraction(gpu.get().id());
            case CUSTOM -> customComputeEfficiency.get();
        }, realismMode, realism, gpu, customComputeEfficiency);
        bandwidthEfficiency = Bindings.createDoubleBinding(() -> switch (realismMode.get()) {
            case IDEAL -> 1.0;
            case REALISTIC -> realism.get().bandwidthFraction();
            case CUSTOM -> customBandwidthEfficiency.get();
        }, realismMode, realism, customBandwidthEfficiency);
        layerOverheadSeconds = Bindings.createDoubleBinding(() -> switch (realismMode.get()) {
            case IDEAL -> 0.0;
            case REALISTIC -> realism.get().layerOverheadSeconds();
            case CUSTOM -> customLayerOverheadMicroseconds.get() * 1e-6;
        }, realismMode, realism, customLayerOverheadMicroseconds);
        effectivePipelineStages = Bindings.createIntegerBinding(() -> ScenarioLimits.parallelismProblem(gpuCount.get(),
                pipelineStages.get(), model().layers()) == null ? pipelineStages.get() : 1,
                gpuCount, pipelineStages, preset, customParameters);
        priceUsdPerHour = Bindings.createDoubleBinding(() -> {
            PriceOverride typed = priceOverride.get();
            return typed != null && typed.gpuId().equals(gpu.get().id()) ? typed.usdPerHour()
                    : gpu.get().priceUsdPerHour();
        }, priceOverride, gpu);
        realismSource = Bindings.createStringBinding(() -> switch (realismMode.get()) {
            case IDEAL -> "Ideal roofline: 100 % of peak compute and bandwidth, an upper bound on speed.";
            case REALISTIC -> "Compute " + Units.percent(computeEfficiency.get()) + ": "
                    + realism.get().computeSource(gpu.get().id()) + ". Bandwidth "
                    + Units.percent(bandwidthEfficiency.get()) + ": " + realism.get().bandwidthSource() + ". Overhead "
                    + Units.seconds(layerOverheadSeconds.get()) + " per layer: " + realism.get().layerOverheadSource() + ".";
            case CUSTOM -> "Your own efficiencies and overhead per layer.";
        }, realismMode, realism, gpu, computeEfficiency, bandwidthEfficiency, layerOverheadSeconds);

        scenario = Bindings.createObjectBinding(() -> new Scenario(model(), whatIf().apply(gpu.get()), gpuCount.get(),
                        precision.get(), weightOnly.get(), kvPrecision.get(), batchSize.get(), promptTokens.get(),
                        generatedTokens.get(), computeEfficiency.get(), bandwidthEfficiency.get(), priceUsdPerHour.get(),
                        effectivePipelineStages.get(), layerOverheadSeconds.get(), quantizedEmbeddings.get(),
                        realismMode.get() != RealismMode.IDEAL, speculation.get()),
                preset, parameters, precision, weightOnly, kvPrecision, batchSize, gpu, gpuCount, promptTokens,
                generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, scales, effectivePipelineStages,
                layerOverheadSeconds, quantizedEmbeddings, realismMode, speculation);
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
        // Bound to every input but the batch: a batch drag never recomputes the implied batches.
        references = new ObjectBinding<>() {
            {
                bind(preset, parameters, precision, weightOnly, kvPrecision, gpu, gpuCount, promptTokens,
                        generatedTokens, computeEfficiency, bandwidthEfficiency, apiPrices, effectivePipelineStages,
                        layerOverheadSeconds, quantizedEmbeddings, speculation);
            }

            @Override
            protected List<RatioReference> computeValue() {
                return RatioReference.forPrices(scenario.get().withBatchSize(1), apiPrices);
            }
        };
        inputs = Bindings.createObjectBinding(this::currentInputs, gpu, preset, customParameters, precision,
                weightOnly, kvPrecision, batchSize, promptTokens, generatedTokens, gpuCount, realismMode,
                customComputeEfficiency, customBandwidthEfficiency, priceOverride, scales, effectivePipelineStages,
                customLayerOverheadMicroseconds, quantizedEmbeddings, speculation);
        apply(ScenarioInputs.DEFAULT);
    }

    // ---- applying and reading a whole scenario ----

    /**
     * Sets every input from a scenario (a lesson step, a restored session, a file). Derived state is
     * bound, so the order of the writes does not matter. An unknown GPU id keeps the current GPU; an unknown
     * preset name makes the model custom with the given parameter count.
     */
    public void apply(ScenarioInputs in) {
        if (history != null) {
            history.applyAsOneStep(() -> applyInputs(in)); // a lesson step, a file, New: one undo step each
        } else {
            applyInputs(in);
        }
    }

    private UndoHistory history;

    /** Undo and redo of the inputs (made on first use; changes before it are the starting point). */
    public UndoHistory history() {
        if (history == null) {
            history = new UndoHistory(inputs, this::inputs, this::applyInputs, System::nanoTime);
        }
        return history;
    }

    /** The same history with a given clock, for tests of how changes join into steps. */
    UndoHistory history(java.util.function.LongSupplier clock) {
        history = new UndoHistory(inputs, this::inputs, this::applyInputs, clock);
        return history;
    }

    // ---- serving: the latency-cost frontier and the planner ----

    private final ObjectProperty<lab.roofline.engine.serving.ServingSettings> serving = new SimpleObjectProperty<>(this,
            "serving", lab.roofline.engine.serving.ServingSettings.DEFAULT);
    private final ObjectProperty<lab.roofline.engine.serving.RentalPrices> rentalPrices = new SimpleObjectProperty<>(this,
            "rentalPrices", lab.roofline.engine.serving.RentalPrices.NONE);
    private javafx.beans.binding.ObjectBinding<lab.roofline.engine.serving.Frontier> frontier;
    /** The last frontier computed: a batch change reuses its curves and moves only the live point. */
    private lab.roofline.engine.serving.Frontier lastFrontier;

    /** The service-level limits, cache share, serving mode and electricity price the frontier uses. */
    public ObjectProperty<lab.roofline.engine.serving.ServingSettings> servingProperty() {
        return serving;
    }

    /** Hourly prices for profiles without one (the rental table); the frontier and the planner use them. */
    public ObjectProperty<lab.roofline.engine.serving.RentalPrices> rentalPricesProperty() {
        return rentalPrices;
    }

    /**
     * The live scenario's and the pins' latency-cost curves under the serving settings; computed when read
     * (only a shown frontier chart reads it), again after any of them changes.
     */
    public ObservableValue<lab.roofline.engine.serving.Frontier> frontierProperty() {
        if (frontier == null) {
            frontier = Bindings.createObjectBinding(() -> {
                List<lab.roofline.engine.serving.Frontier.Named> named = new java.util.ArrayList<>();
                named.add(new lab.roofline.engine.serving.Frontier.Named("Live", -1, result.get().scenario()));
                for (Pin p : pins) {
                    named.add(new lab.roofline.engine.serving.Frontier.Named(p.name(), p.colour(), p.evaluation().scenario()));
                }
                lastFrontier = lab.roofline.engine.serving.Frontier.of(named, serving.get(), rentalPrices.get(), lastFrontier);
                return lastFrontier;
            }, result, pins, serving, rentalPrices);
        }
        return frontier;
    }

    /** Range of the cached-input field, in percent. */
    static final ScenarioLimits.Range CACHED_PERCENT = new ScenarioLimits.Range("Cached input", 0, 99, false, "50");

    /** The cached share of input tokens typed as a percentage ("50", "50 %"). */
    public Optional<String> setCachedInputText(String text) {
        ScenarioLimits.Parsed p = CACHED_PERCENT.parse(text.strip().replaceFirst("\\s*%$", ""));
        if (!p.ok()) {
            return Optional.of(p.error().replace("(at most 99)", "(at most 99 %)").replace("(at least 0)", "(at least 0 %)"));
        }
        serving.set(serving.get().withCachedInput(p.value() / 100));
        return Optional.empty();
    }

    /** A time-to-first-token limit in milliseconds; blank or "none" for no limit. */
    public Optional<String> setTtftLimitText(String text) {
        return limitText(text, "Time to first token", ms -> serving.set(serving.get().withLimits(ms / 1e3,
                serving.get().tpotSeconds())));
    }

    /**
     * A time-per-output-token limit in milliseconds, or as tokens/s per user ("20 tok/s" is 50 ms); blank or
     * "none" for no limit.
     */
    public Optional<String> setTpotLimitText(String text) {
        java.util.regex.Matcher rate = java.util.regex.Pattern.compile("(?i)^\\s*(.+?)\\s*(tok(en)?s?\\s*/\\s*s|/\\s*s)\\s*$")
                .matcher(text);
        if (rate.matches()) {
            ScenarioLimits.Parsed p = new ScenarioLimits.Range("Tokens per second per user", 1e-3, 1e5, false, "20")
                    .parse(rate.group(1));
            if (!p.ok()) {
                return Optional.of(p.error());
            }
            serving.set(serving.get().withLimits(serving.get().ttftSeconds(), 1 / p.value()));
            return Optional.empty();
        }
        return limitText(text, "Time per output token", ms -> serving.set(serving.get().withLimits(
                serving.get().ttftSeconds(), ms / 1e3)));
    }

    private Optional<String> limitText(String text, String name, java.util.function.DoubleConsumer setMs) {
        String t = text.strip().replaceFirst("\\s*ms$", "");
        if (t.isEmpty() || t.equalsIgnoreCase("none")) {
            setMs.accept(Double.POSITIVE_INFINITY);
            return Optional.empty();
        }
        ScenarioLimits.Parsed p = new ScenarioLimits.Range(name, ScenarioLimits.LIMIT_MILLISECONDS.min(),
                ScenarioLimits.LIMIT_MILLISECONDS.max(), false, "500").parse(t);
        if (!p.ok()) {
            return Optional.of(p.error() + " in milliseconds (blank: no limit" + (name.startsWith("Time per")
                    ? "; or tokens/s per user, as 20 tok/s)" : ")"));
        }
        setMs.accept(p.value());
        return Optional.empty();
    }

    /** The price of electricity in dollars per kWh ("0.12", "$0.12"). */
    public Optional<String> setElectricityText(String text) {
        ScenarioLimits.Parsed p = ScenarioLimits.ELECTRICITY_USD_PER_KWH.parse(text.strip().replaceFirst("^\\$", ""));
        if (!p.ok()) {
            return Optional.of(p.error() + " dollars per kWh");
        }
        serving.set(serving.get().withElectricity(p.value()));
        return Optional.empty();
    }

    public void setDisaggregated(boolean separatePools) {
        serving.set(serving.get().withDisaggregated(separatePools));
    }

    /** What the planner needs from the live scenario, read on the FX thread; {@link PlanRequest#run} runs anywhere. */
    public PlanRequest planRequest(int maxGpus) {
        Scenario s = result.get().scenario();
        lab.roofline.engine.serving.ServingSettings settings = serving.get();
        List<HardwareProfile> gpus = rentalPrices.get().priced(List.copyOf(profiles));
        return new PlanRequest(s.model(), gpus, maxGpus, settings.limitsFor(s), new lab.roofline.engine.serving.Planner.Options(
                realismMode.get() != RealismMode.IDEAL, realism.get(), s.speculation(), settings.disaggregated()),
                realismMode.get(), inputs());
    }

    /** A plan to run off the FX thread: the model, the priced devices and the limits as they were asked. */
    public record PlanRequest(ModelSpec model, List<HardwareProfile> gpus, int maxGpus, lab.roofline.engine.serving.Planner.Limits limits,
                              lab.roofline.engine.serving.Planner.Options options, RealismMode realism, ScenarioInputs from) {
        public List<lab.roofline.engine.serving.Planner.Candidate> run() {
            return lab.roofline.engine.serving.Planner.plan(model, gpus, maxGpus, limits, options);
        }

        /** The profiles left out for want of a price. */
        public List<String> unpriced() {
            return gpus.stream().filter(g -> g.price().isEmpty()).map(HardwareProfile::shortName).toList();
        }

        /**
         * A candidate as the scenario's inputs: the live model, tokens, realism and draft, on the candidate's
         * devices, split, precision and batch; the rental table's price typed in when the profile has none.
         */
        public ScenarioInputs inputsOf(lab.roofline.engine.serving.Planner.Candidate c) {
            HardwareProfile g = gpus.stream().filter(x -> x.id().equals(c.gpuId())).findFirst().orElseThrow();
            boolean rented = lab.roofline.engine.serving.RentalPrices.tableSource(g).isPresent();
            return new ScenarioInputs(c.gpuId(), from.presetName(), from.parameters(), c.precision(), c.weightOnly(),
                    Precision.BF16, (int) Math.min(Integer.MAX_VALUE, c.batch()), from.promptTokens(), from.generatedTokens(),
                    c.gpus(), from.realism(), from.customComputeEfficiency(), from.customBandwidthEfficiency(),
                    rented ? g.priceUsdPerHour() : null, lab.roofline.engine.roofline.HardwareScales.NONE, c.pipelineStages(),
                    from.customLayerOverheadMicroseconds(), from.quantizedEmbeddings(),
                    c.drafted() ? from.speculation() : lab.roofline.engine.roofline.Speculation.NONE);
        }
    }

    /** Pins a scenario given by its inputs (a planner's candidate) without touching the live one. */
    public Optional<String> pin(String name, ScenarioInputs in) {
        if (pins.size() >= MAX_PINS) {
            return Optional.of("At most " + MAX_PINS + " scenarios can be pinned: unpin one first");
        }
        HardwareProfile g = profiles.stream().filter(p -> p.id().equals(in.gpuId())).findFirst().orElse(null);
        if (g == null) {
            return Optional.of("unknown accelerator '" + Units.shortened(in.gpuId()) + "'");
        }
        java.util.Set<Integer> used = new java.util.HashSet<>();
        pins.forEach(p -> used.add(p.colour()));
        int colour = 0;
        while (used.contains(colour)) {
            colour++;
        }
        ModelSpec m = in.presetName() == null ? null : findModel(in.presetName()).orElse(null);
        Scenario s = m == null ? in.toScenario(g, realism.get()) : in.toScenario(g, realism.get(), m);
        pins.add(new Pin(name == null || name.isBlank() ? describe(s) : name.strip(), colour, in, RooflineEngine.evaluate(s)));
        return Optional.empty();
    }

    // ---- pins: scenarios kept beside the live one, to compare ----

    /** A pinned scenario: its name, its colour (0-3, each with its own line style), its inputs and evaluation. */
    public record Pin(String name, int colour, ScenarioInputs inputs, Evaluation evaluation) {
    }

    public static final int MAX_PINS = lab.roofline.engine.scenario.NamedScenario.MAX_PINS;
    private final ObservableList<Pin> pins = FXCollections.observableArrayList();
    /** The pins as a document holds them (no profiles embedded): what "unsaved changes" compares. */
    private final javafx.beans.binding.ObjectBinding<List<lab.roofline.engine.scenario.NamedScenario.Pinned>> pinned =
            Bindings.createObjectBinding(() -> pinned(p -> null), pins);

    /**
     * The pins as a document holds them, each with the profile {@code embed} gives for its GPU (null: none,
     * for a bundled one).
     */
    public List<lab.roofline.engine.scenario.NamedScenario.Pinned> pinned(
            java.util.function.UnaryOperator<HardwareProfile> embed) {
        // The device as its profile describes it: a what-if's scaled copy is the pin's whatIf, not a profile.
        return pins.stream().map(p -> new lab.roofline.engine.scenario.NamedScenario.Pinned(p.name(), p.colour(), p.inputs(),
                embed.apply(profiles.stream().filter(g -> g.id().equals(p.inputs().gpuId())).findFirst()
                        .orElse(p.evaluation().scenario().gpu())))).toList();
    }

    /**
     * Replaces the pins with a document's; a pin whose GPU is neither loaded nor carried refuses them all
     * (the reason is returned, naming the pin), and the pins stay as they were.
     */
    public Optional<String> setPins(List<lab.roofline.engine.scenario.NamedScenario.Pinned> from) {
        List<Pin> now = new java.util.ArrayList<>();
        List<HardwareProfile> joining = new java.util.ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            lab.roofline.engine.scenario.NamedScenario.Pinned p = from.get(i);
            List<HardwareProfile> known = new java.util.ArrayList<>(profiles);
            known.addAll(joining);
            Optional<HardwareProfile> gpuOf = p.profileAmong(known);
            if (gpuOf.isEmpty()) {
                return Optional.of("field 'pins[" + i + "].scenario.gpu': unknown accelerator '"
                        + Units.shortened(p.inputs().gpuId()) + "' (not among the loaded profiles, and the file carries none)");
            }
            if (!known.contains(gpuOf.get())) {
                joining.add(gpuOf.get());
            }
            Evaluation e = RooflineEngine.evaluate(p.inputs().toScenario(gpuOf.get(), realism.get()));
            now.add(new Pin(p.name(), p.colour(), p.inputs(), e));
        }
        profiles.addAll(joining);
        pins.setAll(now);
        return Optional.empty();
    }

    /** The pinned scenarios, in the order pinned. */
    public ObservableList<Pin> pins() {
        return pins;
    }

    /** Pins the live scenario under a name; refused (with why) when four are pinned already. */
    public Optional<String> pin(String name) {
        if (pins.size() >= MAX_PINS) {
            return Optional.of("At most " + MAX_PINS + " scenarios can be pinned: unpin one first");
        }
        java.util.Set<Integer> used = new java.util.HashSet<>();
        pins.forEach(p -> used.add(p.colour()));
        int colour = 0;
        while (used.contains(colour)) {
            colour++;
        }
        String shown = name == null || name.isBlank() ? describe(result.get().scenario()) : name.strip();
        pins.add(new Pin(shown, colour, inputs(), result.get()));
        return Optional.empty();
    }

    /**
     * A pin's name when the user gives none: what tells scenarios apart, short enough for a chart's key:
     * "2 × H200 SXM · 70.6B INT8 · batch 64".
     */
    static String describe(Scenario s) {
        return (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + s.gpu().shortName()
                + (s.pipelineStages() > 1 ? " " + Scenario.layoutName(s.gpuCount(), s.pipelineStages()) : "") + " · "
                + Units.parameterCount(s.model().totalParameters()) + " " + s.weightPrecision().label() + " · batch "
                + String.format(java.util.Locale.ROOT, "%,d", s.batchSize());
    }

    public void unpin(Pin pin) {
        pins.remove(pin);
    }

    /** Renames a pin; a blank name keeps the old one. */
    public void rename(Pin pin, String name) {
        int i = pins.indexOf(pin);
        if (i >= 0 && name != null && !name.isBlank()) {
            pins.set(i, new Pin(name.strip(), pin.colour(), pin.inputs(), pin.evaluation()));
        }
    }

    /**
     * Gives a pin another colour (and with it that colour's line pattern and marker); a pin that had it
     * takes the old one, so no two pins ever look alike.
     */
    public void recolour(Pin pin, int colour) {
        int i = pins.indexOf(pin);
        if (i < 0 || colour < 0 || colour >= MAX_PINS || colour == pin.colour()) {
            return;
        }
        for (int j = 0; j < pins.size(); j++) {
            Pin other = pins.get(j);
            if (j != i && other.colour() == colour) {
                pins.set(j, new Pin(other.name(), pin.colour(), other.inputs(), other.evaluation()));
            }
        }
        pins.set(i, new Pin(pin.name(), colour, pin.inputs(), pin.evaluation()));
    }

    /** Loads a pin into the controls (one undoable step); the pin stays. */
    public void makeLive(Pin pin) {
        apply(pin.inputs());
    }

    /** The live scenario and the pins side by side, the live one first (the ratios are to it). */
    public lab.roofline.engine.scenario.Comparison comparison() {
        List<String> names = new java.util.ArrayList<>(List.of("Live"));
        List<Evaluation> evaluations = new java.util.ArrayList<>(List.of(result.get()));
        for (Pin p : pins) {
            names.add(p.name());
            evaluations.add(p.evaluation());
        }
        return new lab.roofline.engine.scenario.Comparison(names, evaluations);
    }

    /** Edit ▸ Reset to defaults: the default scenario, as one undoable step (the document stays). */
    public void resetToDefaults() {
        apply(ScenarioInputs.DEFAULT);
    }

    private void applyInputs(ScenarioInputs in) {
        HardwareProfile chosen = profiles.stream().filter(p -> p.id().equalsIgnoreCase(in.gpuId())).findFirst()
                .orElse(gpu.get());
        gpu.set(chosen);
        Optional<ModelSpec> named = in.presetName() == null ? Optional.empty() : findModel(in.presetName());
        preset.set(named.orElse(null));
        if (named.isEmpty() && ScenarioLimits.PARAMETERS.allows(in.parameters())) {
            customParameters.set(in.parameters());
        }
        precision.set(in.precision());
        weightOnly.set(in.weightOnly());
        kvPrecision.set(in.kvPrecision());
        batchSize.set(in.batchSize());
        promptTokens.set(in.promptTokens());
        generatedTokens.set(in.generatedTokens());
        gpuCount.set(in.gpuCount());
        pipelineStages.set(in.pipelineStages());
        customLayerOverheadMicroseconds.set(in.customLayerOverheadMicroseconds());
        quantizedEmbeddings.set(in.quantizedEmbeddings());
        speculation.set(in.speculation());
        customComputeEfficiency.set(in.customComputeEfficiency());
        customBandwidthEfficiency.set(in.customBandwidthEfficiency());
        realismMode.set(in.realism());
        priceOverride.set(in.priceUsdPerHour() == null ? null
                : new PriceOverride(chosen.id(), in.priceUsdPerHour()));
        scales.set(in.scales());
    }

    /** The inputs as the user chose them: what {@link #apply} takes back. */
    public ScenarioInputs inputs() {
        return inputs.get();
    }

    /** Invalidated whenever any input changes (the app saves the session then). */
    public ObservableValue<ScenarioInputs> inputsProperty() {
        return inputs;
    }

    private ScenarioInputs currentInputs() {
        PriceOverride typed = priceOverride.get();
        Double price = typed != null && typed.gpuId().equals(gpu.get().id()) ? typed.usdPerHour() : null;
        return new ScenarioInputs(gpu.get().id(), preset.get() == null ? null : preset.get().name(),
                parameters.get(), precision.get(), weightOnly.get(), kvPrecision.get(), batchSize.get(),
                promptTokens.get(), generatedTokens.get(), gpuCount.get(), realismMode.get(),
                customComputeEfficiency.get(), customBandwidthEfficiency.get(), price, whatIf(),
                effectivePipelineStages.get(), customLayerOverheadMicroseconds.get(), quantizedEmbeddings.get(),
                speculation.get());
    }

    /** Turns speculative decoding on with a draft (keeping k and a, or 4 and 0.7 the first time), or off (null). */
    public void setDraftModel(ModelSpec draft) {
        lab.roofline.engine.roofline.Speculation now = speculation.get();
        if (draft == null) {
            speculation.set(lab.roofline.engine.roofline.Speculation.NONE);
        } else if (draft != now.draftModel()) {
            speculation.set(new lab.roofline.engine.roofline.Speculation(now.isOn() ? now.draftTokens() : 4,
                    now.isOn() ? now.acceptanceRate() : 0.7, draft));
        }
    }

    /** Draft tokens per step, 1 to 16 (with a draft chosen). */
    public Optional<String> setDraftTokensText(String text) {
        lab.roofline.engine.roofline.Speculation now = speculation.get();
        ScenarioLimits.Parsed p = new ScenarioLimits.Range("Draft tokens", 1, ScenarioLimits.DRAFT_TOKENS.max(), true,
                "4").parse(text);
        if (!p.ok()) {
            return Optional.of(p.error());
        }
        if (now.isOn()) {
            speculation.set(new lab.roofline.engine.roofline.Speculation((int) p.value(), now.acceptanceRate(), now.draftModel()));
        }
        return Optional.empty();
    }

    /** The chance the target accepts a draft token, 0 to 1 ("0.7" or "70 %"). */
    public Optional<String> setAcceptanceText(String text) {
        lab.roofline.engine.roofline.Speculation now = speculation.get();
        String t = text.strip();
        boolean percent = t.endsWith("%");
        ScenarioLimits.Parsed p = percent
                ? new ScenarioLimits.Range("Acceptance rate", 0, 100, false, "70").parse(t.replaceFirst("\\s*%$", ""))
                : ScenarioLimits.ACCEPTANCE_RATE.parse(t);
        if (!p.ok()) {
            return Optional.of(p.error() + " (a fraction such as 0.7, or 70 %)");
        }
        if (now.isOn()) {
            speculation.set(new lab.roofline.engine.roofline.Speculation(now.draftTokens(), percent ? p.value() / 100 : p.value(),
                    now.draftModel()));
        }
        return Optional.empty();
    }

    /** Speculative decoding on the live scenario (NONE: off). */
    public ObjectProperty<lab.roofline.engine.roofline.Speculation> speculationProperty() {
        return speculation;
    }

    public void setRealism(Realism measured) {
        realism.set(measured);
    }

    // ---- commands from the controls; a value equal to the current one changes nothing ----

    /** A parameter count typed or dragged to: the model becomes custom, unless the count is unchanged. */
    public void setParameters(double count) {
        if (count != parameters.get()) {
            customParameters.set(count);
            preset.set(null);
        }
    }

    /** Moving an efficiency by hand makes the setting the user's own; the other efficiency stays put. */
    public void setComputeEfficiency(double fraction) {
        if (fraction != computeEfficiency.get()) {
            customLayerOverheadMicroseconds.set(layerOverheadSeconds.get() * 1e6);
            customBandwidthEfficiency.set(bandwidthEfficiency.get());
            customComputeEfficiency.set(fraction);
            realismMode.set(RealismMode.CUSTOM);
        }
    }

    public void setBandwidthEfficiency(double fraction) {
        if (fraction != bandwidthEfficiency.get()) {
            customLayerOverheadMicroseconds.set(layerOverheadSeconds.get() * 1e6);
            customComputeEfficiency.set(computeEfficiency.get());
            customBandwidthEfficiency.set(fraction);
            realismMode.set(RealismMode.CUSTOM);
        }
    }

    /** A fixed cost per forward pass typed by hand: the setting becomes the user's own, efficiencies kept. */
    public void setLayerOverheadMicroseconds(double microseconds) {
        if (microseconds * 1e-6 != layerOverheadSeconds.get()) {
            customComputeEfficiency.set(computeEfficiency.get());
            customBandwidthEfficiency.set(bandwidthEfficiency.get());
            customLayerOverheadMicroseconds.set(microseconds);
            realismMode.set(RealismMode.CUSTOM);
        }
    }

    /** The presets, then the models imported from config.json files. */
    private final javafx.collections.ObservableList<ModelSpec> models =
            javafx.collections.FXCollections.observableArrayList(ModelPresets.ALL);

    public javafx.collections.ObservableList<ModelSpec> models() {
        return models;
    }

    /** A preset or an imported model by name, ignoring case and punctuation. */
    public Optional<ModelSpec> findModel(String name) {
        String wanted = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return models.stream().filter(m -> m.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "")
                .equals(wanted)).findFirst();
    }

    /**
     * Adds an imported model and makes it live. One of the same name as another import replaces it; one named
     * like a preset is called "… (imported)", so the preset is never hidden.
     */
    public void importModel(ModelSpec imported) {
        preset.set(addImportedModel(imported));
    }

    /** Lists an imported model (as {@link #importModel} names it) without making it live; returns it as listed. */
    public ModelSpec addImportedModel(ModelSpec imported) {
        ModelSpec model = ModelPresets.find(imported.name()).isPresent()
                ? imported.withName(imported.name() + " (imported)") : imported;
        findModel(model.name()).ifPresent(models::remove);
        models.add(model);
        return model;
    }

    /** An overhead per layer typed in µs ("55.5", "0.5"). */
    public Optional<String> setLayerOverheadText(String text) {
        return parsed(ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS, text, this::setLayerOverheadMicroseconds);
    }

    public javafx.beans.property.BooleanProperty quantizedEmbeddingsProperty() {
        return quantizedEmbeddings;
    }

    /** Devices as {@code stages} pipeline stages (1: tensor parallelism only). */
    public void setPipelineStages(int stages) {
        pipelineStages.set(stages);
    }

    /** The pipeline depths the current device count and model allow, 1 first. */
    public List<Integer> pipelineChoices() {
        List<Integer> out = new java.util.ArrayList<>();
        for (int k = 1; k <= gpuCount.get(); k++) {
            if (ScenarioLimits.parallelismProblem(gpuCount.get(), k, model().layers()) == null) {
                out.add(k);
            }
        }
        return out;
    }

    /** The stages the evaluation uses: the chosen ones, or 1 when the devices or model cannot take them. */
    public javafx.beans.value.ObservableIntegerValue pipelineStagesProperty() {
        return effectivePipelineStages;
    }

    public javafx.beans.value.ObservableDoubleValue layerOverheadSecondsProperty() {
        return layerOverheadSeconds;
    }

    /** A price per device-hour for the current GPU; NaN means no price. */
    public void setPrice(double usdPerHour) {
        if (Double.compare(usdPerHour, priceUsdPerHour.get()) != 0) {
            priceOverride.set(new PriceOverride(gpu.get().id(), usdPerHour));
        }
    }

    /** Selects a GPU by id; false when no such profile is loaded. */
    public boolean selectGpu(String id) {
        return profiles.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst().map(p -> {
            gpu.set(p);
            return true;
        }).orElse(false);
    }

    // ---- typed text: bad text never reaches the model; the message says what was wrong ----

    /** Accepts 70B, 7e9, 1.8T. Returns the error, or empty when applied. */
    public Optional<String> setParametersText(String text) {
        return parsed(ScenarioLimits.PARAMETERS, text, this::setParameters);
    }

    public Optional<String> setBatchSizeText(String text) {
        return parsed(ScenarioLimits.BATCH, text, v -> batchSize.set((int) v));
    }

    public Optional<String> setPromptTokensText(String text) {
        return parsed(ScenarioLimits.PROMPT_TOKENS, text, v -> promptTokens.set((int) v));
    }

    public Optional<String> setGeneratedTokensText(String text) {
        return parsed(ScenarioLimits.GENERATED_TOKENS, text, v -> generatedTokens.set((int) v));
    }

    public Optional<String> setGpuCountText(String text) {
        return parsed(ScenarioLimits.GPU_COUNT, text, v -> gpuCount.set((int) v));
    }

    /** Dollars per device-hour ("3.49", "$3.49"); empty text means no price. */
    public Optional<String> setPriceText(String text) {
        if (text == null || text.isBlank()) {
            setPrice(Double.NaN);
            return ok();
        }
        return parsed(ScenarioLimits.PRICE_USD_PER_HOUR, text, this::setPrice);
    }

    private Optional<String> parsed(ScenarioLimits.Range range, String text, java.util.function.DoubleConsumer set) {
        ScenarioLimits.Parsed p = range.parse(text);
        if (!p.ok()) {
            lastInputError.set(p.error());
            return Optional.of(p.error());
        }
        set.accept(p.value());
        return ok();
    }

    private Optional<String> ok() {
        lastInputError.set(null);
        return Optional.empty();
    }

    // ---- results ----

    public ModelSpec model() {
        ModelSpec p = preset.get();
        return p != null ? p : ModelSpec.fromParameterCount(customParameters.get());
    }

    /** The scenario the inputs describe. Inputs are kept valid by the setters, so this cannot fail. */
    public Scenario scenario() {
        return scenario.get();
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

    // ---- property accessors: inputs writable, derived values read-only ----

    public ObservableList<HardwareProfile> profiles() {
        return profiles;
    }

    private ScenarioDocument document;

    /** The live scenario as a document: its file, name, note and unsaved changes. */
    public ScenarioDocument document() {
        if (document == null) {
            document = new ScenarioDocument(inputs, pinned);
        }
        return document;
    }

    /**
     * Opens a scenario document: its GPU must be loaded or carried in the file (then it joins the list);
     * otherwise nothing changes and the reason is returned.
     */
    public Optional<String> open(java.nio.file.Path from, lab.roofline.engine.scenario.NamedScenario d) {
        Optional<HardwareProfile> gpuOf = d.profileAmong(profiles);
        if (gpuOf.isEmpty()) {
            return Optional.of(from.getFileName() + ": field 'scenario.gpu': unknown accelerator '"
                    + lab.roofline.engine.roofline.Units.shortened(d.inputs().gpuId())
                    + "' (not among the loaded profiles, and the file carries none)");
        }
        if (!d.pins().isEmpty()) {
            // A file that holds pins brings them; one without leaves the user's pins as they are.
            Optional<String> problem = setPins(d.pins());
            if (problem.isPresent()) {
                return Optional.of(from.getFileName() + ": " + problem.get());
            }
        }
        if (!profiles.contains(gpuOf.get())) {
            profiles.add(gpuOf.get());
        }
        apply(d.inputs());
        document().opened(from, d);
        return Optional.empty();
    }

    /** File ▸ New: the default scenario, untitled. */
    public void newScenario() {
        apply(ScenarioInputs.DEFAULT);
        document().startedNew();
    }

    public ObservableList<ApiPrice> apiPrices() {
        return apiPrices;
    }

    private final ObservableList<lab.roofline.engine.teaching.Exercise> exercises =
            FXCollections.observableArrayList(lab.roofline.engine.teaching.Exercise.BUILT_IN);

    /** The exercises: the built-in ones, then a teacher's files once they are read (off the FX thread). */
    public ObservableList<lab.roofline.engine.teaching.Exercise> exercises() {
        return exercises;
    }

    /**
     * Another scenario evaluated on the loaded profiles and measured fractions (an exercise's, a card's), the
     * live one untouched; null when no loaded profile has its GPU.
     */
    public Evaluation evaluate(ScenarioInputs in) {
        HardwareProfile g = profiles.stream().filter(p -> p.id().equalsIgnoreCase(in.gpuId())).findFirst().orElse(null);
        return g == null ? null : lab.roofline.engine.roofline.RooflineEngine.evaluate(in.toScenario(g, realism.get()));
    }

    /** The profiles loaded now (an exercise file is checked against them). */
    public List<HardwareProfile> loadedProfiles() {
        return List.copyOf(profiles);
    }

    /** The measured fractions "realistic" means. */
    public Realism measuredRealism() {
        return realism.get();
    }

    public ObjectProperty<Explanation.Topic> highlightProperty() {
        return highlight;
    }

    public ObjectProperty<ModelSpec> presetProperty() {
        return preset;
    }

    public ObservableDoubleValue parametersProperty() {
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

    private lab.roofline.engine.roofline.HardwareScales whatIf() {
        return scales.get() == null ? lab.roofline.engine.roofline.HardwareScales.NONE : scales.get();
    }

    /**
     * Which profiles are the user's own (from their profile folder, or carried by a file) rather than bundled:
     * the app knows (it loaded them); the GPU list and the landscape mark them.
     */
    private final ObjectProperty<java.util.function.Predicate<HardwareProfile>> own =
            new SimpleObjectProperty<>(this, "own", p -> false);

    public ObjectProperty<java.util.function.Predicate<HardwareProfile>> ownProperty() {
        return own;
    }

    /** Whether a profile is one of the user's own. */
    public boolean isOwn(HardwareProfile p) {
        return own.get() != null && own.get().test(p);
    }

    /** The what-if on the device; setting null means none. */
    public ObjectProperty<lab.roofline.engine.roofline.HardwareScales> scalesProperty() {
        return scales;
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

    public ObjectProperty<RealismMode> realismModeProperty() {
        return realismMode;
    }

    public ObservableDoubleValue computeEfficiencyProperty() {
        return computeEfficiency;
    }

    public ObservableDoubleValue bandwidthEfficiencyProperty() {
        return bandwidthEfficiency;
    }

    public ObservableDoubleValue priceUsdPerHourProperty() {
        return priceUsdPerHour;
    }

    /** Where the current efficiencies come from, in words. */
    public ObservableStringValue realismSourceProperty() {
        return realismSource;
    }

    public ReadOnlyIntegerProperty evaluationCountProperty() {
        return evaluationCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> lastInputErrorProperty() {
        return lastInputError.getReadOnlyProperty();
    }
}
