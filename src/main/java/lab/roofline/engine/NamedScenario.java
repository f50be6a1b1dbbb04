package lab.roofline.engine;

import java.util.List;
import java.util.Optional;

/**
 * A scenario as a document holds it: the inputs as chosen, a name, a free note and, when it runs on a
 * profile of the user's own, that profile, so the document means the same on another machine.
 *
 * @param hardware the profile the scenario runs on when it is not one of the bundled ones, else null
 */
public record NamedScenario(String name, String note, ScenarioInputs inputs, HardwareProfile hardware) {
    /** The file name ending of a scenario document. */
    public static final String FILE_EXTENSION = ".roofline.json";

    public NamedScenario {
        name = name == null ? "" : name;
        note = note == null ? "" : note;
        if (inputs == null) {
            throw new IllegalArgumentException("a scenario document needs its inputs");
        }
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
        Optional<HardwareProfile> known = loaded.stream().filter(p -> p.id().equalsIgnoreCase(inputs.gpuId()))
                .findFirst();
        return known.isPresent() ? known : Optional.ofNullable(hardware);
    }
}
