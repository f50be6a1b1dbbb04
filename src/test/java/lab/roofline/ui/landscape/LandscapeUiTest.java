package lab.roofline.ui.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.render.chart.LandscapeChart;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The hardware landscape window: every device drawn, a click makes one the live GPU, the precision changes it. */
class LandscapeUiTest extends FeatureFixture {
    private LandscapeView landscape;

    /** The landscape window on its own, on a fresh view model (the window opens it beside the dashboard). */
    @Start
    void start(Stage stage) {
        model();
        landscape = new LandscapeView(vm, () -> { });
        Scene scene = new Scene(landscape, 1100, 640);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void clickingADeviceMakesItTheLiveGpuAndTheRingFollows(FxRobot robot) {
        settle();
        LandscapeChart chart = landscape.chart();
        assertThat(chart.landscape().dots()).hasSize((int) vm.profiles().stream().filter(p -> p.runsNatively(Precision.INT8)).count());
        HardwareProfile mi300x = vm.profiles().stream().filter(p -> p.id().equals("mi300x")).findFirst().orElseThrow();
        Point2D at = chart.position(mi300x);
        robot.moveTo(chart.localToScreen(at));
        settle();
        assertThat(chart.hoverText()).first().asString().startsWith("AMD Instinct MI300X");
        assertThat(chart.hoverText()).anyMatch(l -> l.startsWith("Source: "));
        robot.clickOn(chart.localToScreen(at));
        settle();
        assertThat(vm.gpuProperty().get().id()).isEqualTo("mi300x");
        assertThat(chart.labelLayout().label("bw-mi300x").style().bold()).as("the live device's name, in bold").isTrue();
    }

    @Test
    void anotherPrecisionMovesTheDevicesAndLeavesOutThoseWithoutIt(FxRobot robot) {
        settle();
        LandscapeChart chart = landscape.chart();
        assertThat(chart.shownPrecision()).as("the live math").isEqualTo(vm.result().computePrecision());
        HardwareProfile h100 = vm.profiles().stream().filter(p -> p.id().equals("h100_sxm")).findFirst().orElseThrow();
        double int8Y = chart.position(h100).getY();
        robot.interact(() -> landscape.precisionChoice().setValue(Precision.BF16));
        settle();
        assertThat(chart.landscape().precision()).isEqualTo(Precision.BF16);
        assertThat(chart.position(h100).getY()).as("half the INT8 peak: lower").isGreaterThan(int8Y);
        robot.interact(() -> landscape.precisionChoice().setValue(Precision.FP4));
        settle();
        assertThat(chart.position(h100)).as("no FP4 peak on the H100").isNull();
        assertThat(chart.landscape().without()).contains(h100);
    }

    @Test
    void aWhatIfIsDrawnBesideTheRealDeviceAndClickingItKeepsTheRealProfile(FxRobot robot) {
        robot.interact(() -> vm.scalesProperty().set(new HardwareScales(2, 1, 1)));
        settle();
        LandscapeChart chart = landscape.chart();
        HardwareProfile scaled = vm.result().scenario().gpu();
        HardwareProfile real = vm.gpuProperty().get();
        assertThat(chart.position(scaled)).as("the what-if, drawn").isNotNull();
        assertThat(chart.position(scaled).getX()).isGreaterThan(chart.position(real).getX());
        assertThat(chart.labelLayout().label("bw-h100_sxm-what-if").style().bold()).as("the live one is the what-if").isTrue();
        assertThat(chart.labelLayout().label("bw-h100_sxm") == null
                || !chart.labelLayout().label("bw-h100_sxm").style().bold()).isTrue();
        robot.clickOn(chart.localToScreen(chart.position(scaled)));
        settle();
        assertThat(vm.gpuProperty().get()).as("the profile from the list, not its scaled copy").isSameAs(real);
        assertThat(vm.result().scenario().gpu().name()).endsWith("with 2× bandwidth");
    }
}
