package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** A user's own hardware profile, 'lab-gpu' at $2.50 an hour, as the CLI tests write it into a profiles folder. */
final class LabGpu {
    private LabGpu() {
    }

    static final String ID = "lab-gpu";

    static final String PROFILE = """
            {"id": "lab-gpu", "name": "Lab GPU", "peakTflops": {"bf16": 500, "int8": 1000},
             "memoryBandwidthGBps": 2000, "memoryGB": 96, "priceUsdPerHour": 2.5, "sources": ["our bench"]}
            """;

    /** `report --json` on the lab GPU from a profiles folder, saved as a scenario file; the run, checked to succeed. */
    static CliTest.Run saveScenario(Path profiles, Path file) {
        CliTest.Run r = CliTest.run("report", "--json", "--profiles", profiles.toString(), "--gpu", ID,
                "--save-scenario", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    /** Writes the profile as profiles/lab.json under a folder; returns the profiles folder. */
    static Path writeUnder(Path dir) throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("lab.json"), PROFILE);
        return profiles;
    }
}
