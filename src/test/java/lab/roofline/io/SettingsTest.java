package lab.roofline.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.roofline.engine.Precision;
import lab.roofline.engine.RealismMode;
import lab.roofline.engine.ScenarioInputs;
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
            assertThat(files).hasSize(1); // no temporary file left behind
        }
    }

    @Test
    void theSessionRoundTripsAndBadValuesKeepTheirDefaults(@TempDir Path dir) {
        Settings s = Settings.load(dir.resolve("settings.properties"));
        ScenarioInputs in = new ScenarioInputs("b200", null, 33e9, Precision.INT4, true, Precision.FP8, 77, 4000,
                500, 2, RealismMode.CUSTOM, 0.7, 0.8, Double.NaN);
        ScenarioSettings.write(s, in);
        ScenarioInputs back = ScenarioSettings.read(s);
        assertThat(back.priceUsdPerHour()).isNaN();
        assertThat(back).usingRecursiveComparison().ignoringFields("priceUsdPerHour").isEqualTo(in);

        s.put("gpuCount", "100000");
        s.put("batch", "-4");
        s.put("realism", "GARBAGE");
        s.put("computeEfficiency", "1e-308");
        s.put("price", "$$$");
        s.put("precision", "fp12");
        ScenarioInputs d = ScenarioInputs.DEFAULT;
        ScenarioInputs bad = ScenarioSettings.read(s);
        assertThat(bad.gpuCount()).isEqualTo(d.gpuCount());
        assertThat(bad.batchSize()).isEqualTo(d.batchSize());
        assertThat(bad.realism()).isEqualTo(d.realism());
        assertThat(bad.customComputeEfficiency()).isEqualTo(d.customComputeEfficiency());
        assertThat(bad.priceUsdPerHour()).isNull();
        assertThat(bad.precision()).isEqualTo(d.precision());
        assertThat(bad.gpuId()).isEqualTo("b200");
    }

    @Test
    void twoInstancesSavingAtOnceNeverTearTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Thread a = new Thread(() -> saveMany(file, "one"));
        Thread b = new Thread(() -> saveMany(file, "two"));
        a.start();
        b.start();
        a.join();
        b.join();
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
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
