package lab.roofline.engine.scenario;

import java.util.List;
import java.util.Optional;
import lab.roofline.engine.roofline.HardwareProfile;

/**
 * A scenario as a document holds it: the inputs as chosen, a name, a free note and, when it runs on a
 * profile of the user's own, that profile, so the document means the same on another machine. A document
 * may hold pinned scenarios too, to compare with the live one.
 *
 * @param hardware the profile the scenario runs on when it is not one of the bundled ones, else null
 * @param pins     the scenarios pinned beside it (at most {@link #MAX_PINS}), in the order pinned
 */
public record NamedScenario(String name, String note, ScenarioInputs inputs, HardwareProfile hardware,
                            List<Pinned> pins) {
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
    }

    /** A document with nothing pinned. */
    public NamedScenario(String name, String note, ScenarioInputs inputs, HardwareProfile hardware) {
        this(name, note, inputs, hardware, List.of());
    }

    private static void checkProfile(HardwareProfile hardware, ScenarioInputs inputs) {
        if (hardware != null && !hardware.id().equalsIgnoreCase(inputs.gpuId())) {
            throw new IllegalArgumentException("the embedded profile is " + hardware.id() + ", the scenario's GPU "
                    + inputs.gpuId());
        }
    }

    /**
     * The profile it runs on: a loaded one with its id, else the copy it carries; empty when neither exists
     * (the caller names the GPU in its message).
     */
    public Optional<HardwareProfile> profileAmong(List<HardwareProfile> loaded) {
        return profileAmong(loaded, inputs, hardware);
    }

    private static Optional<HardwareProfile> profileAmong(List<HardwareProfile> loaded, ScenarioInputs inputs,
                                                          HardwareProfile carried) {
        Optional<HardwareProfile> known = loaded.stream().filter(p -> p.id().equalsIgnoreCase(inputs.gpuId()))
                .findFirst();
        return known.isPresent() ? known : Optional.ofNullable(carried);
    }
}
