package lab.roofline.ui.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.image.WritableImage;

/** Writes exported pictures: off the FX thread, through a temporary file, with plain-word errors. */
public final class ExportFiles {
    private ExportFiles() {
    }

    private static final String TEMPORARY_GLOB = ".roofline-export-*.{tmp,png}"; // .png: older versions' leftovers

    /** Something that writes a file's bytes. */
    private interface Encoder {
        void encode(java.io.OutputStream stream) throws IOException;
    }

    /** The file a path names, following symbolic links (a dangling one too): export writes through a link. */
    static Path throughLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; i < 40 && Files.isSymbolicLink(p); i++) {
            Path link = Files.readSymbolicLink(p);
            p = (link.isAbsolute() ? link : p.resolveSibling(link)).normalize();
        }
        return p;
    }

    /** Whether a file has more than one name (hard links), where each name must see the new picture. */
    private static boolean hardLinked(Path file) {
        try {
            return Files.isRegularFile(file) && ((Number) Files.getAttribute(file, "unix:nlink")).intValue() > 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false; // no such attribute here: a plain replace
        }
    }

    /** A file being replaced keeps its permissions and group (a private file stays private). */
    private static void keepAttributes(Path replaced, Path replacement) {
        if (!Files.exists(replaced)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(replaced));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's defaults apply
        }
        try {
            Files.setAttribute(replacement, "posix:group", Files.getAttribute(replaced, "posix:group"));
        } catch (IOException | UnsupportedOperationException | SecurityException ignored) {
            // only the owner (or root) may set the group; the default group stays
        }
    }

    /** Encodes and writes a PNG; see {@link #write(Path, Encoder)}. */
    public static void writePng(WritableImage image, Path out) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                argb, 0, width);
        write(out, stream -> PngEncoder.write(argb, width, height, stream));
    }

    /** Writes an SVG document as UTF-8; see {@link #write(Path, Encoder)}. */
    public static void writeSvg(String svg, Path out) throws IOException {
        write(out, stream -> stream.write(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }


    /**
     * Writes a file through a temporary file so a failed write never leaves half a file.
     * Call it off the FX thread. The message of the exception says what went wrong in plain words.
     */
    private static void write(Path out, Encoder encoder) throws IOException {
        Path target = throughLinks(out.toAbsolutePath());
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("The folder " + folder + " does not exist.");
        }
        if (!Files.isWritable(folder)) {
            throw new IOException("The folder " + folder + " cannot be written to (no permission).");
        }
        lab.roofline.io.TemporaryFiles.deleteStale(folder, TEMPORARY_GLOB); // a killed export's leftovers
        Path temporary = null;
        try {
            // Not createTempFile: its owner-only permissions would stick to the exported PNG.
            temporary = folder.resolve(".roofline-export-" + java.util.UUID.randomUUID() + ".tmp");
            try (java.io.OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(temporary,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                temporary.toFile().deleteOnExit(); // a killed export (SIGTERM) leaves nothing behind
                encoder.encode(stream);
            }
            if (hardLinked(target)) {
                // Renaming over one of several names would split them: the other names would keep the old
                // picture. Copy the finished picture into the file itself instead (still never half a
                // picture from a failed encoding, which happened before the target was touched).
                try (java.io.OutputStream in = Files.newOutputStream(target,
                        java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                    Files.copy(temporary, in);
                }
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
            if (reason.toLowerCase(java.util.Locale.ROOT).contains("no space")) {
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
