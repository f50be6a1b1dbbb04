package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.io.data.RealismLoader;
import lab.roofline.ui.FeatureFixture;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The realism section: ideal, measured or custom efficiencies.
 * Driven as a user would: each input moves what it should, and only that.
 */
class RealismSectionUiTest extends FeatureFixture {
    @Start
    void start(Stage stage) {
        openControls(stage);
    }

    @Test
    void theRealisticSettingUsesTheMeasuredFractionsAndMovingASliderMakesItCustom(FxRobot robot) {
        robot.interact(() -> {
            vm.setRealism(RealismLoader.loadBundled().realism());
            scrollControlsTo(1);
        });
        settle();
        robot.clickOn("#realism-realistic");
        settle();
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.803);
        assertThat(controls().realism().sourceLabel().getText()).contains("Bandwidth 84.0 %");
        assertThat(controls().realism().bandwidthSlider().getValue()).isEqualTo(0.84);
        robot.interact(() -> vm.edit().selectGpu("a100_80gb_sxm"));
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.869);
        robot.interact(() -> controls().realism().computeSlider().setValue(0.5));
        assertThat(vm.realismModeProperty().get()).isEqualTo(RealismMode.CUSTOM);
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.5);
        assertThat(vm.bandwidthEfficiencyProperty().get()).isEqualTo(0.84);
        // The custom setting keeps the measured overhead per layer it came from.
        assertThat(vm.layerOverheadSecondsProperty().get()).isCloseTo(55.5e-6, Assertions.within(1e-12));
        robot.clickOn("#realism-ideal");
        settle();
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(1.0);
        assertThat(controls().realism().computeSlider().getValue()).isEqualTo(1.0);
    }

    @Test
    void theOverheadPerLayerIsFittedWhenRealisticAndYoursWhenTyped(FxRobot robot) {
        robot.interact(() -> {
            vm.setRealism(RealismLoader.loadBundled().realism());
            scrollControlsTo(1);
        });
        settle();
        var field = controls().realism().overheadField();
        assertThat(field.getText()).isEqualTo("0");
        double ideal = vm.result().decode().seconds();
        robot.clickOn("#realism-realistic");
        settle();
        assertThat(field.getText()).isEqualTo("55.5");
        // 55.5 µs for each of Llama-3.1-70B's 80 layers, on top of the roofline terms.
        assertThat(vm.result().decode().overheadSeconds()).isCloseTo(80 * 55.5e-6, Assertions.within(1e-12));
        assertThat(controls().realism().sourceLabel().getText()).contains("Overhead 55.5 µs per layer: fitted");
        robot.interact(() -> scrollControlsTo(1)); // the measured sources' text pushed the field down
        settle();
        robot.doubleClickOn(field).eraseText(6).write("soon").type(KeyCode.ENTER);
        settle();
        assertThat(field.errorLabel().getText()).isEqualTo("Overhead per layer: 'soon' is not a number (try 55.5)");
        assertThat(vm.realismModeProperty().get()).isEqualTo(RealismMode.REALISTIC);
        robot.doubleClickOn(field).eraseText(6).write("20000").type(KeyCode.ENTER);
        settle();
        assertThat(field.errorLabel().getText()).isEqualTo("Overhead per layer: too large (at most 10,000)");
        robot.doubleClickOn(field).eraseText(6).write("10").type(KeyCode.ENTER);
        settle();
        assertThat(vm.realismModeProperty().get()).isEqualTo(RealismMode.CUSTOM);
        assertThat(vm.result().decode().overheadSeconds()).isCloseTo(80 * 10e-6, Assertions.within(1e-12));
        assertThat(vm.inputs().customLayerOverheadMicroseconds()).isEqualTo(10);
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.803);
        robot.clickOn("#realism-ideal");
        settle();
        assertThat(vm.result().decode().seconds()).isEqualTo(ideal);
    }
}
