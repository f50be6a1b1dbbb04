package lab.roofline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.CurveCsv;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.PrintableText;
import lab.roofline.io.scenario.ScenarioFile;
import picocli.CommandLine;

/**
 * The files `report` writes (--save-scenario, --curve-csv), checked before anything is computed or written:
 * each refusal names the flag and the real reason. No output replaces a file the command reads (but a
 * scenario saved over the --scenario it was read from, which is the point of that round trip), the other
 * output, or an existing file of another kind.
 */
final class OutputTargets {
    private OutputTargets() {
    }

    /** What an output is: an existing file it may replace must be one of its own kind. */
    enum Kind {
        SCENARIO("a Roofline Lab scenario", "plan" + ScenarioFile.EXTENSION),
        CURVE_CSV("a batch-curve CSV", "curve.csv");

        final String described;
        final String example;

        Kind(String described, String example) {
            this.described = described;
            this.example = example;
        }
    }

    /**
     * Refuses an output that cannot or must not be written. {@code readFrom} maps each file the command reads
     * to its flag; {@code mayReplace} is the one read file this output may replace (or null).
     */
    static void check(CommandLine cl, String flag, Path out, Kind kind, Map<String, Path> readFrom, Path mayReplace) {
        String shown = PrintableText.clean(Units.shortened(out.toString()));
        if (out.toString().isBlank()) {
            throw refused(cl, flag, "empty file name");
        }
        if (Files.isDirectory(out)) {
            throw refused(cl, flag, shown + " is a folder; give a file name such as " + kind.example);
        }
        for (Map.Entry<String, Path> read : readFrom.entrySet()) {
            if (read.getValue() != null && same(out, read.getValue()) && !same(out, mayReplace)) {
                throw refused(cl, flag, shown + " is the file " + read.getKey() + " names"
                        + (read.getKey().startsWith("--save") || read.getKey().startsWith("--curve")
                        ? " as its output" : ", which this command reads") + "; write to another file");
            }
        }
        checkFolder(cl, flag, out);
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            throw refused(cl, flag, shown + " is not a regular file (a device or a pipe); name a file");
        }
        if (Files.exists(out) && !Files.isWritable(out)) {
            throw refused(cl, flag, shown + " is read-only; it was left as it is");
        }
        if (Files.isRegularFile(out) && !same(out, mayReplace) && !ofKind(out, kind)) {
            throw refused(cl, flag, shown + " exists and is not " + kind.described
                    + "; it was left as it is (name a new file, or remove it first)");
        }
    }

    /** Refuses an output whose folder does not exist or takes no new file, naming the flag. */
    static void checkFolder(CommandLine cl, String flag, Path out) {
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw refused(cl, flag, "the folder " + folder + " does not exist");
        }
        // Tried, not guessed from permissions: root may write anywhere but /proc, and a network folder may lie.
        try {
            Files.delete(Files.createTempFile(folder, ".roofline-check-", ".tmp"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // A virtual folder (/proc) answers "no such file" for a file it will not create.
            throw refused(cl, flag, "the folder " + folder + " cannot be written to ("
                    + (e instanceof NoSuchFileException ? "it takes no new files" : IoReasons.of(e)) + ")");
        }
    }

    /** Whether an existing file is empty or of the kind an output writes, so replacing it loses nothing else. */
    static boolean ofKind(Path file, Kind kind) {
        try {
            if (Files.size(file) == 0) {
                return true;
            }
            if (kind == Kind.SCENARIO) {
                return ScenarioFile.isScenarioDocument(file);
            }
            String start = firstLine(file);
            return start.equals(CurveCsv.HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(CurveCsv.HEADER.length() + 8);
        }
        String text = new String(head, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replaceFirst("\r$", "");
    }

    /** Whether two paths name the same file (through links), or the same path when either does not exist. */
    static boolean same(Path a, Path b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException | SecurityException e) {
            // compared by name below
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static CommandLine.ParameterException refused(CommandLine cl, String flag, String reason) {
        return new CommandLine.ParameterException(cl, flag + ": " + reason);
    }
}
