package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.explain.Derivations;
import lab.roofline.render.export.Handout;
import lab.roofline.io.BuildInfo;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window's own wiring: what each feature keeps when another panel opens, its toggles and its shortcuts. */
class WindowUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void withTheExplanationOpenNoHeadlineNumberIsCutOff(FxRobot robot) {
        robot.interact(() -> view.getScene().getWindow().setWidth(1280));
        robot.clickOn("#explain-toggle");
        settle();
        // The explanation is a card beside the charts: the controls fold to give the middle its room, and
        // every number of the summary is whole.
        assertThat(view.controlsFolded()).isTrue();
        for (Derivations.Quantity q : Derivations.Quantity.values()) {
            Node value = view.summary().tile(q).lookup(".tile-value");
            Text shown = (Text) value.lookup(".text");
            assertThat(shown.getText()).as(q.name()).isEqualTo(view.summary().tile(q).valueText());
        }
    }

    @Test
    void theShowYourWorkToggleShowsTheWorkUnderEveryNumber(FxRobot robot) {
        robot.clickOn("#work-toggle");
        settle();
        assertThat(view.summary().showWorkProperty().get()).isTrue();
        assertThat(view.summary().tile(Derivations.Quantity.RIDGE).workShown()).isTrue();
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
        // The command the user has: here, run from classes, java -jar (the installed app says roofline-lab).
        assertThat(text[0]).startsWith(BuildInfo.command() + " report --gpu h200_sxm --gpus 4").contains("--batch 96");
        robot.interact(() -> vm.resetToDefaults());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertThat(vm.inputs()).isEqualTo(copied);
        assertThat(view.statusText()).contains("Scenario set from the command line");
    }

    @Test
    void ctrlZUndoesAWholeDragAndCtrlYRedoesIt(FxRobot robot) {
        assertThat(vm.history().canUndoProperty().get()).isFalse();
        Node thumb = view.controls().workload().batchField().slider().lookup(".thumb");
        robot.drag(thumb).moveBy(60, 0).moveBy(60, 0).drop();
        settle();
        int dragged = vm.batchSizeProperty().get();
        assertThat(dragged).isGreaterThan(1);
        assertThat(vm.history().canUndoProperty().get()).isTrue();
        robot.clickOn("#cost-chart"); // focus off the slider, as after any drag
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        settle();
        assertThat(vm.inputs()).as("the whole drag, in one step").isEqualTo(ScenarioInputs.DEFAULT);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(dragged);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(dragged);
    }

    /** Lesson ▸ Export Handout… builds the handout of the live scenario, with its command line. */
    @Test
    void theHandoutIsTheLiveScenarios(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(16));
        Handout.Pages[] built = new Handout.Pages[1];
        robot.interact(() -> built[0] = view.handoutPages());
        assertThat(built[0].handout()).contains("batch 16", "--batch 16");
    }

    /** Zoom is a function of the zoom level: 200 % and back returns the layout it left, and says where it is. */
    @Test
    void aZoomRoundTripReturnsTheLayoutItLeft(FxRobot robot) {
        settle();
        javafx.geometry.Bounds before = view.rooflineChart().localToScene(view.rooflineChart().getLayoutBounds());
        double toolbar = view.lookup(".tool-bar").getLayoutBounds().getHeight();
        robot.interact(() -> view.setZoom(2.0));
        settle();
        robot.interact(() -> view.rooflineChart().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        settle();
        assertThat(view.zoomProperty().get()).isEqualTo(1.0);
        assertThat(view.statusText()).startsWith("Zoom 100 %");
        assertThat(view.lookup(".tool-bar").getLayoutBounds().getHeight()).as("the toolbar, as it was").isEqualTo(toolbar);
        assertThat(view.rooflineChart().localToScene(view.rooflineChart().getLayoutBounds())).isEqualTo(before);
        // Every control's name is whole again (none left cut to "…").
        for (Node n : view.lookupAll(".control-unit")) {
            if (n instanceof Label l && l.isVisible() && !l.isWrapText() && l.getWidth() > 0) {
                assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
            }
        }
    }

    /** Ctrl+Z in a field that holds no draft undoes the window's last change (the field would take it as its own). */
    @Test
    void ctrlZInAFieldJustCommittedUndoesTheChangeAndARevertedDraftLeavesNoError(FxRobot robot) {
        var batch = view.controls().workload().batchField();
        robot.interact(() -> vm.batchSizeProperty().set(4));
        robot.doubleClickOn(batch.field()).eraseText(6).write("16").type(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(16);
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z).release(javafx.scene.input.KeyCode.CONTROL);
        settle();
        assertThat(vm.batchSizeProperty().get()).as("the window's undo ran").isEqualTo(4);
        assertThat(batch.field().getText()).isEqualTo("4");
        // A refused draft, then the field's own undo back to the value in use: the error goes with the draft.
        robot.doubleClickOn(batch.field()).eraseText(6).write("abc").type(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertThat(batch.errorLabel().isVisible()).isTrue();
        robot.interact(() -> batch.field().setText("4"));
        settle();
        assertThat(batch.errorLabel().isVisible()).isFalse();
    }
}
