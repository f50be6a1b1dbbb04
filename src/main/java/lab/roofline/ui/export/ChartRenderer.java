package lab.roofline.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.roofline.engine.Evaluation;
import lab.roofline.engine.RatioReference;
import lab.roofline.explain.Captions;
import lab.roofline.ui.chart.CanvasChart;
import lab.roofline.ui.chart.CostChart;
import lab.roofline.ui.chart.RooflineChart;
import lab.roofline.ui.chart.UtilizationChart;
import lab.roofline.ui.summary.SummaryStrip;

/**
 * Renders one chart, or the dashboard page (summary and the three charts), for one evaluation at a fixed
 * size: the app's export and the command line's use the same code, so the same scenario gives the same
 * picture. Needs no window and reads no file.
 */
public final class ChartRenderer {
    private ChartRenderer() {
    }

    /** Sizes before scaling: a 16:10 page for the dashboard, a wide card for one chart. */
    public static final double DASHBOARD_WIDTH = 1600;
    public static final double DASHBOARD_HEIGHT = 1000;
    public static final double CHART_WIDTH = 1100;
    public static final double CHART_HEIGHT = 620;

    /** Renders with a caption naming the scenario; FX thread. */
    public static WritableImage render(ChartKind kind, Evaluation evaluation, List<RatioReference> references,
                                       int scale, List<String> stylesheets) {
        ObservableValue<Evaluation> source = new SimpleObjectProperty<>(evaluation);
        ObservableValue<List<RatioReference>> refs = new SimpleObjectProperty<>(references);
        RooflineChart roofline = kind == ChartKind.ROOFLINE || kind == ChartKind.DASHBOARD
                ? new RooflineChart(source) : null;
        UtilizationChart utilization = kind == ChartKind.UTILIZATION || kind == ChartKind.DASHBOARD
                ? new UtilizationChart(source, refs) : null;
        CostChart cost = kind == ChartKind.COST || kind == ChartKind.DASHBOARD ? new CostChart(source, refs) : null;
        SummaryStrip summary = kind == ChartKind.DASHBOARD ? new SummaryStrip(source) : null;
        Region page = switch (kind) {
            case ROOFLINE -> card(roofline);
            case UTILIZATION -> card(utilization);
            case COST -> card(cost);
            case DASHBOARD -> dashboard(summary, roofline, utilization, cost);
        };
        boolean whole = kind == ChartKind.DASHBOARD;
        Scene scene = new Scene(page, whole ? DASHBOARD_WIDTH : CHART_WIDTH, whole ? DASHBOARD_HEIGHT : CHART_HEIGHT);
        scene.getStylesheets().setAll(stylesheets);
        if (summary != null) {
            summary.refreshIfDirty();
        }
        page.applyCss();
        page.layout();
        WritableImage image = PngExport.render(page, Captions.of(evaluation), scale, stylesheets);
        for (CanvasChart chart : new CanvasChart[] {roofline, utilization, cost}) {
            if (chart != null) {
                chart.dispose();
            }
        }
        if (summary != null) {
            summary.dispose();
        }
        return image;
    }

    private static Region card(CanvasChart chart) {
        StackPane card = new StackPane(chart);
        card.getStyleClass().add("chart-card");
        return card;
    }

    /** The dashboard page: the summary above the roofline, utilization and cost charts. */
    private static Region dashboard(SummaryStrip summary, RooflineChart roofline, UtilizationChart utilization,
                                    CostChart cost) {
        GridPane charts = new GridPane();
        charts.getStyleClass().add("charts");
        charts.setHgap(12);
        charts.setVgap(12);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(55);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(45);
        charts.getColumnConstraints().addAll(left, right);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(56);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(44);
        charts.getRowConstraints().addAll(top, bottom);
        charts.add(card(roofline), 0, 0, 2, 1);
        charts.add(card(utilization), 0, 1);
        charts.add(card(cost), 1, 1);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox page = new VBox(12, summary, charts);
        page.getStyleClass().add("main-area");
        page.setPadding(new Insets(14));
        return page;
    }

    /**
     * Renders on the headless toolkit and writes the PNG: the command line's export. The evaluation and
     * references are computed (and files read) before, off the FX thread; encoding and writing happen here.
     */
    public static void writeHeadless(ChartKind kind, Evaluation evaluation, List<RatioReference> references,
                                     int scale, List<String> stylesheets, Path out) throws Exception {
        startHeadlessToolkit();
        CompletableFuture<WritableImage> rendered = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                rendered.complete(render(kind, evaluation, references, scale, stylesheets));
            } catch (RuntimeException | Error e) {
                rendered.completeExceptionally(e);
            }
        });
        try {
            PngExport.write(rendered.get(60, TimeUnit.SECONDS), out);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the chart could not be drawn: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("drawing the chart took more than 60 s", e);
        } finally {
            Platform.exit();
        }
    }

    private static void startHeadlessToolkit() throws InterruptedException {
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
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("JavaFX could not start headless: " + e.getMessage(), e);
        }
    }
}
