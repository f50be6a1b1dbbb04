package lab.roofline.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a file the user named: never half a file, never a surprise replacement. */
class AtomicFilesTest {
    @Test
    void aLoopOfLinksIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.svg");
        Path b = dir.resolve("b.svg");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        assertThatThrownBy(() -> AtomicFiles.writeString(a, ".t-", "<svg/>"))
                .hasMessageContaining("loop of symbolic links");
        assertThat(Files.isSymbolicLink(a)).isTrue();
        assertThat(Files.isSymbolicLink(b)).isTrue();
    }

    @Test
    void aPipeIsNotReplacedByAFile(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("f.png");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThatThrownBy(() -> AtomicFiles.writeString(fifo, ".t-", "x")).hasMessageContaining("not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aFileWithTwoNamesIsRewrittenInPlaceWithNothingLeftBehind(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.svg");
        Files.writeString(one, "old, longer than the new content");
        Path two = Files.createLink(dir.resolve("two.svg"), one);
        AtomicFiles.writeString(two, ".t-", "new");
        assertThat(Files.readString(one)).isEqualTo("new");
        assertThat(Files.isSameFile(one, two)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void aFailedEncodingLeavesTheOldFileWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keep.png");
        Files.writeString(file, "the old picture");
        assertThatThrownBy(() -> AtomicFiles.write(file, ".t-", stream -> {
            stream.write(new byte[100]);
            throw new IOException("No space left on device");
        })).hasMessageContaining("the disk is full");
        assertThat(Files.readString(file)).isEqualTo("the old picture");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
