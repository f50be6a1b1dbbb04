package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RentalPriceLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, item 10: the dashboard, the planner and the serving window take a price from one place (the
 * profile's, then the rental table's) and say which; a T4 was "no price" on the dashboard and $0.526 in the plan.
 */
class OnePriceTest {
    @Test
    void thePriceFieldShowsThePriceTheChartsUseNotARoundedOne() {
        assertThat(HardwareSection.priceText(0.526)).isEqualTo("0.526"); // was 0.53 beside a $0.526 tile
        assertThat(HardwareSection.priceText(3.49)).isEqualTo("3.49");
        assertThat(HardwareSection.priceText(2)).isEqualTo("2.00");
        assertThat(HardwareSection.priceText(1.23456)).isEqualTo("1.2346");
        assertThat(HardwareSection.priceText(Double.NaN)).isEmpty();
    }

    @Test
    void aT4IsPricedFromTheRentalTableOnTheDashboardAsInThePlanner() {
        RooflineViewModel vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        RentalPrices table = RentalPriceLoader.loadBundled().prices();
        vm.servingModel().rentalPricesProperty().set(table);
        vm.edit().selectGpu("t4");
        Evaluation e = vm.result();
        double rate = table.find("t4").orElseThrow().usdPerHour();
        assertThat(e.cost().hasPrice()).as("the dashboard's cost").isTrue();
        assertThat(e.cost().priceUsdPerHour()).isEqualTo(rate);
        assertThat(vm.scenarioModel().priceSource()).startsWith("price from the rental table: $0.526 an hour");
        // The planner's devices: the same price, the same source.
        var t4 = vm.servingModel().planRequest(1).gpus().stream().filter(g -> g.id().equals("t4")).findFirst().orElseThrow();
        assertThat(t4.priceUsdPerHour()).isEqualTo(rate);
        assertThat(RentalPrices.tableSource(t4).orElseThrow()).isEqualTo(vm.scenarioModel().priceSource());
        // The serving window's frontier: the live curve priced, and said where from.
        Frontier.Curve live = vm.servingModel().frontierProperty().getValue().liveCurve();
        assertThat(live.priced()).isTrue();
        assertThat(live.priceNote()).startsWith("priced from the rental table: $0.526 an hour");
        // A pin on the T4 read from a file: the same price (the comparison table compares like with like).
        assertThat(vm.pinsModel().setPins(List.of(new NamedScenario.Pinned("T4", 0, vm.inputs(), null)))).isEmpty();
        assertThat(vm.pinsModel().pins().get(0).evaluation().cost().priceUsdPerHour()).isEqualTo(rate);
        // A profile's own price is the profile's; a typed one the user's.
        vm.edit().selectGpu("h100_sxm");
        assertThat(vm.scenarioModel().priceSource()).isEqualTo("profile");
        vm.scenarioModel().setPrice(2.0);
        assertThat(vm.result().cost().priceUsdPerHour()).isEqualTo(2.0);
        assertThat(vm.scenarioModel().priceSource()).isEqualTo("your price");
        // No price anywhere: none, said so.
        vm.edit().selectGpu("gaudi3");
        assertThat(vm.result().cost().hasPrice()).isFalse();
        assertThat(vm.scenarioModel().priceSource()).isEqualTo("no price");
    }
}
