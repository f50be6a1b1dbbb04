package lab.roofline.render.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Transform;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.explain.Captions;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.fx.GridShares;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.chart.CostChart;
import lab.roofline.render.chart.FrontierChart;
import lab.roofline.render.chart.LandscapeChart;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.chart.UtilizationChart;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.DashboardGrid;
import lab.roofline.render.summary.SummaryStrip;

/**
 * Lays out one chart, or the dashboard page (summary and the three charts), with a caption naming the
 * scenario, at an export size independent of any window, and renders it as PNG pixels or as SVG. The
 * app's export and the command line's use this same code, so one scenario gives one picture. Reads no file
 * and computes nothing: what it draws comes in a {@link ChartInputs}.
 */
public final class ChartRenderer {
    private ChartRenderer() {
    }

    /** What to export: which chart, laid out at which size, at which pixel scale, in which format. */
    public record Request(ChartKind kind, ExportSize size, int scale, ExportFormat format) {
        public Request {
            if (scale < 1 || scale > 3) {
                throw new IllegalArgumentException("scale must be 1, 2 or 3, got " + scale);
            }
            long pixels = (long) size.width() * scale * size.height() * scale;
            if (pixels > MAX_PIXELS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%,d × %,d pixels is too large (at most %.1f megapixels, e.g. 3840x2160 at 2x or 7680x4320 "
                                + "at 1x); lower the scale or the size%s", (long) size.width() * scale,
                        (long) size.height() * scale, MAX_PIXELS / 1e6,
                        format == ExportFormat.SVG ? "" : ", or export SVG"));
            }
            if (kind == ChartKind.DASHBOARD && (size.width() < MIN_DASHBOARD_WIDTH || size.height() < MIN_DASHBOARD_HEIGHT)) {
                throw new IllegalArgumentException("a dashboard needs at least " + MIN_DASHBOARD_WIDTH + "x"
                        + MIN_DASHBOARD_HEIGHT + " (the summary and three charts), got " + size.width() + "x"
                        + size.height() + "; export one chart for a smaller picture");
            }
        }
    }

    /**
     * The largest picture: 8K (or 4K at 2x). Beyond it a snapshot exceeds what the renderer and a default
     * heap can hold, so it is refused up front with the reason. SVG has no pixels but the same bound keeps
     * its 1x/2x/3x size meaningful.
     */
    public static final long MAX_PIXELS = 7680L * 4320;

    /** Below this a dashboard page has no room for its charts after the summary. */
    public static final int MIN_DASHBOARD_WIDTH = 960;
    public static final int MIN_DASHBOARD_HEIGHT = 600;

    /** A kind's size on screen, kept within what export accepts for it. */
    public static ExportSize onScreen(ChartKind kind, double width, double height) {
        boolean page = kind == ChartKind.DASHBOARD;
        return ExportSize.clamped(Math.max(page ? MIN_DASHBOARD_WIDTH : 0, width),
                Math.max(page ? MIN_DASHBOARD_HEIGHT : 0, height));
    }

    /** Root text size the styles are written for (styles/app.css): the summary's text scales from it. */
    private static final double BASE_FONT_PX = 13;

    /** A laid-out page and its charts; dispose it after rendering. */
    public static final class Page {
        final Region root;
        public final List<CanvasChart> charts;
        public final SummaryStrip summary;

        private Page(Region root, List<CanvasChart> charts, SummaryStrip summary) {
            this.root = root;
            this.charts = charts;
            this.summary = summary;
        }

        public void dispose() {
            charts.forEach(CanvasChart::dispose);
            if (summary != null) {
                summary.dispose();
            }
        }
    }

    /** The chart controls one request shows: only its kind's (the summary and three charts for a dashboard). */
    private record Shown(RooflineChart roofline, UtilizationChart utilization, CostChart cost, LandscapeChart landscape,
                         FrontierChart frontier, SummaryStrip summary) {
        static Shown of(ChartKind kind, ChartInputs inputs) {
            Evaluation evaluation = inputs.evaluation();
            ObservableValue<Evaluation> source = new SimpleObjectProperty<>(evaluation);
            ObservableValue<List<RatioReference>> refs = new SimpleObjectProperty<>(inputs.references());
            boolean whole = kind == ChartKind.DASHBOARD;
            if (kind == ChartKind.FRONTIER && inputs.frontier() == null) {
                throw new IllegalArgumentException("a frontier chart is drawn from a frontier: compute it under the "
                        + "serving settings and pass it in the inputs");
            }
            RooflineChart roofline = kind == ChartKind.ROOFLINE || whole ? new RooflineChart(source) : null;
            UtilizationChart utilization = kind == ChartKind.UTILIZATION || whole ? new UtilizationChart(source, refs) : null;
            CostChart cost = kind == ChartKind.COST || whole ? new CostChart(source, refs) : null;
            LandscapeChart landscape = kind == ChartKind.LANDSCAPE ? new LandscapeChart(source,
                    FXCollections.observableArrayList(inputs.profiles().isEmpty()
                            ? List.of(evaluation.scenario().gpu()) : inputs.profiles())) : null;
            FrontierChart frontier = kind == ChartKind.FRONTIER
                    ? new FrontierChart(source, new SimpleObjectProperty<>(inputs.frontier())) : null;
            SummaryStrip summary = whole ? new SummaryStrip(source) : null;
            if (summary != null) {
                summary.reserveWarningLine(false);
            }
            return new Shown(roofline, utilization, cost, landscape, frontier, summary);
        }

        List<CanvasChart> charts() {
            return Stream.<CanvasChart>of(roofline, utilization, cost, landscape, frontier).filter(Objects::nonNull)
                    .toList();
        }

        /** The page above the caption: one chart on its card, or the dashboard. */
        Region content(ChartKind kind, double textScale) {
            return switch (kind) {
                case ROOFLINE -> card(roofline);
                case UTILIZATION -> card(utilization);
                case COST -> card(cost);
                case LANDSCAPE -> card(landscape);
                case FRONTIER -> card(frontier);
                case DASHBOARD -> dashboard(summary, roofline, utilization, cost, textScale);
            };
        }
    }

    /** Builds and lays out the page at exactly the request's size; FX thread. */
    public static Page layOut(Request request, ChartInputs inputs) {
        ChartKind kind = request.kind();
        double textScale = request.size().textScale(kind);
        Shown shown = Shown.of(kind, inputs);
        Region content = shown.content(kind, textScale);
        List<CanvasChart> charts = shown.charts();
        for (CanvasChart chart : charts) {
            chart.zoomProperty().set(textScale);
            chart.setRenderScale(request.scale());
            chart.pinsProperty().set(inputs.pins());
        }
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox page = new VBox(content, caption(inputs.evaluation(), inputs.pins()));
        page.getStyleClass().add("export-page");
        page.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * textScale));
        settle(page, request.size(), inputs.stylesheets(), shown.summary());
        return new Page(page, charts, shown.summary());
    }

    /** The caption under the picture: the scenario, and the pins it is compared with. */
    private static Label caption(Evaluation evaluation, List<ChartPin> pins) {
        StringBuilder captionText = new StringBuilder(Captions.of(evaluation));
        if (!pins.isEmpty()) {
            captionText.append("\nCompared with ").append(String.join(";  ", pins.stream()
                    .map(p -> Captions.pinned(p.style().glyph() + "\u00a0" + p.shortName(), p.evaluation())).toList()));
        }
        Label caption = new Label(captionText.toString());
        caption.getStyleClass().add("export-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        return caption;
    }

    /** Styles the page in a scene of its own and lays it out at exactly this size. */
    private static void settle(VBox page, ExportSize size, List<String> stylesheets, SummaryStrip summary) {
        Scene scene = new Scene(page, size.width(), size.height());
        scene.getStylesheets().setAll(stylesheets);
        page.applyCss();
        if (summary != null) {
            summary.refreshIfDirty();
        }
        page.resize(size.width(), size.height());
        // Exactly the size asked for, even when a small page cannot hold all it has (the charts shrink first).
        page.setClip(new Rectangle(size.width(), size.height()));
        page.layout();
        // The summary's text settles in the first pass; a second gives the charts their final heights.
        page.applyCss();
        page.layout();
    }

    /** The picture, (size x scale) pixels; FX thread. */
    public static WritableImage png(Request request, ChartInputs inputs) {
        Page page = layOut(request, inputs);
        try {
            ring(page, inputs.highlight());
            SnapshotParameters params = new SnapshotParameters();
            params.setTransform(Transform.scale(request.scale(), request.scale()));
            return page.root.snapshot(params, null);
        } finally {
            page.dispose();
        }
    }

    /**
     * The SVG document, the same layout as the PNG with vector shapes and real text; FX thread. It carries
     * the chart's text alternative: a title and, in numbers, what it shows.
     */
    public static String svg(Request request, ChartInputs inputs) {
        Page page = layOut(request, inputs);
        try {
            ring(page, inputs.highlight());
            return SvgExport.of(page.root, request.scale(), request.kind().title(),
                    request.kind().textAlternative(inputs.evaluation()));
        } finally {
            page.dispose();
        }
    }

    private static void ring(Page page, Topic highlight) {
        if (highlight != null) {
            page.charts.forEach(c -> c.highlightProperty().set(highlight));
            page.root.applyCss();
            page.root.layout();
        }
    }

    private static Region card(CanvasChart chart) {
        StackPane card = new StackPane(chart);
        card.getStyleClass().add("chart-card");
        return card;
    }

    /** The dashboard page: the summary above the roofline, utilization and cost charts. */
    private static Region dashboard(SummaryStrip summary, RooflineChart roofline, UtilizationChart utilization,
                                    CostChart cost, double textScale) {
        GridPane charts = new GridPane();
        charts.getStyleClass().add("charts");
        // Margins and gaps grow with the text, so a 4K page is not crowded to its edges.
        charts.setHgap(DashboardGrid.GAP_PX * textScale);
        charts.setVgap(DashboardGrid.GAP_PX * textScale);
        charts.getColumnConstraints().addAll(GridShares.column(DashboardGrid.LEFT_COLUMN_PERCENT),
                GridShares.column(DashboardGrid.RIGHT_COLUMN_PERCENT));
        charts.getRowConstraints().addAll(GridShares.row(DashboardGrid.TOP_ROW_PERCENT),
                GridShares.row(DashboardGrid.BOTTOM_ROW_PERCENT));
        for (Region chart : new Region[] {roofline, utilization, cost}) {
            chart.setMinSize(0, 0); // the page's size rules; charts share what is left after the summary
        }
        charts.add(card(roofline), 0, 0, 2, 1);
        charts.add(card(utilization), 0, 1);
        charts.add(card(cost), 1, 1);
        charts.setMinHeight(0);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox page = new VBox(DashboardGrid.GAP_PX * textScale, summary, charts);
        page.getStyleClass().add("main-area");
        page.setPadding(new Insets(DashboardGrid.MARGIN_PX * textScale));
        return page;
    }

    /**
     * Renders on the headless toolkit and writes the file: the command line's export. The inputs are
     * computed (and files read) before, off the FX thread; encoding and writing happen here.
     */
    public static void writeHeadless(Request request, ChartInputs inputs, Path out) throws Exception {
        boolean startedHere = startHeadlessToolkit();
        CompletableFuture<Object> rendered = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                rendered.complete(request.format() == ExportFormat.SVG ? svg(request, inputs) : png(request, inputs));
            } catch (RuntimeException | Error e) {
                rendered.completeExceptionally(e);
            }
        });
        try {
            Object result = rendered.get(60, TimeUnit.SECONDS);
            if (result instanceof String svgText) {
                ExportFiles.writeSvg(svgText, out);
            } else {
                ExportFiles.writePng((WritableImage) result, out);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the chart could not be drawn: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("drawing the chart took more than 60 s", e);
        } finally {
            if (startedHere) {
                Platform.exit(); // a toolkit that was already running (the app's, a test's) is left running
            }
        }
    }

    /** Starts JavaFX headless; false when it was already running (then it is used as it is). */
    static boolean startHeadlessToolkit() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> started = new CompletableFuture<>();
        boolean startedHere = true;
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            startedHere = false;
            started.complete(null);
        }
        try {
            started.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("JavaFX could not start headless: " + e.getMessage(), e);
        }
        return startedHere;
    }
}
