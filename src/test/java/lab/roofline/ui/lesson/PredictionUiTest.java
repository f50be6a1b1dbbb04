package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.ui.DashboardFixture;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Predict, then reveal, in the window: each kind of question asked, answered the way a learner would (a
 * choice clicked, a number typed, the hollow marker dragged or moved with the keys) and scored. Motion is
 * off in the tests, so a reveal lands at once.
 */
class PredictionUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aChoiceIsPickedRevealedAndScoredWhileTheAnsweringNumbersAreVeiled(FxRobot robot) {
        robot.clickOn("#lesson-start");
        settle();
        LessonBar bar = view.lessonBar();
        assertThat(bar.questionText()).contains("How many FLOPs must a kernel do per byte");
        assertThat(view.isVeiled()).isTrue();
        robot.clickOn("#lesson-reveal"); // nothing picked yet
        settle();
        assertThat(bar.askProblemText()).startsWith("Pick one of the three first");
        assertThat(view.lesson().results()).isEmpty();
        robot.clickOn("#lesson-choice-1").clickOn("#lesson-reveal");
        settle();
        assertThat(view.isVeiled()).isFalse();
        assertThat(bar.questionText()).isEmpty();
        assertThat(bar.resultText()).startsWith("You chose “About 300”: right.").contains("ridge = peak FLOP/s ÷ bandwidth");
        assertThat(bar.text()).contains("ridge point is");
        assertThat(bar.scoreText()).isEqualTo("Predictions: 1 of 1 well predicted");
        assertThat(view.rooflineChart().isAnimating()).isFalse(); // motion off in tests: the final state at once
        // The step leads to a misconception card: the link opens it in the practice panel.
        robot.clickOn("#lesson-card");
        settle();
        assertThat(view.practicePanel().showingCards()).isTrue();
        assertThat(robot.lookup("#card-claim").queryLabeled().getText()).contains("Decode speed is set by the GPU's FLOP/s.");
    }

    @Test
    void aNumberIsTypedAndAMissIsScoredWithTheFormulaThatExplainsTheGap(FxRobot robot) {
        robot.clickOn("#lesson-start");
        robot.interact(() -> view.lesson().next());
        settle();
        LessonBar bar = view.lessonBar();
        assertThat(bar.questionText()).contains("how many tokens a second");
        robot.clickOn("#lesson-guess").write("lots").type(KeyCode.ENTER);
        settle();
        assertThat(bar.askProblemText()).contains("'lots' is not a positive number");
        robot.interact(() -> robot.lookup("#lesson-guess").queryTextInputControl().setText("500"));
        robot.clickOn("#lesson-guess").type(KeyCode.ENTER);
        settle();
        assertThat(bar.resultText()).startsWith("Your guess: 500 tokens/s. The engine: 47.2 tokens/s — 10.6× too high.")
                .contains("time = max(");
        assertThat(bar.scoreText()).isEqualTo("Predictions: 0 of 1 well predicted");
        // Another scenario on the dashboard: the result (about the step's) steps aside rather than contradict it.
        robot.interact(() -> vm.batchSizeProperty().set(8));
        settle();
        assertThat(bar.resultText()).isEmpty();
        // Back and forth keeps the result; Reset predictions asks again.
        robot.clickOn("#lesson-back");
        robot.clickOn("#lesson-next");
        settle();
        assertThat(bar.resultText()).startsWith("Your guess: 500 tokens/s");
        robot.clickOn("#lesson-reset-predictions");
        settle();
        assertThat(bar.questionText()).contains("how many tokens a second");
        assertThat(bar.scoreText()).isEmpty();
    }

    @Test
    void thePointIsDraggedOnTheRooflineThenNudgedWithTheKeysAndTheDecodePointMovesToTheTruth(FxRobot robot) {
        robot.clickOn("#lesson-start");
        settle(); // the click's lesson start first (under load it could come after the steps below)
        assertThat(view.lesson().isRunning()).isTrue();
        robot.interact(() -> {
            view.lesson().next();
            view.lesson().next();
            view.lesson().next();
        });
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(1);
        assertThat(view.isVeiled()).isFalse(); // the question is about a change: the "before" is the premise
        RooflineChart chart = view.rooflineChart();
        assertThat(chart.ghostProperty().get().movable()).isTrue();
        assertThat(chart.decodePathKeyShown()).as("the path would show the answer").isFalse();
        // Drag the hollow marker to where batch 64 will put the decode point (read from the engine, not the UI).
        Evaluation truth = vm.evaluate(Lesson.STEPS.get(3).inputs());
        Point2D to = chart.localToScreen(pixelOf(chart, truth.decode().arithmeticIntensity() / 1.2,
                truth.decode().achievedFlopsPerSecond()));
        Point2D from = chart.localToScreen(chart.ghostPosition());
        robot.drag(from, MouseButton.PRIMARY).dropTo(to);
        settle();
        double draggedTo = view.lesson().ghostProperty().get().flopsPerByte();
        assertThat(draggedTo).isBetween(truth.decode().arithmeticIntensity() / 1.5, truth.decode().arithmeticIntensity());
        // The keys move it too (the drag left the chart focused): right is more intensity.
        robot.type(KeyCode.RIGHT);
        settle();
        assertThat(view.lesson().ghostProperty().get().flopsPerByte()).isGreaterThan(draggedTo * 1.2);
        robot.clickOn("#lesson-reveal");
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(64);
        assertThat(view.lessonBar().resultText()).contains("well predicted");
        assertThat(chart.ghostProperty().get().movable()).isFalse(); // the guess stays beside the truth
        assertThat(chart.markerPosition(RooflineGeometry.Marker.DECODE).getX())
                .isCloseTo(chart.ghostPosition().getX(), Offset.offset(40.0));
    }

    @Test
    void withAskingOffTheLessonShowsEachStepAtOnce(FxRobot robot) {
        robot.clickOn("#lesson-start");
        settle();
        assertThat(view.isVeiled()).isTrue();
        robot.clickOn("#lesson-predict"); // the teacher takes over mid-question: the step shows at once
        settle();
        assertThat(view.lesson().predictingProperty().get()).isFalse();
        assertThat(view.lessonBar().questionText()).isEmpty();
        assertThat(view.isVeiled()).isFalse();
        robot.clickOn("#lesson-next");
        settle();
        assertThat(view.lessonBar().text()).startsWith("At batch 1 each decode step reads");
    }

    /** A chart pixel (local) of a point on the roofline's axes. */
    private static Point2D pixelOf(RooflineChart chart, double flopsPerByte, double flopsPerSecond) {
        RooflineGeometry g = chart.geometry();
        double zoom = chart.getWidth() / g.plotRight() > 0 ? chart.effectiveZoom() : 1;
        return new Point2D(g.x().toPixel(flopsPerByte) * zoom, g.y().toPixel(flopsPerSecond) * zoom);
    }
}
