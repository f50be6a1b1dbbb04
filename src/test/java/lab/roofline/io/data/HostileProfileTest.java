package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.scenario.ScenarioInputs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not profiles (pipes, devices, huge files, odd bytes) are skipped with a reason, quickly. */
class HostileProfileTest {
    private static final String GOOD = """
            {"id": "mygpu", "name": "My GPU", "vendor": "Acme", "peakTflops": {"bf16": 100},
             "memoryBandwidthGBps": 1000, "memoryGB": 48, "sources": ["my datasheet"]}
            """;

    @TempDir
    Path folder;

    private ProfileLoader.Result load() {
        return ProfileLoader.load(false, List.of(folder));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPipeIsSkippedNotWaitedOn() throws Exception {
        Path fifo = folder.resolve("x.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.writeString(folder.resolve("good.json"), GOOD);
        ProfileLoader.Result r = load();
        assertThat(r.profiles()).extracting(HardwareProfile::id).containsExactly("mygpu");
        assertThat(r.problems()).singleElement().asString().contains("x.json", "not a regular file");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aLinkToAnEndlessDeviceIsSkipped() throws Exception {
        Path zero = Files.createSymbolicLink(folder.resolve("zero.json"), Path.of("/dev/zero"));
        Path random = Files.createSymbolicLink(folder.resolve("random.json"), Path.of("/dev/urandom"));
        try {
            Files.writeString(folder.resolve("good.json"), GOOD);
            ProfileLoader.Result r = load();
            assertThat(r.profiles()).hasSize(1);
            assertThat(r.problems()).hasSize(2).allMatch(p -> p.contains("not a regular file"));
        } finally {
            // Removed here: JUnit warns when its clean-up meets a link that leads out of the temporary folder.
            Files.delete(zero);
            Files.delete(random);
        }
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = folder.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[(int) ProfileLoader.MAX_FILE_BYTES + 10]);
        }
        assertThat(load().problems()).singleElement().asString().contains("big.json", "too large to be a profile");
    }

    @Test
    void upperCaseExtensionsLoadAndAByteOrderMarkIsAccepted() throws Exception {
        Files.writeString(folder.resolve("SHOUT.JSON"), "\uFEFF" + GOOD);
        ProfileLoader.Result r = load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.profiles()).extracting(HardwareProfile::id).containsExactly("mygpu");
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws Exception {
        Files.write(folder.resolve("latin1.json"), GOOD.replace("My GPU", "My GPU é").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(load().problems()).singleElement().asString().endsWith("latin1.json: not UTF-8 text");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        Path locked = folder.resolve("locked.json");
        Files.writeString(locked, GOOD);
        Files.setPosixFilePermissions(locked, Set.of());
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: can read anything");
        assertThat(load().problems()).singleElement().asString().contains("locked.json", "permission denied");
    }

    @Test
    void implausibleFiguresAreRefusedWithTheField() throws Exception {
        Files.writeString(folder.resolve("a.json"), GOOD.replace("\"bf16\": 100", "\"bf16\": 1e300"));
        Files.writeString(folder.resolve("b.json"), GOOD.replace("\"mygpu\"", "\"b\"").replace("1000", "1e7"));
        Files.writeString(folder.resolve("c.json"), GOOD.replace("\"mygpu\"", "\"c\"").replace("48", "1e400"));
        List<String> problems = load().problems();
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).endsWith("a.json: field 'peakTflops.bf16' is not physically plausible: 1e300 "
                + "is above 10,000,000");
        assertThat(problems.get(1)).endsWith("b.json: field 'memoryBandwidthGBps' is not physically plausible: "
                + "10,000,000 is above 1,000,000");
        assertThat(problems.get(2)).endsWith("c.json: field 'memoryGB' is not physically plausible: a number too "
                + "large to represent is above 10,000,000");
    }

    @Test
    void vanishinglySmallFiguresAreRefusedToo() throws Exception {
        Files.writeString(folder.resolve("a.json"), GOOD.replace("1000", "1e-300"));
        Files.writeString(folder.resolve("b.json"), GOOD.replace("\"mygpu\"", "\"b\"").replace("48", "0.01"));
        List<String> problems = load().problems();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).endsWith("a.json: field 'memoryBandwidthGBps' is not physically plausible: "
                + "1e-300 is below 0.1");
        assertThat(problems.get(1)).endsWith("b.json: field 'memoryGB' is not physically plausible: 0.01 is below 0.1");
    }

