package lab.roofline.ui.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.engine.serving.ServingSettings;

/**
 * Serving economics for the live scenario and the pins: the service-level limits, cache share, serving mode
 * and electricity price (typed into the serving window), the rental table, the latency-cost frontier and
 * what the planner is asked.
 */
public final class ServingModel {
    private final ScenarioModel scenario;
    private final PinsModel pins;
    private final ObjectProperty<ServingSettings> serving = new SimpleObjectProperty<>(this, "serving",
            ServingSettings.DEFAULT);
    private ObjectBinding<Frontier> frontier;
    /** The last frontier computed: a batch change reuses its curves and moves only the live point. */
    private Frontier lastFrontier;

    public ServingModel(ScenarioModel scenario, PinsModel pins) {
        this.scenario = scenario;
        this.pins = pins;
    }

    /** The service-level limits, cache share, serving mode and electricity price the frontier uses. */
    public ObjectProperty<ServingSettings> servingProperty() {
        return serving;
    }

    /** Hourly prices for profiles without one (the rental table); the frontier and the planner use them. */
    public ObjectProperty<RentalPrices> rentalPricesProperty() {
        return scenario.rentalPricesProperty();
    }

    /**
     * The live scenario's and the pins' latency-cost curves under the serving settings; computed when read
     * (only a shown frontier chart reads it), again after any of them changes.
     */
    public ObservableValue<Frontier> frontierProperty() {
        if (frontier == null) {
            frontier = Bindings.createObjectBinding(() -> {
                List<Frontier.Named> named = new ArrayList<>();
                named.add(new Frontier.Named("Live", -1, scenario.result().scenario()));
                for (PinsModel.Pin p : pins.pins()) {
                    named.add(new Frontier.Named(p.name(), p.colour(), p.evaluation().scenario()));
                }
                lastFrontier = Frontier.of(named, serving.get(), scenario.rentalPricesProperty().get(), lastFrontier);
                return lastFrontier;
            }, scenario.resultProperty(), pins.pins(), serving, scenario.rentalPricesProperty());
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
        Matcher rate = Pattern.compile("(?i)^\\s*(.+?)\\s*(tok(en)?s?\\s*/\\s*s|/\\s*s)\\s*$")
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

    private Optional<String> limitText(String text, String name, DoubleConsumer setMs) {
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
        Scenario s = scenario.result().scenario();
        ServingSettings settings = serving.get();
        List<HardwareProfile> gpus = scenario.rentalPricesProperty().get().priced(List.copyOf(scenario.profiles()));
        return new PlanRequest(s.model(), gpus, maxGpus, settings.limitsFor(s), new Planner.Options(
                scenario.inputs().realism() != RealismMode.IDEAL, scenario.realismProperty().get(), s.speculation(),
                settings.disaggregated()), scenario.inputs().realism(), scenario.inputs());
    }

    /** A plan to run off the FX thread: the model, the priced devices and the limits as they were asked. */
    public record PlanRequest(ModelSpec model, List<HardwareProfile> gpus, int maxGpus, Planner.Limits limits,
                              Planner.Options options, RealismMode realism, ScenarioInputs from) {
        public List<Planner.Candidate> run() {
            return Planner.plan(model, gpus, maxGpus, limits, options);
        }

        /** The profiles left out for want of a price. */
        public List<String> unpriced() {
            return gpus.stream().filter(g -> g.price().isEmpty()).map(HardwareProfile::shortName).toList();
        }

        /**
         * A candidate as the scenario's inputs: the live model, tokens, realism and draft, on the candidate's
         * devices, split, precision and batch; the rental table's price typed in when the profile has none.
         */
        public ScenarioInputs inputsOf(Planner.Candidate c) {
            HardwareProfile g = gpus.stream().filter(x -> x.id().equals(c.gpuId())).findFirst().orElseThrow();
            boolean rented = RentalPrices.tableSource(g).isPresent();
            return new ScenarioInputs(c.gpuId(), from.presetName(), from.parameters(), c.precision(), c.weightOnly(),
                    Precision.BF16, (int) Math.min(Integer.MAX_VALUE, c.batch()), from.promptTokens(), from.generatedTokens(),
                    c.gpus(), from.realism(), from.customComputeEfficiency(), from.customBandwidthEfficiency(),
                    rented ? g.priceUsdPerHour() : null, HardwareScales.NONE, c.pipelineStages(),
                    from.customLayerOverheadMicroseconds(), from.quantizedEmbeddings(),
                    c.drafted() ? from.speculation() : Speculation.NONE);
        }
    }
}
