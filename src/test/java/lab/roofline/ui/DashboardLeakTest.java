package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import lab.roofline.bench.DashboardLeakBenchmark;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.scenario.RooflineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long-lived view model outlives many dashboards: a disposed dashboard must leave no listener on it,
 * so the dashboard can be collected. That thousands of input changes do not grow the heap is measured by
 * the leak benchmark (DashboardLeakBenchmark: ./mvnw -q test-compile exec:exec@leak-bench).
 */
@ExtendWith(ApplicationExtension.class)
class DashboardLeakTest {
    private Stage stage;
    private RooflineViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        vm.apiPrices().setAll(ApiPriceLoader.loadBundled().prices());
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        stage.show();
    }

    @Test
    void disposedDashboardsAreCollected(FxRobot robot) throws Exception {
        List<WeakReference<DashboardView>> gone = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            robot.interact(() -> {
                DashboardView view = new DashboardView(vm, kind -> { });
                Scene scene = new Scene(view, 1280, 800);
                Theme.LIGHT.applyTo(scene);
                stage.setScene(scene);
                vm.batchSizeProperty().set(vm.batchSizeProperty().get() % 64 + 1);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                view.dispose();
                stage.setScene(new Scene(new StackPane(), 1280, 800));
                gone.add(new WeakReference<>(view));
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 20 && gone.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(gone.stream().filter(r -> r.get() != null).count())
                .as("dashboards still reachable after dispose()").isLessThanOrEqualTo(1);
    }
}
