package lab.roofline.ui.documents;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Paste Command Line and Open Command Line, on their own: a bad line changes nothing and says why. */
class CommandLineActionsUiTest extends FeatureFixture {
    private CommandLineActions lines;
    private Label status;

    @Start
    void start(Stage stage) {
        model();
        status = new Label();
        VBox pane = new VBox(status);
        lines = new CommandLineActions(vm, pane, status::setText);
        show(stage, pane, new VBox());
    }

    @Test
    void aLineThatCannotBeReadChangesNothingAndSaysWhy(FxRobot robot) {
        ScenarioInputs before = vm.inputs();
        for (String line : new String[] {"roofline-lab report --batch 0", "roofline-lab report --gpu no_such_gpu",
                "hello world"}) {
            robot.interact(() -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(line);
                Clipboard.getSystemClipboard().setContent(content);
                lines.paste.handle(new ActionEvent());
            });
            assertThat(vm.inputs()).as(line).isEqualTo(before);
            assertThat(status.getText()).as(line).startsWith("Could not read the command line: ")
                    .endsWith("The scenario is unchanged.");
        }
    }

    @Test
    void openCommandLineOffersABadLineAgainWithTheReasonAndAppliesAGoodOne(FxRobot robot) {
        ScenarioInputs before = vm.inputs();
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("roofline-lab report --gpu h200_sxm --batch 0");
            Clipboard.getSystemClipboard().setContent(content);
        });
        Platform.runLater(() -> lines.open.handle(new ActionEvent()));
        settle();
        TextField field = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        assertThat(field.getText()).as("the clipboard's line, to edit").isEqualTo("roofline-lab report --gpu h200_sxm --batch 0");
        robot.clickOn("OK");
        settle();
        assertThat(vm.inputs()).as("nothing changes on a bad line").isEqualTo(before);
        DialogPane again = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(again.getHeaderText()).startsWith("Could not read it:").contains("--batch");
        TextField kept = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        assertThat(kept.getText()).as("what was typed is kept").isEqualTo("roofline-lab report --gpu h200_sxm --batch 0");
        robot.interact(() -> kept.setText("roofline-lab report --gpu h200_sxm --batch 32"));
        robot.clickOn("OK");
        settle();
        assertThat(vm.gpuProperty().get().id()).isEqualTo("h200_sxm");
        assertThat(vm.batchSizeProperty().get()).isEqualTo(32);
        assertThat(status.getText()).contains("Scenario set from the command line");
    }
}
