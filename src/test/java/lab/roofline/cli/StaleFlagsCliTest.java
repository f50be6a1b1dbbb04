package lab.roofline.cli;

import static lab.roofline.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import lab.roofline.cli.CliTest.Run;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioEdit;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26 item 6: a flag given with --scenario FILE never drops or overrides one of the file's values (or
 * another flag's) without a word: each such case is one `note:` line naming the flag and what changed.
 */
class StaleFlagsCliTest {
    private static Path save(Path dir, ScenarioInputs in) throws Exception {
        Path file = dir.resolve("plan.roofline.json");
        ScenarioFile.save(new NamedScenario("plan", "", in, null), file);
        return file;
    }

    /** The single note line of a run (there must be exactly one), without the prefix. */
    private static String theNote(Run r) {
        List<String> notes = r.err().lines().filter(l -> l.contains("note:")).toList();
        assertThat(notes).as(r.err()).hasSize(1);
        return notes.get(0);
    }

    private static ScenarioInputs resaved(Path dir, String... args) throws Exception {
        Path out = dir.resolve("resaved.roofline.json");
        Files.deleteIfExists(out);
        String[] all = Stream.concat(Arrays.stream(args),
                Stream.of("--save-scenario", out.toString())).toArray(String[]::new);
        Run r = run(all);
        assertThat(r.code()).as(r.err()).isZero();
        return ScenarioFile.read(out).inputs();
    }

    /** A price the file set for its device is the device's: --gpu another drops it (as the window does) and says so. */
    @Test
    void anotherGpuDropsThePriceTheFileSetForItsDeviceAndSaysSo(@TempDir Path dir) throws Exception {
        ScenarioEdit priced = new ScenarioEdit(ScenarioInputs.DEFAULT);
        priced.priceUsdPerHour = 7.25;
        Path file = save(dir, priced.done());
        Run r = run("report", "--scenario", file.toString(), "--gpu", "h200_sxm");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(theNote(r)).contains("--gpu h200_sxm", "7.25", "h100_sxm", "plan.roofline.json",
                "--price-per-hour");
        assertThat(resaved(dir, "report", "--scenario", file.toString(), "--gpu", "h200_sxm").priceUsdPerHour())
                .isNull();
        // A typed price, or the file's own device named again: nothing dropped, nothing said.
        Run typed = run("report", "--scenario", file.toString(), "--gpu", "h200_sxm", "--price-per-hour", "3");
        assertThat(typed.err()).doesNotContain("note:");
        Run same = run("report", "--scenario", file.toString(), "--gpu", "H100_SXM");
        assertThat(same.err()).doesNotContain("note:");
        assertThat(resaved(dir, "report", "--scenario", file.toString(), "--gpu", "h100_sxm").priceUsdPerHour())
                .isEqualTo(7.25);
    }

