package lab.roofline.io.files;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app's class-data-sharing archive: the classes a start loads (the window's first frame and a `report`),
 * parsed and verified once and mapped from a file at every start after. Made from the class list the jar
 * carries (dist/class-list.sh writes it from real starts), with no window: `roofline-lab --make-class-archive`
 * writes roofline-lab.jsa beside the jar. The archive records the jar's path: a start from elsewhere, or with
 * another jar, ignores it (the JVM checks), never loads stale classes.
 */
public final class ClassArchive {
    /** The class list in the jar (one class per line, as -XX:DumpLoadedClassList writes it). */
    public static final String LIST_RESOURCE = "/lab/roofline/classes.lst";
    public static final String ARCHIVE_NAME = "roofline-lab.jsa";

    private ClassArchive() {
    }

    /** The jar a class path names when it is that one jar (the app's jar, or its installed launcher's), else null. */
    public static Path singleJar(String classPath) {
        return classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")
                ? null : Path.of(classPath).toAbsolutePath();
    }

    /** The archive for a jar: beside it. */
    public static Path beside(Path jar) {
        return jar.toAbsolutePath().resolveSibling(ARCHIVE_NAME);
    }

    /**
     * Makes the archive for the jar this JVM runs from (its class path must be that one jar): a second JVM
     * dumps the listed classes. Returns 0, or 1 with the reason on {@code err}.
     */
    public static int make(PrintWriter out, PrintWriter err) {
        String classPath = System.getProperty("java.class.path", "");
        Path jar = singleJar(classPath);
        if (jar == null) {
            err.println("roofline-lab: --make-class-archive runs from the app's jar or its installed launcher "
                    + "(class path here: " + (classPath.isEmpty() ? "none" : classPath) + ")");
            return 1;
        }
        Path archive = beside(jar);
        Path list = null;
        Path log = null;
        try (InputStream in = ClassArchive.class.getResourceAsStream(LIST_RESOURCE)) {
            if (in == null) {
                err.println("roofline-lab: this jar carries no class list (" + LIST_RESOURCE + ")");
                return 1;
            }
            list = Files.createTempFile("roofline-lab-classes", ".lst");
            Files.copy(in, list, StandardCopyOption.REPLACE_EXISTING);
            log = Files.createTempFile("roofline-lab-cds", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process dump = new ProcessBuilder(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!dump.waitFor(5, TimeUnit.MINUTES) || dump.exitValue() != 0 || !Files.isRegularFile(archive)) {
                dump.destroyForcibly();
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                err.println("roofline-lab: the class archive could not be made: "
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
                return 1;
            }
            out.println("roofline-lab: class archive written: " + archive + " (" + Files.size(archive) / (1 << 20)
                    + " MB); starts use it with -XX:SharedArchiveFile=" + archive);
            return 0;
        } catch (IOException e) {
            err.println("roofline-lab: the class archive could not be made: " + IoReasons.of(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            deleteQuietly(list);
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
