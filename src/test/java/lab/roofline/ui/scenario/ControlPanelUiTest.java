package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.ModelPresets;
import lab.roofline.engine.Precision;
import lab.roofline.engine.RealismMode;
import lab.roofline.explain.Derivations;
import lab.roofline.ui.DashboardFixture;
import lab.roofline.ui.chart.RooflineChart;
import lab.roofline.ui.chart.RooflineGeometry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The control panel's sections, driven as a user would: each input moves what it should, and only that. */
class ControlPanelUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private ControlPanel controls() {
        return view.controls();
    }

    private RooflineChart roofline() {
        return view.rooflineChart();
    }

    private void scrollControlsTo(double v) {
        view.lookup("#controls-scroll");
        ((ScrollPane) view.lookup("#controls-scroll")).setVvalue(v);
    }

    @Test
    void draggingTheBatchSliderMovesTheDecodePointRightAndTheUtilizationMarker(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B));
        settle();
        Point2D before = roofline().markerPosition(RooflineGeometry.Marker.DECODE);
        double markerBefore = view.utilizationChart().currentBatchX();
        Node thumb = controls().workload().batchField().slider().lookup(".thumb");
        robot.drag(thumb).moveBy(120, 0).drop();
        settle();
        assertThat(vm.batchSizeProperty().get()).isGreaterThan(1);
        assertThat(roofline().markerPosition(RooflineGeometry.Marker.DECODE).getX()).isGreaterThan(before.getX() + 20);
        assertThat(view.utilizationChart().currentBatchX()).isGreaterThan(markerBefore + 20);
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
    void choosingAnotherGpuMovesTheRidge(FxRobot robot) {
        Point2D h100 = roofline().markerPosition(RooflineGeometry.Marker.RIDGE);
        robot.clickOn(controls().hardware().gpuFilter()).write("MI300X").type(KeyCode.ENTER);
        settle();
        assertThat(vm.gpuProperty().get().id()).isEqualTo("mi300x");
        Point2D mi300x = roofline().markerPosition(RooflineGeometry.Marker.RIDGE);
        assertThat(mi300x.getX()).isNotCloseTo(h100.getX(), within(3.0));
        assertThat(view.summary().tile(Derivations.Quantity.RIDGE).valueText()).isEqualTo("493 FLOP/byte");
    }

    @Test
    void theGpuListShowsTheGpuTheChartsUseAfterAFilterAndALesson(FxRobot robot) {
        robot.clickOn(controls().hardware().gpuFilter()).write("MI300X").type(KeyCode.ENTER);
        settle();
        robot.interact(() -> view.lesson().start());
        settle();
        HardwareProfile used = vm.result().scenario().gpu();
        assertThat(used.id()).isEqualTo("h100_sxm");
        assertThat(controls().hardware().gpuList().getSelectionModel().getSelectedItem()).isEqualTo(used);
        assertThat(controls().hardware().gpuFilter().getText()).isEmpty();
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
        String costBefore = view.summary().tile(Derivations.Quantity.OUTPUT_COST).valueText();
        robot.doubleClickOn(controls().model().parametersField().field()).eraseText(12).write("70B")
                .type(KeyCode.ENTER);
        settle();
        assertThat(vm.model().totalParameters()).isEqualTo(70e9);
        assertThat(vm.presetProperty().get()).isNull();
        assertThat(controls().model().modelBox().getValue()).isNull();
        assertThat(roofline().redrawCount()).isGreaterThan(redraws);
        assertThat(view.summary().tile(Derivations.Quantity.OUTPUT_COST).valueText()).isNotEqualTo(costBefore);
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
    void theGpuCountFieldExplainsEveryBadValue(FxRobot robot) {
        var count = controls().hardware().gpuCountField();
        robot.interact(() -> scrollControlsTo(0.6));
        for (String[] c : new String[][] {{"abc", "GPU count: 'abc' is not a whole number (try 8)"},
                {"-3", "GPU count: too small (at least 1)"}, {"5000", "GPU count: too large (at most 4,096)"},
                {"1e99", "GPU count: too large (at most 4,096)"}}) {
            robot.doubleClickOn(count.field()).eraseText(8).write(c[0]).type(KeyCode.ENTER);
            settle();
            assertThat(count.errorLabel().getText()).as(c[0]).isEqualTo(c[1]);
            assertThat(count.errorLabel().isVisible()).isTrue();
            assertThat(vm.gpuCountProperty().get()).isEqualTo(1);
        }
        robot.doubleClickOn(count.field()).eraseText(8).write("8").type(KeyCode.ENTER);
        settle();
        assertThat(vm.gpuCountProperty().get()).isEqualTo(8);
        assertThat(count.errorLabel().isVisible()).isFalse();
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
        robot.interact(() -> vm.selectGpu("a100_80gb_sxm"));
        settle();
        Node fp8 = robot.lookup("#precision-fp8").query();
        assertThat(fp8.getStyleClass()).contains("not-native");
        assertThat(robot.lookup("#precision-bf16").query().getStyleClass()).doesNotContain("not-native");
        robot.clickOn(fp8);
        settle();
        assertThat(view.summary().warningTexts()).anyMatch(t -> t.contains("has no FP8 peak: using BF16/FP16"));
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
}
