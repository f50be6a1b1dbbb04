package lab.roofline.render.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.explain.Captions;
import lab.roofline.explain.Derivations;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.render.layout.TickLabels;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The three charts in the window: hover cards, bars and one redraw per frame. */
class ChartsUiTest extends FeatureFixture {
    @Start
    void start(Stage stage) {
        openCharts(stage);
    }

    @Test
    void hoveringTheDecodePointShowsItsExactNumbers(FxRobot robot) {
        RooflineChart roofline = roofline();
        Point2D p = roofline.markerPosition(RooflineGeometry.Marker.DECODE);
        robot.moveTo(roofline.localToScreen(p));
        settle();
        assertThat(roofline.hoverText()).isNotEmpty();
        assertThat(roofline.hoverText().get(0)).startsWith("Decode step: batch 1");
        assertThat(String.join(" ", roofline.hoverText())).contains("tokens/s", "FLOP/byte",
                "time = max(matmul FLOPs ÷ peak, bytes ÷ bandwidth)");
    }

    @Test
    void hoveringTheUtilizationCurveShowsTheNearestBatch(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(64));
        settle();
        UtilizationChart chart = utilization();
        double x = chart.currentBatchX();
        robot.moveTo(chart.localToScreen(x, chart.getHeight() / 2));
        settle();
        assertThat(chart.hoveredPoint()).isNotNull();
        assertThat(chart.hoveredPoint().batchSize()).isEqualTo(64);
    }

    @Test
    void theCostBarsShowTheRatioAndSplitByCause(FxRobot robot) {
        settle();
        CostChart cost = cost();
        assertThat(cost.ratioShown()).isCloseTo(vm.result().cost().outputToInputRatio(), within(1e-9));
        var segments = cost.segments();
        double input = segments.stream().filter(x -> x.bar().startsWith("Input")).mapToDouble(x -> x.w()).sum();
        double output = segments.stream().filter(x -> x.bar().startsWith("Output")).mapToDouble(x -> x.w()).sum();
        assertThat(output).isGreaterThan(input * 10); // batch 1: output tokens cost ~290x input
        assertThat(segments).anyMatch(x -> x.bar().startsWith("Output") && x.cause().equals("Reading weights"));
    }

    /** At any width the bars get at least about half of it, so a 291× gap never looks like 2×. */
    @Test
    void theCostBarsKeepTheirProportionsAtEveryWidth(FxRobot robot) {
        double ratio = vm.result().cost().outputToInputRatio();
        for (double width : new double[] {380, 480, 640, 900, 1400}) {
            double[] measured = new double[3];
            robot.interact(() -> {
                CostChart chart = costChartLaidOut(width, 420);
                measured[0] = chart.barAreaWidth();
                measured[1] = chart.segments().stream().filter(s -> s.bar().startsWith("Input")).mapToDouble(s -> s.w()).sum();
                measured[2] = chart.segments().stream().filter(s -> s.bar().startsWith("Output")).mapToDouble(s -> s.w()).sum();
                chart.dispose();
            });
            assertThat(measured[0]).as("bar area at %s px", width).isGreaterThanOrEqualTo(width * 0.45);
            assertThat(measured[2]).as("the longer bar fills the area").isCloseTo(measured[0], within(8.0)); // + 2 px slivers
            // The short bar is the long one ÷ the ratio, or the 2 px a visible sliver needs per piece.
            assertThat(measured[1]).as("input bar at %s px", width)
                    .isLessThanOrEqualTo(Math.max(measured[2] / ratio + 1, 8));
        }
    }

    /** A short, narrow chart names each bar above it: one bar never covers the other's name. */
    @Test
    void inAShortChartNoBarCoversTheOthersName(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(4096)); // a long input bar
        for (double[] size : new double[][] {{380, 240}, {400, 250}, {460, 240}, {460, 330}}) {
            double width = size[0];
            double height = size[1];
            double[] measured = new double[2];
            robot.interact(() -> {
                CostChart chart = costChartLaidOut(width, height);
                var input = chart.segments().stream().filter(s -> s.bar().startsWith("Input")).findFirst().orElseThrow();
                var output = chart.segments().stream().filter(s -> s.bar().startsWith("Output")).findFirst().orElseThrow();
                measured[0] = input.y() + input.h();
                measured[1] = output.y();
                chart.dispose();
            });
            // The output bar's name and total sit on a line above it (about 16 px at 100 %).
            assertThat(measured[1] - measured[0]).as("room for the name at %s x %s px", width, height).isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void aScenarioThatDoesNotFitShowsWouldBeCostsNotPrices(FxRobot robot) {
        assertThat(cost().infeasibleShown()).isFalse();
        robot.interact(() -> {
            vm.edit().selectGpu("l4");
            vm.presetProperty().set(ModelPresets.LLAMA_3_1_405B);
        });
        settle();
        assertThat(cost().infeasibleShown()).isTrue();
        var input = summary().tile(Derivations.Quantity.INPUT_COST);
        assertThat(input.detailText()).isEqualTo("would be: does not fit in memory");
        assertThat(input.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("infeasible"));
        // Every figure of it is what it would be, on every tile alike.
        for (var q : List.of(Derivations.Quantity.COMPUTE_UTILIZATION,
                Derivations.Quantity.RATIO)) {
            assertThat(summary().tile(q).detailText()).as(q.name()).isEqualTo("would be: does not fit in memory");
        }
        robot.interact(() -> vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B));
        settle();
        assertThat(cost().infeasibleShown()).isFalse();
    }

    /** "does not fit: needs 18 × NVIDIA T4" is the point of the headline: a narrow chart wraps it, never cuts it. */
    @Test
    void theReasonAScenarioDoesNotFitIsNeverCutShort(FxRobot robot) {
        robot.interact(() -> {
            vm.edit().selectGpu("t4");
            vm.presetProperty().set(ModelPresets.LLAMA_3_1_405B);
        });
        for (double width : new double[] {380, 480, 640, 1400}) {
            List<List<String>> shown = new ArrayList<>();
            robot.interact(() -> {
                CostChart chart = costChartLaidOut(width, 420);
                shown.add(chart.headlineShown());
                chart.dispose();
            });
            String all = String.join(" ", shown.get(0));
            assertThat(all).as("at %s px", width).startsWith("would cost")
                    .contains(Captions.doesNotFit(vm.result())).doesNotContain("…");
            if (width == 380) {
                assertThat(shown.get(0)).as("wrapped at %s px", width).hasSize(2);
            }
        }
    }

    @Test
    void hoveringAnApiPriceTickNamesTheProviderModelAndDate(FxRobot robot) {
        CostChart cost = cost();
        settle();
        var reference = vm.referencesProperty().getValue().stream().filter(r -> r.ratio() == 5.0).findFirst().orElseThrow();
        robot.moveTo(cost.localToScreen(cost.tickPosition(reference)));
        settle();
        assertThat(cost.tickHoverText()).isNotEmpty();
        assertThat(cost.tickHoverText().get(0)).isEqualTo("Output ÷ input = 5× in public API prices");
        assertThat(String.join("\n", cost.tickHoverText())).containsPattern("Anthropic .+ \\(20\\d\\d-\\d\\d-\\d\\d\\)")
                .contains("this scenario gets there at batch ≈");
    }

    /** In an exported chart (1100 × 620) every roof drawn is named, whatever the GPU and precision. */
    @Test
    void everyRoofThatIsDrawnIsLabelledInAnExportedChart(FxRobot robot) {
        for (String gpu : new String[] {"h100_sxm", "a100_80gb_sxm", "mi300x", "l4", "b200", "tpu_v5e"}) {
            for (Precision p : new Precision[] {
                    Precision.BF16, Precision.FP32,
                    Precision.INT8}) {
                List<String> labels = new ArrayList<>();
                robot.interact(() -> {
                    vm.edit().selectGpu(gpu);
                    vm.precisionProperty().set(p);
                    RooflineChart chart = new RooflineChart(vm.resultProperty());
                    Scene scene = new Scene(new StackPane(chart),
                            1100, 620);
                    Theme.LIGHT.applyTo(scene);
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    labels.addAll(chart.roofLabels());
                    chart.dispose();
                });
                long distinctPeaks = vm.result().roofs().stream()
                        .mapToDouble(Evaluation.Roof::peakFlopsPerSecond).distinct().count();
                assertThat(labels).as(gpu + " " + p).hasSize((int) distinctPeaks);
            }
        }
    }

    @Test
    void theDecodePathDotsHaveAKey(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B));
        settle();
        assertThat(roofline().geometry().decodePath()).hasSizeGreaterThan(2);
        assertThat(roofline().decodePathKeyShown()).isTrue();
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
        assertThat(vm.evaluationCountProperty().get() - before).isBetween(1, 3);
    }

    /** A cost chart of the live scenario alone in a window of the given size, laid out (FX thread). */
    private CostChart costChartLaidOut(double width, double height) {
        CostChart chart = new CostChart(vm.resultProperty(), vm.referencesProperty());
        Scene scene = new Scene(new StackPane(chart), width, height);
        Theme.LIGHT.applyTo(scene);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return chart;
    }

    @Test
    void flopsTicksShareOneStyleOnAnAxis() {
        assertThat(List.of(1e14, 1e15, 1e16, 1e17, 1e18).stream().map(TickLabels::tflops).toList())
                .containsExactly("100", "1,000", "10k", "100k", "1M");
    }
}
