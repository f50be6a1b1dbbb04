package lab.roofline.cli;

import static lab.roofline.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.roofline.cli.CliTest.Run;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** report --save-scenario and --scenario: the file says exactly what the flags said. */
class ScenarioCliTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "--gpu h200_sxm --batch 64 --precision bf16 --realistic",
            "--params 13B --precision int4 --weight-only --kv-precision fp8 --gpus 2 --prompt 8k --output 2k",
            "--gpu mi300x --realistic --compute-efficiency 0.5",
            "--gpu a10 --model Llama-3.1-8B --price-per-hour 0.75 --bandwidth-efficiency 0.8",
            "--gpu l4 --model Llama-3.1-405B --batch 4096"})
    void savingThenReadingGivesTheSameReport(String flags, @TempDir Path dir) {
        Path file = dir.resolve("plan.roofline.json");
        String[] args = ("report --json " + flags + " --save-scenario " + file).split(" ");
        Run direct = run(args);
        assertThat(direct.code()).as(direct.err()).isZero();
        Run fromFile = run("report", "--json", "--scenario", file.toString());
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).isEqualTo(direct.out());
    }

    @Test
    void flagsGivenWithAScenarioOverrideItsValuesAndOnlyThose(@TempDir Path dir) {
        Path file = dir.resolve("a.roofline.json");
        assertThat(run("report", "--gpu", "h200_sxm", "--batch", "64", "--precision", "bf16",
                "--save-scenario", file.toString()).code()).isZero();
        Run overridden = run("report", "--json", "--scenario", file.toString(), "--batch", "8");
        Run expected = run("report", "--json", "--gpu", "h200_sxm", "--batch", "8", "--precision", "bf16");
        assertThat(overridden.out()).isEqualTo(expected.out());
    }

    @Test
    void aScenarioOnAProfileOfYourOwnCarriesItAndOpensWithoutTheFolder(@TempDir Path dir) throws Exception {
        Path profiles = LabGpu.writeUnder(dir);
        Path file = dir.resolve("lab.roofline.json");
        Run direct = LabGpu.saveScenario(profiles, file);
        assertThat(Files.readString(file)).contains("\"hardware\"", "Lab GPU");
        Run elsewhere = run("report", "--json", "--scenario", file.toString());
        assertThat(elsewhere.code()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.out()).isEqualTo(direct.out());
    }

    @Test
    void aWhatIfOnAProfileOfYourOwnIsScaledOnceWhereverTheFileOpens(@TempDir Path dir) throws Exception {
        Path profiles = Files.createDirectory(dir.resolve("profiles"));
        Files.writeString(profiles.resolve("lab.json"), """
                {"id": "lab-gpu", "name": "Lab GPU", "peakTflops": {"bf16": 500},
                 "memoryBandwidthGBps": 2000, "memoryGB": 96, "sources": ["our bench"]}
                """);
        Path file = dir.resolve("w.roofline.json");
        Run direct = run("report", "--json", "--profiles", profiles.toString(), "--gpu", "lab-gpu", "--precision", "bf16",
                "--bandwidth-scale", "2", "--save-scenario", file.toString());
        assertThat(direct.code()).as(direct.err()).isZero();
        assertThat(Files.readString(file)).as("the profile as it is, the what-if beside it")
                .contains("\"memoryBandwidthGBps\" : 2000", "\"whatIf\"").doesNotContain("with 2×");
        Run elsewhere = run("report", "--json", "--scenario", file.toString());
        assertThat(elsewhere.out()).isEqualTo(direct.out()).contains("\"name\" : \"Lab GPU with 2× bandwidth\"")
                .contains("\"memoryBandwidthBytesPerSecond\" : 4.0E12");
    }

    @Test
    void aBundledProfileIsNamedNotCopied(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.roofline.json");
        assertThat(run("report", "--save-scenario", file.toString()).code()).isZero();
        assertThat(Files.readString(file)).doesNotContain("\"hardware\"").contains("\"gpu\" : \"h100_sxm\"");
    }

    @Test
    void aBadScenarioFileIsOneLineNamingTheFileTheFieldAndTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.roofline.json");
        Files.writeString(file, """
                {"format": "roofline-lab scenario", "version": 1,
                 "scenario": {"gpu": "h100_sxm", "model": "Llama-3.1-70B", "precision": "int8",
                              "kvPrecision": "bf16", "batch": 0, "prompt": 1024, "generated": 256, "gpuCount": 1}}
                """);
        Run r = run("report", "--scenario", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(file.toString(), "scenario.batch", "too small").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);

        Files.writeString(file, Files.readString(file).replace("\"batch\": 0", "\"batch\": 1")
                .replace("h100_sxm", "no-such-gpu"));
        Run unknown = run("report", "--scenario", file.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("field 'scenario.gpu'", "unknown accelerator 'no-such-gpu'");

        Run missing = run("report", "--scenario", dir.resolve("nope.roofline.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.roofline.json", "does not exist");
    }

    @Test
    void savingIntoAFolderSaysSo(@TempDir Path dir) {
        Run r = run("report", "--save-scenario", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is a folder");
    }

    /** The app's "copy as command line" runs in a terminal and reports the very scenario it came from. */
    @Test
    void aCopiedCommandLineRunsAndReportsTheSameScenario(@TempDir Path dir) throws Exception {
        List<ScenarioInputs> cases = List.of(
                ScenarioInputs.DEFAULT,
                new ScenarioInputs("mi300x", null, 1.23456789e10, Precision.FP8,
                        true, Precision.FP8, 77, 3000, 900, 3, RealismMode.CUSTOM,
                        0.61, 0.83, Double.NaN),
                new ScenarioInputs("t4", "Mistral-7B", 7.24e9, Precision.INT4,
                        false, Precision.BF16, 5, 100, 10, 1, RealismMode.REALISTIC,
                        1, 1, 0.35));
        for (var in : cases) {
            Path file = dir.resolve("case.roofline.json");
            ScenarioFile.save(new NamedScenario("case", "", in, null), file);
            List<String> words = new ArrayList<>(ScenarioCommandLine
                    .split(ScenarioCommandLine.of(in)));
            words.remove(0); // "roofline-lab"
            words.add("--json");
            Run copied = run(words.toArray(String[]::new));
            assertThat(copied.code()).as(copied.err()).isZero();
            assertThat(copied.out()).as(String.join(" ", words)).isEqualTo(run("report", "--json", "--scenario", file.toString()).out());
        }
    }

    @Test
    void whatIfFlagsScaleTheDeviceSayItEverywhereAndTravelInAScenarioFile(@TempDir Path dir) throws Exception {
        var json = new ObjectMapper();
        var real = json.readTree(run("report", "--json").out());
        var what = json.readTree(run("report", "--json", "--bandwidth-scale", "2", "--memory-scale", "1.5").out());
        assertThat(what.path("gpu").path("name").asText()).isEqualTo("NVIDIA H100 SXM5 80GB with 2× bandwidth, 1.5× memory");
        assertThat(what.path("gpu").path("whatIf").path("bandwidthScale").asDouble()).isEqualTo(2);
        assertThat(what.path("gpu").path("whatIf").path("peakScale").asDouble()).isEqualTo(1);
        assertThat(real.path("gpu").has("whatIf")).isFalse();
        assertThat(what.path("gpu").path("memoryBandwidthBytesPerSecond").asDouble())
                .isEqualTo(2 * real.path("gpu").path("memoryBandwidthBytesPerSecond").asDouble());
        assertThat(run("report", "--bandwidth-scale", "2").out()).contains("with 2× bandwidth");
        // Saved and read back exactly; a flag given with the file overrides its factor, the others stay.
        Path file = dir.resolve("w.roofline.json");
        assertThat(run("report", "--bandwidth-scale", "2", "--memory-scale", "1.5", "--save-scenario", file.toString()).code()).isZero();
        assertThat(json.readTree(run("report", "--json", "--scenario", file.toString()).out())).isEqualTo(what);
        var over = json.readTree(run("report", "--json", "--scenario", file.toString(), "--bandwidth-scale", "1").out());
        assertThat(over.path("gpu").path("name").asText()).isEqualTo("NVIDIA H100 SXM5 80GB with 1.5× memory");
        // The same limits as the app: 0.5 to 4, said with the flag's name.
        for (String bad : new String[] {"5", "0.25", "two", "-1"}) {
            var r = run("report", "--peak-scale", bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).startsWith("roofline-lab: --peak-scale: ").doesNotContain("Exception");
        }
        assertThat(run("report", "--peak-scale", "5").err()).contains("too large (at most 4)");
    }
}
