package lab.roofline.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lab.roofline.render.export.Handout;
import lab.roofline.ui.app.AppServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 26, item 8, in the window: a teacher's own handout.html is replaced only when they say so. */
@ExtendWith(ApplicationExtension.class)
class HandoutReplaceUiTest {
    private static final String MINE = "<html><body>My own handout.</body></html>\n";
    private final AtomicReference<String> status = new AtomicReference<>("");
    private ExportFlow flow;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new VBox(), 300, 200));
        stage.show();
        AppServices app = new AppServices(stage, Runnable::run, (text, button) -> status.set(text), () -> "");
        flow = new ExportFlow(app, null, null, new ExportFlow.Window(kind -> null, () -> false, List::of,
                () -> null, uri -> { }));
    }

    private static Handout.Pages pages() {
        return new Handout.Pages("<!DOCTYPE html>\n<html><head>\n<meta name=\"generator\" content=\"Roofline Lab\"/>\n"
                + "</head><body>new</body></html>\n", "<!DOCTYPE html>\n<html><head>\n<meta name=\"generator\" "
                + "content=\"Roofline Lab\"/>\n</head><body>key</body></html>\n");
    }

    @Test
    void aTeachersOwnPageIsReplacedOnlyWhenTheySaySo(FxRobot robot, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("handout.html"), MINE);
        Platform.runLater(() -> flow.writeHandout(pages(), dir, false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(dir.resolve("handout.html"))).isEqualTo(MINE);
        assertThat(dir.resolve("answer-key.html")).doesNotExist();
        assertThat(status.get()).startsWith("The handout was not written: ").endsWith("handout.html is as it was.");

        Platform.runLater(() -> flow.writeHandout(pages(), dir, false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Replace");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(dir.resolve("handout.html"))).contains("new");
        assertThat(Files.readString(dir.resolve("answer-key.html"))).contains("key");
        assertThat(status.get()).startsWith("Wrote the handout: ");
    }
}
