package lab.roofline.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.scenario.ControlPanel;
import lab.roofline.ui.scenario.RooflineViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle), for the feature tests: each drives it and checks what changed. */
@ExtendWith(ApplicationExtension.class)
public abstract class DashboardFixture {
    protected RooflineViewModel vm;
    private Stage stage;
    protected DashboardView view;
    /** The chart kinds the export command was asked for (null: "ask which"). */
    protected final List<Object> exportRequests = new ArrayList<>();

    /** Each test class calls this from its own {@code @Start} method (TestFX looks in the class itself). */
    protected void open(Stage stage) {
        this.stage = stage;
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        vm.apiPrices().setAll(ApiPriceLoader.loadBundled().prices());
        view = new DashboardView(vm, exportRequests::add);
        Scene scene = new Scene(view, 1440, 900);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * The window is shared by every test class: one that zooms, presents or narrows it gives it back as it
     * found it. Grown back under a fresh scene: JavaFX's software painter would reuse the smaller window's
     * pixel buffer for the larger one and print "Too small int buffer size" (the next test opens its own).
     */
    @AfterEach
    void restoreTheSharedWindow(FxRobot robot) throws Exception {
        if (stage == null) {
            return;
        }
        robot.interact(() -> {
            view.setZoom(1);
            view.commands().presentation.setSelected(false);
            view.commands().explanation.setSelected(false);
            view.focusedChartProperty().set(null);
            stage.setScene(new Scene(new Pane()));
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        AppSession.closeStrayWindows();
    }

    protected ControlPanel controls() {
        return view.controls();
    }

    protected RooflineChart roofline() {
        return view.rooflineChart();
    }

    /** Scrolls the control panel (0 top, 1 bottom) so a section lower down is on screen to click. */
    protected void scrollControlsTo(double v) {
        ((ScrollPane) view.lookup("#controls-scroll")).setVvalue(v);
    }

    /** A node's bounds in the window. */
    protected static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    protected static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }
}
