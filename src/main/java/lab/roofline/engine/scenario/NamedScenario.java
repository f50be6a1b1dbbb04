package lab.roofline.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;

/**
 * A scenario as a document holds it: the inputs as chosen, a name, a free note and, when it runs on a
 * profile of the user's own, that profile, so the document means the same on another machine. A document
 * may hold pinned scenarios too, to compare with the live one.
 *
 * @param hardware the profile the scenario runs on when it is not one of the bundled ones, else null
 * @param pins     the scenarios pinned beside it (at most {@link #MAX_PINS}), in the order pinned
 * @param models   the architectures of the imported models (from a config.json) it or its pins name, so
 *                 the document means the same where the model was never imported
 */
public record NamedScenario(String name, String note, ScenarioInputs inputs, HardwareProfile hardware,
                            List<Pinned> pins, List<ModelSpec> models) {
    /** The file name ending of a scenario document. */
    public static final String FILE_EXTENSION = ".roofline.json";
    /** How many scenarios can be pinned beside the live one; each has its own colour (0 to 3). */
    public static final int MAX_PINS = 4;

    /**
     * A pinned scenario: its name, its colour (0-3, which also gives its line pattern and marker), its inputs
     * and, for a profile of the user's own, that profile.
     */
    public record Pinned(String name, int colour, ScenarioInputs inputs, HardwareProfile hardware) {
        public Pinned {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a pinned scenario needs a name");
            }
            if (colour < 0 || colour >= MAX_PINS) {
                throw new IllegalArgumentException("a pin's colour is 0 to " + (MAX_PINS - 1) + ", got " + colour);
            }
            if (inputs == null) {
                throw new IllegalArgumentException("a pinned scenario needs its inputs");
            }
            checkProfile(hardware, inputs);
        }

        /** The profile it runs on, as for the live scenario. */
        public Optional<HardwareProfile> profileAmong(List<HardwareProfile> loaded) {
            return NamedScenario.profileAmong(loaded, inputs, hardware);
        }
    }

    public NamedScenario {
        name = name == null ? "" : name;
        note = note == null ? "" : note;
        if (inputs == null) {
            throw new IllegalArgumentException("a scenario document needs its inputs");
        }
        checkProfile(hardware, inputs);
        pins = pins == null ? List.of() : List.copyOf(pins);
        if (pins.size() > MAX_PINS) {
            throw new IllegalArgumentException("at most " + MAX_PINS + " pins, got " + pins.size());
        }
        if (pins.stream().map(Pinned::colour).distinct().count() < pins.size()) {
            throw new IllegalArgumentException("two pins have the same colour");
        }
        models = models == null ? List.of() : List.copyOf(models);
        if (models.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).distinct().count() < models.size()) {
            throw new IllegalArgumentException("two imported models have the same name");
        }
        // A model that is no preset is an imported one: its architecture travels with the document.
        for (ScenarioInputs in : allInputs(inputs, pins)) {
            String model = in.presetName();
            if (model != null && ModelPresets.find(model).isEmpty() && models.stream()
                    .noneMatch(m -> m.name().equalsIgnoreCase(model))) {
                throw new IllegalArgumentException("the imported model " + model + " has no architecture in the document");
            }
        }
    }

    private static List<ScenarioInputs> allInputs(ScenarioInputs inputs, List<Pinned> pins) {
        List<ScenarioInputs> all = new ArrayList<>();
        all.add(inputs);
        pins.forEach(p -> all.add(p.inputs()));
        return all;
    }

    /** A document on presets and counted models only. */
    public NamedScenario(String name, String note, ScenarioInputs inputs, HardwareProfile hardware, List<Pinned> pins) {
        this(name, note, inputs, hardware, pins, List.of());
    }

    /** A document with nothing pinned. */
    public NamedScenario(String name, String note, ScenarioInputs inputs, HardwareProfile hardware) {
        this(name, note, inputs, hardware, List.of());
    }

    /** An imported model the document carries, by name (ignoring case). */
    public Optional<ModelSpec> importedModel(String modelName) {
        return modelName == null ? Optional.empty()
                : models.stream().filter(m -> m.name().equalsIgnoreCase(modelName)).findFirst();
    }

    /**
     * The model some inputs of this document name: a preset, an imported model it carries, else a dense
     * model of their parameter count.
     */
    public ModelSpec modelOf(ScenarioInputs in) {
        return ModelPresets.find(in.presetName()).or(() -> importedModel(in.presetName()))
                .orElseGet(() -> ModelSpec.fromParameterCount(in.parameters()));
    }

    private static void checkProfile(HardwareProfile hardware, ScenarioInputs inputs) {
        if (hardware != null && !hardware.id().equalsIgnoreCase(inputs.gpuId())) {
            throw new IllegalArgumentException("the embedded profile is " + hardware.id() + ", the scenario's GPU "
                    + inputs.gpuId());
        }
    }

    /**
     * The profile it runs on: the copy it carries (what its numbers were made with), else a loaded one with
     * its id; empty when neither exists (the caller names the GPU in its message).
     */
    public Optional<HardwareProfile> profileAmong(List<HardwareProfile> loaded) {
        return profileAmong(loaded, inputs, hardware);
    }

    private static Optional<HardwareProfile> profileAmong(List<HardwareProfile> loaded, ScenarioInputs inputs,
                                                          HardwareProfile carried) {
        if (carried != null) {
            return Optional.of(carried);
        }
        return loaded.stream().filter(p -> p.id().equalsIgnoreCase(inputs.gpuId())).findFirst();
    }

    /** A loaded profile with the id of a carried copy but other values: what a reader is told the file wins over. */
    public static Optional<HardwareProfile> differingLoaded(HardwareProfile carried, List<HardwareProfile> loaded) {
        return carried == null ? Optional.empty() : loaded.stream()
                .filter(p -> p.id().equalsIgnoreCase(carried.id()) && !p.equals(carried)).findFirst();
    }
}
