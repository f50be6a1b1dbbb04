package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The command line's export, end to end: the format from the extension, the size, the scale and the theme.
 * The commands run in this JVM, on the toolkit the UI tests share (an export leaves a toolkit it did not start
 * running); one export runs in a JVM of its own, as a user starts it, and must end there.
 */
class ExportCliTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // started as the UI tests start it, so no export starts or stops it
    }

    /** Runs the command line here; it must succeed. Returns what it printed (out and err). */
    static String run(Path dir, String... args) {
        StringWriter printed = new StringWriter();
        PrintWriter both = new PrintWriter(printed, true);
        int code = RooflineCommand.run(args, both, both);
        assertThat(code).as(printed.toString()).isZero();
        return printed.toString();
    }

    /** Runs the command line in a JVM of its own in a folder; it must succeed and end. */
    static String runInItsOwnJvm(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "lab.roofline.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void pngAtASizeAndScaleAndSvgWithTextAndADarkTheme(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("dash.PNG");
        assertThat(run(dir, "export", "--chart", "dashboard", "--out", png.toString(), "--size", "1600x1200",
                "--scale", "2", "--model", "Mistral-7B")).contains("Wrote");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(3200);
        assertThat(image.getHeight()).isEqualTo(2400);

        Path svg = dir.resolve("roofline.svg");
        run(dir, "export", "--chart", "roofline", "--out", svg.toString(), "--theme", "dark", "--scale", "1");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("1920");
        assertThat(doc.getElementsByTagName("text").getLength()).isGreaterThan(20);
        String text = Files.readString(svg);
        assertThat(text).contains("Llama-3.1-70B");
        Matcher page = Pattern.compile("<rect [^>]*fill=\"(#[0-9a-f]{6})\"").matcher(text);
        assertThat(page.find()).isTrue();
        assertThat(page.group(1)).as("the dark theme's page").isEqualTo("#1d2129");
    }

    @Test
    void aFilesPinsAreDrawnAndNamedInTheCaption(@TempDir Path dir) throws Exception {
        Path file = CompareCliTest.withPins(dir, CompareCliTest.save(dir, "live", "--batch", "8"),
                CompareCliTest.save(dir, "h200", "--gpu", "h200_sxm", "--batch", "64"));
        Path svg = dir.resolve("pins.svg");
        run(dir, "export", "--scenario", file.toString(), "--chart", "roofline", "--out", svg.toString(), "--scale", "1");
        String text = Files.readString(svg);
        assertThat(text).contains(">Live<", ">h200<", "Compared with");
        Path plain = dir.resolve("plain.svg");
        run(dir, "export", "--batch", "8", "--chart", "roofline", "--out", plain.toString(), "--scale", "1");
        assertThat(Files.readString(plain)).doesNotContain("Compared with", ">Live<");
    }

    @Test
    void theHardwareLandscapeExportsWithEveryDeviceNamed(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("landscape.svg");
        run(dir, "export", "--chart", "landscape", "--precision", "bf16", "--out", svg.toString(), "--scale", "1");
        String text = Files.readString(svg);
        assertThat(text).contains("Peak BF16/FP16 vs bandwidth", "Ridge point by year", ">H100 SXM5<", "ridge 300 FLOP/byte");
        Path png = dir.resolve("landscape.png");
        runInItsOwnJvm(dir, "export", "--chart", "landscape", "--out", png.toString(), "--size", "1600x900", "--scale", "1");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1600);
    }

    @Test
    void theFrontierExportsWithItsLimitsAndAFilesPinsCurves(@TempDir Path dir) throws Exception {
        Path file = CompareCliTest.withPins(dir, CompareCliTest.save(dir, "live", "--batch", "8"),
                CompareCliTest.save(dir, "h200", "--gpu", "h200_sxm", "--batch", "16"));
        Path svg = dir.resolve("frontier.svg");
        run(dir, "export", "--scenario", file.toString(), "--chart", "frontier", "--out", svg.toString(), "--scale", "1",
                "--ttft-ms", "400", "--tpot-ms", "30", "--cached-input", "0.5");
        String text = Files.readString(svg);
        assertThat(text).contains("Latency–cost frontier", "first token within 400 ms", "a token each 30.0 ms",
                "50.0 % of input cached", "slower than 30.0 ms a token", "cheapest within the limits", "live batch 8", " h200<");
        Path png = dir.resolve("frontier.png");
        run(dir, "export", "--chart", "frontier", "--out", png.toString(), "--size", "1600x900", "--scale", "1",
                "--tpot-ms", "none", "--disaggregated");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1600);
    }

    /** Issue 26: a pin's "the file's own copy differs" note is said once under export, not once per use. */
    @Test
    void aPinsProfileNoteIsSaidOnce(@TempDir Path dir) throws Exception {
        Path file = StaleFlagsCliTest.pinOnItsOwnProfile(dir, false);
        Path svg = dir.resolve("pins.svg");
        String printed = run(dir, "export", "--scenario", file.toString(), "--profiles", dir.resolve("profiles").toString(),
                "--chart", "roofline", "--out", svg.toString(), "--scale", "1");
        assertThat(printed.lines().filter(l -> l.contains("note:"))).as(printed).hasSize(1);
        assertThat(printed).contains("field 'pins[0].hardware'", "lab-gpu", "differs");
    }
}
