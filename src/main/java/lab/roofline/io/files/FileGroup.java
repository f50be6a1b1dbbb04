package lab.roofline.io.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Files that belong together (a handout and its answer key), written all or none: every one to a temporary
 * file beside it first, then each renamed over its target; if one cannot be, those already replaced get
 * their old content back, so the folder never holds a mix of two runs. A file that is there and that
 * {@code replaceable} does not accept (a teacher's own handout.html) is never replaced.
 */
public final class FileGroup {
    private FileGroup() {
    }

    /** A file in the way that was not written by the program: nothing was written. */
    public static final class NotOurs extends IOException {
        private static final long serialVersionUID = 1L;
        public final transient Path file;

        NotOurs(Path file) {
            super(file + " was not written by Roofline Lab; nothing was written");
            this.file = file;
        }
    }

    /** Writes each text (UTF-8) to its file, all or none; see the class. */
    public static void write(Map<Path, String> texts, String temporaryPrefix, Predicate<Path> replaceable)
            throws IOException {
        Map<Path, String> targets = new LinkedHashMap<>();
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            targets.put(check(e.getKey(), replaceable), e.getValue());
        }
        Map<Path, Path> written = new LinkedHashMap<>(); // target -> its finished temporary file
        Map<Path, Path> kept = new LinkedHashMap<>(); // target -> its old content, until all are in place
        List<Path> placed = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> e : targets.entrySet()) {
                Path temporary = e.getKey().resolveSibling(temporaryPrefix + UUID.randomUUID() + ".tmp");
                written.put(e.getKey(), temporary);
                Files.write(temporary, e.getValue().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
                AtomicFiles.keepPermissions(e.getKey(), temporary);
            }
            for (Path target : targets.keySet()) {
                if (Files.exists(target)) {
                    Path old = target.resolveSibling(temporaryPrefix + UUID.randomUUID() + ".old");
                    Files.move(target, old);
                    kept.put(target, old);
                }
                Files.move(written.get(target), target);
                placed.add(target);
            }
        } catch (IOException e) {
            restore(placed, kept);
            throw e;
        } finally {
            for (Path temporary : written.values()) {
                Files.deleteIfExists(temporary);
            }
        }
        for (Path old : kept.values()) {
            Files.deleteIfExists(old);
        }
    }

    /** The file a write goes to (through links), when it may be replaced: a regular, writable file it accepts. */
    private static Path check(Path file, Predicate<Path> replaceable) throws IOException {
        Path target = AtomicFiles.throughLinks(file.toAbsolutePath());
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("the folder " + folder + " does not exist; nothing was written");
        }
        if (!Files.exists(target)) {
            return target;
        }
        if (!Files.isRegularFile(target)) {
            throw new IOException(target + " is " + (Files.isDirectory(target) ? "a folder" : "not a regular file")
                    + "; nothing was written");
        }
        if (!Files.isWritable(target)) {
            throw new IOException(target + " is read-only; nothing was written");
        }
        if (!replaceable.test(target)) {
            throw new NotOurs(target);
        }
        return target;
    }

    /** Puts back the old content of the files already replaced (a file that was not there is removed). */
    private static void restore(List<Path> placed, Map<Path, Path> kept) {
        for (Path target : placed) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the old content, moved back below, replaces it
            }
        }
        for (Map.Entry<Path, Path> e : kept.entrySet()) {
            try {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // left beside it under its temporary name: never deleted
            }
        }
    }
}
