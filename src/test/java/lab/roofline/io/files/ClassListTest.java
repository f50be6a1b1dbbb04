package lab.roofline.io.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The class list the installers make the class archive from (dist/class-list.sh writes it from real starts):
 * it must cover the app's start-up and name only classes that exist. A class renamed since is skipped by the
 * dump, silently costing start-up time; this says which, so the list is made again.
 */
class ClassListTest {
    @Test
    void theListNamesTheStartUpsClassesAndEachOfTheAppsStillExists() throws IOException {
        List<String> lines;
        try (InputStream in = ClassArchive.class.getResourceAsStream(ClassArchive.LIST_RESOURCE)) {
            assertThat(in).as("the jar carries the class list").isNotNull();
            lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        List<String> ours = lines.stream().filter(l -> l.startsWith("lab/roofline/")).map(l -> l.split(" ")[0]).toList();
        // The window's first frame and a report: the entry point, the app, the charts and the engine.
        assertThat(ours).contains("lab/roofline/Main", "lab/roofline/ui/RooflineApp",
                "lab/roofline/render/chart/RooflineChart", "lab/roofline/engine/roofline/RooflineEngine",
                "lab/roofline/cli/RooflineCommand");
        List<String> gone = ours.stream().filter(name -> !exists(name)).toList();
        assertThat(gone).as("classes the list names that no longer exist: run dist/class-list.sh").isEmpty();
    }

    private static boolean exists(String internalName) {
        return ClassListTest.class.getClassLoader().getResource(internalName + ".class") != null;
    }
}
