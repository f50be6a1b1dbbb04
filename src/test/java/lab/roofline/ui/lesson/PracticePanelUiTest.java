package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.teaching.Misconception;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.ui.FeatureFixture;
import lab.roofline.render.summary.SummaryStrip;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Practice: exercises answered from the keyboard, hints, cards that set their scenarios. */
class PracticePanelUiTest extends FeatureFixture {
    private PracticePanel panel;

    @Start
    void start(Stage stage) {
        model();
        panel = new PracticePanel(vm, new Practice(), () -> { });
        show(stage, panel, new SummaryStrip(vm.resultProperty()));
    }

    @Test
    void anExerciseIsAnsweredFromTheKeyboardCheckedAgainstTheEngineAndScored(FxRobot robot) {
        robot.interact(() -> panel.showExercises());
        settle();
        assertThat(panel.isVisible()).isTrue();
        assertThat(robot.lookup("#exercise-question").queryLabeled().getText()).isEqualTo(Exercise.BUILT_IN.get(0).text());
        robot.clickOn("#exercise-answer").write("350").type(KeyCode.ENTER);
        settle();
        assertThat(panel.verdictText()).startsWith("Not yet: 350 is too high, but within a factor of 1.5");
        assertThat(robot.lookup("#exercise-score").queryLabeled().getText()).startsWith("0 of ");
        robot.doubleClickOn("#exercise-answer").eraseText(3).write("that many").type(KeyCode.ENTER);
        settle();
        assertThat(panel.verdictText()).contains("is not a number");
        robot.interact(() -> robot.lookup("#exercise-answer").queryTextInputControl().setText("295"));
        robot.clickOn("#exercise-check");
        settle();
        assertThat(panel.verdictText()).startsWith("Right.");
        assertThat(robot.lookup("#exercise-score").queryLabeled().getText()).startsWith("1 of " + vm.exercises().size());
        // The hint puts the device's numbers into the formula; the dashboard is untouched until asked.
        robot.clickOn("#exercise-hint");
        settle();
        assertThat(panel.hintText()).contains("ridge = peak FLOP/s ÷ memory bandwidth", "3.35 TB/s");
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.INT8);
        robot.clickOn("#exercise-set-scenario");
        settle();
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.BF16);
        assertThat(vm.highlightProperty().get()).isEqualTo(Topic.RIDGE);
        // The next exercise starts clean; "Show the answer" gives the engine's.
        robot.clickOn("#exercise-next");
        settle();
        assertThat(panel.selectedExercise()).isEqualTo(Exercise.BUILT_IN.get(1));
        assertThat(panel.verdictText()).isEmpty();
        robot.clickOn("#exercise-show-answer");
        settle();
        assertThat(panel.verdictText()).contains("The engine's answer: 47.2 tokens/s");
        robot.clickOn("#exercise-reset");
        settle();
        assertThat(robot.lookup("#exercise-score").queryLabeled().getText()).startsWith("0 of ");
    }

    @Test
    void aMistakenAnswerTypedInPracticeIsNamed(FxRobot robot) {
        robot.interact(() -> panel.selectExercise(1)); // Llama-3.1-70B in INT8 on one H100 at batch 1: 47.2 tokens/s
        settle();
        // 2 bytes per weight for an INT8 model: 3.35 TB/s over twice the bytes, about 24 tokens/s.
        robot.clickOn("#exercise-answer").write("24").type(KeyCode.ENTER);
        settle();
        assertThat(panel.verdictText()).startsWith("Not quite: 24.0 is what you get if you take 2 bytes per weight "
                + "instead of 1 (INT8).");
        // The bytes read counted in GiB against a bandwidth in GB/s: 7.4 % too many tokens a second.
        robot.interact(() -> robot.lookup("#exercise-answer").queryTextInputControl().setText("50.7"));
        robot.clickOn("#exercise-check");
        settle();
        assertThat(panel.verdictText()).contains("mix up GB (10^9 bytes) and GiB (2^30 bytes)");
        assertThat(panel.practice().standing(Exercise.BUILT_IN.get(1))).isEqualTo(new Practice.Standing(2, false, false));
    }

    @Test
    void aMisconceptionCardSetsBothScenariosRingsTheEvidenceAndThenSaysWhy(FxRobot robot) {
        robot.interact(() -> panel.showCards());
        settle();
        assertThat(panel.showingCards()).isTrue();
        assertThat(robot.lookup("#card-claim").queryLabeled().getText()).contains(Misconception.BUILT_IN.get(0).claim());
        robot.clickOn("#card-before");
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(1);
        assertThat(panel.evidenceText()).startsWith("Set the second scenario");
        robot.clickOn("#card-after");
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(16);
        assertThat(vm.highlightProperty().get()).isEqualTo(Topic.BATCHING);
        assertThat(panel.evidenceText()).startsWith("Evidence: Batch 1: 47.2 tokens/s per sequence. Batch 16:");
        robot.clickOn("#card-next");
        settle();
        assertThat(robot.lookup("#card-claim").queryLabeled().getText()).contains("FLOP/s");
        assertThat(robot.lookup("#card-after").queryLabeled().getText()).isEqualTo("Then: peak FLOP/s ×2");
        robot.clickOn("#card-after");
        settle();
        assertThat(panel.evidenceText()).contains("Twice the peak FLOP/s");
        // Undo takes the card's scenario back: the learner's own work is never lost.
        robot.interact(() -> vm.history().undo());
        settle();
        assertThat(vm.scalesProperty().get().peak()).isEqualTo(1);
    }
}
