package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.teaching.Misconception;
import lab.roofline.explain.Explanation;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.files.HomeOverride;
import lab.roofline.io.scenario.ExerciseFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * `lesson --html DIR`, end to end (in this JVM, on the tests' toolkit): the handout and its answer key are
 * parsed (as the well-formed documents they are), every step has its text and a well-formed SVG chart with a
 * text alternative, and the key's answers are the engine's.
 */
class HandoutCliTest {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.loadAll(List.of()).profiles();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs the command line with an empty home of its own (no teacher's exercises); it must succeed. */
    private static String run(Path dir, String... args) {
        return HomeOverride.with(dir.resolve("home"), () -> ExportCliTest.run(dir, args));
    }

    private static Document parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void theHandoutHasEveryStepWithItsNumbersAndAWellFormedChartAndTheKeyHasTheEnginesAnswers(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("class 1");
        String printed = run(dir, "lesson", "--html", out.toString(), "--model", "Llama-3.1-8B", "--batch", "32");
        assertThat(printed).contains("handout.html", "answer-key.html");
        Document handout = parse(out.resolve("handout.html"));
        assertThat(handout.getElementsByTagName("title").item(0).getTextContent()).startsWith("Why output tokens cost more");
        // Every step: its title, its paragraph and one chart.
        NodeList steps = handout.getElementsByTagName("article");
        List<Element> stepArticles = new ArrayList<>();
        for (int i = 0; i < steps.getLength(); i++) {
            Element a = (Element) steps.item(i);
            if (a.getAttribute("class").equals("step")) {
                stepArticles.add(a);
            }
        }
        // The lesson's eight steps in its order (one device: no paragraph on several).
        List<Explanation.Topic> order = List.of(Explanation.Topic.RIDGE, Explanation.Topic.DECODE, Explanation.Topic.PREFILL,
                Explanation.Topic.BATCHING, Explanation.Topic.KV_CACHE, Explanation.Topic.MEMORY_WALL,
                Explanation.Topic.COST, Explanation.Topic.BATCH_API);
        assertThat(stepArticles).hasSize(order.size());
        for (int i = 0; i < stepArticles.size(); i++) {
            Element a = stepArticles.get(i);
            assertThat(a.getElementsByTagName("h3").item(0).getTextContent())
                    .isEqualTo((i + 1) + ". " + order.get(i).title());
            NodeList svg = a.getElementsByTagName("svg");
            assertThat(svg.getLength()).isEqualTo(1);
            Element chart = (Element) svg.item(0);
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(chart.getElementsByTagName("desc").item(0).getTextContent()).as("text alternative").contains("batch");
            assertThat(chart.getElementsByTagName("text").getLength()).isGreaterThan(10);
        }
        String text = Files.readString(out.resolve("handout.html"));
        assertThat(text).contains("batch 32", "Llama-3.1-8B", "roofline-lab report --gpu h100_sxm --model Llama-3.1-8B");
        // Each inline SVG is a well-formed document on its own too (copied out of the page, it opens as a file).
        Matcher svgs = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(text);
        int count = 0;
        while (svgs.find()) {
            Path one = dir.resolve("chart-" + count++ + ".svg");
            Files.writeString(one, svgs.group());
            assertThat(parse(one).getDocumentElement().getTagName()).isEqualTo("svg");
        }
        assertThat(count).isEqualTo(order.size());
        for (Misconception m : Misconception.BUILT_IN) {
            assertThat(text).contains(m.claim().replace("'", "&#39;"));
        }
        assertThat(handout.getElementsByTagName("li").getLength()).isEqualTo(Exercise.BUILT_IN.size());

        Document key = parse(out.resolve("answer-key.html"));
        NodeList rows = key.getElementsByTagName("tbody").item(0).getChildNodes();
        List<Element> answers = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            if (rows.item(i) instanceof Element row) {
                answers.add(row);
            }
        }
        assertThat(answers).hasSize(Exercise.BUILT_IN.size());
        for (int i = 0; i < answers.size(); i++) {
            Exercise x = Exercise.BUILT_IN.get(i);
            String shown = answers.get(i).getElementsByTagName("td").item(2).getTextContent();
            assertThat(shown).isEqualTo(x.answerText(x.evaluate(ExerciseFile.profile(x, PROFILES), Realism.IDEAL)));
        }
        assertThat(Files.readString(out.resolve("answer-key.html"))).contains("Evidence.", "Batch 16:");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        StringWriter err = new StringWriter();
        int code = RooflineCommand.run(new String[] {"lesson", "--html", file.toString()}, new PrintWriter(
                new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--html:", "is a file; name a folder").doesNotContain("Exception");
    }
}
