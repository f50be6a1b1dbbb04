package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.roofline.engine.roofline.BoardPower;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.HomeOverride;
import lab.roofline.io.scenario.Settings;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileLoaderTest {
    private static final String GOOD = """
            {"id": "mygpu", "name": "My GPU", "vendor": "Acme",
             "peakTflops": {"bf16": 100, "fp8": 200},
             "memoryBandwidthGBps": 1000, "memoryGB": 48, "priceUsdPerHour": 1.5,
             "sources": ["my datasheet"], "notes": "test"}
            """;

    @TempDir
    Path folder;

    @Test
    void everyBundledProfileLoadsWithoutProblems() {
        ProfileLoader.Result r = ProfileLoader.load(true, List.of());
        assertThat(r.problems()).isEmpty();
        assertThat(r.profiles()).extracting(HardwareProfile::id).contains("h100_sxm", "h100_pcie", "h200_sxm", "b200",
                "a100_80gb_sxm", "a100_40gb_sxm", "l40s", "l4", "rtx_4090", "mi300x", "tpu_v5e", "tpu_v6e",
                "apple_m2_ultra");
        r.profiles().forEach(p -> assertThat(p.sources()).as(p.id() + " is sourced").isNotEmpty());
    }

    @Test
    void bundledH100HasTheArticlesDenseFigures() {
        HardwareProfile h100 = ProfileLoader.load(true, List.of()).find("h100_sxm").orElseThrow();
        assertThat(h100.peakFlopsPerSecond().get(Precision.BF16)).isEqualTo(989.5e12);
        assertThat(h100.peakFlopsPerSecond().get(Precision.FP8)).isEqualTo(1979e12);
        assertThat(h100.memoryBandwidthBytesPerSecond()).isEqualTo(3.35e12);
        // "80 GB" of HBM is 80 GiB: CUDA sees 81,559 of its 81,920 MiB; a serving process keeps 1 GiB more.
        assertThat(h100.memoryCapacityBytes()).isEqualTo(80.0 * (1L << 30));
        assertThat(h100.usableMemoryBytes()).isEqualTo(79.0 * (1L << 30));
        HardwareProfile a100 = ProfileLoader.load(true, List.of()).find("a100_80gb_sxm").orElseThrow();
        assertThat(a100.runsNatively(Precision.FP8)).isFalse();
        assertThat(a100.peakFlopsPerSecond().get(Precision.BF16)).isEqualTo(312e12);
    }

    @Test
    void boardPowerIsReadWithItsIdleOrADefaultShareAndEveryBadValueIsNamed() throws Exception {
        HardwareProfile h100 = ProfileLoader.load(true, List.of()).find("h100_sxm").orElseThrow();
        assertThat(h100.power()).isEqualTo(new BoardPower(700, 142));
        HardwareProfile onlyFull = ProfileLoader.parse(GOOD.replace("\"notes\"", "\"boardPowerWatts\": 300, \"notes\""));
        assertThat(onlyFull.power().idleWatts()).isCloseTo(300 * 0.17, Assertions.within(1e-9));
        assertThat(ProfileLoader.parse(ProfileLoader.toJsonTree(onlyFull).toString()).power()).isEqualTo(onlyFull.power());
        String[][] bad = {
                {"\"idlePowerWatts\": 50", "field 'idlePowerWatts' needs 'boardPowerWatts'"},
                {"\"boardPowerWatts\": \"700W\"", "field 'boardPowerWatts' must be a number"},
                {"\"boardPowerWatts\": 0", "field 'boardPowerWatts' must be above zero"},
                {"\"boardPowerWatts\": 1e9", "field 'boardPowerWatts' is not physically plausible"},
                {"\"boardPowerWatts\": 300, \"idlePowerWatts\": 400", "field 'idlePowerWatts' must be a number from 0 to boardPowerWatts (300)"},
                {"\"boardPowerWatts\": 300, \"idlePowerWatts\": -1", "field 'idlePowerWatts' must be a number from 0"},
        };
        for (String[] b : bad) {
            Assertions.assertThatThrownBy(() -> ProfileLoader.parse(
                    GOOD.replace("\"notes\"", b[0] + ", \"notes\""))).as(b[0]).hasMessageContaining(b[1]);
        }
    }

    @Test
    void parsesAGoodProfileInSiUnits() throws Exception {
        HardwareProfile p = ProfileLoader.parse(GOOD);
        assertThat(p.peakFlopsPerSecond()).containsEntry(Precision.BF16, 100e12).containsEntry(Precision.FP8, 200e12);
        assertThat(p.memoryBandwidthBytesPerSecond()).isEqualTo(1e12);
        assertThat(p.memoryCapacityBytes()).isEqualTo(48e9);
        assertThat(p.priceUsdPerHour()).isEqualTo(1.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON | {\"id\": \"x\", | not valid JSON at line",
            "not an object | [1, 2] | not a JSON object",
            "missing id | {\"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | missing field 'id'",
            "missing bandwidth | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryGB\": 1, \"sources\": [\"s\"]} | missing field 'memoryBandwidthGBps'",
            "zero memory | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 0, \"sources\": [\"s\"]} | field 'memoryGB' must be above zero, got 0",
            "negative peak | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": -5}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | field 'peakTflops.bf16' must be above zero, got -5",
            "text bandwidth | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": \"fast\", \"memoryGB\": 1, \"sources\": [\"s\"]} | field 'memoryBandwidthGBps' must be a number, got \"fast\"",
            "unknown precision | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"tf32\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | unknown precision 'tf32'",
            "empty peaks | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | field 'peakTflops' must be an object",
            "no sources | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1} | missing field 'sources'",
            "negative price | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"priceUsdPerHour\": -2, \"sources\": [\"s\"]} | field 'priceUsdPerHour' must be above zero",
            "duplicate key | {\"id\": \"x\", \"id\": \"y\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | the key 'id' is written twice",
            "a long id | {\"id\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | field 'id' is too long (65 characters; at most 64)",
            "a paragraph for a name | {\"id\": \"x\", \"name\": \"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | field 'name' is too long (101 characters; at most 100)",
            "year out of range | {\"id\": \"x\", \"name\": \"x\", \"year\": 1850, \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | field 'year' must be a year from 2000 to 2040, got 1850",
            "year as text | {\"id\": \"x\", \"name\": \"x\", \"year\": \"2024\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"]} | field 'year' must be a year",
            "price below a scenario's least | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"priceUsdPerHour\": 0.005, \"sources\": [\"s\"]} | 0.005 is below 0.01",
            "a link as text | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": \"NVLink\"} | field 'interconnect' must be an object",
            "a link without bandwidth | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"latencyUs\": 1}} | missing field 'interconnect.bandwidthGBps'",
            "a link without latency | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"bandwidthGBps\": 450}} | missing field 'interconnect.latencyUs'",
            "a link of negative latency | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"bandwidthGBps\": 450, \"latencyUs\": -2}} | field 'interconnect.latencyUs' must be from 0 to 1,000 microseconds, got -2",
            "a link of a second latency | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"bandwidthGBps\": 450, \"latencyUs\": 1e6}} | must be from 0 to 1,000 microseconds",
            "a link of zero bandwidth | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"bandwidthGBps\": 0, \"latencyUs\": 1}} | field 'interconnect.bandwidthGBps' must be above zero, got 0",
            "a link with a misspelt key | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"bandwidthGbps\": 450, \"latencyUs\": 1}} | field 'interconnect.bandwidthGbps' is not known (known: name, bandwidthGBps, latencyUs, note)",
            "a link without a name | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"bandwidthGBps\": 450, \"latencyUs\": 1}} | missing field 'interconnect.name'",
            "a link just below the least bandwidth | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"bandwidthGBps\": 0.0999, \"latencyUs\": 1}} | is not physically plausible: 0.0999 is below 0.1",
            "a link of minus one microsecond | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"NVLink\", \"bandwidthGBps\": 450, \"latencyUs\": -1}} | must be from 0 to 1,000 microseconds, got -1",
            "a link named in invisible characters | {\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, \"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], \"interconnect\": {\"name\": \"\u202e\u200b\u2066\", \"bandwidthGBps\": 450, \"latencyUs\": 1}} | field 'interconnect.name' must be a non-empty string (it holds only invisible characters)",
    })
    void eachBadProfileIsRefusedNamingTheFieldAndReason(String what, String json, String expected) {
        assertThatThrownBy(() -> ProfileLoader.parse(json)).isInstanceOf(ProfileLoader.ProfileException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void aBadFileIsSkippedWithOneLineAndTheOthersStillLoad() throws IOException {
        Files.writeString(folder.resolve("good.json"), GOOD);
        Files.writeString(folder.resolve("broken.json"), "{ not json");
        Files.writeString(folder.resolve("zero.json"), GOOD.replace("\"mygpu\"", "\"other\"").replace("1000", "0"));
        ProfileLoader.Result r = ProfileLoader.load(true, List.of(folder));
        assertThat(r.find("mygpu")).isPresent();
        assertThat(r.find("h100_sxm")).isPresent();
        assertThat(r.find("other")).isEmpty();
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems()).anyMatch(p -> p.startsWith("Skipped profile " + folder.resolve("broken.json"))
                && p.contains("not valid JSON") && !p.contains("\n"));
        assertThat(r.problems()).anyMatch(p -> p.contains("zero.json") && p.contains("'memoryBandwidthGBps' must be above zero"));
    }

    @Test
    void duplicateIdsInOneFolderKeepTheFirstAndSaySo() throws IOException {
        Files.writeString(folder.resolve("a.json"), GOOD);
        Files.writeString(folder.resolve("b.json"), GOOD.replace("My GPU", "Other name"));
        ProfileLoader.Result r = ProfileLoader.load(false, List.of(folder));
        assertThat(r.profiles()).hasSize(1);
        assertThat(r.profiles().get(0).name()).isEqualTo("My GPU");
        assertThat(r.problems()).singleElement().asString().contains("b.json").contains("duplicate id 'mygpu'")
                .contains("a.json");
    }

    @Test
    void aUserFileOverridesTheBundledProfileWithTheSameId() throws IOException {
        Files.writeString(folder.resolve("h100.json"), GOOD.replace("\"mygpu\"", "\"h100_sxm\""));
        ProfileLoader.Result r = ProfileLoader.load(true, List.of(folder));
        assertThat(r.problems()).isEmpty();
        assertThat(r.find("h100_sxm").orElseThrow().name()).isEqualTo("My GPU");
        assertThat(r.profiles().stream().filter(p -> p.id().equals("h100_sxm"))).hasSize(1);
    }

    @Test
    void aMissingUserFolderIsNotAProblem() {
        // A home of its own: the shared test home's profiles folder may have been made by an earlier test.
        HomeOverride.with(folder.resolve("fresh-home"), () -> {
            assertThat(Files.exists(AppHome.profilesDirectory())).isFalse();
            ProfileLoader.Result r = ProfileLoader.load(true, List.of(AppHome.profilesDirectory()));
            assertThat(r.problems()).isEmpty();
            return r;
        });
    }

    @Test
    void settingsSurviveARoundTripAndADamagedFileIsIgnored() throws IOException {
        Path file = folder.resolve("settings.properties");
        Settings s = Settings.load(file);
        s.put("gpu", "b200");
        s.put("window.width", 1200.0);
        s.save();
        Settings back = Settings.load(file);
        assertThat(back.get("gpu", "")).isEqualTo("b200");
        assertThat(back.number("window.width")).hasValue(1200.0);
        Files.writeString(file, "window.width=wide\n\\u12");
        Settings damaged = Settings.load(file);
        assertThat(damaged.number("window.width")).isEmpty();
    }

    @Test
    void aLinkOfMinusZeroLatencyIsZero() throws Exception {
        var p = ProfileLoader.parse("{\"id\": \"x\", \"name\": \"x\", \"peakTflops\": {\"bf16\": 1}, "
                + "\"memoryBandwidthGBps\": 1, \"memoryGB\": 1, \"sources\": [\"s\"], "
                + "\"interconnect\": {\"name\": \"L\", \"bandwidthGBps\": 10, \"latencyUs\": -0.0}}");
        assertThat(Double.doubleToRawLongBits(p.interconnect().latencySeconds())).isZero();
    }

    @Test
    void everyBundledProfileNamesItsInterconnectWithASource() {
        for (HardwareProfile p : ProfileLoader.load(true, List.of()).profiles()) {
            assertThat(p.interconnect()).as(p.id()).isNotNull();
            assertThat(p.sources()).as(p.id()).anyMatch(s -> s.startsWith("interconnect:") || s.contains("latency"));
        }
        var h100 = ProfileLoader.load(true, List.of()).find("h100_sxm").orElseThrow().interconnect();
        // NVLink 4: 900 GB/s two-way is 450 per direction; 8 GPUs all-reduce 32 KiB in about 18 µs = 14 hops.
        assertThat(h100.bandwidthBytesPerSecond()).isEqualTo(450e9);
        assertThat(h100.latencySeconds()).isEqualTo(1.3e-6);
        assertThat(ProfileLoader.load(true, List.of()).find("a100_80gb_pcie").orElseThrow().interconnect().note())
                .contains("NVLink bridge");
    }

    @Test
    void everyBundledProfileGivesItsReleaseYearAndItSurvivesAWriteAndARead() throws Exception {
        for (HardwareProfile p : ProfileLoader.load(true, List.of()).profiles()) {
            assertThat(p.year()).as(p.id()).isBetween(2015, 2026);
            assertThat(ProfileLoader.parse(ProfileLoader.toJsonTree(p).toString())).isEqualTo(p);
        }
        assertThat(ProfileLoader.load(true, List.of()).find("h100_sxm").orElseThrow().year()).isEqualTo(2022);
    }

    @Test
    void anIdDifferingOnlyInCaseOverridesTheBundledOneAsEveryOtherLookUpWould() throws IOException {
        Files.writeString(folder.resolve("mine.json"), GOOD.replace("\"mygpu\"", "\"H100_SXM\""));
        ProfileLoader.Result r = ProfileLoader.load(true, List.of(folder));
        assertThat(r.profiles().stream().filter(p -> p.id().equalsIgnoreCase("h100_sxm")).toList()).hasSize(1);
        assertThat(r.find("h100_sxm").orElseThrow().name()).isEqualTo("My GPU");
    }
}
