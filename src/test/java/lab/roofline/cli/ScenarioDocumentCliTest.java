package lab.roofline.cli;

import static lab.roofline.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.roofline.cli.CliTest.Run;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 26: the command line never loses or silently changes a scenario file, and names every bad output. */
class ScenarioDocumentCliTest {
    /** A document with a name, a note and a pin, as the window saves one. */
    static Path plan(Path dir) throws Exception {
        ScenarioInputs h200 = new ScenarioInputs("h200_sxm", "Llama-3.1-8B",
                ModelPresets.find("Llama-3.1-8B").orElseThrow().totalParameters(), Precision.BF16, false,
                Precision.BF16, 4, 512, 128, 1, ScenarioInputs.DEFAULT.realism(), 1, 1, null);
        NamedScenario d = new NamedScenario("My plan", "keep this note", ScenarioInputs.DEFAULT, null,
                List.of(new NamedScenario.Pinned("H200 small", 2, h200, null)));
        Path file = dir.resolve("plan.roofline.json");
        ScenarioFile.save(d, file);
        return file;
    }

    /** Item 1: saving over the file it read keeps its name, note and pins; only the flags' input changes. */
    @Test
    void savingOverTheScenarioReadKeepsItsNameNoteAndPins(@TempDir Path dir) throws Exception {
        Path file = plan(dir);
        NamedScenario before = ScenarioFile.read(file);
        Run r = run("report", "--scenario", file.toString(), "--batch", "8", "--save-scenario", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        NamedScenario after = ScenarioFile.read(file);
        assertThat(after.name()).isEqualTo("My plan");
        assertThat(after.note()).isEqualTo("keep this note");
        assertThat(after.pins()).isEqualTo(before.pins());
        assertThat(after.inputs().batchSize()).isEqualTo(8);
        // Saved elsewhere, the document is the same one too.
        Path copy = dir.resolve("copy.roofline.json");
        assertThat(run("report", "--scenario", file.toString(), "--save-scenario", copy.toString()).code()).isZero();
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(file));
    }

    /** Item 3: no output replaces a file the command reads, nor an existing file of another kind. */
    @Test
    void anOutputNeverReplacesAFileBeingReadOrOfAnotherKind(@TempDir Path dir) throws Exception {
        Path file = plan(dir);
        String scenario = Files.readString(file);
        Run csvOverScenario = run("report", "--scenario", file.toString(), "--curve-csv", file.toString());
        assertThat(csvOverScenario.code()).isEqualTo(2);
        assertThat(csvOverScenario.err()).contains("--curve-csv: ").contains("--scenario")
                .doesNotContain("Exception");
        assertThat(csvOverScenario.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo(scenario);

        Path notes = Files.writeString(dir.resolve("notes.csv"), "my,own\n1,2\n");
        Run csvOverOther = run("report", "--curve-csv", notes.toString());
        assertThat(csvOverOther.code()).isEqualTo(2);
        assertThat(csvOverOther.err()).contains("--curve-csv: ").contains("not a batch-curve CSV");
        assertThat(Files.readString(notes)).isEqualTo("my,own\n1,2\n");

        Path config = Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"llama\"}\n");
        Run scenarioOverOther = run("report", "--save-scenario", config.toString());
        assertThat(scenarioOverOther.code()).isEqualTo(2);
        assertThat(scenarioOverOther.err()).contains("--save-scenario: ").contains("not a Roofline Lab scenario");
        assertThat(Files.readString(config)).isEqualTo("{\"model_type\": \"llama\"}\n");

        Path both = dir.resolve("both.roofline.json");
        Run sameTwice = run("report", "--save-scenario", both.toString(), "--curve-csv", both.toString());
        assertThat(sameTwice.code()).isEqualTo(2);
        assertThat(sameTwice.err()).contains("--curve-csv: ").contains("--save-scenario");
        assertThat(both).doesNotExist();

        // A curve the app wrote before, and a scenario file, are replaced as asked.
        Path curve = dir.resolve("curve.csv");
        assertThat(run("report", "--curve-csv", curve.toString()).code()).isZero();
        assertThat(run("report", "--batch", "8", "--curve-csv", curve.toString()).code()).isZero();
        Path other = dir.resolve("other.roofline.json");
        assertThat(run("report", "--save-scenario", other.toString()).code()).isZero();
        assertThat(run("report", "--batch", "8", "--save-scenario", other.toString()).code()).isZero();
        assertThat(ScenarioFile.read(other).inputs().batchSize()).isEqualTo(8);
    }

    /** Item 12: a bad target names its flag and the real reason. */
    @Test
    void aBadTargetNamesItsFlagAndTheRealReason() {
        for (String flag : List.of("--save-scenario", "--curve-csv")) {
            Run proc = run("report", flag, "/proc/x" + (flag.equals("--curve-csv") ? ".csv" : ".roofline.json"));
            assertThat(proc.code()).as(proc.err()).isEqualTo(2);
            assertThat(proc.err()).contains(flag + ": the folder /proc cannot be written to")
                    .doesNotContain("does not exist").doesNotContain("Exception");
            Run missing = run("report", flag, "/no/such/folder/x.out");
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains(flag + ": the folder /no/such/folder does not exist");
            Run folder = run("report", flag, "/tmp");
            assertThat(folder.code()).isEqualTo(2);
            assertThat(folder.err()).contains(flag + ": /tmp is a folder");
        }
    }