    /** --precision bf16 over a weight-only INT4 file: weight-only cannot stand at 16 bits; dropped, and said. */
    @Test
    void aWiderPrecisionDropsTheFilesWeightOnlyAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = save(dir, precision(Precision.INT4, true, false));
        Run r = run("report", "--scenario", file.toString(), "--precision", "bf16");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(theNote(r)).contains("--precision bf16", "weight-only", "plan.roofline.json", "dropped");
        assertThat(resaved(dir, "report", "--scenario", file.toString(), "--precision", "bf16").weightOnly()).isFalse();
        // Typed together, it is still the user's contradiction: refused naming --weight-only.
        Run both = run("report", "--scenario", file.toString(), "--precision", "bf16", "--weight-only");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--weight-only needs weights narrower than BF16");
    }

    /** --precision bf16 over a file with quantized embeddings: they mean nothing at 16 bits; kept, and said. */
    @Test
    void aWiderPrecisionSaysTheFilesQuantizedEmbeddingsNoLongerCount(@TempDir Path dir) throws Exception {
        Path file = save(dir, precision(Precision.INT4, false, true));
        Run r = run("report", "--scenario", file.toString(), "--precision", "bf16");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(theNote(r)).contains("--precision bf16", "quantized embeddings", "no effect", "plan.roofline.json");
        Run narrow = run("report", "--scenario", file.toString(), "--precision", "int8");
        assertThat(narrow.err()).doesNotContain("note:");
    }

    /** A flag that only matters with another: --quantize-embeddings with 16-bit weights changes nothing, and says so. */
    @Test
    void quantizeEmbeddingsWithSixteenBitWeightsSaysItChangesNothing(@TempDir Path dir) throws Exception {
        Run r = run("report", "--precision", "bf16", "--quantize-embeddings");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(theNote(r)).contains("--quantize-embeddings", "no effect", "BF16");
        Path file = save(dir, precision(Precision.FP32, false, false));
        Run fromFile = run("report", "--scenario", file.toString(), "--quantize-embeddings");
        assertThat(theNote(fromFile)).contains("--quantize-embeddings", "no effect", "FP32");
        assertThat(run("report", "--precision", "int4", "--quantize-embeddings").err()).doesNotContain("note:");
    }

    /** --params over a file's preset: a dense model of that count replaces the preset's architecture; said. */
    @Test
    void paramsOverAFilesPresetSaysTheArchitectureIsReplaced(@TempDir Path dir) throws Exception {
        Path file = save(dir, ScenarioInputs.DEFAULT);
        Run r = run("report", "--scenario", file.toString(), "--params", "70B");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(theNote(r)).contains("--params 70B", "Llama-3.1-70B", "dense", "plan.roofline.json");
        // Without a file, --params is simply the model asked for.
        assertThat(run("report", "--params", "70B").err()).doesNotContain("note:");
    }

    /** --params over a file's imported model: the mixture of experts becomes a dense model; said. */
    @Test
    void paramsOverAFilesImportedModelSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ds.roofline.json");
        assertThat(run("report", "--model-config", "src/test/resources/model-configs/deepseek-v3.json",
                "--gpu", "h200_sxm", "--gpus", "8", "--precision", "fp8", "--save-scenario", file.toString()).code())
                .isZero();
        Run r = run("report", "--scenario", file.toString(), "--params", "671B");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(theNote(r)).contains("--params 671B", "deepseek-v3 (imported)", "dense", "ds.roofline.json");
    }

    /** --realistic over a file's own efficiencies: the measured ones replace them; said, naming what was dropped. */
    @Test
    void realisticOverTheFilesOwnEfficienciesSaysWhatItReplaces(@TempDir Path dir) throws Exception {
        ScenarioInputs custom = new ScenarioInputs("h100_sxm", "Llama-3.1-70B",
                ScenarioInputs.DEFAULT.parameters(), Precision.INT8, false, Precision.BF16, 1, 1024, 256, 1,
                RealismMode.CUSTOM, 0.6, 0.7, null).withCustomLayerOverhead(20);
        Path file = save(dir, custom);
        Run r = run("report", "--scenario", file.toString(), "--realistic");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(theNote(r)).contains("--realistic", "0.6", "0.7", "20", "plan.roofline.json", "measured");
        // One of them typed beside it: the others are still the file's, dropped; the typed one is not named.
        Run some = run("report", "--scenario", file.toString(), "--realistic", "--compute-efficiency", "0.5");
        assertThat(theNote(some)).contains("--realistic", "0.7").doesNotContain("0.6");
        // Over an ideal file, --realistic drops nothing.
        assertThat(run("report", "--scenario", save(dir, ScenarioInputs.DEFAULT).toString(), "--realistic").err())
                .doesNotContain("note:");
    }

    /**
     * --gpu naming the file's own device again is the file's device: its own copy of the profile still wins
     * over a differing loaded one (not swapped for the loaded one in silence), and the note says so once.
     */
    @Test
    void gpuNamingTheFilesOwnDeviceKeepsTheFilesCopy(@TempDir Path dir) throws Exception {
        Path profiles = LabGpu.writeUnder(dir);
        Path file = dir.resolve("lab.roofline.json");
        Run direct = LabGpu.saveScenario(profiles, file);
        Files.writeString(profiles.resolve("lab.json"), LabGpu.PROFILE.replace("2.5", "1.0"));
        Run typed = run("report", "--json", "--profiles", profiles.toString(), "--scenario", file.toString(),
                "--gpu", "lab-gpu");
        assertThat(typed.code()).as(typed.err()).isZero();
        assertThat(typed.out()).isEqualTo(direct.out());
        assertThat(theNote(typed)).contains("lab-gpu", "differs", "the file's copy is used");
        // Without the loaded one at all, the file still carries it.
        Run alone = run("report", "--json", "--scenario", file.toString(), "--gpu", "lab-gpu");
        assertThat(alone.code()).as(alone.err()).isZero();
        assertThat(alone.out()).isEqualTo(direct.out());
    }

    /** The default inputs at another weight precision, weight-only or not, tables quantized or not. */
    private static ScenarioInputs precision(Precision weights, boolean weightOnly, boolean quantizedEmbeddings) {
        ScenarioEdit e = new ScenarioEdit(ScenarioInputs.DEFAULT);
        e.precision = weights;
        e.weightOnly = weightOnly;
        e.quantizedEmbeddings = quantizedEmbeddings;
        return e.done();
    }

    /**
     * A file whose pin runs on the user's own profile 'lab-gpu', carried in the file; the loaded profile of
     * that id (in dir/profiles) has since changed its price. With {@code alsoTheScenario}, the file's own
     * scenario runs on it too (the same carried copy).
     */
    static Path pinOnItsOwnProfile(Path dir, boolean alsoTheScenario) throws Exception {
        Path profiles = LabGpu.writeUnder(dir);
        HardwareProfile carried = ProfileLoader.load(false, List.of(profiles)).find("lab-gpu").orElseThrow();
        ScenarioEdit onIt = new ScenarioEdit(ScenarioInputs.DEFAULT);
        onIt.gpuId = "lab-gpu";
        NamedScenario d = new NamedScenario("plan", "", alsoTheScenario ? onIt.done() : ScenarioInputs.DEFAULT,
                alsoTheScenario ? carried : null, List.of(new NamedScenario.Pinned("ours", 1, onIt.done(), carried)));
        Path file = dir.resolve("pinned.roofline.json");
        ScenarioFile.save(d, file);
        Files.writeString(profiles.resolve("lab.json"), LabGpu.PROFILE.replace("2.5", "1.0"));
        return file;
    }

    /** A pin's own copy used over a differing loaded one is said, once, by report and compare. */
    @Test
    void aPinsOwnProfileIsSaidOnce(@TempDir Path dir) throws Exception {
        Path file = pinOnItsOwnProfile(dir, false);
        String profiles = dir.resolve("profiles").toString();
        for (Run r : List.of(run("report", "--scenario", file.toString(), "--profiles", profiles),
                run("compare", file.toString(), "--profiles", profiles))) {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(theNote(r)).contains("field 'pins[0].hardware'", "lab-gpu", "differs", "the file's copy is used");
        }
    }

    /**
     * The pin shares the scenario's carried copy; --gpu moves the scenario to another device, so the scenario's
     * note is not said: the pin's still is (it was left out as "said with the scenario's").
     */
    @Test
    void aPinSharingTheScenariosProfileIsSaidWhenGpuMovesTheScenario(@TempDir Path dir) throws Exception {
        Path file = pinOnItsOwnProfile(dir, true);
        String profiles = dir.resolve("profiles").toString();
        Run same = run("report", "--scenario", file.toString(), "--profiles", profiles);
        assertThat(theNote(same)).contains("field 'hardware'", "lab-gpu", "differs");
        Run moved = run("report", "--scenario", file.toString(), "--profiles", profiles, "--gpu", "h100_sxm");
        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.err().lines().filter(l -> l.contains("note:")))
                .anySatisfy(n -> assertThat(n).contains("field 'pins[0].hardware'", "lab-gpu", "differs"));
    }
}