    @Test
    void controlCharactersNeverReachTheTerminal() throws Exception {
        Files.writeString(folder.resolve("esc.json"), GOOD.replace("My GPU", "My\\u001b[31m GPU\\nevil\\u202e"));
        Files.writeString(folder.resolve("bad.json"), GOOD.replace("\"mygpu\"", "\"bad\\u001b[2J\""));
        ProfileLoader.Result r = load();
        assertThat(r.profiles()).singleElement().extracting(HardwareProfile::name).isEqualTo("My[31m GPUevil");
        // The skipped file, and what cleaning changed in the other (issue 26: never silently).
        assertThat(r.problems()).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("\u001b"));
        assertThat(r.problems().get(1)).contains("esc.json: field 'name': 3 control or invisible characters removed");
    }

    @Test
    void aMissingFolderIsNamed() {
        ProfileLoader.Result r = ProfileLoader.load(false, List.of(folder.resolve("nope")));
        assertThat(r.problems()).singleElement().asString().contains("nope", "does not exist");
    }

    @Test
    void invalidJsonSaysWhereNotHowTheParserFeels() throws Exception {
        Files.writeString(folder.resolve("broken.json"), "{ bad");
        assertThat(load().problems()).singleElement().asString()
                .endsWith("broken.json: not valid JSON at line 1, column 3");
    }

    /** Random JSON is either a profile with finite positive figures, or skipped with one clean line. */
    @Property(tries = 400)
    void anyJsonLoadsSanelyOrIsSkippedWithOneLine(@ForAll("profileJson") String json) throws Exception {
        Path dir = Files.createTempDirectory("fuzz");
        try {
            Files.writeString(dir.resolve("f.json"), json);
            ProfileLoader.Result r = ProfileLoader.load(false, List.of(dir));
            // Loaded (with a note for each field cleaning changed, issue 26) or skipped with one line.
            List<String> skipped = r.problems().stream().filter(p -> p.startsWith("Skipped profile ")).toList();
            assertThat(r.profiles().size() + skipped.size()).isEqualTo(1);
            assertThat(r.problems()).allSatisfy(p -> assertThat(skipped.contains(p)
                    || r.profiles().size() == 1 && p.startsWith("Profile ") && p.contains("removed (U+")).as(p).isTrue());
            for (HardwareProfile p : r.profiles()) {
                assertThat(p.memoryBandwidthBytesPerSecond()).isFinite().isPositive();
                assertThat(p.memoryCapacityBytes()).isFinite().isPositive();
                p.peakFlopsPerSecond().values().forEach(v -> assertThat(v).isFinite().isPositive());
                assertThat(p.name()).doesNotContainPattern("\\p{Cntrl}");
                // What loads, evaluates: the loader's bounds are the scenario's (a price of $0.005 once passed one, not the other).
                RooflineEngine.evaluate(ScenarioInputs.DEFAULT.toScenario(
                        p, Realism.IDEAL));
            }
            for (String problem : r.problems()) {
                assertThat(problem).doesNotContainPattern("\\p{Cntrl}").doesNotContain("Exception").hasSizeLessThan(400);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<String> profileJson() {
        Arbitrary<String> numbers = Arbitraries.of("1", "0", "-5", "1e300", "1e-300", "1e400", "NaN", "\"12\"",
                "null", "true", "[]", "{}", "989.5", "1e7", "3.35e3", "0.005");
        Arbitrary<String> texts = Arbitraries.of("\"x\"", "\"\"", "\"a\\u001bb\"", "\"line\\nbreak\"", "1", "null",
                "\"" + "w".repeat(5000) + "\"");
        Arbitrary<String> precisions = Arbitraries.of("bf16", "fp8", "int4", "fp12", "");
        return Combinators.combine(texts, texts, precisions, numbers, numbers, numbers, numbers,
                Arbitraries.integers().between(0, 7)).as((id, name, prec, peak, bw, mem, price, drop) -> {
                    String[] fields = {
                        "\"id\": " + id, "\"name\": " + name, "\"peakTflops\": {\"" + prec + "\": " + peak + "}",
                        "\"memoryBandwidthGBps\": " + bw, "\"memoryGB\": " + mem, "\"priceUsdPerHour\": " + price,
                        "\"sources\": [\"s\"]"};
                    StringBuilder sb = new StringBuilder("{");
                    for (int i = 0; i < fields.length; i++) {
                        if (i != drop) {
                            sb.append(sb.length() > 1 ? ", " : "").append(fields[i]);
                        }
                    }
                    return sb.append("}").toString();
                });
    }
}
