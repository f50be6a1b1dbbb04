package lab.roofline.render.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.teaching.Misconception;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Captions;
import lab.roofline.explain.ExerciseHints;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.io.files.FileGroup;
import lab.roofline.io.files.TemporaryFiles;
import lab.roofline.render.pen.SvgPen;

/**
 * The lesson as a handout: one self-contained HTML page (every step's text with the chosen scenario's
 * numbers and its chart as inline SVG, the misconception cards, the exercises with room for answers) and
 * the answer key as a separate page. No scripts, no external files: it opens, prints and mails as it is.
 * Both pages are also well-formed XML (polyglot HTML), so a test reads them with an XML parser.
 */
public final class Handout {
    /** The handout's file and the answer key's, in the folder it is written to. */
    public static final String HANDOUT_FILE = "handout.html";
    public static final String ANSWER_KEY_FILE = "answer-key.html";
    /** A chart's layout size in the handout: wide enough to read on paper, small enough for a page. */
    static final ExportSize CHART_SIZE = new ExportSize(960, 540);

    private Handout() {
    }

    /** The two pages' HTML. */
    public record Pages(String handout, String answerKey) {
    }

    /**
     * Builds both pages (FX thread: the charts are drawn by their own code into SVG).
     *
     * @param chosen      the scenario the steps are told with
     * @param commandLine the `roofline-lab report …` line that reproduces it
     * @param exercises   the exercises, each evaluated by {@code evaluate} on its own scenario
     * @param evaluate    a scenario's evaluation on the loaded profiles (null when its GPU is not loaded)
     */
    public static Pages build(Evaluation chosen, List<RatioReference> references, String commandLine,
                              List<Exercise> exercises, Function<ScenarioInputs, Evaluation> evaluate,
                              List<String> stylesheets, String date) {
        return new Pages(handout(chosen, references, commandLine, exercises, evaluate, stylesheets, date),
                answerKey(exercises, evaluate, date));
    }

    /** The handout: the steps with their charts, the misconception cards and the exercises. */
    private static String handout(Evaluation chosen, List<RatioReference> references, String commandLine,
                                  List<Exercise> exercises, Function<ScenarioInputs, Evaluation> evaluate,
                                  List<String> stylesheets, String date) {
        StringBuilder h = new StringBuilder(1 << 18);
        head(h, "Why output tokens cost more than input tokens — a Roofline Lab handout");
        h.append("<header>\n<h1>Why output tokens cost more than input tokens</h1>\n<p class=\"scenario\">")
                .append(esc(Captions.of(chosen))).append("</p>\n<p class=\"command\"><code>").append(esc(commandLine))
                .append("</code></p>\n</header>\n");
        h.append("<main>\n<section id=\"steps\">\n<h2>The argument, step by step</h2>\n");
        List<Topic> topics = steps(chosen);
        for (int i = 0; i < topics.size(); i++) {
            Topic t = topics.get(i);
            ChartKind kind = ChartKind.showing(t);
            String svg = ChartRenderer.svg(new ChartRenderer.Request(kind, CHART_SIZE, 1, ExportFormat.SVG),
                    ChartInputs.of(chosen, references, stylesheets).withHighlight(t));
            h.append("<article class=\"step\">\n<h3>").append(i + 1).append(". ").append(esc(t.title())).append("</h3>\n<p>")
                    .append(esc(Explanation.paragraph(t, chosen))).append("</p>\n<figure>\n").append(inline(svg))
                    .append("<figcaption>").append(esc(kind.title())).append(": the ringed element is the one this "
                            + "step discusses.</figcaption>\n</figure>\n</article>\n");
        }
        h.append("</section>\n<section id=\"cards\">\n<h2>Misconception checks</h2>\n<p>Each claim is one people believe. "
                + "Set the two scenarios in Roofline Lab (Lesson ▸ Misconception Checks) and write down what happens "
                + "before you look at the answer key.</p>\n");
        for (Misconception m : Misconception.BUILT_IN) {
            String where = setting(m, evaluate);
            h.append("<article class=\"card\">\n<h3>“").append(esc(m.claim())).append("”</h3>\n<p>Test it. ")
                    .append(esc(where)).append(esc(m.change().get(0))).append(", then ").append(esc(m.change().get(1)))
                    .append(".</p>\n<p class=\"write\">What happens:</p>\n</article>\n");
        }
        h.append("</section>\n<section id=\"exercises\">\n<h2>Exercises</h2>\n<p>Answers within the stated tolerance "
                + "count. The answer key is a separate page.</p>\n<ol class=\"exercises\">\n");
        for (Exercise x : exercises) {
            h.append("<li><p>").append(esc(x.text())).append("</p>\n<p class=\"answer\">Answer: <span class=\"blank\">"
                    + "</span> ").append(esc(x.quantity().unit())).append(" <small>(within ")
                    .append(esc(tolerance(x))).append(")</small></p></li>\n");
        }
        h.append("</ol>\n</section>\n</main>\n");
        foot(h, date);
        return h.toString();
    }

