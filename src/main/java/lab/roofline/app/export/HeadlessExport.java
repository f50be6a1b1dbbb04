package lab.roofline.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import lab.roofline.app.ChartKind;
import lab.roofline.app.DashboardView;
import lab.roofline.app.RooflineViewModel;
import lab.roofline.app.Theme;
import lab.roofline.engine.Evaluation;
import lab.roofline.engine.HardwareProfile;

/** PNG export with no display: JavaFX on the headless Monocle platform, a scene that is never shown. */
public final class HeadlessExport {
    private HeadlessExport() {
    }

    /** Dashboard and chart sizes in the exported image, before scaling. */
    public static final double DASHBOARD_WIDTH = 1600;
    public static final double DASHBOARD_HEIGHT = 1000;
    public static final double CHART_WIDTH = 1100;
    public static final double CHART_HEIGHT = 620;

    public static void write(List<HardwareProfile> profiles, Evaluation evaluation, ChartKind kind, int scale, Path out)
            throws Exception {
        startToolkit();
        CompletableFuture<WritableImage> rendered = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                rendered.complete(render(profiles, evaluation, kind, scale));
            } catch (RuntimeException | Error e) {
                rendered.completeExceptionally(e);
            }
        });
        WritableImage image = rendered.get(60, TimeUnit.SECONDS);
        PngExport.write(image, out);
        Platform.exit();
    }

    /** Builds the view for the scenario and renders it; FX thread. */
    public static WritableImage render(List<HardwareProfile> profiles, Evaluation evaluation, ChartKind kind,
                                       int scale) {
        RooflineViewModel vm = new RooflineViewModel(profiles.isEmpty() ? List.of(evaluation.scenario().gpu()) : profiles);
        vm.applyScenario(evaluation.scenario());
        vm.apiPrices().setAll(lab.roofline.io.ApiPriceLoader.loadBundled().prices());
        DashboardView view = new DashboardView(vm, null);
        Node node = view.nodeFor(kind);
        StackPane root;
        Scene scene;
        if (kind == ChartKind.DASHBOARD) {
            root = new StackPane(view);
            scene = new Scene(root, DASHBOARD_WIDTH, DASHBOARD_HEIGHT);
        } else {
            root = new StackPane(node);
            root.getStyleClass().add("chart-card");
            scene = new Scene(root, CHART_WIDTH, CHART_HEIGHT);
        }
        List<String> sheets = Theme.LIGHT.stylesheets();
        scene.getStylesheets().setAll(sheets);
        view.refreshNow();
        root.applyCss();
        root.layout();
        WritableImage image = PngExport.render(node, vm.caption(), scale, sheets);
        view.dispose();
        return image;
    }

    private static void startToolkit() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        try {
            started.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("JavaFX could not start headless: " + e.getMessage(), e);
        }
    }
}
