package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Derivations;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The model section: preset, parameter count, precision and KV cache.
 * Driven as a user would: each input moves what it should, and only that.
 */
class ModelSectionUiTest extends FeatureFixture {
    @Start
    void start(Stage stage) {
        openControls(stage);
    }

    @Test
    @SuppressWarnings("unchecked") // the draft model's combo box, looked up by id
    void aDraftModelMovesDecodeRightAndTheSummaryCountsTokensNotSteps(FxRobot robot) {
        double before = vm.result().decode().arithmeticIntensity();
        robot.interact(() -> ((ComboBox<ModelSpec>) robot.lookup("#draft-model")
                .query()).setValue(ModelPresets.LLAMA_3_1_8B));
        settle();
        var sp = vm.speculationProperty().get();
        assertThat(sp.draftModel()).isEqualTo(ModelPresets.LLAMA_3_1_8B);
        assertThat(sp.draftTokens()).isEqualTo(4);
        assertThat(vm.result().decode().arithmeticIntensity()).as("5 tokens checked per weight read")
                .isGreaterThan(4.9 * before);
        // Show your work: the time per output token is the step over the tokens it yields.
        var d = Derivations.of(vm.result()).get(Derivations.Quantity.TIME_PER_OUTPUT_TOKEN);
        assertThat(d.formula()).endsWith("÷ tokens per step").contains("+ draft steps");
        assertThat(d.result()).isEqualTo(Units.seconds(1 / vm.result().decode().tokensPerSecondPerSequence()));
        TextField a = robot.lookup("#acceptance").queryAs(TextField.class);
        robot.interact(() -> {
            a.setText("80 %");
            a.fireEvent(new ActionEvent());
        });
        settle();
        assertThat(vm.speculationProperty().get().acceptanceRate()).isEqualTo(0.8);
        TextField k = robot.lookup("#draft-tokens").queryAs(TextField.class);
        robot.interact(() -> {
            k.setText("40");
            k.fireEvent(new ActionEvent());
        });
        settle();
        assertThat(k.getStyleClass()).contains("invalid");
        assertThat(vm.speculationProperty().get().draftTokens()).as("the bad value is refused, the last kept").isEqualTo(4);
        robot.interact(() -> ((ComboBox<ModelSpec>) robot.lookup("#draft-model")
                .query()).setValue(null));
        settle();
        assertThat(vm.speculationProperty().get().isOn()).isFalse();
        assertThat(vm.result().decode().arithmeticIntensity()).isEqualTo(before);
    }

    @Test
    void changingPrecisionMovesTheRoof(FxRobot robot) {
        double int8Peak = roofline().currentPeakY();
        assertThat(roofline().flopsAtPixelY(int8Peak)).isCloseTo(1979e12, withinPercentage(0.01));
        robot.clickOn("#precision-bf16");
        settle();
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.BF16);
        assertThat(roofline().currentRoofPrecision()).isEqualTo(Precision.BF16);
        assertThat(roofline().currentPeakY()).isGreaterThan(int8Peak + 3);
        assertThat(roofline().flopsAtPixelY(roofline().currentPeakY())).isCloseTo(989.5e12, withinPercentage(0.01));
    }

    @Test
    void clickingTheSelectedPrecisionKeepsItSelected(FxRobot robot) {
        robot.clickOn("#precision-int8");
        settle();
        assertThat(((ToggleButton) robot.lookup("#precision-int8").query()).isSelected()).isTrue();
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.INT8);
    }

    @Test
    void typing70BIntoTheParameterFieldUpdatesTheCharts(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B));
        settle();
        int redraws = roofline().redrawCount();
        String costBefore = summary().tile(Derivations.Quantity.OUTPUT_COST).valueText();
        robot.doubleClickOn(controls().model().parametersField().field()).eraseText(12).write("70B")
                .type(KeyCode.ENTER);
        settle();
        assertThat(vm.model().totalParameters()).isEqualTo(70e9);
        assertThat(vm.presetProperty().get()).isNull();
        assertThat(controls().model().modelBox().getValue()).isNull();
        assertThat(roofline().redrawCount()).isGreaterThan(redraws);
        assertThat(summary().tile(Derivations.Quantity.OUTPUT_COST).valueText()).isNotEqualTo(costBefore);
    }

    @Test
    void tabbingThroughTheParameterFieldChangesNothing(FxRobot robot) {
        var field = controls().model().parametersField().field();
        long maxBatch = vm.result().memory().maxBatch();
        robot.clickOn(field);
        robot.type(KeyCode.TAB);
        robot.clickOn(field);
        robot.clickOn(controls().model().modelBox());
        robot.type(KeyCode.ESCAPE);
        settle();
        assertThat(vm.presetProperty().get()).isEqualTo(ModelPresets.LLAMA_3_1_70B);
        assertThat(vm.result().memory().maxBatch()).isEqualTo(maxBatch);
    }

    @Test
    void badParameterTextShowsAMessageAndKeepsWhatWasTyped(FxRobot robot) {
        double before = vm.parametersProperty().get();
        var p = controls().model().parametersField();
        robot.doubleClickOn(p.field()).eraseText(12).write("70 bananas").type(KeyCode.ENTER);
        settle();
        assertThat(p.errorLabel().isVisible()).isTrue();
        assertThat(p.errorLabel().getText()).isEqualTo("Parameters: '70 bananas' is not a number (try 70B, 7e9 or 1.8T)");
        assertThat(p.field().getText()).isEqualTo("70 bananas");
        assertThat(vm.parametersProperty().get()).isEqualTo(before);
        robot.type(KeyCode.ESCAPE);
        assertThat(p.errorLabel().isVisible()).isFalse();
        assertThat(p.field().getText()).isEqualTo("70.6B");
    }

    @Test
    void aWeightOnlyChoiceKeepsTheBf16Roof(FxRobot robot) {
        robot.clickOn("#precision-w4a16");
        settle();
        assertThat(vm.weightOnlyProperty().get()).isTrue();
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.INT4);
        assertThat(roofline().currentRoofPrecision()).isEqualTo(Precision.BF16);
    }

    @Test
    void precisionsTheGpuLacksAreMarked(FxRobot robot) {
        robot.interact(() -> vm.edit().selectGpu("a100_80gb_sxm"));
        settle();
        Node fp8 = robot.lookup("#precision-fp8").query();
        assertThat(fp8.getStyleClass()).contains("not-native");
        assertThat(robot.lookup("#precision-bf16").query().getStyleClass()).doesNotContain("not-native");
        robot.clickOn(fp8);
        settle();
        assertThat(summary().warningTexts()).anyMatch(t -> t.contains("has no FP8 peak: using BF16/FP16"));
    }
}
