package lab.roofline.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import lab.roofline.render.export.ChartKind;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** View ▸ Focus and a double click put a chart large on top, the other two beside each other below it. */
class FocusChartUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void focusingTheUtilizationChartPutsItLargeOnTopAndAgainReturns(FxRobot robot) {
        double usualRooflineHeight = bounds(view.rooflineChart()).getHeight();
        robot.interact(() -> view.commands().focus.get(1).setSelected(true));
        settle();
        Bounds utilization = bounds(view.utilizationChart());
        Bounds roofline = bounds(view.rooflineChart());
        Bounds cost = bounds(view.costChart());
        assertThat(view.focusedChartProperty().get()).isEqualTo(ChartKind.UTILIZATION);
        assertThat(utilization.getMaxY()).isLessThan(roofline.getMinY());
        assertThat(utilization.getHeight()).isGreaterThan(usualRooflineHeight);
        assertThat(utilization.getWidth()).isGreaterThan(roofline.getWidth() + cost.getWidth());
        assertThat(roofline.getMinY()).isEqualTo(cost.getMinY());
        // The same command again: the usual layout, the roofline on top.
        robot.interact(() -> view.commands().focus.get(1).setSelected(false));
        settle();
        assertThat(view.focusedChartProperty().get()).isNull();
        assertThat(bounds(view.rooflineChart()).getMaxY()).isLessThan(bounds(view.utilizationChart()).getMinY());
        assertThat(bounds(view.rooflineChart()).getHeight()).isEqualTo(usualRooflineHeight);
    }

    @Test
    void aDoubleClickFocusesTheCostChartAndASecondOneReturns(FxRobot robot) {
        robot.doubleClickOn(view.costChart(), MouseButton.PRIMARY);
        settle();
        assertThat(view.focusedChartProperty().get()).isEqualTo(ChartKind.COST);
        assertThat(view.commands().focus.get(2).isSelected()).isTrue();
        assertThat(bounds(view.costChart()).getMaxY()).isLessThan(bounds(view.rooflineChart()).getMinY());
        robot.doubleClickOn(view.costChart(), MouseButton.PRIMARY);
        settle();
        assertThat(view.focusedChartProperty().get()).isNull();
        assertThat(view.commands().focus.get(2).isSelected()).isFalse();
    }
}
