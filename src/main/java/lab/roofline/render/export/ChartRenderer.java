package lab.roofline.render.export;

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
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.explain.Captions;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.chart.LandscapeChart;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.render.chart.CostChart;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.chart.UtilizationChart;
import lab.roofline.render.summary.SummaryStrip;

/**
 * Lays out one chart, or the dashboard page (summary and the three charts), with a caption naming the
 * scenario, at an export size independent of any window, and renders it as PNG pixels or as SVG. The
 * app's export and the command line's use this same code, so one scenario gives one picture. Reads no file.
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
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
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

    /** Builds and lays out the page at exactly the request's size; FX thread. */
    public static Page layOut(Request request, Evaluation evaluation, List<RatioReference> references,
                       List<String> stylesheets) {
        return layOut(request, evaluation, references, List.of(), List.of(), stylesheets);
    }

    /**
     * As above, with pinned scenarios drawn beside the live one and named in the caption, and the profiles
     * the hardware landscape shows.
     */
    public static Page layOut(Request request, Evaluation evaluation, List<RatioReference> references, List<ChartPin> pins,
                       List<HardwareProfile> profiles, List<String> stylesheets) {
        return layOut(request, evaluation, references, pins, profiles, null, stylesheets);
    }

    /**
     * As above, with the frontier to draw (the app's, under its serving settings); null: the live scenario's
     * and the pins' curves under the default settings (first token within 0.5 s, a token each 50 ms).
     */
    public static Page layOut(Request request, Evaluation evaluation, List<RatioReference> references, List<ChartPin> pins,
                       List<HardwareProfile> profiles, lab.roofline.engine.serving.Frontier frontier, List<String> stylesheets) {
        ChartKind kind = request.kind();
        ObservableValue<Evaluation> source = new SimpleObjectProperty<>(evaluation);
        ObservableValue<List<RatioReference>> refs = new SimpleObjectProperty<>(references);
        boolean whole = kind == ChartKind.DASHBOARD;
        RooflineChart roofline = kind == ChartKind.ROOFLINE || whole ? new RooflineChart(source) : null;
        UtilizationChart utilization = kind == ChartKind.UTILIZATION || whole ? new UtilizationChart(source, refs) : null;
        CostChart cost = kind == ChartKind.COST || whole ? new CostChart(source, refs) : null;
        LandscapeChart landscape = kind == ChartKind.LANDSCAPE ? new LandscapeChart(source,
                javafx.collections.FXCollections.observableArrayList(profiles.isEmpty()
                        ? List.of(evaluation.scenario().gpu()) : profiles)) : null;
        lab.roofline.render.chart.FrontierChart frontierChart = kind == ChartKind.FRONTIER
                ? new lab.roofline.render.chart.FrontierChart(source, new SimpleObjectProperty<>(frontier != null ? frontier
                : defaultFrontier(evaluation, pins))) : null;
        SummaryStrip summary = whole ? new SummaryStrip(source) : null;
        if (summary != null) {
            summary.reserveWarningLine(false);
        }
        Region content = switch (kind) {
            case ROOFLINE -> card(roofline);
            case UTILIZATION -> card(utilization);
            case COST -> card(cost);
            case LANDSCAPE -> card(landscape);
            case FRONTIER -> card(frontierChart);
            case DASHBOARD -> dashboard(summary, roofline, utilization, cost, request.size().textScale(kind));
        };
        double textScale = request.size().textScale(kind);
        List<CanvasChart> charts = java.util.stream.Stream.<CanvasChart>of(roofline, utilization, cost, landscape, frontierChart)
                .filter(java.util.Objects::nonNull).toList();
        for (CanvasChart chart : charts) {
            chart.zoomProperty().set(textScale);
            chart.setRenderScale(request.scale());
            chart.pinsProperty().set(List.copyOf(pins));
        }
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
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox page = new VBox(content, caption);
        page.getStyleClass().add("export-page");
        page.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * textScale));
        Scene scene = new Scene(page, request.size().width(), request.size().height());
        scene.getStylesheets().setAll(stylesheets);
        page.applyCss();
        if (summary != null) {
            summary.refreshIfDirty();
        }
        page.resize(request.size().width(), request.size().height());
        // Exactly the size asked for, even when a small page cannot hold all it has (the charts shrink first).
        page.setClip(new javafx.scene.shape.Rectangle(request.size().width(), request.size().height()));
        page.layout();
        // The summary's text settles in the first pass; a second gives the charts their final heights.
        page.applyCss();
        page.layout();
        return new Page(page, charts, summary);
    }

    /** The picture, (size x scale) pixels; FX thread. */
    public static WritableImage png(Request request, Evaluation evaluation, List<RatioReference> references,
                                    List<String> stylesheets) {
        return png(request, evaluation, references, List.of(), List.of(), stylesheets);
    }

    /** As above, with pinned scenarios beside the live one and the profiles the landscape shows. */
    public static WritableImage png(Request request, Evaluation evaluation, List<RatioReference> references,
                                    List<ChartPin> pins, List<HardwareProfile> profiles, List<String> stylesheets) {
        return png(request, evaluation, references, pins, profiles, null, stylesheets);
    }

    /** As above, with the frontier to draw (null: the default serving settings'). */
    public static WritableImage png(Request request, Evaluation evaluation, List<RatioReference> references,
                                    List<ChartPin> pins, List<HardwareProfile> profiles,
                                    lab.roofline.engine.serving.Frontier frontier, List<String> stylesheets) {
        return png(request, evaluation, references, pins, profiles, frontier, null, stylesheets);
    }

    /** As above, with one topic's chart element ringed as the lesson rings it (null: none). */
    public static WritableImage png(Request request, Evaluation evaluation, List<RatioReference> references,
                                    List<ChartPin> pins, List<HardwareProfile> profiles,
                                    lab.roofline.engine.serving.Frontier frontier, lab.roofline.explain.Explanation.Topic highlight,
                                    List<String> stylesheets) {
        Page page = layOut(request, evaluation, references, pins, profiles, frontier, stylesheets);
        try {
            ring(page, highlight);
            SnapshotParameters params = new SnapshotParameters();
            params.setTransform(Transform.scale(request.scale(), request.scale()));
            return page.root.snapshot(params, null);
        } finally {
            page.dispose();
        }
    }

    /** The SVG document, the same layout as the PNG with vector shapes and real text; FX thread. */
    public static String svg(Request request, Evaluation evaluation, List<RatioReference> references,
                             List<String> stylesheets) {
        return svg(request, evaluation, references, List.of(), List.of(), stylesheets);
    }

    /** As above, with pinned scenarios beside the live one and the profiles the landscape shows. */
    public static String svg(Request request, Evaluation evaluation, List<RatioReference> references,
                             List<ChartPin> pins, List<HardwareProfile> profiles, List<String> stylesheets) {
        return svg(request, evaluation, references, pins, profiles, null, stylesheets);
    }

    /** As above, with the frontier to draw (null: the default serving settings'). */
    public static String svg(Request request, Evaluation evaluation, List<RatioReference> references,
                             List<ChartPin> pins, List<HardwareProfile> profiles, lab.roofline.engine.serving.Frontier frontier,
                             List<String> stylesheets) {
        return svg(request, evaluation, references, pins, profiles, frontier, null, stylesheets);
    }

    /**
     * As above, with one topic's chart element ringed as the lesson rings it (null: none). The SVG carries
     * the chart's text alternative: a title and, in numbers, what it shows.
     */
    public static String svg(Request request, Evaluation evaluation, List<RatioReference> references,
                             List<ChartPin> pins, List<HardwareProfile> profiles, lab.roofline.engine.serving.Frontier frontier,
                             lab.roofline.explain.Explanation.Topic highlight, List<String> stylesheets) {
        Page page = layOut(request, evaluation, references, pins, profiles, frontier, stylesheets);
        try {
            ring(page, highlight);
            return SvgExport.of(page.root, request.scale(), request.kind().title(),
                    request.kind().textAlternative(evaluation));
        } finally {
            page.dispose();
        }
    }

    private static void ring(Page page, lab.roofline.explain.Explanation.Topic highlight) {
        if (highlight != null) {
            page.charts.forEach(c -> c.highlightProperty().set(highlight));
            page.root.applyCss();
            page.root.layout();
        }
    }

    /** The live scenario's and the pins' curves under the default serving settings, with no rental table. */
    static lab.roofline.engine.serving.Frontier defaultFrontier(Evaluation evaluation, List<ChartPin> pins) {
        return frontier(evaluation, pins, lab.roofline.engine.serving.ServingSettings.DEFAULT, lab.roofline.engine.serving.RentalPrices.NONE);
    }

    /** The live scenario's and the pins' curves (each pin in its own style) under these settings and prices. */
    public static lab.roofline.engine.serving.Frontier frontier(Evaluation evaluation, List<ChartPin> pins,
                                                        lab.roofline.engine.serving.ServingSettings settings,
                                                        lab.roofline.engine.serving.RentalPrices rental) {
        List<lab.roofline.engine.serving.Frontier.Named> named = new java.util.ArrayList<>();
        named.add(new lab.roofline.engine.serving.Frontier.Named("Live", -1, evaluation.scenario()));
        for (ChartPin p : pins) {
            named.add(new lab.roofline.engine.serving.Frontier.Named(p.name(), p.style().ordinal(), p.evaluation().scenario()));
        }
        return lab.roofline.engine.serving.Frontier.of(named, settings, rental);
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
        charts.setHgap(12 * textScale);
        charts.setVgap(12 * textScale);
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
        for (Region chart : new Region[] {roofline, utilization, cost}) {
            chart.setMinSize(0, 0); // the page's size rules; charts share what is left after the summary
        }
        charts.add(card(roofline), 0, 0, 2, 1);
        charts.add(card(utilization), 0, 1);
        charts.add(card(cost), 1, 1);
        charts.setMinHeight(0);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox page = new VBox(12 * textScale, summary, charts);
        page.getStyleClass().add("main-area");
        page.setPadding(new Insets(14 * textScale));
        return page;
    }

    /**
     * Renders on the headless toolkit and writes the file: the command line's export. The evaluation and
     * references are computed (and files read) before, off the FX thread; encoding and writing happen here.
     */
    public static void writeHeadless(Request request, Evaluation evaluation, List<RatioReference> references,
                                     List<String> stylesheets, Path out) throws Exception {
        writeHeadless(request, evaluation, references, List.of(), List.of(), stylesheets, out);
    }

    /** As above, with pinned scenarios drawn beside the live one and the profiles the landscape shows. */
    public static void writeHeadless(Request request, Evaluation evaluation, List<RatioReference> references,
                                     List<ChartPin> pins, List<HardwareProfile> profiles, List<String> stylesheets,
                                     Path out) throws Exception {
        writeHeadless(request, evaluation, references, pins, profiles, null, stylesheets, out);
    }

    /** As above, with the frontier to draw (null: the default serving settings'). */
    public static void writeHeadless(Request request, Evaluation evaluation, List<RatioReference> references,
                                     List<ChartPin> pins, List<HardwareProfile> profiles,
                                     lab.roofline.engine.serving.Frontier frontier, List<String> stylesheets,
                                     Path out) throws Exception {
        boolean startedHere = startHeadlessToolkit();
        CompletableFuture<Object> rendered = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                rendered.complete(request.format() == ExportFormat.SVG
                        ? svg(request, evaluation, references, pins, profiles, frontier, stylesheets)
                        : png(request, evaluation, references, pins, profiles, frontier, stylesheets));
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
