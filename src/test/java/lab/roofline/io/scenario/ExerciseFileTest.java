package lab.roofline.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.scenario.ExerciseFile.ExerciseFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Teachers' exercise files: the built-in ones survive the file format; every bad file is refused with field and reason. */
class ExerciseFileTest {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.loadAll(List.of()).profiles();
    private static final String SCENARIO = """
            {"gpu": "h100_sxm", "model": "Llama-3.1-70B", "parameters": 7.0554E10, "precision": "int8",
             "weightOnly": false, "kvPrecision": "bf16", "batch": 1, "prompt": 1024, "generated": 256, "gpuCount": 1,
             "realism": "ideal", "computeEfficiency": 1.0, "bandwidthEfficiency": 1.0, "pricePerHour": null}""";

    private static String file(String exercises) {
        return "{\"format\": \"roofline-lab exercises\", \"version\": 1, \"exercises\": [" + exercises + "]}";
    }

    private static String exercise(String id, String quantity, String tolerance, String scenario) {
        return "{\"id\": \"" + id + "\", \"text\": \"How fast?\", \"quantity\": \"" + quantity + "\", \"tolerance\": "
                + tolerance + ", \"scenario\": " + scenario + "}";
    }

    @Test
    void theBuiltInExercisesSurviveTheFileFormatWithTheSameAnswers() throws Exception {
        List<Exercise> back = ExerciseFile.parse(ExerciseFile.toJson(Exercise.BUILT_IN));
        assertThat(back).hasSameSizeAs(Exercise.BUILT_IN);
        for (int i = 0; i < back.size(); i++) {
            Exercise a = Exercise.BUILT_IN.get(i);
            Exercise b = back.get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.text()).isEqualTo(a.text());
            assertThat(b.quantity()).isEqualTo(a.quantity());
            assertThat(b.relativeTolerance()).isEqualTo(a.relativeTolerance());
            assertThat(b.scenario()).isEqualTo(a.scenario());
            HardwareProfile gpu = ExerciseFile.profile(a, PROFILES);
            assertThat(b.answer(gpu, Realism.IDEAL)).isEqualTo(a.answer(gpu, Realism.IDEAL));
        }
    }

    @Test
    void aTeachersFileLoadsAfterTheBuiltInOnesAndABadOneIsSkippedWithItsName(@TempDir Path home) throws Exception {
        Path folder = Files.createDirectories(home.resolve("exercises"));
        Files.writeString(folder.resolve("a-good.json"), file(exercise("my-decode", "decode_tokens_per_second_per_sequence",
                "0.05", SCENARIO) + "," + "{\"id\": \"my-implied\", \"text\": \"Which batch?\", \"quantity\": "
                + "\"implied_batch\", \"priceRatio\": 4, \"tolerance\": 0.1, \"scenario\": " + SCENARIO + "}"));
        Files.writeString(folder.resolve("b-bad.json"), file(exercise("other", "speed", "0.05", SCENARIO)));
        Files.writeString(folder.resolve("c-clash.json"), file(exercise("ridge-h100-bf16", "ridge_flops_per_byte", "0.05",
                SCENARIO)));
        Files.writeString(folder.resolve("notes.txt"), "not read");
        ExerciseFile.Result r = ExerciseFile.loadAll(folder, PROFILES, Realism.IDEAL);
        assertThat(r.exercises()).hasSize(Exercise.BUILT_IN.size() + 2);
        assertThat(r.exercises().get(Exercise.BUILT_IN.size()).id()).isEqualTo("my-decode");
        assertThat(r.exercises().get(r.exercises().size() - 1).priceRatio()).isEqualTo(4);
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems().get(0)).contains("b-bad.json", "exercises[0].quantity", "unknown quantity 'speed'",
                "critical_batch");
        assertThat(r.problems().get(1)).contains("c-clash.json", "'ridge-h100-bf16' is already taken");
    }

    @Test
    void noFolderIsNoProblemAndAFileWhereTheFolderShouldBeIsSaid(@TempDir Path home) throws Exception {
        assertThat(ExerciseFile.loadAll(home.resolve("exercises"), PROFILES, Realism.IDEAL).problems()).isEmpty();
        Files.writeString(home.resolve("exercises"), "x");
        assertThat(ExerciseFile.loadAll(home.resolve("exercises"), PROFILES, Realism.IDEAL).problems())
                .singleElement().asString().contains("is not a folder");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"format\": 1}| field 'format' should be 'roofline-lab exercises'",
            "[1, 2]| a JSON object was expected",
            "{\"format\": \"roofline-lab exercises\", \"version\": 2, \"exercises\": []}| newer Roofline Lab (version 2",
            "{\"format\": \"roofline-lab exercises\", \"version\": 1}| missing field 'exercises'",
            "{\"format\": \"roofline-lab exercises\", \"version\": 1, \"exercises\": []}| field 'exercises' is empty",
            "{\"format\": \"roofline-lab exercises\", \"version\": 1, \"exercises\": [7]}| field 'exercises[0]' must be an object",
            "{\"format\": \"roofline-lab exercises\", \"version\": 1, \"exercises\": [{\"id\": \"a\"}]}| missing field 'exercises[0].text'",
    })
    void aFileThatIsNotAnExerciseFileIsRefusedSayingWhy(String text, String reason) {
        assertThatThrownBy(() -> ExerciseFile.parse(text)).isInstanceOf(ExerciseFileException.class)
                .hasMessageContaining(reason.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Upper Case| critical_batch| 0.1| must be lower-case letters",
            "ok| speed| 0.1| unknown quantity 'speed'",
            "ok| critical_batch| 0| 0 is not a tolerance",
            "ok| critical_batch| 0.9| 0.9 is not a tolerance",
            "ok| critical_batch| \"10 %\"| 'exercises[0].tolerance' must be a number",
            "ok| implied_batch| 0.1| missing field 'exercises[0].priceRatio'",
            "ok| critical_batch| 1e-300| is not a tolerance",
    })
    void aBadExerciseIsRefusedNamingItsField(String id, String quantity, String tolerance, String reason) {
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise(id, quantity, tolerance, SCENARIO))))
                .isInstanceOf(ExerciseFileException.class).hasMessageContaining(reason.strip());
    }

    @Test
    void scenarioProblemsNameTheExerciseTheyAreIn() {
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", "{\"gpu\": \"h100_sxm\"}"))))
                .hasMessageContaining("missing field 'exercises[0].scenario.model'".replace(".model", ".parameters"));
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1",
                SCENARIO.replace("\"batch\": 1", "\"batch\": 0")))))
                .hasMessageContaining("'exercises[0].scenario.batch'");
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", "3"))))
                .hasMessageContaining("missing field 'exercises[0].scenario'");
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", SCENARIO)
                .replace("\"tolerance\"", "\"tolerence\""))))
                .hasMessageContaining("'exercises[0].tolerence' is not an exercise field");
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", SCENARIO) + ","
                + exercise("a", "max_batch", "0.1", SCENARIO))))
                .hasMessageContaining("'exercises[1].id': 'a' is already the id of exercises[0]");
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1",
                SCENARIO.replace("\"batch\"", "\"pipelineStage\": 2, \"batch\"")))))
                .hasMessageContaining("'exercises[0].scenario.pipelineStage' is not a scenario field");
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", SCENARIO))
                .replace("\"version\"", "\"extra\": 1, \"version\"")))
                .hasMessageContaining("'extra' is not part of an exercise file");
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", SCENARIO)
                .replace("\"scenario\"", "\"priceRatio\": 3, \"scenario\""))))
                .hasMessageContaining("only an implied_batch exercise takes a price ratio");
    }

    @Test
    void anExerciseWithNoAnswerIsRefusedOnLoadingNotWhenALearnerAsks() throws Exception {
        List<Exercise> unknownGpu = ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1",
                SCENARIO.replace("h100_sxm", "h900"))));
        assertThatThrownBy(() -> ExerciseFile.checked(unknownGpu, List.of(), PROFILES, Realism.IDEAL))
                .hasMessageContaining("GPU 'h900', which no loaded profile has");
        List<Exercise> doesNotFit = ExerciseFile.parse(file(exercise("a", "max_batch", "0.1",
                SCENARIO.replace("\"int8\"", "\"fp32\""))));
        assertThatThrownBy(() -> ExerciseFile.checked(doesNotFit, List.of(), PROFILES, Realism.IDEAL))
                .hasMessageContaining("has no answer on its scenario (the model does not fit");
        // Not only max_batch: no question is asked about a model that cannot run on its device.
        List<Exercise> tooBig = ExerciseFile.parse(file(exercise("a", "decode_tokens_per_second_per_sequence", "0.1",
                SCENARIO.replace("\"int8\"", "\"fp32\"")))); 
        assertThatThrownBy(() -> ExerciseFile.checked(tooBig, List.of(), PROFILES, Realism.IDEAL))
                .hasMessageContaining("the model does not fit");
        List<Exercise> neverCheaper = ExerciseFile.parse(file("{\"id\": \"a\", \"text\": \"b?\", \"quantity\": "
                + "\"implied_batch\", \"priceRatio\": 0.5, \"tolerance\": 0.1, \"scenario\": " + SCENARIO + "}"));
        assertThatThrownBy(() -> ExerciseFile.checked(neverCheaper, List.of(), PROFILES, Realism.IDEAL))
                .hasMessageContaining("no batch brings the ratio down to 0.5");
    }

    @Test
    @Timeout(10)
    void hostileFilesAreRefusedWithoutHangingOrReadingThemWhole(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) ExerciseFile.MAX_BYTES + 10]);
        assertThatThrownBy(() -> ExerciseFile.read(big)).hasMessageContaining("too large for an exercise file");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, file(exercise("caf\u00e9", "critical_batch", "0.1", SCENARIO)).getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ExerciseFile.read(latin1)).hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> ExerciseFile.read(dir)).hasMessageContaining("a folder, not a file");
        assertThatThrownBy(() -> ExerciseFile.read(dir.resolve("none.json"))).hasMessageContaining("it does not exist");
        Path fifo = dir.resolve("fifo.json");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertThatThrownBy(() -> ExerciseFile.read(fifo)).hasMessageContaining("not a regular file");
            assertThat(ExerciseFile.loadAll(dir, PROFILES, Realism.IDEAL).problems())
                    .anySatisfy(p -> assertThat(p).contains("fifo.json", "not a regular file"));
        }
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "[".repeat(5000) + "]".repeat(5000));
        assertThatThrownBy(() -> ExerciseFile.read(deep)).isInstanceOf(ExerciseFileException.class);
        Path controls = dir.resolve("controls.json");
        Files.writeString(controls, file(exercise("a", "critical_batch", "0.1", SCENARIO)
                .replace("How fast?", "How\\u001b[31m fast\\u202e?")));
        assertThat(ExerciseFile.read(controls).get(0).text()).isEqualTo("How[31m fast?");
        // A text of nothing visible is refused naming its field (it once stopped every exercise loading).
        for (String invisible : new String[] {"\\u200b", "\\u001b", "\\u202e\\u202d", " \\t "}) {
            assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", SCENARIO)
                    .replace("How fast?", invisible)))).hasMessageContaining("'exercises[0].text' must be text");
        }
        // An invisible character in an id is refused, not dropped; a tab in a text becomes a space.
        assertThatThrownBy(() -> ExerciseFile.parse(file(exercise("ab\\u202ecd", "critical_batch", "0.1", SCENARIO))))
                .hasMessageContaining("'exercises[0].id'");
        assertThat(ExerciseFile.parse(file(exercise("a", "critical_batch", "0.1", SCENARIO).replace("How fast?", "a\\tb")))
                .get(0).text()).isEqualTo("a b");
    }

    /**
     * A teacher starts from a copy: every built-in exercise, as `exercises --json` prints it, loads back (none
     * refused: a ridge point on a model that does not fit one device needs no fit) and gives the same answers.
     */
    @Test
    void everyBuiltInExerciseRoundTripsThroughTheFileFormat() throws ExerciseFileException {
        List<Exercise> copied = ExerciseFile.parse(ExerciseFile.toJson(Exercise.BUILT_IN));
        assertThat(copied).hasSameSizeAs(Exercise.BUILT_IN);
        for (int i = 0; i < copied.size(); i++) {
            Exercise original = Exercise.BUILT_IN.get(i);
            Exercise copy = copied.get(i);
            assertThat(ExerciseFile.unanswerable(copy, PROFILES, Realism.IDEAL)).as(copy.id()).isNull();
            HardwareProfile gpu = ExerciseFile.profile(copy, PROFILES);
            assertThat(copy.answer(copy.evaluate(gpu, Realism.IDEAL))).as(copy.id())
                    .isEqualTo(original.answer(original.evaluate(gpu, Realism.IDEAL)));
        }
    }
}
