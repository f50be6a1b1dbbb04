package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.scenario.ScenarioInputs;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Edit ▸ Copy as Command Line and Paste Command Line, through the clipboard. */
class CommandLineUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aCopiedLinePastedBackSetsTheSameScenario(FxRobot robot) {
        robot.interact(() -> {
            vm.edit().selectGpu("h200_sxm");
            vm.batchSizeProperty().set(96);
            vm.gpuCountProperty().set(4);
        });
        ScenarioInputs copied = vm.inputs();
        robot.clickOn("#cost-chart");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        assertThat(text[0]).startsWith("roofline-lab report --gpu h200_sxm --gpus 4").contains("--batch 96");
        robot.interact(() -> vm.resetToDefaults());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertThat(vm.inputs()).isEqualTo(copied);
        assertThat(view.statusText()).contains("Scenario set from the command line");
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
                view.commands().pasteCommandLine.handle(new javafx.event.ActionEvent());
            });
            assertThat(vm.inputs()).as(line).isEqualTo(before);
            assertThat(view.statusText()).as(line).startsWith("Could not read the command line: ")
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
        javafx.application.Platform.runLater(() -> view.commands().openCommandLine.handle(new javafx.event.ActionEvent()));
        settle();
        javafx.scene.control.TextField field = robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class);
        assertThat(field.getText()).as("the clipboard's line, to edit").isEqualTo("roofline-lab report --gpu h200_sxm --batch 0");
        robot.clickOn("OK");
        settle();
        assertThat(vm.inputs()).as("nothing changes on a bad line").isEqualTo(before);
        javafx.scene.control.DialogPane again = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(again.getHeaderText()).startsWith("Could not read it:").contains("--batch");
        javafx.scene.control.TextField kept = robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class);
        assertThat(kept.getText()).as("what was typed is kept").isEqualTo("roofline-lab report --gpu h200_sxm --batch 0");
        robot.interact(() -> kept.setText("roofline-lab report --gpu h200_sxm --batch 32"));
        robot.clickOn("OK");
        settle();
        assertThat(vm.gpuProperty().get().id()).isEqualTo("h200_sxm");
        assertThat(vm.batchSizeProperty().get()).isEqualTo(32);
        assertThat(view.statusText()).contains("Scenario set from the command line");
    }
}
