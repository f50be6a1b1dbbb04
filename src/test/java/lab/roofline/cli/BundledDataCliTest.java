package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, item 12: a broken bundled data file (data/*.json replaced on the class path) is one clear line
 * naming the data file, never a null-pointer message, an unrelated flag or a silent change.
 */
class BundledDataCliTest {
    /** Runs the command line in a JVM of its own with {@code data/<file>} replaced by {@code text}. */
    static CliTest.Run runWithBundled(Path dir, String file, String text, String... args) throws Exception {
        Path override = dir.resolve("override");
        Files.createDirectories(override.resolve("data"));
        Files.createDirectories(override.resolve("data").resolve(file).getParent());
        Files.writeString(override.resolve("data").resolve(file), text);
        Files.createDirectories(dir.resolve("home"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Droofline.home=" + dir.resolve("home"), "-cp", override + java.io.File.pathSeparator
                        + System.getProperty("java.class.path"), "lab.roofline.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliTest.Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void brokenMeasuredFractionsAreNamedWithoutAFlagTheUserDidNotGive(@TempDir Path dir) throws Exception {
        CliTest.Run r = runWithBundled(dir, "realism.json", "{", "exercises");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("roofline-lab: the exercises need the measured fractions, and the bundled "
                + "data/realism.json could not be read (not valid JSON at line 1, column 2)");
        CliTest.Run asked = runWithBundled(Files.createDirectories(dir.resolve("asked")), "realism.json", "{",
                "report", "--realistic");
        assertThat(asked.err().strip()).isEqualTo("roofline-lab: --realistic: the measured fractions could not be read "
                + "(data/realism.json: not valid JSON at line 1, column 2; the realistic setting is off)");
    }

    @Test
    void brokenApiPricesSayTheTicksAreLeftOut(@TempDir Path dir) throws Exception {
        CliTest.Run r = runWithBundled(dir, "api-prices.json", "{", "export", "--chart", "cost", "--out", "cost.svg");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().strip()).isEqualTo("roofline-lab: note: data/api-prices.json: not valid JSON at line 1, "
                + "column 2; the chart has no API price ticks");
        CliTest.Run row = runWithBundled(Files.createDirectories(dir.resolve("row")), "api-prices.json",
                "{\"prices\": [{\"provider\": 1}]}", "lesson", "--html", "h");
        assertThat(row.code()).as(row.err()).isZero();
        assertThat(row.err()).contains("roofline-lab: note: data/api-prices.json: price 1: field 'provider' must be a "
                + "non-empty string; the handout has no API price ticks");
    }

    @Test
    void aBrokenBundledProfileIsNamedNotANullPointer(@TempDir Path dir) throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("override/hardware-profiles"));
        try (var list = Files.list(Path.of("hardware-profiles"))) {
            for (Path p : list.toList()) {
                Files.copy(p, profiles.resolve(p.getFileName()));
            }
        }
        Files.writeString(profiles.resolve("h100_sxm.json"), "{");
        CliTest.Run report = runWithBundled(dir, "unused.json", "{}", "report");
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err().strip().lines()).containsExactly(
                "roofline-lab: note: Skipped profile bundled h100_sxm.json: not valid JSON at line 1, column 2",
                "roofline-lab: the default accelerator 'h100_sxm' is not loaded (see the note above): choose one with "
                        + "--gpu ID (see list-gpus) (see: roofline-lab report --help)");
        CliTest.Run r = runWithBundled(dir, "unused.json", "{}", "exercises", "--answers", "--hints");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("roofline-lab: note: Skipped profile bundled h100_sxm.json: not valid JSON at line 1, column 2")
                .doesNotContain("Cannot invoke").doesNotContain("null");
        assertThat(r.out()).contains("answer: not computed: accelerator 'h100_sxm' is not loaded")
                .contains("hint: not computed: accelerator 'h100_sxm' is not loaded");
        CliTest.Run json = runWithBundled(dir, "unused.json", "{}", "exercises", "--answers", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"answer\" : null").contains("\"problem\" : \"not computed: accelerator 'h100_sxm' is not loaded\"");
    }
}
