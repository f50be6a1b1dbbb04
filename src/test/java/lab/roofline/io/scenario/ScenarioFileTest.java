package lab.roofline.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioArbitraries;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.scenario.ScenarioFile.ScenarioFileException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scenario files: every input survives a save and an open; a bad file is refused with file, field and reason. */
class ScenarioFileTest {
    private static final String GOOD = """
            {"format": "roofline-lab scenario", "version": 1, "name": "70B on H100", "note": "the article's case",
             "scenario": {"gpu": "h100_sxm", "model": "Llama-3.1-70B", "parameters": 7.0554E10,
                          "precision": "int8", "weightOnly": false, "kvPrecision": "bf16", "batch": 1,
                          "prompt": 1024, "generated": 256, "gpuCount": 1, "realism": "ideal",
                          "computeEfficiency": 1.0, "bandwidthEfficiency": 1.0, "pricePerHour": null}}
            """;

    @Provide
    Arbitrary<ScenarioInputs> inputs() {
        return ScenarioArbitraries.inputs(List.of("h100_sxm"));
    }

    @Property(tries = 300)
    void everyInputSurvivesASaveAndAnOpen(@ForAll("inputs") ScenarioInputs in) throws Exception {
        NamedScenario d = new NamedScenario("name", "a note\nwith two lines", in, null);
        NamedScenario back = ScenarioFile.parse(ScenarioFile.toJson(d));
        // A preset's count comes from the preset; a custom model keeps the count written.
        assertThat(back).isEqualTo(d);
    }

    @Test
    void theEmbeddedProfileComesBackEqual() throws Exception {
        HardwareProfile own = ProfileLoader.parse("""
                {"id": "lab-gpu", "name": "Lab GPU", "vendor": "Us", "peakTflops": {"bf16": 512.5, "fp8": 1025},
                 "memoryBandwidthGBps": 2048, "memoryGB": 96, "sources": ["our bench 2026-11"], "notes": "n"}
                """);
        ScenarioInputs in = new ScenarioInputs("lab-gpu", null, 7e9, Precision.BF16, false, Precision.BF16, 8, 512,
                128, 1, RealismMode.IDEAL, 1, 1, null);
        NamedScenario back = ScenarioFile.parse(ScenarioFile.toJson(new NamedScenario("mine", "", in, own)));
        assertThat(back.hardware()).isEqualTo(own);
        assertThat(back.profileAmong(List.of())).contains(own);
    }

    @Property(tries = 100)
    void pinsSurviveASaveAndAnOpenInOrderWithTheirColours(@ForAll("inputs") ScenarioInputs a,
                                                         @ForAll("inputs") ScenarioInputs b) throws Exception {
        NamedScenario d = new NamedScenario("live", "", ScenarioInputs.DEFAULT, null, List.of(
                new NamedScenario.Pinned("first, \"quoted\"", 3, a, null), new NamedScenario.Pinned("second", 0, b, null)));
        NamedScenario back = ScenarioFile.parse(ScenarioFile.toJson(d));
        assertThat(back).isEqualTo(d);
        assertThat(back.pins()).extracting(NamedScenario.Pinned::colour).containsExactly(3, 0);
    }

    @Test
    void aPinCarriesItsOwnProfileAndAFileWithoutPinsHasNone() throws Exception {
        HardwareProfile own = ProfileLoader.parse("""
                {"id": "lab-gpu", "name": "Lab GPU", "vendor": "Us", "peakTflops": {"bf16": 512.5},
                 "memoryBandwidthGBps": 2048, "memoryGB": 96, "sources": ["our bench 2026-11"]}
                """);
        ScenarioInputs onOwn = new ScenarioInputs("lab-gpu", null, 7e9, Precision.BF16, false, Precision.BF16, 8, 512,
                128, 1, RealismMode.IDEAL, 1, 1, null);
        NamedScenario d = new NamedScenario("", "", ScenarioInputs.DEFAULT, null,
                List.of(new NamedScenario.Pinned("mine", 1, onOwn, own)));
        String json = ScenarioFile.toJson(d);
        NamedScenario back = ScenarioFile.parse(json);
        assertThat(back.pins().get(0).hardware()).isEqualTo(own);
        assertThat(back.pins().get(0).profileAmong(List.of())).contains(own);
        assertThat(ScenarioFile.parse(GOOD).pins()).isEmpty();
        assertThat(ScenarioFile.toJson(ScenarioFile.parse(GOOD))).doesNotContain("pins");
    }

