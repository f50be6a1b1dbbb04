package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lab.roofline.fx.Tips;
import lab.roofline.render.chart.CanvasChart;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Zoom (Ctrl+Plus, Ctrl+Minus, Ctrl+0) and presentation mode, for a projector. */
class ZoomUiTest extends DashboardFixture {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        open(stage);
    }

    @Test
    void ctrlPlusMinusAndZeroStepTheTextOfControlsAndCharts(FxRobot robot) {
        robot.clickOn("#cost-chart");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertThat(view.zoomProperty().get()).isEqualTo(1.1);
        assertThat(view.getStyle()).contains("-fx-font-size: 14.30px");
        for (CanvasChart chart : List.of(view.rooflineChart(), view.utilizationChart(), view.costChart())) {
            assertThat(chart.zoomProperty().get()).isEqualTo(1.1);
        }
        double titleSize = ((Label) view.lookup(".tile-value")).getFont().getSize();
        robot.press(KeyCode.CONTROL).type(KeyCode.ADD).release(KeyCode.CONTROL); // the keypad's plus
        assertThat(view.zoomProperty().get()).isEqualTo(1.25);
        assertThat(((Label) view.lookup(".tile-value")).getFont().getSize()).isGreaterThan(titleSize);
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertThat(view.zoomProperty().get()).isEqualTo(1.1);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertThat(view.zoomProperty().get()).isEqualTo(1.0);
        assertThat(view.statusText()).contains("Zoom");
    }

    @Test
    void tooltipsFollowTheZoom(FxRobot robot) {
        Tooltip[] tip = new Tooltip[1];
        robot.interact(() -> {
            view.setZoom(2);
            tip[0] = Tips.create(() -> "a tip");
            tip[0].show(view.summary(), 20, 20);
        });
        assertThat(tip[0].getStyle()).contains("-fx-font-size: 26.00px");
        robot.interact(() -> tip[0].hide());
    }

    @Test
    void zoomStaysBetween80And200Percent(FxRobot robot) {
        for (int i = 0; i < 12; i++) {
            robot.interact(() -> view.commands().zoomIn.handle(new ActionEvent()));
        }
        assertThat(view.zoomProperty().get()).isEqualTo(2.0);
        assertThat(view.commands().zoomIn.isDisabled()).isTrue();
        for (int i = 0; i < 12; i++) {
            robot.interact(() -> view.commands().zoomOut.handle(new ActionEvent()));
        }
        assertThat(view.zoomProperty().get()).isEqualTo(0.8);
        robot.interact(() -> view.setZoom(Double.NaN));
        assertThat(view.zoomProperty().get()).isEqualTo(1.0);
        robot.interact(() -> view.setZoom(1e9));
        assertThat(view.zoomProperty().get()).isEqualTo(2.0);
    }

    @Test
    void at200PercentIn1280x800NoSummaryTextIsCutOff(FxRobot robot) {
        at200PercentIn1280x800(robot);
        assertThat(view.summary().columns()).isEqualTo(2);
        assertThat(view.chartsStacked()).as("a narrow middle stacks the charts, each the full width").isTrue();
        List<String> cut = new ArrayList<>();
        for (Node n : view.summary().lookupAll(".label")) {
            Label label = (Label) n;
            Text shown = (Text) label.lookup(".text");
            if (label.isVisible() && shown != null && !label.getText().isEmpty() && !shown.getText().equals(label.getText())
                    && !label.getText().contains("\n")) {
                cut.add(label.getText() + " shown as " + shown.getText());
            }
        }
        assertThat(cut).isEmpty();
        // The three charts' text follows the zoom alike: each chart has the room for it (at least 160 x 120 at 200 %).
        for (CanvasChart chart : List.of(view.rooflineChart(), view.utilizationChart(), view.costChart())) {
            assertThat(chart.effectiveZoom()).as(chart.getId()).isEqualTo(2.0);
        }
        // In presentation mode the charts have the room, and the text reaches the zoom.
        robot.interact(() -> view.commands().presentation.setSelected(true));
        settle();
        assertThat(view.rooflineChart().effectiveZoom()).isGreaterThan(1.5);
    }

    /** At 200 % on a 1280x800 screen every control is whole: a field never shows "70" of "70.6B". */
    @Test
    void at200PercentIn1280x800TheControlsAreNotCutShort(FxRobot robot) {
        at200PercentIn1280x800(robot);
        ScrollPane side = robot.lookup("#controls-scroll").queryAs(ScrollPane.class);
        Region controls = (Region) side.getContent();
        assertThat(controls.minWidth(-1)).as("the controls' narrowest").isLessThanOrEqualTo(side.getViewportBounds().getWidth() + 1);
        assertThat(controls.getWidth()).isGreaterThanOrEqualTo(controls.minWidth(-1) - 1);
        ScrollPane middle = (ScrollPane) view.summary().getParent()
                .getParent().getParent().getParent();
        assertThat(middle.getViewportBounds().getWidth()).as("the charts keep a column").isGreaterThan(480);
    }

    @Test
    void explainOpenAt150PercentIn1280x800KeepsTheMiddleUsable(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            view.setZoom(1.5);
            view.commands().explanation.setSelected(true);
        });
        settle();
        robot.interact(() -> { });
        ScrollPane middle = (ScrollPane) view.summary().getParent()
                .getParent().getParent().getParent();
        assertThat(middle.getViewportBounds().getWidth()).as("the side panels leave the charts room")
                .isGreaterThan(400);
        assertThat(view.summary().getWidth()).isLessThanOrEqualTo(middle.getViewportBounds().getWidth() + 1);
    }

    @Test
    void presentationModeFoldsTheControlsIntoASlimStripAndBack(FxRobot robot) {
        double chartsBefore = view.rooflineChart().getWidth();
        robot.press(KeyCode.F11).release(KeyCode.F11);
        settle();
        assertThat(view.presenting()).isTrue();
        assertThat(robot.lookup("#slim-strip").tryQuery()).isPresent();
        assertThat(robot.lookup("#controls-scroll").tryQuery()).isEmpty();
        // How to leave is said in the strip, where it covers nothing.
        Label leave = robot.lookup("#strip-leave-hint").queryAs(Label.class);
        assertThat(leave.isVisible()).isTrue();
        assertThat(leave.getText()).contains("Esc");
        assertThat(view.rooflineChart().getWidth()).isGreaterThan(chartsBefore + 200);
        robot.clickOn("#strip-zoom-in");
        assertThat(view.zoomProperty().get()).isEqualTo(1.1);
        robot.clickOn("#strip-controls");
        settle();
        assertThat(view.presenting()).isFalse();
        assertThat(robot.lookup("#controls-scroll").tryQuery()).isPresent();
        assertThat(shown(robot.lookup(".app-toolbar").query())).isTrue();
    }

    /** The projector case: a 1280x800 window at 200 %, laid out. */
    private void at200PercentIn1280x800(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            view.setZoom(2);
        });
        settle();
        robot.interact(() -> { });
    }

    /** Whether a node and all its parents are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Like a slide show: no menus or toolbar, yet their keys still work, F11 to leave among them. */
    @Test
    void presentationModeHidesTheMenusButTheirKeysStillWork(FxRobot robot) {
        robot.press(KeyCode.F11).release(KeyCode.F11);
        settle();
        assertThat(view.presenting()).isTrue();
        assertThat(shown(robot.lookup(".app-toolbar").query())).isFalse();
        assertThat(shown(robot.lookup(".menu-bar").query())).isFalse();
        boolean dark = view.commands().darkTheme.isSelected();
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        settle();
        assertThat(view.commands().darkTheme.isSelected()).isNotEqualTo(dark);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        robot.press(KeyCode.F11).release(KeyCode.F11);
        settle();
        assertThat(view.presenting()).isFalse();
        assertThat(shown(robot.lookup(".app-toolbar").query())).isTrue();
    }
}
