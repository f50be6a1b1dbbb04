package lab.roofline.ui.documents;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Issue 26, item 12: Open Command Line's error, however long, wraps inside a dialog narrower than the screen. */
class CommandLineDialogWidthUiTest extends FeatureFixture {
    private CommandLineActions lines;

    @Start
    void start(Stage stage) {
        model();
        VBox pane = new VBox(new Label());
        lines = new CommandLineActions(vm, pane, text -> { });
        show(stage, pane, new VBox());
    }

    @Test
    void aLongReasonWrapsInsideTheScreen(FxRobot robot) {
        StringBuilder line = new StringBuilder("roofline-lab report");
        for (int i = 0; i < 150; i++) {
            line.append(" --no-such-flag-").append(i);
        }
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(line.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Platform.runLater(() -> lines.open.handle(new ActionEvent()));
        settle();
        robot.clickOn("OK");
        settle();
        DialogPane again = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(again.getHeaderText()).startsWith("Could not read it:");
        double screen = Screen.getPrimary().getVisualBounds().getWidth();
        assertThat(again.getScene().getWindow().getWidth()).as("the dialog's width").isLessThanOrEqualTo(Math.min(screen, 760));
        robot.interact(() -> again.getScene().getWindow().hide());
    }
}
