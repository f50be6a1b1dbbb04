package lab.roofline.ui.summary;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.explain.Derivations;
import lab.roofline.io.data.RentalPriceLoader;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Issue 26, item 10: the dashboard prices a T4 as the planner does (the rental table) and says where from. */
class PriceSourceUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aT4OnTheDashboardIsPricedFromTheRentalTableAndSaysSo(FxRobot robot) {
        robot.interact(() -> {
            vm.servingModel().rentalPricesProperty().set(RentalPriceLoader.loadBundled().prices());
            vm.edit().selectGpu("t4");
            vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B); // INT8 weights that fit in 16 GB
        });
        settle();
        var input = view.summary().tile(Derivations.Quantity.INPUT_COST);
        assertThat(input.detailText()).isEqualTo("at $0.526 per hour · rental table");
        robot.interact(() -> vm.edit().selectGpu("h100_sxm"));
        settle();
        assertThat(view.summary().tile(Derivations.Quantity.INPUT_COST).detailText()).isEqualTo("at $3.49 per hour");
    }
}