    /** Item 4 on the command line: the misspelt key is refused naming the file and the key, exit 2. */
    @Test
    void aMisspeltKeyIsRefusedNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Path file = plan(dir);
        Files.writeString(file, Files.readString(file).replace("\"batch\" : 1,", "\"batch\" : 1, \"pipelineStage\" : 2,"));
        Run r = run("report", "--scenario", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("plan.roofline.json").contains("field 'scenario.pipelineStage'");
        assertThat(r.out()).isEmpty();
    }

    /** Item 6: a file is refused by report as compare refuses it (a pin on no known device), not accepted by one. */
    @Test
    void aFileIsReadAlikeByEveryCommand(@TempDir Path dir) throws Exception {
        Path file = plan(dir);
        Files.writeString(file, Files.readString(file).replace("\"gpu\" : \"h200_sxm\"", "\"gpu\" : \"no-such-gpu\""));
        Run compare = run("compare", file.toString());
        Run report = run("report", "--scenario", file.toString());
        assertThat(compare.code()).isEqualTo(2);
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("field 'pins[0].scenario.gpu': unknown accelerator 'no-such-gpu'");
    }

    /** Item 6: a file's pipeline stages the typed device count no longer divides are not dropped without a word. */
    @Test
    void aStaleValueDroppedByAFlagIsSaid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pp.roofline.json");
        ScenarioFile.save(new NamedScenario("pp", "", ScenarioInputs.DEFAULT.withParallelism(4, 2), null), file);
        Run r = run("report", "--scenario", file.toString(), "--gpus", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("note:").contains("--gpus 3").contains("2 pipeline stages");
    }

    private static final Path DEEPSEEK = Path.of("src/test/resources/model-configs/deepseek-v3.json");

    /** Item 2: an imported model's architecture travels in the file: reopened, the numbers are the same. */
    @Test
    void anImportedModelReopensAsItself(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ds.roofline.json");
        Run direct = run("report", "--json", "--gpu", "h200_sxm", "--gpus", "8", "--precision", "fp8",
                "--model-config", DEEPSEEK.toString(), "--save-scenario", file.toString());
        assertThat(direct.code()).as(direct.err()).isZero();
        assertThat(Files.readString(file)).contains("\"models\"").contains("\"routedExperts\"");
        Run reopened = run("report", "--json", "--scenario", file.toString());
        assertThat(reopened.code()).as(reopened.err()).isZero();
        assertThat(reopened.out()).isEqualTo(direct.out());
        Run compared = run("compare", "--json", file.toString());
        assertThat(compared.code()).as(compared.err()).isZero();
        assertThat(compared.out()).contains(direct.out().strip().substring(1, 200));
        // Saved again from the file alone (no config at hand): the same bytes.
        Path again = dir.resolve("again.roofline.json");
        assertThat(run("report", "--scenario", file.toString(), "--save-scenario", again.toString()).code()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
    }

    /** Item 2: a file naming an imported model without its architecture is refused, not read as a dense model. */
    @Test
    void anImportedModelWithoutItsArchitectureIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ds.roofline.json");
        assertThat(run("report", "--model-config", DEEPSEEK.toString(), "--save-scenario", file.toString()).code())
                .isZero();
        String text = Files.readString(file);
        String withoutModels = text.substring(0, text.indexOf(",\n  \"models\"")) + "\n}\n";
        Files.writeString(file, withoutModels);
        Run r = run("report", "--scenario", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ds.roofline.json").contains("field 'scenario.importedModel'")
                .contains("architecture");
    }

    /** Item 5: a file's own copy of a profile wins over a loaded one of the same id, and the output says so. */
    @Test
    void theFilesOwnProfileWinsOverALoadedOneOfTheSameIdAndSaysSo(@TempDir Path dir) throws Exception {
        Path profiles = LabGpu.writeUnder(dir);
        Path file = dir.resolve("lab.roofline.json");
        Run direct = LabGpu.saveScenario(profiles, file);
        Run same = run("report", "--json", "--profiles", profiles.toString(), "--scenario", file.toString());
        assertThat(same.out()).isEqualTo(direct.out());
        assertThat(same.err()).doesNotContain("lab-gpu");
        // The user's profile changes since: the file still means what it meant, and says the two differ.
        Files.writeString(profiles.resolve("lab.json"), LabGpu.PROFILE.replace("2.5", "1.0"));
        Run changed = run("report", "--json", "--profiles", profiles.toString(), "--scenario", file.toString());
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.out()).isEqualTo(direct.out());
        assertThat(changed.err()).contains("note:").contains("lab-gpu").contains("differs").contains("lab.roofline.json");
        Run compared = run("compare", "--json", "--profiles", profiles.toString(), file.toString());
        assertThat(compared.code()).as(compared.err()).isZero();
        assertThat(compared.err()).contains("note:").contains("lab-gpu").contains("differs");
        assertThat(compared.out()).contains(direct.out().strip().substring(1, 300));
    }
}
