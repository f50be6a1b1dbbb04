package lab.roofline.io.files;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An I/O failure in words: "permission denied", not the bare path Java puts in the message. */
public final class IoReasons {
    private IoReasons() {
    }

    public static String of(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            return PrintableText.clean(fs.getReason());
        }
        String m = cause.getMessage();
        return m == null ? cause.getClass().getSimpleName() : PrintableText.clean(m);
    }
}
