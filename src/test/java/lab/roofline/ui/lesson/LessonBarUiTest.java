package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.explain.Derivations;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The lesson bar in the window: steps forward and back, its text, leaving. */
class LessonBarUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
        view.lesson().predictingProperty().set(false); // a teacher demonstrating; PredictionUiTest asks first
    }

    @Test
    void theGuidedLessonStepsForwardAndBackAndCanBeLeft(FxRobot robot) {
        LessonBar bar = view.lessonBar();
        robot.clickOn("#lesson-start");
        settle();
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.stepLabel.getText()).contains("step 1 of 8", "The ridge point");
        robot.clickOn("#lesson-next");
        settle();
        assertThat(bar.stepLabel.getText()).contains("step 2 of 8");
        assertThat(bar.text()).startsWith("At batch 1 each decode step reads");
        // The step's time is the summary's time per output token, to the digit.
        assertThat(bar.text()).contains("the step takes "
                + view.summary().tile(Derivations.Quantity.TIME_PER_OUTPUT_TOKEN).valueText());
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.INT8);
        assertThat(view.rooflineChart().markerPosition(RooflineGeometry.Marker.DECODE)).isNotNull();
        robot.clickOn("#lesson-back");
        settle();
        assertThat(bar.stepLabel.getText()).contains("step 1 of 8");
        robot.clickOn("#lesson-leave");
        settle();
        assertThat(bar.isVisible()).isFalse();
        assertThat(vm.highlightProperty().get()).isNull();
        assertThat(vm.gpuCountProperty().get()).isEqualTo(2);
    }

    @Test
    void pageDownAndPageUpStepTheLessonWhereverTheFocusIs(FxRobot robot) {
        robot.clickOn("#lesson-start");
        robot.clickOn(view.summary()); // focus away from the lesson bar, into the scrolling middle
        robot.type(KeyCode.PAGE_DOWN);
        settle();
        assertThat(view.lesson().indexProperty().get()).isEqualTo(1);
        robot.type(KeyCode.PAGE_UP);
        settle();
        assertThat(view.lesson().indexProperty().get()).isZero();
        robot.interact(() -> view.lesson().leave());
        assertThat(view.lesson().isRunning()).isFalse();
        robot.type(KeyCode.PAGE_DOWN); // no lesson: the key scrolls, it does not start one
        settle();
        assertThat(view.lesson().isRunning()).isFalse();
        assertThat(view.commands().nextStep.isDisabled()).isTrue();
    }

    @Test
    void eachStepScrollsItsRingedChartIntoView(FxRobot robot) {
        robot.interact(() -> {
            view.getScene().getWindow().setWidth(1280);
            view.getScene().getWindow().setHeight(800);
        });
        robot.clickOn("#lesson-start");
        for (int step = 0; step < Lesson.STEPS.size(); step++) {
            settle();
            Node chart = view.chartFor(Lesson.STEPS.get(step).topic());
            Bounds seen = view.lookup(".main-scroll").localToScene(
                    view.lookup(".main-scroll").getLayoutBounds());
            Bounds shown = chart.localToScene(chart.getLayoutBounds());
            assertThat(shown.getMaxY()).as("step %d: bottom of its chart", step + 1).isLessThanOrEqualTo(seen.getMaxY() + 1);
            assertThat(shown.getMinY()).as("step %d: top of its chart", step + 1).isGreaterThanOrEqualTo(seen.getMinY() - 1);
            robot.interact(() -> view.lesson().next());
        }
    }

    /** One right-hand panel: practice or the explanation, never both, and the charts keep the middle. */
    @Test
    void practiceAndTheExplanationShareOnePanel(FxRobot robot) {
        robot.clickOn("#explain-toggle");
        settle();
        assertThat(view.explanation().isVisible()).isTrue();
        robot.clickOn("#practice-toggle");
        settle();
        assertThat(view.practicePanel().isVisible()).isTrue();
        assertThat(view.explanation().isVisible()).isFalse();
        assertThat(view.commands().explanation.isSelected()).isFalse();
    }
}
