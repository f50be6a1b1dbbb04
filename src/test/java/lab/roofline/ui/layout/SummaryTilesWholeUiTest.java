package lab.roofline.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.roofline.render.summary.SummaryTile;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The summary's tiles are whole where their detail lines wrap (a card beside the charts at 1280x800, two
 * devices' "70.8 GB/device · max batch 68"): no line or bar runs out of its tile, no tile under the charts.
 */
class SummaryTilesWholeUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void wrappedTilesKeepTheirTextAndBarInsideAndAboveTheCharts(FxRobot robot) {
        robot.interact(() -> {
            Window window = view.getScene().getWindow();
            window.setWidth(1280);
            window.setHeight(800);
            vm.gpuCountProperty().set(2);
            view.commands().practice.setSelected(true);
        });
        settle();
        double chartsTop = bounds(view.rooflineChart().getParent()).getMinY();
        int tiles = 0;
        for (Node tile : view.lookupAll(".tile")) {
            Bounds t = bounds(tile);
            for (Node line : ((Parent) tile).getChildrenUnmodifiable()) {
                if (line.isVisible()) {
                    assertThat(bounds(line).getMaxY()).as("%s: a line ends inside its tile", ((SummaryTile) tile).titleText())
                            .isLessThanOrEqualTo(t.getMaxY() + 0.5);
                }
            }
            assertThat(t.getMaxY()).as("%s ends above the charts", ((SummaryTile) tile).titleText())
                    .isLessThanOrEqualTo(chartsTop + 0.5);
            tiles++;
        }
        assertThat(tiles).isEqualTo(8);
    }
}
