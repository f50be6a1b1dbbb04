package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.roofline.explain.Explanation;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The teaching feature's "answer hidden": what the window veils its numbers on. A lesson question about what
 * is on screen, or an exercise waiting in the open practice panel, hides them, with a note saying until when.
 */
class LessonFeatureUiTest extends FeatureFixture {
    private LessonFeature feature;
    private final List<Boolean> veils = new ArrayList<>();
    private final List<Boolean> batchCurveVeils = new ArrayList<>();

    @Start
    void start(Stage stage) {
        model();
        RooflineChart roofline = new RooflineChart(vm.resultProperty());
        feature = new LessonFeature(vm, roofline, new LessonFeature.Host() {
            @Override
            public void scrollIntoView(Node node) {
            }

            @Override
            public Node chartFor(Explanation.Topic topic) {
                return roofline;
            }

            @Override
            public void veil(boolean on) {
                veils.add(on);
            }

            @Override
            public void veil(boolean numbers, boolean batchCurve) {
                veil(numbers);
                batchCurveVeils.add(batchCurve);
            }

            @Override
            public void showStatus(String text) {
            }

            @Override
            public Scene scene() {
                return null;
            }
        });
        show(stage, feature.practicePanel(), feature.lessonBar(), roofline);
    }

    @Test
    void theAnswerIsHiddenWhileAnExerciseOrALessonQuestionWaits(FxRobot robot) {
        assertThat(feature.answerHiddenProperty().get()).isFalse();
        robot.interact(() -> feature.openPractice(false));
        assertThat(feature.answerHiddenProperty().get()).isTrue();
        assertThat(feature.veilNoteProperty().get()).startsWith("Answer first");
        assertThat(veils).last().isEqualTo(true);
        robot.interact(() -> feature.practicePanel().showAnswer());
        assertThat(feature.answerHiddenProperty().get()).isFalse();
        assertThat(feature.veilNoteProperty().get()).isEmpty();
        assertThat(veils).last().isEqualTo(false);
        // The lesson's first question is about the ridge on screen: hidden until the reveal.
        robot.interact(() -> feature.lesson().start());
        assertThat(feature.answerHiddenProperty().get()).isTrue();
        assertThat(feature.veilNoteProperty().get()).startsWith("Predict first");
        robot.interact(() -> feature.lesson().reveal(new Prediction.ChoiceGuess(1)));
        assertThat(feature.answerHiddenProperty().get()).isFalse();
        assertThat(feature.lessonBar().text()).contains("ridge point is");
        // An exercise waiting in practice holds back the step's text and result too: they show this scenario's numbers.
        robot.interact(() -> feature.practicePanel().selectExercise(1));
        assertThat(feature.answerHiddenProperty().get()).isTrue();
        assertThat(feature.lessonBar().text()).startsWith("This step's numbers come back once the exercise");
        assertThat(feature.lessonBar().resultText()).isEmpty();
        robot.interact(() -> feature.practicePanel().showAnswer());
        assertThat(feature.lessonBar().text()).contains("ridge point is");
        assertThat(feature.lessonBar().resultText()).startsWith("You chose “About 300”: right.");
        // A point to place asks about a change: the "before" on screen is the premise, nothing is hidden.
        robot.interact(() -> {
            feature.lesson().next();
            feature.lesson().next();
            feature.lesson().next();
        });
        assertThat(feature.lesson().asking().kind()).isEqualTo(Prediction.Kind.POINT);
        assertThat(feature.answerHiddenProperty().get()).isFalse();
        // ... but the utilization chart's curve has batch 64 on it: that chart alone is to be veiled.
        assertThat(feature.batchCurveHiddenProperty().get()).isTrue();
        assertThat(veils).last().isEqualTo(false);
        assertThat(batchCurveVeils).last().isEqualTo(true);
        // Closing practice with an exercise waiting hides nothing.
        robot.interact(() -> {
            feature.lesson().leave();
            feature.practicePanel().selectExercise(2);
        });
        assertThat(feature.batchCurveHiddenProperty().get()).isFalse();
        assertThat(feature.answerHiddenProperty().get()).isTrue();
        robot.interact(() -> feature.practiceToggle.setSelected(false));
        assertThat(feature.answerHiddenProperty().get()).isFalse();
    }
}