    /** Each case: the "pins" value written into the sample, and what the message must say. */
    static Stream<Arguments> badPins() {
        String pin = "{\"name\": \"p\", \"colour\": %s, \"scenario\": %s}";
        String scenario = GOOD.substring(GOOD.indexOf("{\"gpu\""), GOOD.lastIndexOf("}}") + 1);
        String[][] cases = {
                {"not a list", "{}", "field 'pins' must be a list"},
                {"five pins", "[" + String.join(",", Collections.nCopies(5, "{}")) + "]",
                        "field 'pins' has 5 scenarios; at most 4"},
                {"not an object", "[1]", "field 'pins[0]' must be an object"},
                {"no name", "[{\"scenario\": " + scenario + "}]", "field 'pins[0].name' must be a short piece of text"},
                {"an invisible name", "[{\"name\": \"\\u200b\\u0007\", \"scenario\": " + scenario + "}]",
                        "field 'pins[0].name' must be a short piece of text"},
                {"a long name", "[{\"name\": \"" + "n".repeat(201) + "\", \"scenario\": " + scenario + "}]",
                        "field 'pins[0].name' is too long (201 characters; at most 200)"},
                {"a key twice", "[{\"name\": \"p\", \"colour\": 0, \"colour\": 1, \"scenario\": " + scenario + "}]",
                        "the key 'colour' is written twice"},
                {"colour out of range", "[" + pin.formatted("4", scenario) + "]", "field 'pins[0].colour' must be a whole number from 0 to 3"},
                {"colour not whole", "[" + pin.formatted("1.5", scenario) + "]", "field 'pins[0].colour'"},
                {"a colour twice", "[" + pin.formatted("2", scenario) + "," + pin.formatted("2", scenario) + "]",
                        "field 'pins[1].colour': 2 is another pin's colour"},
                {"no scenario", "[{\"name\": \"p\"}]", "missing field 'pins[0].scenario'"},
                {"a bad field in a pin", "[" + pin.formatted("0", scenario) + "," + pin.formatted("1",
                        scenario.replace("\"batch\": 1,", "\"batch\": 0,")) + "]", "field 'pins[1].scenario.batch'"},
                {"a bad embedded profile", "[{\"name\": \"p\", \"scenario\": " + scenario + ", \"hardware\": {\"id\": \"x\"}}]",
                        "field 'pins[0].hardware'"},
        };
        return Arrays.stream(cases).map(c -> Arguments.of((Object[]) c));
    }

