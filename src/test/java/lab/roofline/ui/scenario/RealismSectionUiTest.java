package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import lab.roofline.engine.RealismMode;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The realism section: ideal, measured or custom efficiencies.
 * Driven as a user would: each input moves what it should, and only that.
 */
class RealismSectionUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theRealisticSettingUsesTheMeasuredFractionsAndMovingASliderMakesItCustom(FxRobot robot) {
        robot.interact(() -> {
            vm.setRealism(lab.roofline.io.RealismLoader.loadBundled().realism());
            scrollControlsTo(1);
        });
        settle();
        robot.clickOn("#realism-realistic");
        settle();
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.803);
        assertThat(controls().realism().sourceLabel().getText()).contains("Bandwidth 84.0 %");
        assertThat(controls().realism().bandwidthSlider().getValue()).isEqualTo(0.84);
        robot.interact(() -> vm.selectGpu("a100_80gb_sxm"));
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.869);
        robot.interact(() -> controls().realism().computeSlider().setValue(0.5));
        assertThat(vm.realismModeProperty().get()).isEqualTo(RealismMode.CUSTOM);
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.5);
        assertThat(vm.bandwidthEfficiencyProperty().get()).isEqualTo(0.84);
        robot.clickOn("#realism-ideal");
        settle();
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(1.0);
        assertThat(controls().realism().computeSlider().getValue()).isEqualTo(1.0);
    }
}
