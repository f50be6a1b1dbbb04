package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.roofline.engine.roofline.HardwareProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 26, item 13: a profile's text that is cleaned (control and invisible characters) says what was removed. */
class ProfileTextNotesTest {
    private static final String GOOD = """
            {"id": "mygpu", "name": "My GPU", "vendor": "Acme", "peakTflops": {"bf16": 100},
             "memoryBandwidthGBps": 1000, "memoryGB": 48, "sources": ["my datasheet"], "notes": "fine"}
            """;

    @Test
    void whatCleaningRemovedIsSaidFieldByField(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("esc.json"), GOOD.replace("My GPU", "My\\u001b[31m GPU\\nevil\\u202e")
                .replace("my datasheet", "sheet\\u200b"));
        ProfileLoader.Result r = ProfileLoader.load(false, List.of(folder));
        assertThat(r.profiles()).singleElement().extracting(HardwareProfile::name).isEqualTo("My[31m GPUevil");
        assertThat(r.problems()).containsExactly(
                "Profile " + folder.resolve("esc.json") + ": field 'name': 3 control or invisible characters removed "
                        + "(U+001B, U+000A, U+202E)",
                "Profile " + folder.resolve("esc.json") + ": field 'sources[0]': 1 control or invisible character "
                        + "removed (U+200B)");
    }

    @Test
    void cleanTextSaysNothing(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("good.json"), GOOD.replace("My GPU", "Мой GPU ✓"));
        ProfileLoader.Result r = ProfileLoader.load(false, List.of(folder));
        assertThat(r.profiles()).hasSize(1);
        assertThat(r.problems()).isEmpty();
    }
}
