package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Nothing on screen gives an exercise's answer away before it is answered: the app opens on Llama-3.1-70B in
 * INT8 on one H100 at batch 1, whose 47.2 tokens/s is exercise 2's answer. While an exercise waits the
 * dashboard's numbers are veiled (blurred, no hover cards); the practice panel, where the answer is typed,
 * never is.
 */
class AnswerHiddenUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Whether a node, or a node it sits in, is blurred or blocks the mouse. */
    private static boolean veiled(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at.getEffect() != null || at.isMouseTransparent()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aWaitingExerciseVeilsTheNumbersUntilItIsAnsweredRightOrShown(FxRobot robot) {
        assertThat(view.isVeiled()).isFalse();
        robot.interact(() -> view.openPractice(false));
        settle();
        PracticePanel panel = view.practicePanel();
        assertThat(panel.selectedExercise()).isEqualTo(Exercise.BUILT_IN.get(0));
        assertThat(view.isVeiled()).as("the summary, with the ridge point").isTrue();
        assertThat(veiled(view.rooflineChart())).isTrue();
        assertThat(veiled(view.chartFor(Topic.COST))).isTrue();
        assertThat(veiled(view.comparison())).isTrue();
        assertThat(veiled(panel)).as("the panel the answer is typed in").isFalse();
        // No hover card on a veiled chart: the mouse over the decode point reaches nothing.
        RooflineChart roofline = view.rooflineChart();
        Point2D decode = roofline.markerPosition(RooflineGeometry.Marker.DECODE);
        robot.moveTo(roofline.localToScreen(decode));
        settle();
        assertThat(roofline.hoverText()).isEmpty();
        // Answered right: the numbers come back.
        robot.clickOn("#exercise-answer").write("295").type(KeyCode.ENTER);
        settle();
        assertThat(panel.verdictText()).startsWith("Right.");
        assertThat(view.isVeiled()).isFalse();
        assertThat(veiled(roofline)).isFalse();
        robot.moveTo(roofline.localToScreen(roofline.markerPosition(RooflineGeometry.Marker.DECODE)));
        settle();
        assertThat(roofline.hoverText()).isNotEmpty();
        // The next one (the 47.2 tokens/s the summary shows) waits: veiled until its answer is shown.
        robot.clickOn("#exercise-next");
        settle();
        assertThat(view.isVeiled()).isTrue();
        robot.clickOn("#exercise-answer").write("24").type(KeyCode.ENTER); // a named mistake is still a miss
        settle();
        assertThat(panel.verdictText()).startsWith("Not quite:");
        assertThat(view.isVeiled()).isTrue();
        robot.clickOn("#exercise-show-answer");
        settle();
        assertThat(view.isVeiled()).isFalse();
        // The misconception cards are about the dashboard's numbers: nothing hidden there; closing hides nothing.
        robot.clickOn("#exercise-next");
        settle();
        assertThat(view.isVeiled()).isTrue();
        robot.clickOn("#practice-cards");
        settle();
        assertThat(view.isVeiled()).isFalse();
        robot.clickOn("#practice-exercises");
        settle();
        assertThat(view.isVeiled()).isTrue();
        robot.clickOn("#practice-close");
        settle();
        assertThat(view.isVeiled()).isFalse();
    }

    @Test
    void aLessonQuestionStillVeilsThePracticePanelUnlessAnExerciseWaitsThere(FxRobot robot) {
        robot.interact(() -> view.openPractice(false));
        robot.interact(() -> view.practicePanel().selectExercise(0));
        robot.clickOn("#exercise-show-answer");
        settle();
        assertThat(view.isVeiled()).isFalse();
        robot.clickOn("#lesson-start"); // the ridge question, asked about what is on screen
        settle();
        assertThat(view.isVeiled()).isTrue();
        // The practice panel's verdict or cards could answer the lesson: veiled with the rest.
        assertThat(veiled(view.practicePanel())).isTrue();
        // An exercise that waits takes the panel back: its answer has to be typed there.
        robot.interact(() -> view.practicePanel().selectExercise(1));
        settle();
        assertThat(view.isVeiled()).isTrue();
        assertThat(veiled(view.practicePanel())).isFalse();
        robot.interact(() -> view.lesson().leave());
        robot.interact(() -> view.practicePanel().showCards());
        settle();
        assertThat(view.isVeiled()).isFalse();
    }
}
