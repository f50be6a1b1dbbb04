package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Edit ▸ Undo and Redo from the keyboard: a drag is one step, a lesson's steps are one each. */
class UndoUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ctrlZUndoesAWholeDragAndCtrlYRedoesIt(FxRobot robot) {
        assertThat(vm.history().canUndoProperty().get()).isFalse();
        Node thumb = controls().workload().batchField().slider().lookup(".thumb");
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

    @Test
    void undoAfterALessonReturnsTheUsersOwnScenarioStepByStep(FxRobot robot) {
        robot.interact(() -> {
            vm.batchSizeProperty().set(48);
            vm.gpuCountProperty().set(2);
        });
        ScenarioInputs mine = vm.inputs();
        // Each lesson step that changes the scenario is one step; steps that only move the ring are none.
        java.util.List<ScenarioInputs> seen = new java.util.ArrayList<>(java.util.List.of(mine));
        robot.interact(() -> {
            for (int i = 0; i < 4; i++) {
                if (i == 0) {
                    view.lesson().start();
                } else {
                    view.lesson().next();
                }
                if (!vm.inputs().equals(seen.get(seen.size() - 1))) {
                    seen.add(vm.inputs());
                }
            }
            view.lesson().leave();
        });
        settle();
        assertThat(seen).as("the lesson changed the scenario").hasSizeGreaterThan(1);
        for (int i = seen.size() - 1; i > 0; i--) {
            assertThat(vm.inputs()).isEqualTo(seen.get(i));
            robot.interact(() -> view.commands().undo.handle(new javafx.event.ActionEvent()));
        }
        settle();
        assertThat(vm.inputs()).as("the user's own scenario").isEqualTo(mine);
    }

    @Test
    void resetToDefaultsIsOneUndoableStep(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(300));
        ScenarioInputs before = vm.inputs();
        robot.interact(() -> view.commands().reset.handle(new javafx.event.ActionEvent()));
        assertThat(vm.inputs()).isEqualTo(ScenarioInputs.DEFAULT);
        robot.interact(() -> view.commands().undo.handle(new javafx.event.ActionEvent()));
        assertThat(vm.inputs()).isEqualTo(before);
    }
}
