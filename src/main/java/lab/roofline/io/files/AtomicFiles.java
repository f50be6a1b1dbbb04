package lab.roofline.io.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a file the user named (an export, a saved scenario) so that a failure never leaves half a file:
 * through a temporary file beside it, then a rename. Writes through symbolic links, keeps a replaced
 * file's permissions and group, and updates every name of a hard-linked file. Call it off the FX thread.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file's bytes. */
    public interface Encoder {
        void encode(OutputStream stream) throws IOException;
    }

    /** Writes text as UTF-8; see {@link #write}. */
    public static void writeString(Path out, String temporaryPrefix, String text) throws IOException {
        write(out, temporaryPrefix, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The file a path names, following symbolic links (a dangling one too): a write goes through a link. */
    static Path throughLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == 40) {
                throw new IOException(path + " is a loop of symbolic links.");
            }
            Path link = Files.readSymbolicLink(p);
            p = (link.isAbsolute() ? link : p.resolveSibling(link)).normalize();
        }
        return p;
    }

    /** Whether a file has more than one name (hard links), where each name must see the new content. */
    private static boolean hardLinked(Path file) {
        try {
            return Files.isRegularFile(file) && ((Number) Files.getAttribute(file, "unix:nlink")).intValue() > 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false; // no such attribute here: a plain replace
        }
    }

    /** A file being replaced keeps its permissions (0644 stays 0644, a private file stays private). */
    public static void keepPermissions(Path replaced, Path replacement) {
        try {
            if (Files.isRegularFile(replaced)) {
                Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(replaced));
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: the replacement's own permissions stay
        }
    }

    /** A file being replaced keeps its permissions and group. */
    private static void keepAttributes(Path replaced, Path replacement) {
        if (!Files.exists(replaced)) {
            return;
        }
        keepPermissions(replaced, replacement);
        try {
            Files.setAttribute(replacement, "posix:group", Files.getAttribute(replaced, "posix:group"));
        } catch (IOException | UnsupportedOperationException | SecurityException ignored) {
            // only the owner (or root) may set the group; the default group stays
        }
    }

    /**
     * Writes a file through a temporary file ({@code temporaryPrefix}UUID.tmp, beside it) so a failed write
     * never leaves half a file. The message of the exception says what went wrong in plain words.
     */
    public static void write(Path out, String temporaryPrefix, Encoder encoder) throws IOException {
        Path target = throughLinks(out.toAbsolutePath());
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("The folder " + folder + " does not exist.");
        }
        if (!Files.isWritable(folder)) {
            throw new IOException("The folder " + folder + " cannot be written to (no permission).");
        }
        if (Files.isRegularFile(target) && !Files.isWritable(target)) {
            // A rename would replace it anyway: the folder's permission is not the file's.
            throw new AccessDeniedException(target + " is read-only");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // A pipe or a device would be replaced by a plain file, never written to: refuse it.
            throw new IOException(target + " is " + (Files.isDirectory(target) ? "a folder" : "not a regular file")
                    + "; name a file.");
        }
        TemporaryFiles.deleteStale(folder, temporaryPrefix + "*.tmp"); // a killed write's leftovers
        Path temporary = null;
        try {
            // Not createTempFile: its owner-only permissions would stick to the written file.
            temporary = folder.resolve(temporaryPrefix + UUID.randomUUID() + ".tmp");
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                temporary.toFile().deleteOnExit(); // a killed write (SIGTERM) leaves nothing behind
                encoder.encode(stream);
            }
            if (hardLinked(target)) {
                // Renaming over one of several names would split them: the other names would keep the old
                // file. Write the finished bytes into the target itself instead. The temporary file is
                // removed first, so the space it proved free is free again when the target is rewritten:
                // a nearly full disk does not leave half a file (an encoding failure never touched it).
                byte[] finished = Files.readAllBytes(temporary);
                Files.delete(temporary);
                temporary = null;
                Files.write(target, finished, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                keepAttributes(target, temporary);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (AccessDeniedException e) {
            throw new IOException(target + " cannot be written (no permission).", e);
        } catch (NoSuchFileException e) {
            throw new IOException("The folder " + folder + " does not exist.", e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.toLowerCase(Locale.ROOT).contains("no space")) {
                reason = "the disk is full";
            }
            throw new IOException("Could not write " + target + ": " + reason + ".", e);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