    @Test
    void aPinWithoutAColourTakesOneNoPinAsksForAndMayRunOnTheDocumentsOwnProfile() throws Exception {
        String scenario = GOOD.substring(GOOD.indexOf("{\"gpu\""), GOOD.lastIndexOf("}}") + 1);
        NamedScenario d = ScenarioFile.parse(GOOD.replace("\"note\":", "\"pins\": [{\"name\": \"a\", \"scenario\": "
                + scenario + "}, {\"name\": \"b\", \"colour\": 0, \"scenario\": " + scenario + "}], \"note\":"));
        assertThat(d.pins()).extracting(NamedScenario.Pinned::colour).containsExactly(1, 0);

        HardwareProfile own = ProfileLoader.parse("""
                {"id": "lab-gpu", "name": "Lab GPU", "vendor": "Us", "peakTflops": {"bf16": 512.5},
                 "memoryBandwidthGBps": 2048, "memoryGB": 96, "sources": ["our bench 2026-11"]}
                """);
        ScenarioInputs onOwn = new ScenarioInputs("lab-gpu", null, 7e9, Precision.BF16, false, Precision.BF16, 8, 512,
                128, 1, RealismMode.IDEAL, 1, 1, null);
        String json = ScenarioFile.toJson(new NamedScenario("", "", onOwn, own, List.of(new NamedScenario.Pinned("p", 0, onOwn, null))));
        assertThat(ScenarioFile.parse(json).pins().get(0).profileAmong(List.of())).contains(own);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPins")
    void aBadPinIsRefusedNamingItsField(String what, String pins, String expected) {
        String text = GOOD.replace("\"note\":", "\"pins\": " + pins + ", \"note\":");
        assertThatThrownBy(() -> ScenarioFile.parse(text)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void theSampleFileReads() throws Exception {
        NamedScenario d = ScenarioFile.parse(GOOD);
        assertThat(d.name()).isEqualTo("70B on H100");
        assertThat(d.inputs()).isEqualTo(ScenarioInputs.DEFAULT);
    }

    /** Each case: what is wrong, the sample's text it changes, the change, and what the message must say. */
    static Stream<Arguments> badFiles() {
        String[][] cases = {
                {"a newer version", "\"version\": 1", "\"version\": 7", "newer Roofline Lab (version 7"},
                {"not a scenario", "roofline-lab scenario", "something else", "field 'format'"},
                {"batch out of range", "\"batch\": 1,", "\"batch\": 1e9,", "field 'scenario.batch': too large (at most"},
                {"batch not whole", "\"batch\": 1,", "\"batch\": 2.5,", "field 'scenario.batch'"},
                {"batch nearly whole", "\"batch\": 1,", "\"batch\": 2.00000000000000001,", "is not a whole number"},
                {"batch beyond a double", "\"batch\": 1,", "\"batch\": 1e400,", "field 'scenario.batch': too large"},
                {"price below a double", "\"pricePerHour\": null", "\"pricePerHour\": 1e-400", "field 'scenario.pricePerHour': too small"},
                {"batch as text", "\"batch\": 1,", "\"batch\": \"8\",", "field 'scenario.batch' must be a number"},
                {"unknown precision", "\"precision\": \"int8\"", "\"precision\": \"int3\"",
                        "field 'scenario.precision': unknown precision 'int3'"},
                {"unknown preset", "Llama-3.1-70B", "Llama-9", "field 'scenario.model': unknown preset 'Llama-9'"},
                {"missing gpu", "\"gpu\": \"h100_sxm\",", "", "missing field 'scenario.gpu'"},
                {"weight-only at BF16", "\"precision\": \"int8\", \"weightOnly\": false",
                        "\"precision\": \"bf16\", \"weightOnly\": true", "field 'scenario.weightOnly'"},
                {"bad realism", "\"realism\": \"ideal\"", "\"realism\": \"magic\"", "field 'scenario.realism'"},
                {"price too high", "\"pricePerHour\": null", "\"pricePerHour\": 1e6", "field 'scenario.pricePerHour'"},
                {"a bad embedded profile", "\"note\"", "\"hardware\": {\"id\": \"x\"}, \"note\"", "field 'hardware'"},
                {"a duplicate key", "\"batch\": 1,", "\"batch\": 1, \"batch\": 2,", "not valid JSON"},
                {"truncated", "\"batch\": 1,", "\"batch\": 1,\u0000", "not valid JSON"},
                {"a factor with too many digits", "\"pricePerHour\": null", "\"pricePerHour\": null, \"whatIf\": {\"bandwidth\": "
                        + "3.14159265358979323846264338327950288419716939937510582097494459230781}",
                        "field 'scenario.whatIf.bandwidth': too many digits"},
                {"a misspelt what-if", "\"pricePerHour\": null", "\"pricePerHour\": null, \"whatIf\": {\"bandwith\": 2}",
                        "field 'scenario.whatIf.bandwith' is not a what-if (bandwidth, peak or memory)"},
                {"a what-if out of range", "\"pricePerHour\": null", "\"pricePerHour\": null, \"whatIf\": {\"memory\": 8}",
                        "field 'scenario.whatIf.memory': too large (at most 4)"},
                {"stages that do not divide the devices", "\"pricePerHour\": null",
                        "\"pricePerHour\": null, \"pipelineStages\": 3", "field 'scenario.pipelineStages': 3 stages do not divide 1 GPU evenly"},
                {"stages as text", "\"pricePerHour\": null", "\"pricePerHour\": null, \"pipelineStages\": \"two\"",
                        "field 'scenario.pipelineStages' must be a number"},
                {"an imported model's name of a paragraph", "\"model\": \"Llama-3.1-70B\"",
                        "\"model\": null, \"importedModel\": \"" + "m".repeat(101) + "\"",
                        "field 'scenario.importedModel' is too long (at most 100 characters)"},
                {"an overhead below zero", "\"pricePerHour\": null", "\"pricePerHour\": null, \"layerOverheadMicroseconds\": -1",
                        "field 'scenario.layerOverheadMicroseconds': too small (at least 0)"},
        };
        return Arrays.stream(cases).map(c -> Arguments.of((Object[]) c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingTheFieldAndTheReason(String what, String from, String to, String expected) {
        String text = what.equals("truncated") ? GOOD.substring(0, GOOD.indexOf(from) + from.length())
                : GOOD.replace(from, to);
        assertThat(text).as("the case changes the sample").isNotEqualTo(GOOD);
        assertThatThrownBy(() -> ScenarioFile.parse(text)).isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void anImportedModelIsNamedAndAnOptionalNullIsItsDefault() throws Exception {
        ScenarioInputs in = ScenarioInputs.DEFAULT.withParallelism(8, 2);
        ScenarioInputs imported = new ScenarioInputs(in.gpuId(), "my-finetune", 9.24e9, in.precision(), false,
                in.kvPrecision(), 4, 1024, 256, 8, in.realism(), 1, 1, null, in.scales(), 2, 0);
        ModelSpec architecture = ModelSpec.fromParameterCount(9.24e9).withName("my-finetune");
        String text = ScenarioFile.toJson(new NamedScenario("x", "", imported, null, List.of(), List.of(architecture)));
        assertThat(text).contains("\"model\" : null").contains("\"importedModel\" : \"my-finetune\"");
        NamedScenario read = ScenarioFile.parse(text);
        ScenarioInputs back = read.inputs();
        // Named, with its architecture carried in the file (issue 26: never a dense model of that count silently).
        assertThat(back.presetName()).isEqualTo("my-finetune");
        assertThat(read.modelOf(back)).isEqualTo(architecture);
        assertThat(back.parameters()).isEqualTo(9.24e9);
        assertThat(back.pipelineStages()).isEqualTo(2);
        String nulls = GOOD.replace("\"pricePerHour\": null", "\"pricePerHour\": null, \"pipelineStages\": null, "
                + "\"layerOverheadMicroseconds\": null");
        assertThat(ScenarioFile.parse(nulls).inputs().pipelineStages()).isEqualTo(1);
    }

    @Test
    void fileProblemsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("gone.roofline.json");
        assertThatThrownBy(() -> ScenarioFile.read(missing)).hasMessageContaining("gone.roofline.json")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ScenarioFile.read(dir)).hasMessageContaining("a folder, not a file");
        Path latin1 = dir.resolve("latin1.roofline.json");
        Files.write(latin1, GOOD.replace("the article's case", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScenarioFile.read(latin1)).hasMessageContaining("latin1.roofline.json: not UTF-8 text");
        Path huge = dir.resolve("huge.roofline.json");
        Files.write(huge, new byte[(int) ScenarioFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> ScenarioFile.read(huge)).hasMessageContaining("too large");
        Path good = dir.resolve("good.roofline.json");
        Files.writeString(good, "\uFEFF" + GOOD);
        assertThat(ScenarioFile.read(good).inputs()).isEqualTo(ScenarioInputs.DEFAULT);
    }

    @Test
    void saveReplacesAFileWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.roofline.json");
        Files.writeString(file, "old");
        ScenarioFile.save(new NamedScenario("s", "", ScenarioInputs.DEFAULT, null), file);
        assertThat(ScenarioFile.read(file).inputs()).isEqualTo(ScenarioInputs.DEFAULT);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