    /** The answer key: each exercise's answer and how to get it, and each card's evidence and reason. */
    private static String answerKey(List<Exercise> exercises, Function<ScenarioInputs, Evaluation> evaluate, String date) {
        StringBuilder k = new StringBuilder(1 << 14);
        head(k, "Answer key — a Roofline Lab handout");
        k.append("<header>\n<h1>Answer key</h1>\n<p>For the handout “Why output tokens cost more than input tokens”. "
                + "Every answer is computed by the engine from the exercise's own scenario.</p>\n</header>\n<main>\n");
        k.append("<section id=\"exercise-answers\">\n<h2>Exercises</h2>\n<table>\n<thead><tr><th>#</th><th>Question</th>"
                + "<th>Answer</th><th>Accepted within</th><th>How</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < exercises.size(); i++) {
            Exercise x = exercises.get(i);
            Evaluation e = evaluate.apply(x.scenario());
            k.append("<tr><td>").append(i + 1).append("</td><td>").append(esc(x.text())).append("</td><td class=\"num\">")
                    .append(e == null ? "(GPU not loaded)" : esc(x.answerText(e))).append("</td><td>")
                    .append(esc(tolerance(x))).append("</td><td class=\"hint\">")
                    // The hint's working carried to its result, which the answer is (a batch rounded as it says).
                    .append(e == null ? "" : lines(ExerciseHints.of(x, e).text() + "\n= " + x.resultText(e)))
                    .append("</td></tr>\n");
        }
        k.append("</tbody>\n</table>\n</section>\n<section id=\"card-answers\">\n<h2>Misconception checks</h2>\n");
        for (Misconception m : Misconception.BUILT_IN) {
            Evaluation a = evaluate.apply(m.before());
            Evaluation b = evaluate.apply(m.after());
            k.append("<article class=\"card\">\n<h3>“").append(esc(m.claim())).append("”</h3>\n<p><strong>Evidence.</strong> ")
                    .append(a == null || b == null ? "(the card's GPU is not loaded)" : esc(m.evidence().apply(a, b)))
                    .append("</p>\n<p><strong>Why.</strong> ").append(esc(m.truth())).append("</p>\n</article>\n");
        }
        k.append("</section>\n</main>\n");
        foot(k, date);
        return k.toString();
    }

    /** Writes both pages into a folder (made if missing), replacing only pages Roofline Lab wrote; see below. */
    public static List<Path> write(Pages pages, Path folder) throws IOException {
        return write(pages, folder, false);
    }

    /**
     * Writes both pages into a folder (made if missing), together: both or neither, so a handout and an
     * answer key from different scenarios are never left side by side. A handout.html or answer-key.html
     * Roofline Lab did not write (a teacher's own) is refused ({@link FileGroup.NotOurs}) unless
     * {@code replaceAny}.
     */
    public static List<Path> write(Pages pages, Path folder, boolean replaceAny) throws IOException {
        Files.createDirectories(folder);
        Path handout = folder.resolve(HANDOUT_FILE);
        Path key = folder.resolve(ANSWER_KEY_FILE);
        TemporaryFiles.deleteStale(folder, TEMPORARY_PREFIX + "*.tmp"); // a killed write's leftovers
        Map<Path, String> texts = new LinkedHashMap<>();
        texts.put(handout, pages.handout());
        texts.put(key, pages.answerKey());
        FileGroup.write(texts, TEMPORARY_PREFIX, replaceAny ? file -> true : Handout::writtenByRoofline);
        return List.of(handout, key);
    }

    private static final String TEMPORARY_PREFIX = ".roofline-handout-";
    /** In every page's head: how a later run knows the page is one it may replace. */
    static final String GENERATOR = "<meta name=\"generator\" content=\"Roofline Lab\"/>";

