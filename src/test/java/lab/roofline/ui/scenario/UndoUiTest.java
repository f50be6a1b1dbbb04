package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.stage.Stage;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.ui.FeatureFixture;
import lab.roofline.ui.lesson.Lesson;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Edit ▸ Undo and Reset: a lesson's steps are one undo step each, Reset one. */
class UndoUiTest extends FeatureFixture {
    private ScenarioActions edit;
    private Lesson lesson;
    private String said;

    /** The Edit commands and a lesson beside the controls, without the window. */
    @Start
    void start(Stage stage) {
        openControls(stage);
        edit = new ScenarioActions(vm, text -> said = text);
        lesson = new Lesson(vm);
    }

    @Test
    void undoAfterALessonReturnsTheUsersOwnScenarioStepByStep(FxRobot robot) {
        robot.interact(() -> {
            vm.batchSizeProperty().set(48);
            vm.gpuCountProperty().set(2);
        });
        ScenarioInputs mine = vm.inputs();
        // Each lesson step that changes the scenario is one step; steps that only move the ring are none.
        List<ScenarioInputs> seen = new ArrayList<>(List.of(mine));
        robot.interact(() -> {
            for (int i = 0; i < 4; i++) {
                if (i == 0) {
                    lesson.start();
                } else {
                    lesson.next();
                }
                if (!vm.inputs().equals(seen.get(seen.size() - 1))) {
                    seen.add(vm.inputs());
                }
            }
            lesson.leave();
        });
        settle();
        assertThat(seen).as("the lesson changed the scenario").hasSizeGreaterThan(1);
        for (int i = seen.size() - 1; i > 0; i--) {
            assertThat(vm.inputs()).isEqualTo(seen.get(i));
            robot.interact(() -> edit.undo.handle(new ActionEvent()));
        }
        settle();
        assertThat(vm.inputs()).as("the user's own scenario").isEqualTo(mine);
    }

    @Test
    void resetToDefaultsIsOneUndoableStep(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(300));
        ScenarioInputs before = vm.inputs();
        robot.interact(() -> edit.reset.handle(new ActionEvent()));
        assertThat(vm.inputs()).isEqualTo(ScenarioInputs.DEFAULT);
        assertThat(said).as("the status bar says what Reset did").contains("defaults", "Ctrl+Z");
        robot.interact(() -> edit.undo.handle(new ActionEvent()));
        assertThat(vm.inputs()).isEqualTo(before);
    }
}
