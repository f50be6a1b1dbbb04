package lab.roofline.ui.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.Comparison;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;

/**
 * Pinned scenarios, kept beside the live one to compare: each its name, its colour (0-3, each with its own
 * line style and marker), its inputs and its evaluation, made when it was pinned.
 */
public final class PinsModel {
    public static final int MAX_PINS = NamedScenario.MAX_PINS;

    /** A pinned scenario: its name, its colour, its inputs and evaluation. */
    public record Pin(String name, int colour, ScenarioInputs inputs, Evaluation evaluation) {
    }

    private final ScenarioModel scenario;
    private final ObservableList<Pin> pins = FXCollections.observableArrayList();
    /** The pins as a document holds them (no profiles embedded): what "unsaved changes" compares. */
    private final ObjectBinding<List<NamedScenario.Pinned>> pinned = Bindings.createObjectBinding(() -> pinned(p -> null),
            pins);

    public PinsModel(ScenarioModel scenario) {
        this.scenario = scenario;
    }

    /** The pinned scenarios, in the order pinned. */
    public ObservableList<Pin> pins() {
        return pins;
    }

    /** The pins as a document holds them, without profiles; invalidated when they change. */
    public ObjectBinding<List<NamedScenario.Pinned>> pinnedProperty() {
        return pinned;
    }

    /** Pins the live scenario under a name; refused (with why) when four are pinned already. */
    public Optional<String> pin(String name) {
        if (pins.size() >= MAX_PINS) {
            return Optional.of(full());
        }
        Evaluation live = scenario.result();
        pins.add(new Pin(shownName(name, live.scenario()), freeColour(), scenario.inputs(), live));
        return Optional.empty();
    }

    /** Pins a scenario given by its inputs (a planner's candidate) without touching the live one. */
    public Optional<String> pin(String name, ScenarioInputs in) {
        if (pins.size() >= MAX_PINS) {
            return Optional.of(full());
        }
        if (scenario.findProfile(in.gpuId()).isEmpty()) {
            return Optional.of("unknown accelerator '" + Units.shortened(in.gpuId()) + "'");
        }
        Scenario s = scenario.scenarioOf(in);
        pins.add(new Pin(shownName(name, s), freeColour(), in, scenario.evaluate(s)));
        return Optional.empty();
    }

    private static String full() {
        return "At most " + MAX_PINS + " scenarios can be pinned: unpin one first";
    }

    private static String shownName(String name, Scenario s) {
        return name == null || name.isBlank() ? describe(s) : name.strip();
    }

    private int freeColour() {
        Set<Integer> used = new HashSet<>();
        pins.forEach(p -> used.add(p.colour()));
        int colour = 0;
        while (used.contains(colour)) {
            colour++;
        }
        return colour;
    }

    /**
     * A pin's name when the user gives none: what tells scenarios apart, short enough for a chart's key:
     * "2 × H200 SXM · 70.6B INT8 · batch 64".
     */
    static String describe(Scenario s) {
        return (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + s.gpu().shortName()
                + (s.pipelineStages() > 1 ? " " + Scenario.layoutName(s.gpuCount(), s.pipelineStages()) : "") + " · "
                + Units.parameterCount(s.model().totalParameters()) + " " + s.weightPrecision().label() + " · batch "
                + String.format(Locale.ROOT, "%,d", s.batchSize());
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
        scenario.apply(pin.inputs());
    }

    /** The live scenario and the pins side by side, the live one first (the ratios are to it). */
    public Comparison comparison() {
        List<String> names = new ArrayList<>(List.of("Live"));
        List<Evaluation> evaluations = new ArrayList<>(List.of(scenario.result()));
        for (Pin p : pins) {
            names.add(p.name());
            evaluations.add(p.evaluation());
        }
        return new Comparison(names, evaluations);
    }

    /**
     * The pins as a document holds them, each with the profile {@code embed} gives for its GPU (null: none,
     * for a bundled one).
     */
    public List<NamedScenario.Pinned> pinned(UnaryOperator<HardwareProfile> embed) {
        // The device as its profile describes it: a what-if's scaled copy is the pin's whatIf, not a profile.
        return pins.stream().map(p -> new NamedScenario.Pinned(p.name(), p.colour(), p.inputs(),
                embed.apply(scenario.findProfile(p.inputs().gpuId()).orElse(p.evaluation().scenario().gpu()))))
                .toList();
    }

    /**
     * Replaces the pins with a document's; a pin whose GPU is neither loaded nor carried refuses them all
     * (the reason is returned, naming the pin), and the pins stay as they were.
     */
    public Optional<String> setPins(List<NamedScenario.Pinned> from) {
        List<Pin> now = new ArrayList<>();
        List<HardwareProfile> joining = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            NamedScenario.Pinned p = from.get(i);
            List<HardwareProfile> known = new ArrayList<>(scenario.profiles());
            known.addAll(joining);
            Optional<HardwareProfile> gpuOf = p.profileAmong(known);
            if (gpuOf.isEmpty()) {
                return Optional.of("field 'pins[" + i + "].scenario.gpu': unknown accelerator '"
                        + Units.shortened(p.inputs().gpuId()) + "' (not among the loaded profiles, and the file carries none)");
            }
            if (!known.contains(gpuOf.get())) {
                joining.add(gpuOf.get());
            }
            Evaluation e = scenario.evaluate(scenario.priced(p.inputs(),
                    p.inputs().toScenario(gpuOf.get(), scenario.realismProperty().get())));
            now.add(new Pin(p.name(), p.colour(), p.inputs(), e));
        }
        scenario.profiles().addAll(joining);
        pins.setAll(now);
        return Optional.empty();
    }
}
