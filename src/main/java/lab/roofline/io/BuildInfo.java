package lab.roofline.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What this build is (its version and date, stamped by Maven) and how the user starts it: the installed
 * launcher ({@code roofline-lab}, from a package or an app image) or the jar with a Java of their own.
 *
 * @param version the project's version
 * @param built   when it was built: the release build stamps the hour, a developer's build the fixed date that
 *                keeps its jar byte for byte reproducible
 */
public record BuildInfo(String version, String built) {
    /** The app's own licence. */
    public static final String LICENCE = "Apache License 2.0";
    /**
     * The bundled data (hardware profiles, model shapes, rental and API prices, measurements): public figures,
     * each with its source in its file, compiled under CC BY 4.0.
     */
    public static final String DATA_LICENCE = "CC BY 4.0 (each figure's source is cited in its file)";

    /** This build, from the jar's build.properties ("unknown" when run from classes Maven has not filtered). */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/lab/roofline/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the defaults below: an About dialog never fails
        }
        return new BuildInfo(p.getProperty("version", "unknown"), p.getProperty("built", "unknown"));
    }

    /** The launcher jpackage made, when the app runs from one (it sets this property); else null. */
    public static Path launcher() {
        String app = System.getProperty("jpackage.app-path");
        return app == null || app.isBlank() ? null : Path.of(app);
    }

    /**
     * The command the user has, as they would type it: {@code roofline-lab} when the launcher is the one a
     * package put on the PATH, the launcher's full path from an app image elsewhere, else {@code java -jar} and
     * the jar's path.
     */
    public static String command(Path launcher, Path jar, String pathVariable) {
        if (launcher != null) {
            String name = launcher.getFileName().toString();
            for (String dir : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
                Path onPath = dir.isBlank() ? null : Path.of(dir, name);
                if (onPath != null && Files.exists(onPath) && sameFile(onPath, launcher)) {
                    return name;
                }
            }
            return quoted(launcher.toString());
        }
        return jar == null ? "java -jar roofline-lab.jar" : "java -jar " + quoted(jar.toString());
    }

    /** The command this process was started as (see {@link #command(Path, Path, String)}). */
    public static String command() {
        return command(launcher(), runningJar(), System.getenv("PATH"));
    }

    /** The jar this app runs from, or null when it runs from classes (a developer's build). */
    static Path runningJar() {
        try {
            Path p = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./:=+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
