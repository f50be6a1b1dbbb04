package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.ui.FeatureFixture;
import lab.roofline.render.layout.RooflineGeometry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The workload section: batch, prompt and generated tokens.
 * Driven as a user would: each input moves what it should, and only that.
 */
class WorkloadSectionUiTest extends FeatureFixture {
    @Start
    void start(Stage stage) {
        openControls(stage);
    }

    @Test
    void draggingTheBatchSliderMovesTheDecodePointRightAndTheUtilizationMarker(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B));
        settle();
        Point2D before = roofline().markerPosition(RooflineGeometry.Marker.DECODE);
        double markerBefore = utilization().currentBatchX();
        Node thumb = controls().workload().batchField().slider().lookup(".thumb");
        robot.drag(thumb).moveBy(120, 0).drop();
        settle();
        assertThat(vm.batchSizeProperty().get()).isGreaterThan(1);
        assertThat(roofline().markerPosition(RooflineGeometry.Marker.DECODE).getX()).isGreaterThan(before.getX() + 20);
        assertThat(utilization().currentBatchX()).isGreaterThan(markerBefore + 20);
    }

    @Test
    void arrowKeysOnTheBatchSliderDoubleTheBatch(FxRobot robot) {
        robot.clickOn(controls().workload().batchField().slider().lookup(".thumb"));
        robot.interact(() -> vm.batchSizeProperty().set(4));
        robot.type(KeyCode.RIGHT);
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(8);
    }

    @Test
    void controlsExplainThemselvesWhenThePointerArrives(FxRobot robot) {
        Slider slider = controls().workload().batchField().slider();
        assertThat(slider.getTooltip()).isNull(); // created on demand: start-up stays quick
        robot.moveTo(slider);
        settle();
        assertThat(slider.getTooltip()).isNotNull();
        assertThat(slider.getTooltip().getText()).contains("Sequences decoded together");
        Node fp4 = robot.lookup("#precision-fp4").query();
        robot.moveTo(fp4);
        settle();
        assertThat(((ToggleButton) fp4).getTooltip().getText()).contains("has no FP4 peak: the math uses FP8");
    }

    /** A refused value never outlives a change from elsewhere: the field shows the model again, without the error. */
    @Test
    void aRefusedDraftGivesWayToAChangeFromElsewhere(FxRobot robot) {
        var batch = controls().workload().batchField();
        robot.interact(() -> vm.batchSizeProperty().set(64));
        robot.doubleClickOn(batch.field()).eraseText(6).write("10M").type(KeyCode.ENTER);
        settle();
        assertThat(batch.errorLabel().isVisible()).as("10M is refused").isTrue();
        assertThat(batch.field().getText()).isEqualTo("10M");
        // A lesson step that sets batch 64 again: the value did not change, the draft still goes.
        robot.interact(() -> vm.apply(vm.inputs()));
        settle();
        assertThat(batch.field().getText()).isEqualTo("64");
        assertThat(batch.errorLabel().isVisible()).isFalse();
        assertThat(batch.field().getStyleClass()).doesNotContain("invalid");
        robot.doubleClickOn(batch.field()).eraseText(6).write("10M").type(KeyCode.ENTER);
        settle();
        robot.interact(() -> vm.history().undo());
        settle();
        assertThat(batch.field().getText()).isEqualTo("1");
        assertThat(batch.errorLabel().isVisible()).isFalse();
        robot.doubleClickOn(batch.field()).eraseText(6).write("10M").type(KeyCode.ENTER);
        settle();
        robot.interact(() -> vm.resetToDefaults());
        settle();
        assertThat(batch.field().getText()).isEqualTo("1");
        assertThat(batch.errorLabel().isVisible()).isFalse();
    }

    /** A refused value says why under its field without moving anything; Escape puts the applied value back. */
    @Test
    void anErrorNeverMovesTheControlsAndEscapeRevertsToTheAppliedValue(FxRobot robot) {
        var batch = controls().workload().batchField();
        var prompt = controls().workload().promptField();
        robot.interact(() -> vm.batchSizeProperty().set(64));
        settle();
        double sliderY = batch.slider().localToScene(0, 0).getY();
        double promptY = prompt.field().localToScene(0, 0).getY();
        robot.doubleClickOn(batch.field()).eraseText(6).write("1,5B").type(KeyCode.ENTER);
        settle();
        assertThat(batch.errorLabel().isVisible()).isTrue();
        assertThat(batch.errorLabel().getText()).isNotBlank();
        assertThat(batch.slider().localToScene(0, 0).getY()).as("the slider under the field stays put").isEqualTo(sliderY);
        assertThat(prompt.field().localToScene(0, 0).getY()).as("the next control stays put").isEqualTo(promptY);
        // The message sits under the field, where it is read.
        double fieldBottom = batch.field().localToScene(0, batch.field().getHeight()).getY();
        double errorTop = batch.errorLabel().localToScene(0, 0).getY();
        assertThat(errorTop).isBetween(fieldBottom, fieldBottom + 8);
        assertThat(batch.errorLabel().isMouseTransparent()).isTrue();
        robot.type(KeyCode.ESCAPE);
        settle();
        assertThat(batch.field().getText()).isEqualTo("64");
        assertThat(batch.errorLabel().isVisible()).isFalse();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(64);
    }
}
