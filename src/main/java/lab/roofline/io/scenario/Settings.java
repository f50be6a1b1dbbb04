package lab.roofline.io.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.TemporaryFiles;
import lab.roofline.io.files.TextFiles;

/**
 * Remembered between runs: window geometry, theme, the export folder and the last scenario.
 * A plain UTF-8 properties file written atomically (two instances: the last write wins, never a torn
 * file). A damaged one is moved aside to settings.properties.bad, so it is never overwritten unseen, and
 * defaults are used; {@link #problem()} says so once.
 */
public final class Settings {
    private final Map<String, String> values = new TreeMap<>();
    private final Path file;
    private String problem;

    private Settings(Path file) {
        this.file = file;
    }

    public static Path defaultFile() {
        return AppHome.directory().resolve("settings.properties");
    }

    /** Settings are a few kB; a larger file is not ours. */
    static final long MAX_BYTES = 1 << 20;

    /** Reads the file; missing gives empty settings, damaged is moved aside. Call off the FX thread. */
    public static Settings load(Path file) {
        Settings s = new Settings(file);
        if (file.getParent() != null) {
            TemporaryFiles.deleteStale(file.getParent(), TEMPORARY_PREFIX + "*.tmp");
        }
        if (!Files.exists(file)) {
            return s;
        }
        Properties p = new Properties();
        try {
            // Checked before it is opened: opening a pipe waits for a writer that never comes.
            if (!Files.isRegularFile(file)) {
                throw new IOException("not a regular file");
            }
            p.load(new StringReader(TextFiles.readUtf8(file, MAX_BYTES)));
            p.stringPropertyNames().forEach(k -> s.values.put(k, p.getProperty(k)));
        } catch (IOException | IllegalArgumentException e) {
            s.values.clear();
            Path aside = file.resolveSibling(file.getFileName() + ".bad");
            String reason = e instanceof CharacterCodingException ? "it is not UTF-8 text"
                    : IoReasons.of(e);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                s.problem = "Settings " + file + " could not be read (" + reason + "): moved to " + aside
                        + "; defaults are used.";
            } catch (IOException moveFailed) {
                s.problem = "Settings " + file + " could not be read (" + reason + "); defaults are used.";
            }
        }
        return s;
    }

    /** What went wrong reading the file, in one line; null when nothing did. */
    public String problem() {
        return problem;
    }

    /** Writes atomically. Call off the FX thread. */
    public synchronized void save() throws IOException {
        // Through a link, not over it: a settings file kept elsewhere (dotfiles) stays where it is.
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Files.createDirectories(target.getParent());
        Properties p = new Properties();
        p.putAll(values);
        Path tmp = Files.createTempFile(target.getParent(), TEMPORARY_PREFIX, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Roofline Lab settings");
            }
            try {
                // One rename: a plain REPLACE_EXISTING move deletes the old file first, so a second instance
                // saving at the same moment failed (its delete found nothing) and a reader could find no file.
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static final String TEMPORARY_PREFIX = "settings";


    public synchronized String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public synchronized OptionalDouble number(String key) {
        String v = values.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public synchronized void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value.toString());
        }
    }

    /** A copy for a background save, so the FX thread can keep changing this one. */
    public synchronized Settings snapshot() {
        Settings copy = new Settings(file);
        copy.values.putAll(values);
        return copy;
    }
}
