package lab.roofline.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.FileSystems;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 26, item 7: settings that survive damage, a saved mode and a second instance. */
class SettingsSurviveTest {
    private static final byte[] NOT_UTF8 = {'t', 'h', 'e', 'm', 'e', '=', (byte) 0xE9, '\n'};

    @Test
    void eachDamagedFileIsKeptInANumberedBackupNeverOverwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.write(file, NOT_UTF8);
        assertThat(Settings.load(file).problem()).contains("settings.properties.bad;");
        Files.write(file, new byte[] {'x', '=', (byte) 0xFF, '1'});
        Settings second = Settings.load(file);
        assertThat(second.problem()).contains("moved to " + dir.resolve("settings.properties.bad.1"));
        Files.write(file, new byte[] {'y', '=', (byte) 0xFF, '2'});
        Settings.load(file);
        assertThat(Files.readAllBytes(dir.resolve("settings.properties.bad"))).isEqualTo(NOT_UTF8);
        assertThat(Files.readAllBytes(dir.resolve("settings.properties.bad.1"))).containsExactly('x', '=', (byte) 0xFF, '1');
        assertThat(Files.readAllBytes(dir.resolve("settings.properties.bad.2"))).containsExactly('y', '=', (byte) 0xFF, '2');
        assertThat(file).doesNotExist();
    }

    @Test
    void savingKeepsTheFilesMode(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "theme=dark\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Settings s = Settings.load(file);
        s.put("theme", "light");
        s.save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).contains("theme=light");
    }

    @Test
    void twoInstancesMergeTheirChangesKeyByKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "theme=light\nwindow.width=800\nexport.folder=/a\n");
        Settings first = Settings.load(file);
        Settings second = Settings.load(file);
        second.put("theme", "dark");
        second.put("export.folder", null);
        second.snapshot().save();
        first.put("window.width", "1024");
        first.put("theme", "light"); // written again unchanged, as the app does: not a change
        first.snapshot().save();
        Settings read = Settings.load(file);
        assertThat(read.get("theme", null)).isEqualTo("dark");
        assertThat(read.get("window.width", null)).isEqualTo("1024");
        assertThat(read.get("export.folder", null)).isNull();
        // A key saved once is no longer a change: the other instance's later value stays.
        second.put("window.width", "640");
        second.snapshot().save();
        first.put("recent.0", "/x.json");
        first.snapshot().save();
        Settings last = Settings.load(file);
        assertThat(last.get("window.width", null)).isEqualTo("640");
        assertThat(last.get("recent.0", null)).isEqualTo("/x.json");
        assertThat(last.get("theme", null)).isEqualTo("dark");
    }

    @Test
    void aFileDamagedWhileOpenIsKeptAsideAtTheNextSave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "theme=dark\n");
        Settings s = Settings.load(file);
        Files.write(file, NOT_UTF8);
        s.put("window.width", "900");
        s.save();
        assertThat(Files.readAllBytes(dir.resolve("settings.properties.bad"))).isEqualTo(NOT_UTF8);
        Settings read = Settings.load(file);
        assertThat(read.get("theme", null)).isEqualTo("dark");
        assertThat(read.get("window.width", null)).isEqualTo("900");
    }

    @Test
    void aSaveThatCannotGetTheLockSaysItWillNotSave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "theme=dark\n");
        Settings s = Settings.load(file);
        s.put("theme", "light");
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve("settings.properties.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var held = channel.lock()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(s::save).isInstanceOf(java.io.IOException.class)
                    .hasMessage("another Roofline Lab is saving " + file + "; these settings are not saved");
        }
        assertThat(Files.readString(file)).isEqualTo("theme=dark\n");
        s.save(); // the lock is free again
        assertThat(Files.readString(file)).contains("theme=light");
    }
}
