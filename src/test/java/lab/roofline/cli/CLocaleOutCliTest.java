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

/** Issue 26, item 12: under LANG=C a non-ASCII --out is one clear line naming the flag, not a Java exception's text. */
class CLocaleOutCliTest {
    /** Runs the command line in a JVM of its own under the C locale. */
    static CliTest.Run runUnderC(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Droofline.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"), "lab.roofline.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliTest.Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aNonAsciiNameUnderTheCLocaleIsOneClearLineNamingTheFlag(@TempDir Path dir) throws Exception {
        for (String[] args : new String[][] {{"export", "--chart", "roofline", "--out", "r\u00e9sum\u00e9.svg"},
                {"lesson", "--html", "cours-\u00e9t\u00e9"}}) {
            CliTest.Run r = runUnderC(dir, args);
            String flag = args[args.length - 2];
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains(flag + ": ").contains("cannot name a file under this locale")
                    .contains("LANG=C.UTF-8").doesNotContain("Exception").doesNotContain("java.");
            assertThat(r.out()).isEmpty();
        }
    }
}
