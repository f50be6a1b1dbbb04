package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 26, item 12: a home folder that cannot be written costs one line on stderr at most, not one per save. */
class UnwritableHomeAppTest {
    @Test
    void aHomeThatCannotBeWrittenIsOneLineOnStderr(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "");
        String home = System.getProperty("roofline.home");
        System.setProperty("roofline.home", blocker.resolve("home").toString()); // under a file: cannot be made
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Application app = null;
        try {
            Stage stage = FxToolkit.registerPrimaryStage();
            app = FxToolkit.setupApplication(RooflineApp.class);
            WaitForAsyncUtils.waitForFxEvents();
            DashboardView view = (DashboardView) stage.getScene().getRoot();
            FxRobot robot = new FxRobot();
            for (boolean dark : new boolean[] {true, false, true, false}) {
                robot.interact(() -> view.commands().darkTheme.setSelected(dark));
                Thread.sleep(700); // each change is saved (and fails) on its own
                WaitForAsyncUtils.waitForFxEvents();
            }
            FxToolkit.cleanupApplication(app); // its last save, on closing, fails too
            app = null;
            Thread.sleep(300);
        } finally {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
            System.setProperty("roofline.home", home == null ? "" : home);
            if (home == null) {
                System.clearProperty("roofline.home");
            }
            System.setErr(stderr);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("stderr").hasSizeLessThanOrEqualTo(1);
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("Settings cannot be saved to "));
    }
}
