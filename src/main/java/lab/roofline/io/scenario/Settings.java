package lab.roofline.io.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.AtomicFiles;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.TemporaryFiles;
import lab.roofline.io.files.TextFiles;

/**
 * Remembered between runs: window geometry, theme, the export folder and the last scenario.
 * A plain UTF-8 properties file written atomically, keeping its mode. Two instances merge key by key: a save
 * re-reads the file under a lock and writes only the keys this instance changed since it read them, so
 * another instance's changes (a dark theme) survive. A damaged file is moved aside to
 * settings.properties.bad (then .bad.1, .bad.2 ...), never over an earlier one, and defaults are used;
 * {@link #problem()} says so once.
 */
public final class Settings {
    private final Map<String, String> values = new TreeMap<>();
    /** The values as this instance last read or saved them, key by key (shared with its snapshots). */
    private final Map<String, String> known;
    private final Path file;
    private String problem;

    private Settings(Path file, Map<String, String> known) {
        this.file = file;
        this.known = known;
    }

    public static Path defaultFile() {
        return AppHome.directory().resolve("settings.properties");
    }

    /** Settings are a few kB; a larger file is not ours. */
    static final long MAX_BYTES = 1 << 20;
    /** How long a save waits for another instance's save to end before it gives up. */
    static final long LOCK_WAIT_MILLISECONDS = 3_000;

    /** Reads the file; missing gives empty settings, damaged is moved aside. Call off the FX thread. */
    public static Settings load(Path file) {
        Settings s = new Settings(file, new TreeMap<>());
        if (file.getParent() != null) {
            TemporaryFiles.deleteStale(file.getParent(), TEMPORARY_PREFIX + "*.tmp");
        }
        try {
            s.values.putAll(read(file));
        } catch (IOException | IllegalArgumentException e) {
            s.problem = "Settings " + file + " could not be read (" + reason(e) + ")" + moveAside(file)
                    + "; defaults are used.";
        }
        s.known.putAll(s.values);
        return s;
    }

    /** The file's values; none when it is missing. */
    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> read = new TreeMap<>();
        if (!Files.exists(file)) {
            return read;
        }
        // Checked before it is opened: opening a pipe waits for a writer that never comes.
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        Properties p = new Properties();
        p.load(new StringReader(TextFiles.readUtf8(file, MAX_BYTES)));
        p.stringPropertyNames().forEach(k -> read.put(k, p.getProperty(k)));
        return read;
    }

    private static String reason(Exception e) {
        return e instanceof CharacterCodingException ? "it is not UTF-8 text" : IoReasons.of(e);
    }

    /**
     * Moves a damaged file to the first free name of .bad, .bad.1, .bad.2 …: an earlier backup (the user's
     * original) is never replaced. Says where, or nothing when it could not be moved.
     */
    private static String moveAside(Path file) {
        for (int i = 0; i < 1000; i++) {
            Path aside = file.resolveSibling(file.getFileName() + ".bad" + (i == 0 ? "" : "." + i));
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.move(file, aside); // no REPLACE_EXISTING: a backup made meanwhile stays
                return ": moved to " + aside;
            } catch (FileAlreadyExistsException taken) {
                // another instance made this backup just now: the next name
            } catch (IOException moveFailed) {
                return "";
            }
        }
        return "";
    }

    /** What went wrong reading the file, in one line; null when nothing did. */
    public String problem() {
        return problem;
    }

    /**
     * Writes the keys this instance changed since it read them into the file as it is now (re-read under a
     * lock, so two instances merge key by key), atomically and keeping the file's mode. Call off the FX thread.
     */
    public synchronized void save() throws IOException {
        // Through a link, not over it: a settings file kept elsewhere (dotfiles) stays where it is.
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Files.createDirectories(target.getParent());
        synchronized (Settings.class) { // a file lock is the process's: threads of one process wait here
            try (FileChannel lock = FileChannel.open(target.resolveSibling(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = acquire(lock, target)) {
                write(target, merged(target));
            }
        }
    }

    /** The file's lock, waiting a little for another instance's save to end. */
    private static FileLock acquire(FileChannel lock, Path target) throws IOException {
        long until = System.nanoTime() + LOCK_WAIT_MILLISECONDS * 1_000_000;
        while (true) {
            FileLock held;
            try {
                held = lock.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                held = null; // this process holds it elsewhere: wait as for another instance
            }
            if (held != null) {
                return held;
            }
            if (System.nanoTime() > until) {
                throw new IOException("another Roofline Lab is saving " + target + "; these settings are not saved");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting to save " + target, e);
            }
        }
    }

    /** The file as it is now with this instance's changes over it. */
    private Map<String, String> merged(Path target) {
        Map<String, String> merged;
        try {
            merged = read(target);
        } catch (IOException | IllegalArgumentException e) {
            moveAside(target); // damaged since it was read: kept, and this instance's values written whole
            merged = new TreeMap<>(values);
        }
        synchronized (known) {
            Set<String> keys = new TreeSet<>(values.keySet());
            keys.addAll(known.keySet());
            for (String key : keys) {
                String mine = values.get(key);
                if (!Objects.equals(mine, known.get(key))) {
                    if (mine == null) {
                        merged.remove(key);
                    } else {
                        merged.put(key, mine);
                    }
                }
            }
            // Saved: this instance's values are its baseline again. A key it never changed keeps its old
            // value here, so another instance's change of that key stays in the file.
            known.clear();
            known.putAll(values);
        }
        return merged;
    }

    /** Writes the values through a temporary file and one rename; the file's mode is kept. */
    private static void write(Path target, Map<String, String> merged) throws IOException {
        Properties p = new Properties();
        p.putAll(merged);
        Path tmp = Files.createTempFile(target.getParent(), TEMPORARY_PREFIX, ".tmp"); // owner-only if new
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Roofline Lab settings");
            }
            AtomicFiles.keepPermissions(target, tmp);
            try {
                // One rename: a plain REPLACE_EXISTING move deletes the old file first, so a reader could find no file.
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

    /**
     * A copy for a background save, so the FX thread can keep changing this one. It shares what this one
     * knows of the file: a key its save wrote is no longer a change of this one's.
     */
    public synchronized Settings snapshot() {
        Settings copy = new Settings(file, known);
        copy.values.putAll(values);
        return copy;
    }
}
