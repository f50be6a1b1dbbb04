package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/** Undo and redo with no toolkit, on a clock the test moves. */
class UndoHistoryTest {
    private final RooflineViewModel vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
    private long nowNanos;
    private final UndoHistory history = vm.history(() -> nowNanos);

    private void later(long millis) {
        nowNanos += millis * 1_000_000;
    }

    @Test
    void aDragIsOneStep() {
        for (int batch = 2; batch <= 64; batch++) { // one change per frame
            later(16);
            vm.batchSizeProperty().set(batch);
        }
        assertThat(history.canUndoProperty().get()).isTrue();
        history.undo();
        assertThat(vm.inputs()).isEqualTo(ScenarioInputs.DEFAULT);
        assertThat(history.canUndoProperty().get()).isFalse();
        history.redo();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(64);
    }

    @Test
    void changesApartAreStepsAndANewChangeClearsRedo() {
        later(1000);
        vm.batchSizeProperty().set(8);
        later(1000);
        vm.gpuCountProperty().set(2);
        later(1000);
        vm.promptTokensProperty().set(4096);
        history.undo();
        history.undo();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(8);
        assertThat(vm.gpuCountProperty().get()).isEqualTo(1);
        assertThat(history.canRedoProperty().get()).isTrue();
        later(1000);
        vm.generatedTokensProperty().set(64);
        assertThat(history.canRedoProperty().get()).as("a new change ends the redo branch").isFalse();
        history.undo();
        assertThat(vm.generatedTokensProperty().get()).isEqualTo(256);
        assertThat(vm.batchSizeProperty().get()).isEqualTo(8);
    }

    @Test
    void aWholeScenarioAppliedRightAfterAChangeIsAStepOfItsOwn() {
        later(1000);
        vm.batchSizeProperty().set(32);
        later(10); // a lesson step straight after the user's own change
        ScenarioInputs lessonStep = new ScenarioInputs("h200_sxm", "Llama-3.1-8B", 8e9, Precision.BF16,
                false, Precision.BF16, 1, 512, 128, 1, RealismMode.IDEAL, 1, 1, null);
        vm.apply(lessonStep);
        ScenarioInputs shown = vm.inputs();
        later(10);
        vm.resetToDefaults();
        history.undo();
        assertThat(vm.inputs()).isEqualTo(shown);
        assertThat(vm.gpuProperty().get().id()).isEqualTo("h200_sxm");
        history.undo();
        assertThat(vm.batchSizeProperty().get()).as("the user's own scenario").isEqualTo(32);
        assertThat(vm.gpuProperty().get().id()).isEqualTo("h100_sxm");
        history.undo();
        assertThat(vm.inputs()).isEqualTo(ScenarioInputs.DEFAULT);
    }

    @Test
    void undoingNothingChangesNothing() {
        history.undo();
        history.redo();
        assertThat(vm.inputs()).isEqualTo(ScenarioInputs.DEFAULT);
    }

    @Test
    void theHistoryIsBounded() {
        for (int i = 0; i < UndoHistory.MAX_STEPS + 50; i++) {
            later(1000);
            vm.batchSizeProperty().set(2 + i);
        }
        int undone = 0;
        while (history.canUndoProperty().get()) {
            history.undo();
            undone++;
        }
        assertThat(undone).isEqualTo(UndoHistory.MAX_STEPS);
    }
}
