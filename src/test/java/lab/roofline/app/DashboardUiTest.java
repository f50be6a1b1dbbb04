package lab.roofline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.roofline.app.chart.RooflineChart;
import lab.roofline.app.export.PngExport;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.Precision;
import lab.roofline.io.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle) and checks what changed on screen. */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {
    private RooflineViewModel vm;
    private DashboardView view;

    @Start
    void start(Stage stage) {
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        vm.apiPrices().setAll(lab.roofline.io.ApiPriceLoader.loadBundled().prices());
        view = new DashboardView(vm, kind -> { });
        Scene scene = new Scene(view, 1440, 900);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RooflineChart roofline() {
        return view.rooflineChart();
    }

    @Test
    void draggingTheBatchSliderMovesTheDecodePointRightAndTheUtilizationMarker(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(lab.roofline.engine.ModelPresets.LLAMA_3_1_8B));
        settle();
        Point2D before = roofline().markerPosition(RooflineChart.Marker.DECODE);
        double markerBefore = view.utilizationChart().currentBatchX();
        Slider slider = view.controls.batch.slider();
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(120, 0).drop();
        settle();
        assertThat(vm.batchSizeProperty().get()).isGreaterThan(1);
        Point2D after = roofline().markerPosition(RooflineChart.Marker.DECODE);
        assertThat(after.getX()).isGreaterThan(before.getX() + 20);
        assertThat(view.utilizationChart().currentBatchX()).isGreaterThan(markerBefore + 20);
    }

    @Test
    void arrowKeysOnTheBatchSliderDoubleTheBatch(FxRobot robot) {
        robot.clickOn(view.controls.batch.slider().lookup(".thumb"));
        robot.interact(() -> vm.batchSizeProperty().set(4));
        robot.type(KeyCode.RIGHT);
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(8);
    }

    @Test
    void choosingAnotherGpuMovesTheRidge(FxRobot robot) {
        Point2D h100 = roofline().markerPosition(RooflineChart.Marker.RIDGE);
        robot.clickOn(view.controls.gpuFilter).write("MI300X").type(KeyCode.ENTER);
        settle();
        assertThat(vm.gpuProperty().get().id()).isEqualTo("mi300x");
        Point2D mi300x = roofline().markerPosition(RooflineChart.Marker.RIDGE);
        assertThat(mi300x.getX()).isNotCloseTo(h100.getX(), org.assertj.core.api.Assertions.within(3.0));
        assertThat(view.summary.ridge.value.getText()).isEqualTo("493 FLOP/byte");
    }

    @Test
    void changingPrecisionMovesTheRoof(FxRobot robot) {
        double int8Peak = roofline().currentPeakY();
        assertThat(roofline().flopsAtPixelY(int8Peak)).isCloseTo(1979e12, org.assertj.core.api.Assertions.withinPercentage(0.01));
        robot.clickOn("#precision-bf16");
        settle();
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.BF16);
        assertThat(roofline().currentRoofPrecision()).isEqualTo(Precision.BF16);
        // Half the peak: lower on screen (larger y), and the axis reads it as 989.5 TFLOP/s.
        assertThat(roofline().currentPeakY()).isGreaterThan(int8Peak + 3);
        assertThat(roofline().flopsAtPixelY(roofline().currentPeakY()))
                .isCloseTo(989.5e12, org.assertj.core.api.Assertions.withinPercentage(0.01));
    }

    @Test
    void typing70BIntoTheParameterFieldUpdatesTheCharts(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(lab.roofline.engine.ModelPresets.LLAMA_3_1_8B));
        settle();
        int redraws = roofline().redrawCount();
        String costBefore = view.summary.outputCost.value.getText();
        robot.doubleClickOn(view.controls.parameters.field()).eraseText(12).write("70B").type(KeyCode.ENTER);
        settle();
        assertThat(vm.model().totalParameters()).isEqualTo(70e9);
        assertThat(vm.presetProperty().get()).isNull();
        assertThat(view.controls.modelBox.getValue()).isNull();
        assertThat(roofline().redrawCount()).isGreaterThan(redraws);
        assertThat(view.summary.outputCost.value.getText()).isNotEqualTo(costBefore);
    }

    @Test
    void badParameterTextShowsAMessageAndKeepsWhatWasTyped(FxRobot robot) {
        double before = vm.parametersProperty().get();
        robot.doubleClickOn(view.controls.parameters.field()).eraseText(12).write("70 bananas").type(KeyCode.ENTER);
        settle();
        assertThat(view.controls.parameters.errorLabel().isVisible()).isTrue();
        assertThat(view.controls.parameters.errorLabel().getText()).contains("'70 bananas' is not a number of parameters");
        assertThat(view.controls.parameters.field().getText()).isEqualTo("70 bananas");
        assertThat(vm.parametersProperty().get()).isEqualTo(before);
    }

    @Test
    void aTooLargeBatchShowsTheMemoryWarning(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(lab.roofline.engine.ModelPresets.LLAMA_3_1_8B));
        robot.doubleClickOn(view.controls.batch.field()).eraseText(8).write("4000").type(KeyCode.ENTER);
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(4000);
        assertThat(view.summary.warningTexts()).anyMatch(t -> t.contains("Does not fit in 80.0 GB at batch 4000"));
        assertThat(view.summary.memory.getPseudoClassStates()).contains(javafx.css.PseudoClass.getPseudoClass("over"));
        assertThat(view.summary.memory.value.getText()).endsWith("/ 80.0 GB");
    }

    @Test
    void exportWritesAPngOfTheExpectedSizeThatIsNotBlank(FxRobot robot, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("roofline.png");
        Node chart = view.nodeFor(ChartKind.ROOFLINE);
        double width = chart.getLayoutBounds().getWidth();
        double height = chart.getLayoutBounds().getHeight();
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = PngExport.render(chart, vm.caption(), 2, view.getScene().getStylesheets()));
        PngExport.write(holder[0], out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.round(width * 2));
        assertThat(png.getHeight()).isGreaterThan((int) Math.round(height * 2));
        assertThat(distinctColours(png)).isGreaterThan(20);
    }

    @Test
    void exportingToAnUnwritablePlaceFailsWithAClearMessage(FxRobot robot, @TempDir Path dir) {
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = PngExport.render(view.nodeFor(ChartKind.COST), "caption", 1,
                view.getScene().getStylesheets()));
        Path missing = dir.resolve("no-such-folder").resolve("x.png");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PngExport.write(holder[0], missing))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("does not exist");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void dashboardExportIsTheWholeContentAtScale(FxRobot robot, @TempDir Path dir) throws Exception {
        WritableImage[] holder = new WritableImage[1];
        Node content = view.nodeFor(ChartKind.DASHBOARD);
        robot.interact(() -> holder[0] = PngExport.render(content, vm.caption(), 1, view.getScene().getStylesheets()));
        Path out = dir.resolve("dash.png");
        PngExport.write(holder[0], out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.round(content.getLayoutBounds().getWidth()));
    }

    @Test
    void hoveringTheDecodePointShowsItsExactNumbers(FxRobot robot) {
        Point2D p = roofline().markerPosition(RooflineChart.Marker.DECODE);
        Point2D screen = roofline().localToScreen(p);
        robot.moveTo(screen);
        settle();
        assertThat(roofline().hoverText()).isNotEmpty();
        assertThat(roofline().hoverText().get(0)).startsWith("Decode step: batch 1");
        assertThat(String.join(" ", roofline().hoverText())).contains("tokens/s", "FLOP/byte",
                "time = max(matmul FLOPs ÷ peak, bytes ÷ bandwidth)");
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
        HardwareProfile a100 = vm.profiles().stream().filter(p -> p.id().equals("a100_80gb_sxm")).findFirst().orElseThrow();
        robot.interact(() -> vm.gpuProperty().set(a100));
        settle();
        Node fp8 = robot.lookup("#precision-fp8").query();
        assertThat(fp8.getStyleClass()).contains("not-native");
        Node bf16 = robot.lookup("#precision-bf16").query();
        assertThat(bf16.getStyleClass()).doesNotContain("not-native");
        robot.clickOn(fp8);
        settle();
        assertThat(view.summary.warningTexts()).anyMatch(t -> t.contains("has no FP8 peak: using BF16/FP16"));
    }

    @Test
    void aDragCostsOneEvaluationPerFrameNotPerEvent(FxRobot robot) throws Exception {
        settle();
        int before = vm.evaluationCountProperty().get();
        robot.interact(() -> {
            for (int b = 1; b <= 500; b++) {
                vm.batchSizeProperty().set(b);
            }
        });
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        settle();
        int evaluations = vm.evaluationCountProperty().get() - before;
        assertThat(evaluations).isBetween(1, 3);
    }

    @Test
    void theCommandLineExportRendersEveryChartKindHeadless(FxRobot robot) {
        for (ChartKind kind : ChartKind.values()) {
            WritableImage[] holder = new WritableImage[1];
            robot.interact(() -> holder[0] = lab.roofline.app.export.HeadlessExport.render(vm.profiles(), vm.result(), kind, 1));
            double expectedWidth = kind == ChartKind.DASHBOARD ? lab.roofline.app.export.HeadlessExport.DASHBOARD_WIDTH
                    : lab.roofline.app.export.HeadlessExport.CHART_WIDTH;
            assertThat(holder[0].getWidth()).as(kind.key()).isLessThanOrEqualTo(expectedWidth).isGreaterThan(expectedWidth * 0.7);
        }
    }

    @Test
    void theGuidedLessonStepsForwardAndBackAndCanBeLeft(FxRobot robot) {
        robot.clickOn("#lesson-start");
        settle();
        assertThat(view.lessonBar.isVisible()).isTrue();
        assertThat(view.lessonBar.stepLabel.getText()).contains("step 1 of 8", "The ridge point");
        robot.clickOn("#lesson-next");
        settle();
        assertThat(view.lessonBar.stepLabel.getText()).contains("step 2 of 8");
        assertThat(view.lessonBar.text.getText()).startsWith("At batch 1 each decode step reads");
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.INT8);
        assertThat(roofline().markerPosition(RooflineChart.Marker.DECODE)).isNotNull();
        robot.clickOn("#lesson-back");
        settle();
        assertThat(view.lessonBar.stepLabel.getText()).contains("step 1 of 8");
        robot.clickOn("#lesson-leave");
        settle();
        assertThat(view.lessonBar.isVisible()).isFalse();
        assertThat(vm.highlightProperty().get()).isNull();
        assertThat(vm.gpuCountProperty().get()).isEqualTo(2);
    }

    @Test
    void theExplanationPanelStatesTheSummarysNumbers(FxRobot robot) {
        robot.clickOn("#explain-toggle");
        settle();
        String ridge = view.explain.text(lab.roofline.engine.Explanation.Topic.RIDGE);
        assertThat(ridge).contains(view.summary.ridge.value.getText());
        robot.interact(() -> vm.batchSizeProperty().set(16));
        settle();
        assertThat(view.explain.text(lab.roofline.engine.Explanation.Topic.BATCHING)).contains("At batch 16");
    }

    @Test
    void showYourWorkPutsTheFormulaUnderEachNumber(FxRobot robot) {
        assertThat(view.summary.ridge.work.isVisible()).isFalse();
        robot.clickOn("#work-toggle");
        settle();
        assertThat(view.summary.ridge.work.isVisible()).isTrue();
        assertThat(view.summary.ridge.work.getText()).isEqualTo("= 1.98 PFLOP/s ÷ 3.35 TB/s");
        assertThat(view.summary.ridge.tooltipText()).contains("ridge = peak FLOP/s ÷ bandwidth", "= 1.98 PFLOP/s ÷ 3.35 TB/s");
        assertThat(view.summary.decode.work.getText()).startsWith("= 1 ÷ ");
    }

    @Test
    void theRealisticSettingUsesTheMeasuredFractionsAndMovingASliderMakesItCustom(FxRobot robot) {
        robot.interact(() -> {
            vm.setRealism(lab.roofline.io.RealismLoader.loadBundled().realism());
            robot.lookup("#controls-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1);
        });
        settle();
        robot.clickOn("#realism-realistic");
        settle();
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.803);
        assertThat(vm.bandwidthEfficiencyProperty().get()).isEqualTo(0.84);
        robot.interact(() -> vm.selectGpu("a100_80gb_sxm"));
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.869);
        robot.interact(() -> vm.computeEfficiencyProperty().set(0.5));
        assertThat(vm.realismModeProperty().get()).isEqualTo(RooflineViewModel.RealismMode.CUSTOM);
        robot.clickOn("#realism-ideal");
        settle();
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(1.0);
        assertThat(vm.bandwidthEfficiencyProperty().get()).isEqualTo(1.0);
    }

    @Test
    void controlsExplainThemselvesWhenThePointerArrives(FxRobot robot) {
        Slider slider = view.controls.batch.slider();
        assertThat(slider.getTooltip()).isNull(); // created on demand: start-up stays quick
        robot.moveTo(slider);
        settle();
        assertThat(slider.getTooltip()).isNotNull();
        assertThat(slider.getTooltip().getText()).contains("Sequences decoded together");
        Node fp4 = robot.lookup("#precision-fp4").query();
        robot.moveTo(fp4);
        settle();
        assertThat(((javafx.scene.control.ToggleButton) fp4).getTooltip().getText())
                .contains("has no FP4 peak: the math uses FP8");
    }

    @Test
    void theCostBarsShowTheRatioAndSplitByCause(FxRobot robot) {
        settle();
        assertThat(view.costChart().ratioShown())
                .isCloseTo(vm.result().cost().outputToInputRatio(), org.assertj.core.api.Assertions.within(1e-9));
        var segments = view.costChart().segments();
        double input = segments.stream().filter(x -> x.bar().startsWith("Input")).mapToDouble(x -> x.w()).sum();
        double output = segments.stream().filter(x -> x.bar().startsWith("Output")).mapToDouble(x -> x.w()).sum();
        assertThat(output).isGreaterThan(input * 10); // batch 1: output tokens cost ~290x input
        assertThat(segments).anyMatch(x -> x.bar().startsWith("Output") && x.cause().equals("Reading weights"));
    }

    @Test
    void hoveringTheUtilizationCurveShowsTheNearestBatch(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(64));
        settle();
        double x = view.utilizationChart().currentBatchX();
        robot.moveTo(view.utilizationChart().localToScreen(x, view.utilizationChart().getHeight() / 2));
        settle();
        assertThat(view.utilizationChart().hoveredPoint()).isNotNull();
        assertThat(view.utilizationChart().hoveredPoint().batchSize()).isEqualTo(64);
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
