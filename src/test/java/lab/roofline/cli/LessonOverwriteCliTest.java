package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.roofline.io.files.HomeOverride;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Issue 26, item 8: `lesson --html DIR` never replaces a teacher's own handout.html without being told to,
 * and never leaves a handout and an answer key from different scenarios.
 */
class LessonOverwriteCliTest {
    private static final String MINE = "<html><body>My own handout, a week's work.</body></html>\n";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static CliTest.Run lesson(Path dir, String... args) {
        return HomeOverride.with(dir.resolve("home"), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] all = new String[args.length + 1];
            all[0] = "lesson";
            System.arraycopy(args, 0, all, 1, args.length);
            int code = RooflineCommand.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
            return new CliTest.Run(code, out.toString(), err.toString());
        });
    }

    @Test
    void aTeachersOwnHandoutIsRefusedUnlessForced(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("class"));
        Files.writeString(out.resolve("handout.html"), MINE);
        CliTest.Run refused = lesson(dir, "--html", out.toString(), "--batch", "16");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("roofline-lab: --html: " + out.resolve("handout.html")
                + " was not written by Roofline Lab; nothing was written (add --force to replace it) (see: roofline-lab lesson --help)");
        assertThat(Files.readString(out.resolve("handout.html"))).isEqualTo(MINE);
        assertThat(out.resolve("answer-key.html")).doesNotExist();

        CliTest.Run forced = lesson(dir, "--html", out.toString(), "--batch", "16", "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("handout.html"))).contains("--batch 16 ");
        // Its own files are replaced without --force: running it again is how a handout is updated.
        CliTest.Run again = lesson(dir, "--html", out.toString(), "--batch", "32");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(out.resolve("handout.html"))).contains("--batch 32 ").doesNotContain("--batch 16 ");
    }

    @Test
    void whenTheAnswerKeyCannotBeWrittenTheHandoutIsNotReplacedEither(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("class"));
        assertThat(lesson(dir, "--html", out.toString(), "--batch", "16").code()).isZero();
        String before = Files.readString(out.resolve("handout.html"));
        Files.delete(out.resolve("answer-key.html"));
        Files.createDirectory(out.resolve("answer-key.html")); // in the way: the key cannot be written
        CliTest.Run failed = lesson(dir, "--html", out.toString(), "--batch", "64");
        assertThat(failed.code()).isNotZero();
        assertThat(failed.err()).contains("answer-key.html").doesNotContain("Exception");
        assertThat(Files.readString(out.resolve("handout.html"))).isEqualTo(before);
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("handout.html",
                    "answer-key.html");
        }
    }
}
