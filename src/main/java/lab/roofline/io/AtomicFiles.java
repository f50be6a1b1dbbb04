package lab.roofline.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The old address of {@link lab.roofline.io.files.AtomicFiles}, kept only for render/export (ExportFiles,
 * Handout), which another room owns and is changing: when its imports name io.files, delete this class.
 * The new class is written out in full here because it shares this one's simple name.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** See {@link lab.roofline.io.files.AtomicFiles#writeString}. */
    public static void writeString(Path out, String temporaryPrefix, String text) throws IOException {
        lab.roofline.io.files.AtomicFiles.writeString(out, temporaryPrefix, text);
    }

    /** See {@link lab.roofline.io.files.AtomicFiles#write}. */
    public static void write(Path out, String temporaryPrefix, lab.roofline.io.files.AtomicFiles.Encoder encoder)
            throws IOException {
        lab.roofline.io.files.AtomicFiles.write(out, temporaryPrefix, encoder);
    }
}
