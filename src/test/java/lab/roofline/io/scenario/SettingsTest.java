package lab.roofline.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.ServingSettings;
import lab.roofline.io.files.TemporaryFiles;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: damaged files are kept aside, bad values keep their defaults, the session round-trips. */
class SettingsTest {
    @Test
    void aFileThatIsNotUtf8IsMovedAsideAndDefaultsAreUsed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.write(file, new byte[] {'t', 'h', 'e', 'm', 'e', '=', 'd', 'a', 'r', 'k', (byte) 0xE9, '\n'});
        Settings s = Settings.load(file);
        assertThat(s.get("theme", "light")).isEqualTo("light");
        assertThat(s.problem()).contains("not UTF-8", "settings.properties.bad");
        assertThat(Files.readAllBytes(dir.resolve("settings.properties.bad"))).hasSize(12);
        s.put("theme", "light");
        s.save();
        assertThat(Files.readString(file)).contains("theme=light");
        assertThat(dir.resolve("settings.properties.bad")).exists();
    }

    @Test
    void aGoodFileHasNoProblemAndSavesAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Settings s = Settings.load(file);
        assertThat(s.problem()).isNull();
        s.put("a", "b");
        s.save();
        assertThat(Settings.load(file).get("a", null)).isEqualTo("b");
        try (var files = Files.list(dir)) {
            // no temporary file left behind (the lock two instances share stays)
            assertThat(files.filter(f -> !f.getFileName().toString().endsWith(".lock"))).hasSize(1);
        }
    }

    @Test
    void theSessionRoundTripsAndBadValuesKeepTheirDefaults(@TempDir Path dir) {
        Settings s = Settings.load(dir.resolve("settings.properties"));
        ScenarioInputs in = new ScenarioInputs("b200", null, 33e9, Precision.INT4, true, Precision.FP8, 77, 4000,
                500, 2, RealismMode.CUSTOM, 0.7, 0.8, Double.NaN);
        ScenarioSettings.write(s, in);
        ScenarioInputs back = ScenarioSettings.read(s, new ArrayList<>());
        assertThat(back.priceUsdPerHour()).isNaN();
        assertThat(back).usingRecursiveComparison().ignoringFields("priceUsdPerHour").isEqualTo(in);

        s.put("gpuCount", "100000");
        s.put("batch", "-4");
        s.put("realism", "GARBAGE");
        s.put("computeEfficiency", "1e-308");
        s.put("price", "$$$");
        s.put("precision", "fp12");
        ScenarioInputs d = ScenarioInputs.DEFAULT;
        List<String> notes = new ArrayList<>();
        ScenarioInputs bad = ScenarioSettings.read(s, notes);
        assertThat(notes).contains("settings: gpuCount=100000 (too large (at most 4,096)); using 1",
                "settings: batch=-4 (too small (at least 1)); using 1",
                "settings: realism=GARBAGE is not understood; using IDEAL",
                "settings: computeEfficiency=1e-308 (too small (at least 1 %)); using 100 %",
                "settings: price=$$$ is not understood; using the GPU's own price",
                "settings: precision=fp12 is not understood; using int8");
        assertThat(bad.gpuCount()).isEqualTo(d.gpuCount());
        assertThat(bad.batchSize()).isEqualTo(d.batchSize());
        assertThat(bad.realism()).isEqualTo(d.realism());
        assertThat(bad.customComputeEfficiency()).isEqualTo(d.customComputeEfficiency());
        assertThat(bad.priceUsdPerHour()).isNull();
        assertThat(bad.precision()).isEqualTo(d.precision());
        assertThat(bad.gpuId()).isEqualTo("b200");
    }

    @Test
    void speculationAndTheServingSettingsRoundTripAndBadValuesAreNoted(@TempDir Path dir) {
        Settings s = Settings.load(dir.resolve("settings.properties"));
        ScenarioInputs in = ScenarioInputs.DEFAULT.withSpeculation(
                new Speculation(5, 0.65, ModelPresets.LLAMA_3_1_8B));
        ScenarioSettings.write(s, in);
        assertThat(ScenarioSettings.read(s, new ArrayList<>())).isEqualTo(in);
        ServingSettings serving = new ServingSettings(0.4, Double.POSITIVE_INFINITY,
                0.035, true, 0.31);
        ScenarioSettings.writeServing(s, serving);
        assertThat(ScenarioSettings.readServing(s, new ArrayList<>())).isEqualTo(serving);
        s.put("speculation.draftModel", "GPT-9");
        s.put("serving.tpotMs", "-1");
        s.put("serving.cachedInput", "2");
        List<String> notes = new ArrayList<>();
        assertThat(ScenarioSettings.read(s, notes).speculation()).isEqualTo(Speculation.NONE);
        ServingSettings bad = ScenarioSettings.readServing(s, notes);
        assertThat(bad.tpotSeconds()).isEqualTo(0.05);
        assertThat(bad.cachedInput()).isEqualTo(0);
        assertThat(notes).contains("settings: speculation.draftModel=GPT-9 is not understood; using no speculative decoding");
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("settings: serving.tpotMs=-1"));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("settings: serving.cachedInput=2"));
    }

    @Test
    void pipelineStagesTheDevicesOrTheModelCannotTakeAreNotedAndDropped(@TempDir Path dir) {
        Settings s = Settings.load(dir.resolve("settings.properties"));
        s.put("model", "Llama-3.1-8B");
        s.put("gpuCount", "128");
        s.put("pipelineStages", "128");
        List<String> notes = new ArrayList<>();
        ScenarioInputs read = ScenarioSettings.read(s, notes);
        assertThat(read.pipelineStages()).isEqualTo(1);
        assertThat(read.gpuCount()).isEqualTo(128);
        assertThat(notes).containsExactly("settings: pipelineStages=128: 128 stages need at least 128 layers; "
                + "the model has 32; using 1");
        s.put("model", "");
        s.put("parameters", "1e8");
        s.put("gpuCount", "8");
        s.put("pipelineStages", "3");
        notes.clear();
        assertThat(ScenarioSettings.read(s, notes).pipelineStages()).isEqualTo(1);
        assertThat(notes).containsExactly("settings: pipelineStages=3: 3 stages do not divide 8 GPUs evenly; using 1");
        s.put("pipelineStages", "4");
        notes.clear();
        assertThat(ScenarioSettings.read(s, notes).pipelineStages()).isEqualTo(4);
        assertThat(notes).isEmpty();
    }

    @Test
    void twoInstancesSavingAtOnceNeverTearTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        List<Throwable> failed = Collections.synchronizedList(new ArrayList<>());
        Thread a = new Thread(() -> saveMany(file, "one"));
        Thread b = new Thread(() -> saveMany(file, "two"));
        for (Thread t : new Thread[] {a, b}) {
            t.setUncaughtExceptionHandler((thread, e) -> failed.add(e)); // a failed save fails the test
            t.start();
        }
        a.join();
        b.join();
        assertThat(failed).as("saves that failed").isEmpty();
        Settings last = Settings.load(file);
        assertThat(last.problem()).isNull();
        String who = last.get("who", null);
        assertThat(who).isIn("one", "two");
        for (int i = 0; i < 50; i++) {
            assertThat(last.get("key" + i, null)).isEqualTo(who + i); // all of one writer's file, none of the other's
        }
    }

    private static void saveMany(Path file, String who) {
        for (int round = 0; round < 30; round++) {
            Settings s = Settings.load(file); // reads whichever whole file the other writer left
            s.put("who", who);
            for (int i = 0; i < 50; i++) {
                s.put("key" + i, who + i);
            }
            try {
                s.save();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aLinkedSettingsFileIsWrittenThroughTheLink(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectory(dir.resolve("dotfiles")).resolve("roofline.properties");
        Files.writeString(real, "theme=dark\n");
        Path link = Files.createSymbolicLink(dir.resolve("settings.properties"), real);
        Settings s = Settings.load(link);
        assertThat(s.get("theme", null)).isEqualTo("dark");
        s.put("theme", "light");
        s.save();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("theme=light");
    }

    @Test
    void temporariesAKilledSaveLeftAreCleanedOnTheNextStart(@TempDir Path dir) throws Exception {
        Path stale = Files.writeString(dir.resolve("settings123.tmp"), "");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        Path fresh = Files.writeString(dir.resolve("settings456.tmp"), "");
        Settings.load(dir.resolve("settings.properties"));
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists(); // another instance may be writing it now
    }

    @Test
    void aStaleExportTemporaryIsCleanedBeforeTheNextExportThere(@TempDir Path dir) throws Exception {
        Path stale = Files.writeString(dir.resolve(".roofline-export-abc.png"), "");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        TemporaryFiles.deleteStale(dir, ".roofline-export-*.png");
        assertThat(stale).doesNotExist();
    }

    @Test
    void aPipeWhereTheSettingsBelongIsRefusedNotWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("settings.properties");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Settings s = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Settings.load(fifo));
        assertThat(s.problem()).contains("not a regular file");
    }
}
