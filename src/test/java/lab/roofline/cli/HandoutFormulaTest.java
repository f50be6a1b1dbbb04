package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.files.HomeOverride;
import lab.roofline.io.scenario.ExerciseFile;
import lab.roofline.ui.lesson.Lesson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 25, "the handout contradicts itself": every formula the handout, its answer key, the exercise hints
 * and the lesson's reveals print is done again from the numbers as printed (PrintedFormulas) and must give the
 * result printed beside it, within the rounding of the printed digits; every batch answer is a whole number
 * of sequences. The handout is written by `lesson --html` for the default scenario, the lesson's steps' and
 * more (INT8 and FP8 with 16-bit tables, several GPUs and kinds of GPU, FP32, measured efficiencies, pipeline
 * stages, a draft model); the answer key and `exercises --hints --answers` carry the built-in exercises and a
 * teacher's file asking every quantity on such scenarios.
 */
class HandoutFormulaTest {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.loadAll(List.of()).profiles();
    /** The formulas every handout prints at least: the ridge point, prefill's tokens and the critical batch. */
    private static final int FORMULAS_PER_HANDOUT = 3;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The scenarios the handout is told with, as `lesson` flags. */
    private static List<List<String>> scenarios() {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of()); // the default: Llama-3.1-70B in INT8 on one H100
        for (Lesson.Step step : Lesson.STEPS) {
            List<String> words = ScenarioCommandLine.split(ScenarioCommandLine.of(step.inputs()));
            all.add(words.subList(ScenarioCommandLine.COMMAND.size(), words.size()));
        }
        all.add(List.of("--gpu", "h200_sxm", "--precision", "fp8", "--batch", "16"));
        all.add(List.of("--gpu", "a100_80gb_sxm", "--model", "Llama-3.1-8B", "--precision", "int8", "--batch", "32"));
        all.add(List.of("--gpu", "l40s", "--model", "Llama-3.1-8B", "--precision", "fp32", "--batch", "4"));
        all.add(List.of("--gpu", "mi300x", "--model", "Mixtral-8x7B", "--precision", "fp8", "--batch", "64"));
        all.add(List.of("--gpu", "h100_sxm", "--gpus", "8", "--model", "Llama-3.1-405B", "--precision", "fp8",
                "--batch", "32", "--realistic"));
        all.add(List.of("--gpu", "b200", "--gpus", "4", "--pipeline-stages", "2", "--precision", "bf16", "--batch", "8"));
        all.add(List.of("--draft-model", "Llama-3.1-8B", "--draft-tokens", "4", "--acceptance", "0.7", "--batch", "8"));
        return all;
    }

    private static ScenarioInputs on(String gpu, ModelSpec model, Precision p, int batch, int devices, RealismMode realism) {
        return ScenarioInputs.ofPreset(gpu, model, p, false, batch, 1024, 256, devices, realism);
    }

    /** A teacher's file: every quantity asked on scenarios the built-in exercises leave out (those with an answer). */
    private static List<Exercise> teachersExercises() {
        List<ScenarioInputs> scenarios = List.of(
                on("h200_sxm", ModelPresets.LLAMA_3_1_70B, Precision.FP8, 8, 1, RealismMode.IDEAL),
                on("a100_80gb_sxm", ModelPresets.LLAMA_3_1_8B, Precision.INT8, 16, 1, RealismMode.IDEAL),
                on("l40s", ModelPresets.LLAMA_3_1_8B, Precision.FP32, 2, 1, RealismMode.IDEAL),
                on("h100_sxm", ModelPresets.LLAMA_3_1_405B, Precision.FP8, 16, 8, RealismMode.REALISTIC),
                on("mi300x", ModelPresets.MIXTRAL_8X7B, Precision.BF16, 4, 1, RealismMode.IDEAL),
                on("h100_sxm", ModelPresets.GEMMA_3_27B, Precision.INT8, 4, 1, RealismMode.IDEAL).withTokens(4096, 512),
                on("h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, 4, 2, RealismMode.IDEAL)
                        .withSpeculation(new Speculation(4, 0.7, ModelPresets.LLAMA_3_1_8B)));
        List<Exercise> out = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            for (Exercise.Quantity q : Exercise.Quantity.values()) {
                boolean implied = q == Exercise.Quantity.IMPLIED_BATCH;
                Exercise x = new Exercise("teacher-" + s + "-" + q.key().replace('_', '-'), "What is the " + q.key()
                        + "?", scenarios.get(s), q, 0.1, implied ? 4 : Double.NaN);
                if (ExerciseFile.unanswerable(x, PROFILES, ScenarioOptions.measuredRealism()) == null) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    /** Runs the command line with a home of its own, holding the teacher's file. */
    private static String run(Path home, String... args) {
        return HomeOverride.with(home, () -> ExportCliTest.run(home, args));
    }

    /** A page's words as a reader sees them: no charts, no markup, a table cell's line breaks kept. */
    private static String readable(String html) {
        String text = html.replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("(?s)<style>.*?</style>", " ")
                .replace("<br/>", "\n").replaceAll("</(p|td|th|h\\d|li|tr)>", "\n").replaceAll("<[^>]+>", " ");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void everyPrintedFormulaGivesThePrintedResultAndEveryBatchIsWhole(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        List<Exercise> teachers = teachersExercises();
        assertThat(teachers).as("the teacher's exercises that have an answer").hasSizeGreaterThan(40);
        Files.createDirectories(home.resolve("exercises"));
        Files.writeString(home.resolve("exercises").resolve("teacher.json"), ExerciseFile.toJson(teachers));
        List<Exercise> exercises = new ArrayList<>(Exercise.BUILT_IN);
        exercises.addAll(teachers);
        List<String> wrong = new ArrayList<>();

        List<List<String>> scenarios = scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            Path out = dir.resolve("handout-" + i);
            List<String> args = new ArrayList<>(List.of("lesson", "--html", out.toString()));
            args.addAll(scenarios.get(i));
            run(home, args.toArray(String[]::new));
            List<String> flags = scenarios.get(i);
            PrintedFormulas.Found found = PrintedFormulas.in(readable(Files.readString(out.resolve("handout.html"))));
            if (found.formulas().size() < FORMULAS_PER_HANDOUT) {
                wrong.add("handout " + flags + ": only " + found.formulas().size() + " formulas found: " + found.formulas());
            }
            found.wrong().forEach(f -> wrong.add("handout " + flags + ": " + f));
            if (i == 0) {
                checkAnswerKey(out.resolve("answer-key.html"), exercises, wrong);
            }
        }
        checkExercisesCommand(run(home, "exercises", "--hints", "--answers"), exercises, wrong);
        JsonNode answers = new ObjectMapper().readTree(run(home, "exercises", "--answers", "--json"));
        for (JsonNode a : answers) {
            if (a.path("unit").asText().equals("sequences") && a.path("answer").asDouble() % 1 != 0) {
                wrong.add("exercises --answers --json: " + a.path("id").asText() + " is " + a.path("answer") + " sequences");
            }
        }
        checkLessonReveals(wrong);
        assertThat(wrong).as("formulas that do not give what they print").isEmpty();
    }

    /** Each row: the formulas in "How" hold, and its last one gives the answer (rounded as it says, for a batch). */
    private static void checkAnswerKey(Path key, List<Exercise> exercises, List<String> wrong) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(key.toFile());
        NodeList rows = doc.getElementsByTagName("tbody").item(0).getChildNodes();
        List<Element> answers = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            if (rows.item(i) instanceof Element row) {
                answers.add(row);
            }
        }
        assertThat(answers).hasSameSizeAs(exercises);
        for (int i = 0; i < answers.size(); i++) {
            NodeList cells = answers.get(i).getElementsByTagName("td");
            String answer = cells.item(2).getTextContent();
            String how = lines(cells.item(4));
            checkAnswer("answer key #" + (i + 1) + " " + exercises.get(i).id(), exercises.get(i), how, answer, wrong);
        }
    }

    /** A cell's text with its line breaks, as the page shows it. */
    private static String lines(org.w3c.dom.Node cell) {
        StringBuilder b = new StringBuilder();
        NodeList children = cell.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            var c = children.item(i);
            b.append(c instanceof Element e && e.getTagName().equals("br") ? "\n" : c.getTextContent());
        }
        return b.toString();
    }

    /** `exercises --hints --answers`: each exercise's hint and answer lines. */
    private static void checkExercisesCommand(String printed, List<Exercise> exercises, List<String> wrong) {
        String[] blocks = printed.split("\n(?=\\s*\\d+\\. \\[)");
        assertThat(blocks).hasSize(exercises.size());
        for (int i = 0; i < blocks.length; i++) {
            Matcher hint = Pattern.compile("(?s)\n    hint: (.*?)\n    answer: (.*?) \\(accepted within [^)]*\\)\\s*$")
                    .matcher(blocks[i]);
            assertThat(hint.find()).as(blocks[i]).isTrue();
            checkAnswer("exercises #" + (i + 1) + " " + exercises.get(i).id(), exercises.get(i), hint.group(1),
                    hint.group(2), wrong);
        }
    }

    private static final Pattern BATCH_ANSWER = Pattern.compile(
            "(\\d[\\d,]*) sequences?(?: \\((\\S+) rounded (up|down): [^)]+\\))?");

    /**
     * One exercise's working and answer: its formulas hold; the last one without a result of its own gives the
     * answer; a batch is a whole number, rounded from the formula's result the way the text says.
     */
    private static void checkAnswer(String where, Exercise x, String working, String answer, List<String> wrong) {
        PrintedFormulas.Found found = PrintedFormulas.in(working);
        found.wrong().forEach(f -> wrong.add(where + ": " + f));
        PrintedFormulas.Printed result = PrintedFormulas.firstNumber(answer);
        assertThat(result).as(where + ": " + answer).isNotNull();
        boolean batch = x.quantity().unit().equals("sequences");
        if (batch) {
            Matcher m = BATCH_ANSWER.matcher(answer.trim());
            if (!m.matches()) {
                wrong.add(where + ": a batch answer must be a whole number of sequences, got '" + answer + "'");
                return;
            }
            if (m.group(2) != null) {
                PrintedFormulas.Printed unrounded = PrintedFormulas.firstNumber(m.group(2));
                double whole = m.group(3).equals("up") ? Math.ceil(unrounded.value()) : Math.floor(unrounded.value());
                if (whole != result.value()) {
                    wrong.add(where + ": " + m.group(2) + " rounded " + m.group(3) + " is not " + m.group(1));
                }
                result = unrounded;
            }
        }
        if (!found.expressions().isEmpty()) {
            PrintedFormulas.Expression last = found.expressions().get(found.expressions().size() - 1);
            PrintedFormulas.Formula f = new PrintedFormulas.Formula(last.printed(), last.computed(), result);
            if (!f.holds()) {
                wrong.add(where + ": " + f);
            }
        } else if (found.formulas().isEmpty()) {
            wrong.add(where + ": no formula in '" + working + "'");
        } else {
            PrintedFormulas.Formula last = found.formulas().get(found.formulas().size() - 1);
            PrintedFormulas.Formula f = new PrintedFormulas.Formula(last.printed(), last.computed(), result);
            if (!f.holds()) {
                wrong.add(where + " (its answer " + answer + "): " + f);
            }
        }
    }

    /**
     * The lesson's reveals, on each step's scenario before and after its change: every one that works something
     * out ("=") shows a formula that holds. All do but the Batch API's, which sets two times side by side.
     */
    private static void checkLessonReveals(List<String> wrong) {
        int withFormulas = 0;
        for (Lesson.Step step : Lesson.STEPS) {
            String text = step.question().explanation().apply(evaluate(step.askedOn()), evaluate(step.inputs()));
            PrintedFormulas.Found found = PrintedFormulas.in(text);
            withFormulas += found.formulas().isEmpty() ? 0 : 1;
            if (text.contains("=") && found.formulas().isEmpty()) {
                wrong.add("lesson step " + step.topic() + ": no formula found in '" + text + "'");
            }
            found.wrong().forEach(f -> wrong.add("lesson step " + step.topic() + ": " + f));
        }
        assertThat(withFormulas).as("lesson steps whose reveal has a formula").isEqualTo(Lesson.STEPS.size() - 1);
    }

    private static Evaluation evaluate(ScenarioInputs in) {
        HardwareProfile gpu = PROFILES.stream().filter(p -> p.id().equals(in.gpuId())).findFirst().orElseThrow();
        return RooflineEngine.evaluate(in.toScenario(gpu, Realism.IDEAL));
    }
}
