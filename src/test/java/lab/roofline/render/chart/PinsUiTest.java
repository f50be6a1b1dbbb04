package lab.roofline.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.event.ActionEvent;
import javafx.geometry.Point2D;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import lab.roofline.render.layout.PinKey;
import lab.roofline.render.layout.PinStyle;
import lab.roofline.render.layout.RooflineLabels;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Pin a scenario and it is drawn on all three charts, in its own colour; unpin it and it is gone. */
class PinsUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** The colour drawn at a point of a chart, as on screen. */
    private static Color pixel(FxRobot robot, CanvasChart chart, Point2D at) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = chart.snapshot(null, null));
        return shot[0].getPixelReader().getColor((int) Math.round(at.getX()), (int) Math.round(at.getY()));
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 0.12;
    }

    private static final Color PIN_1 = Color.web("#0b7d8c"); // styles/light.css, -rl-pin-1

    @Test
    void aPinIsDrawnOnEveryChartInItsColourAndUnpinningRemovesIt(FxRobot robot) {
        RooflineChart roofline = view.rooflineChart();
        UtilizationChart utilization = view.utilizationChart();
        CostChart cost = view.costChart();
        // The pin: the H200 at batch 16, up the slope from the live H100 at batch 1, on its own steeper roof.
        robot.interact(() -> {
            vm.edit().selectGpu("h200_sxm");
            vm.batchSizeProperty().set(16);
        });
        robot.interact(() -> view.commands().pin.handle(new ActionEvent()));
        robot.interact(() -> {
            vm.edit().selectGpu("h100_sxm");
            vm.batchSizeProperty().set(1);
        });
        settle();
        assertThat(roofline.pins()).hasSize(1);
        Point2D decode = roofline.pinPosition(0, false);
        assertThat(near(pixel(robot, roofline, decode), PIN_1)).as("the pin's decode marker in its colour").isTrue();
        assertThat(roofline.pinKey().rows()).extracting(PinKey.Row::text).containsExactly("Live", "H200 SXM · 70.6B INT8 · batch 16");
        assertThat(roofline.labelLayout().label(RooflineLabels.pinId(0))).as("named beside its point").isNotNull();

        Point2D current = utilization.pinPosition(0);
        assertThat(current.getX()).isGreaterThan(utilization.currentBatchX() + 50);
        assertThat(near(pixel(robot, utilization, current), PIN_1)).as("its current batch on its curve").isTrue();
        assertThat(utilization.pinKey().rows()).hasSize(2);

        // Cost: a bar per scenario in each group; the pin's output cost, per token, is far below the live one's.
        var pinBars = cost.segments().stream().filter(s -> s.scenario() == 1).toList();
        assertThat(pinBars).extracting(CostChart.Segment::bar).contains("Input (prefill) · H200 SXM · 70.6B INT8 · batch 16", "Output (decode) · H200 SXM · 70.6B INT8 · batch 16");
        double liveOutput = cost.segments().stream().filter(s -> s.scenario() == 0 && s.bar().startsWith("Output"))
                .mapToDouble(CostChart.Segment::w).sum();
        double pinOutput = pinBars.stream().filter(s -> s.bar().startsWith("Output")).mapToDouble(CostChart.Segment::w).sum();
        assertThat(pinOutput).isLessThan(liveOutput / 10);

        robot.interact(() -> vm.pinsModel().unpin(vm.pinsModel().pins().get(0)));
        settle();
        assertThat(near(pixel(robot, roofline, decode), PIN_1)).as("gone from the roofline").isFalse();
        assertThat(near(pixel(robot, utilization, current), PIN_1)).as("gone from the utilization chart").isFalse();
        assertThat(roofline.pinKey()).isNull();
        assertThat(cost.segments()).allMatch(s -> s.scenario() == 0);
    }

    @Test
    void recolouringFromTheTableChangesTheMarkerOnTheCharts(FxRobot robot) {
        robot.interact(() -> {
            vm.batchSizeProperty().set(64);
            vm.pinsModel().pin("H100 at 64");
            vm.batchSizeProperty().set(1);
        });
        settle();
        MenuButton menu = robot.lookup(".comparison-name").match(
                n -> n instanceof MenuButton).query();
        assertThat(menu.getText()).isEqualTo("■ H100 at 64");
        Menu colours = (Menu) menu.getItems().stream()
                .filter(i -> "Colour and marker".equals(i.getText())).findFirst().orElseThrow();
        assertThat(colours.getItems()).hasSize(4);
        robot.interact(() -> colours.getItems().stream()
                .filter(i -> i.getText().equals("▲  " + PinStyle.TRIANGLE.description())).findFirst().orElseThrow().fire());
        settle();
        assertThat(vm.pinsModel().pins().get(0).colour()).isEqualTo(1);
        assertThat(view.rooflineChart().pinKey().rows().get(1).style()).isEqualTo(PinStyle.TRIANGLE);
        assertThat(view.costChart().pins().get(0).style()).isEqualTo(PinStyle.TRIANGLE);
    }

    @Test
    void withFourPinsTheCostChartDropsTheApiStripAndEveryBarKeepsRoomForItsText(FxRobot robot) {
        for (int batch : new int[] {2, 4, 8, 16}) {
            robot.interact(() -> {
                vm.batchSizeProperty().set(batch);
                vm.pinsModel().pin("batch " + batch);
            });
        }
        robot.interact(() -> vm.batchSizeProperty().set(1));
        settle();
        CostChart cost = view.costChart();
        assertThat(cost.segments()).extracting(CostChart.Segment::scenario).contains(0, 1, 2, 3, 4);
        // The rows hold a line of text each (the charts grew to make room).
        assertThat(cost.groupedRowHeight()).isGreaterThanOrEqualTo(13 * 0.95);
        var tick = vm.referencesProperty().getValue().get(0);
        assertThat(cost.tickAt(cost.tickPosition(tick).getX(), cost.tickPosition(tick).getY()))
                .as("no API strip beside pins").isNull();
        // Bars of one group sit one under the other, in the order pinned.
        var outputs = cost.segments().stream().filter(s -> s.bar().startsWith("Output") && s.cause().equals("Reading weights"))
                .toList();
        for (int i = 1; i < outputs.size(); i++) {
            assertThat(outputs.get(i).y()).isGreaterThan(outputs.get(i - 1).y() + outputs.get(i - 1).h());
        }
    }

    @Test
    void aPinThatIsTheLiveScenarioSaysSoInTheKeysUntilTheLiveOneMoves(FxRobot robot) {
        robot.interact(() -> vm.pinsModel().pin("same"));
        settle();
        assertThat(view.rooflineChart().pinKey().rows().get(1).text()).isEqualTo("same (= live)");
        assertThat(view.utilizationChart().pinKey().rows().get(1).text()).isEqualTo("same (= live)");
        robot.interact(() -> vm.batchSizeProperty().set(8));
        settle();
        assertThat(view.rooflineChart().pinKey().rows().get(1).text()).isEqualTo("same");
    }
}
