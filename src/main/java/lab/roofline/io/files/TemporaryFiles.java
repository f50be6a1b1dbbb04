package lab.roofline.io.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The temporary files of atomic writes (settings, exported PNGs), and the ones a killed process left. */
public final class TemporaryFiles {
    private TemporaryFiles() {
    }

    /**
     * Deletes files matching {@code glob} in {@code folder} that are older than a minute: left by a write
     * that was killed, never one another instance is making now. Best effort; nothing is reported.
     */
    public static void deleteStale(Path folder, String glob) {
        long minuteAgo = System.currentTimeMillis() - 60_000;
        try (var files = Files.newDirectoryStream(folder, glob)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toMillis() < minuteAgo) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean, or not allowed to: the write itself reports real problems
        }
    }
}
