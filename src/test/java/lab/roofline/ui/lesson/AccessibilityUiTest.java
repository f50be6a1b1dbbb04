package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.explain.Explanation;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.ui.DashboardFixture;
import lab.roofline.render.chart.CanvasChart;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * What a screen reader hears from each chart, and the lesson and the exercises worked from the keyboard
 * alone: no click anywhere in these tests but none needed.
 */
class AccessibilityUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void everyChartReadsAsAPictureOfItsNumbersInTheExplanationsSentences(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(8));
        settle();
        CanvasChart[] charts = {view.rooflineChart(), view.chartFor(Topic.BATCHING), view.chartFor(Topic.COST)};
        Topic[] shown = {Topic.DECODE, Topic.MEMORY_WALL, Topic.COST};
        for (int i = 0; i < charts.length; i++) {
            CanvasChart chart = charts[i];
            assertThat(chart.getAccessibleRole()).isEqualTo(AccessibleRole.IMAGE_VIEW);
            Object[] text = new Object[1];
            robot.interact(() -> text[0] = chart.queryAccessibleAttribute(AccessibleAttribute.TEXT));
            assertThat((String) text[0]).contains(Explanation.paragraph(shown[i], vm.result()));
        }
        assertThat(view.rooflineChart().accessibleDescription()).contains("batch 8");
    }

    @Test
    void theLessonIsAnsweredFromTheKeyboardAlone(FxRobot robot) {
        robot.type(KeyCode.F5); // Lesson ▸ Guided lesson
        settle();
        assertThat(view.lesson().isRunning()).isTrue();
        // The choice question has the focus: an arrow picks the second choice (a group of three, like radio
        // buttons; Space on it keeps it picked), Tab leaves the group for Reveal, Space presses it.
        assertThat(robot.lookup("#lesson-choice-0").query().isFocused()).isTrue();
        robot.type(KeyCode.RIGHT).type(KeyCode.SPACE).type(KeyCode.TAB).type(KeyCode.SPACE);
        settle();
        assertThat(view.lesson().results().get(0).right()).isTrue();
        // Page Down: a number, typed where the focus already is.
        robot.type(KeyCode.PAGE_DOWN);
        settle();
        assertThat(robot.lookup("#lesson-guess").query().isFocused()).isTrue();
        robot.write("45").type(KeyCode.ENTER);
        settle();
        assertThat(view.lesson().results().get(1).right()).isTrue();
        // Two steps on, a point: the chart has the focus, the arrows move the guess, Enter reveals.
        robot.type(KeyCode.PAGE_DOWN).type(KeyCode.PAGE_DOWN);
        settle();
        assertThat(view.rooflineChart().isFocused()).isTrue();
        double before = view.lesson().ghostProperty().get().flopsPerByte();
        robot.type(KeyCode.RIGHT, 17).type(KeyCode.UP, 17);
        settle();
        assertThat(view.lesson().ghostProperty().get().flopsPerByte()).isGreaterThan(before * 40);
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(view.lesson().results()).containsKey(3);
        assertThat(vm.batchSizeProperty().get()).isEqualTo(64);
    }

    @Test
    void anExerciseIsAnsweredFromTheKeyboardAlone(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X).release(KeyCode.X, KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertThat(robot.lookup("#exercise-answer").query().isFocused()).isTrue();
        robot.write("295").type(KeyCode.ENTER);
        settle();
        assertThat(view.practicePanel().verdictText()).startsWith("Right.");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertThat(robot.lookup("#card-before").query().isFocused()).isTrue();
        robot.type(KeyCode.SPACE).type(KeyCode.TAB).type(KeyCode.SPACE);
        settle();
        assertThat(view.practicePanel().evidenceText()).startsWith("Evidence:");
    }
}
