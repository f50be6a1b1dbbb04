package lab.roofline.io.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a small text file the user supplied (a profile, a scenario): bounded, and strictly UTF-8. */
public final class TextFiles {
    private TextFiles() {
    }

    /** Larger than allowed: its size in bytes, or -1 when it grew past the bound while it was read. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        public final long bytes;

        TooLarge(long bytes) {
            super("too large");
            this.bytes = bytes;
        }
    }

    /**
     * The text of a regular file (the caller checks it is one) of at most {@code maxBytes}. Never reads more
     * than the bound, even from a file that grows meanwhile; malformed UTF-8 is a
     * {@link CharacterCodingException}, not replaced characters.
     */
    public static String readUtf8(Path p, long maxBytes) throws IOException {
        long size = Files.size(p);
        if (size > maxBytes) {
            throw new TooLarge(size);
        }
        byte[] bytes;
        try (var in = Files.newInputStream(p)) {
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new TooLarge(-1);
        }
        return Utf8Text.decode(bytes);
    }
}