    /**
     * Whether a page is one Roofline Lab wrote: the generator in its head, or (pages written before it was
     * there) the footer every page ends with.
     */
    static boolean writtenByRoofline(Path page) {
        try (FileChannel in = FileChannel.open(page)) {
            int edge = 8192;
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(edge, in.size()));
            in.read(head, 0);
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(edge, in.size()));
            in.read(tail, Math.max(0, in.size() - edge));
            String start = new String(head.array(), StandardCharsets.UTF_8);
            String end = new String(tail.array(), StandardCharsets.UTF_8);
            return start.contains(GENERATOR) || start.startsWith("<!DOCTYPE html>") && end.contains(
                    "<footer><p>Made with Roofline Lab on ") && end.stripTrailing().endsWith("</html>");
        } catch (IOException e) {
            return false;
        }
    }

    /** Builds on the headless toolkit and writes: the command line's `lesson --html`. */
    public static List<Path> writeHeadless(Evaluation chosen, List<RatioReference> references, String commandLine,
                                           List<Exercise> exercises, Function<ScenarioInputs, Evaluation> evaluate,
                                           List<String> stylesheets, String date, Path folder, boolean replaceAny)
            throws Exception {
        ChartRenderer.startHeadlessToolkit();
        CompletableFuture<Pages> built = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                built.complete(build(chosen, references, commandLine, exercises, evaluate, stylesheets, date));
            } catch (RuntimeException | Error e) {
                built.completeExceptionally(e);
            }
        });
        try {
            return write(built.get(120, TimeUnit.SECONDS), folder, replaceAny);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the handout could not be drawn: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * The handout's steps: the guided lesson's eight, in its order, and the paragraph on several devices
     * when the scenario has them.
     */
    public static List<Topic> steps(Evaluation chosen) {
        List<Topic> steps = new ArrayList<>(List.of(Topic.RIDGE, Topic.DECODE, Topic.PREFILL, Topic.BATCHING,
                Topic.KV_CACHE, Topic.MEMORY_WALL, Topic.COST, Topic.BATCH_API));
        if (chosen.scenario().gpuCount() > 1) {
            steps.add(Topic.COMMUNICATION);
        }
        return List.copyOf(steps);
    }

    /** Where a card's test runs: "Llama-3.1-70B in INT8 on NVIDIA H100 SXM5 80GB: " ("" when its GPU is not loaded). */
    public static String setting(Misconception m, Function<ScenarioInputs, Evaluation> evaluate) {
        Evaluation on = evaluate.apply(m.before());
        return on == null ? "" : m.before().presetName() + " in " + m.before().precision().label() + " on "
                + (m.before().gpuCount() > 1 ? m.before().gpuCount() + " × " : "") + on.scenario().gpu().name()
                + (m.before().realism() == RealismMode.REALISTIC ? " (measured efficiencies)" : "")
                + ": ";
    }

    private static String tolerance(Exercise x) {
        return Units.percent(x.relativeTolerance()).replace(".00 ", " ").replace(".0 ", " ");
    }

    /** An SVG document as an element inside HTML: the XML declaration dropped. */
    static String inline(String svg) {
        return svg.replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
    }

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").append(esc(title))
                .append("</title>\n").append(GENERATOR).append("\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static void foot(StringBuilder b, String date) {
        b.append("<footer><p>Made with Roofline Lab on ").append(esc(date)).append(". Every number is computed by its "
                + "roofline model (docs/model.md) from the scenario shown.</p></footer>\n</body>\n</html>\n");
    }

    /** Lines of HTML text, one under the other (escaping first would drop the line breaks with the control characters). */
    static String lines(String text) {
        return String.join("<br/>", text.lines().map(Handout::esc).toList());
    }

    /** HTML text: markup characters escaped, control characters dropped. */
    static String esc(String s) {
        return SvgPen.escape(s == null ? "" : s).replace("'", "&#39;");
    }

    /** Plain, print-friendly: black on white, each step kept on one page where it fits. */
    private static final String STYLE = String.join("\n",
            "body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #111; background: #fff;",
            "  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; font-size: 12pt; }",
            "h1 { font-size: 1.8rem; margin-bottom: .3rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #1f4fbf; }",
            "h3 { margin-bottom: .3rem; color: #1f4fbf; } code { font-size: .85em; word-break: break-all; }",
            ".scenario { font-weight: bold; } figure { margin: .6rem 0 1.4rem; } figure svg { width: 100%; height: auto; }",
            "figcaption { font-size: .85em; color: #444; } .step, .card, li { break-inside: avoid; page-break-inside: avoid; }",
            ".card { border-left: 4px solid #c0392b; padding: .2rem .9rem; margin: 1rem 0; }",
            ".write { min-height: 3.2rem; border-bottom: 1px dotted #888; color: #444; }",
            ".answer .blank { display: inline-block; min-width: 9rem; border-bottom: 1px solid #111; }",
            "ol.exercises li { margin-bottom: 1rem; } table { border-collapse: collapse; width: 100%; font-size: .9em; }",
            "th, td { border: 1px solid #bbb; padding: .35rem .5rem; text-align: left; vertical-align: top; }",
            "td.num { white-space: nowrap; font-weight: bold; } td.hint { font-size: .9em; }",
            "footer { margin-top: 3rem; font-size: .8em; color: #555; }",
            "@media print { body { margin: 0; max-width: none; } h2 { break-before: page; } #steps h2 { break-before: auto; } }",
            "");
}
