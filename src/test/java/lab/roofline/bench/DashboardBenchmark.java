package lab.roofline.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import lab.roofline.io.AppData;
import lab.roofline.render.export.ChartInputs;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportFiles;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.DashboardView;
import lab.roofline.ui.Preload;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * The dashboard's performance goals, measured on the real window (headless Monocle glass, software
 * rendering unless a display is given):
 * <ul>
 * <li>slider change to rendered frame over 1000 changes, p50/p95/p99 (run once at the default pulse
 * and once with -Djavafx.animation.pulse=1000 for the intrinsic cost);</li>
 * <li>JVM start to first rendered frame;</li>
 * <li>dashboard export at 2x (render + encode + write);</li>
 * <li>heap after 10,000 slider changes (no growth means no leaked listeners).</li>
 * </ul>
 * Run: ./mvnw -q test-compile exec:exec@ui-bench exec:exec@ui-bench-intrinsic (and @ui-bench-projector,
 * @ui-bench-pinned for zoom 200 % in presentation mode and for four pins)
 */
public final class DashboardBenchmark {
    private static final int CHANGES = 1000;

    public static void main(String[] args) throws Exception {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        // As the app does: data loads in the background while the toolkit starts.
        var data = AppData.loadAsync();
        Preload.start();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        CompletableFuture<Stage> shown = new CompletableFuture<>();
        long[] firstFrameMillis = {0};
        RooflineViewModel[] vmHolder = new RooflineViewModel[1];
        DashboardView[] viewHolder = new DashboardView[1];
        Platform.runLater(() -> {
            RooflineViewModel vm = new RooflineViewModel(data.join().profiles().profiles());
            vm.apiPrices().setAll(data.join().apiPrices().prices());
            DashboardView view = new DashboardView(vm, kind -> { });
            // -Droofline.bench.zoom=2 and -Droofline.bench.present=true measure the projector setting.
            view.setZoom(Double.parseDouble(System.getProperty("roofline.bench.zoom", "1")));
            view.commands().presentation.setSelected(Boolean.getBoolean("roofline.bench.present"));
            // -Droofline.bench.pins=4 measures with four pinned scenarios drawn beside the live one.
            String[] pinnedGpus = {"h200_sxm", "mi300x", "b200", "l40s"};
            for (int i = 0; i < Integer.getInteger("roofline.bench.pins", 0) && i < pinnedGpus.length; i++) {
                vm.edit().selectGpu(pinnedGpus[i]);
                vm.batchSizeProperty().set(8 << i);
                vm.pinsModel().pin(pinnedGpus[i]);
            }
            vm.edit().selectGpu("h100_sxm");
            vm.batchSizeProperty().set(1);
            Scene scene = new Scene(view, 1440, 900);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnRenderedFrameTask(() -> {
                if (firstFrameMillis[0] == 0) {
                    firstFrameMillis[0] = System.currentTimeMillis();
                }
            });
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            vmHolder[0] = vm;
            viewHolder[0] = view;
            shown.complete(stage);
        });
        Stage stage = shown.get(30, TimeUnit.SECONDS);
        while (firstFrameMillis[0] == 0) {
            Thread.sleep(5);
        }
        RooflineViewModel vm = vmHolder[0];
        DashboardView view = viewHolder[0];
        Scene scene = stage.getScene();
        // -Droofline.bench.serving=true: the serving window open beside the dashboard, and each change timed
        // to the frontier's frame (its curves, the live point and the readout recomputed and redrawn).
        boolean serving = Boolean.getBoolean("roofline.bench.serving");
        if (serving) {
            onFxThread(() -> {
                view.commands().serving.handle(new ActionEvent());
                view.serving().getScene().getStylesheets().setAll(Theme.LIGHT.stylesheets());
                return null;
            });
            Thread.sleep(500);
        }
        PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
        // With the serving window, a change counts as shown when both windows have rendered it.
        PerformanceTracker second = serving ? PerformanceTracker.getSceneTracker(view.serving().getScene()) : null;

        String pulse = System.getProperty("javafx.animation.pulse", "default (60)");
        double[] latenciesMs = measureLatency(vm, tracker, second, CHANGES);
        Arrays.sort(latenciesMs);

        // Export at 2x: render on the FX thread, then encode and write.
        Path out = Files.createTempFile("roofline-bench", ".png");
        long exportStart = System.nanoTime();
        WritableImage rendered = onFxThread(() -> ChartRenderer.png(
                request(ChartKind.DASHBOARD, 2, ExportFormat.PNG),
                ChartInputs.of(vm.result(), vm.referencesProperty().getValue(),
                        Theme.LIGHT.stylesheets())));
        double renderMs = (System.nanoTime() - exportStart) / 1e6;
        ExportFiles.writePng(rendered, out);
        double exportMs = (System.nanoTime() - exportStart) / 1e6;
        Files.deleteIfExists(out);

        // SVG of one chart, 16:9: lay out, draw through the SVG pen, write.
        Path svgOut = Files.createTempFile("roofline-bench", ".svg");
        long svgStart = System.nanoTime();
        String svg = onFxThread(() -> ChartRenderer.svg(
                request(ChartKind.ROOFLINE, 1, ExportFormat.SVG),
                ChartInputs.of(vm.result(), vm.referencesProperty().getValue(),
                        Theme.LIGHT.stylesheets())));
        ExportFiles.writeSvg(svg, svgOut);
        double svgMs = (System.nanoTime() - svgStart) / 1e6;
        Files.deleteIfExists(svgOut);

        // Heap: 10,000 more changes; growth would mean something keeps what each change made.
        long heapBefore = usedHeapAfterGc();
        measureLatency(vm, tracker, second, 10_000);
        long heapAfter = usedHeapAfterGc();

        System.out.printf(Locale.ROOT, "pulse: %s Hz, zoom %s, presentation %s, %d slider changes, change -> rendered frame%s:%n",
                pulse, System.getProperty("roofline.bench.zoom", "1"), Boolean.getBoolean("roofline.bench.present"), CHANGES,
                serving ? " of both windows (the dashboard and the serving window's frontier)" : "");
        System.out.printf(Locale.ROOT, "  p50 %.2f ms   p95 %.2f ms   p99 %.2f ms   max %.2f ms%n",
                percentile(latenciesMs, 50), percentile(latenciesMs, 95), percentile(latenciesMs, 99),
                latenciesMs[latenciesMs.length - 1]);
        System.out.printf(Locale.ROOT, "JVM start -> first frame: %d ms%n", firstFrameMillis[0] - jvmStartMillis);
        System.out.printf(Locale.ROOT, "dashboard export at 2x (16:9): %.0f ms (render %.0f ms, encode and write %.0f ms)%n",
                exportMs, renderMs, exportMs - renderMs);
        System.out.printf(Locale.ROOT, "roofline SVG export (16:9): %.0f ms%n", svgMs);
        System.out.printf(Locale.ROOT, "heap after GC: %.1f MB before, %.1f MB after 10,000 more changes (%+.1f MB)%n",
                heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6);
        System.out.printf(Locale.ROOT, "evaluations: %d, roofline redraws: %d (background %d), utilization "
                        + "background %d, cost background %d%n", vm.evaluationCountProperty().get(),
                view.rooflineChart().redrawCount(), view.rooflineChart().backgroundRedrawCount(),
                view.utilizationChart().backgroundRedrawCount(), view.costChart().backgroundRedrawCount());
        if (serving) {
            System.out.printf(Locale.ROOT, "frontier redraws: %d (background %d)%n", view.serving().chart().redrawCount(),
                    view.serving().chart().backgroundRedrawCount());
        }
        Platform.exit();
        System.exit(0);
    }

    /** A 16:9 export request. */
    private static ChartRenderer.Request request(ChartKind kind, int scale,
                                                                       ExportFormat format) {
        return new ChartRenderer.Request(kind, ExportSize.SLIDE_16_9,
                scale, format);
    }

    /** Runs a computation on the FX thread and waits for its result. */
    private static <T> T onFxThread(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(work.get()));
        return result.get();
    }

    /** Each change is sent after the previous one's frame rendered; returns change-to-frame times in ms. */
    private static double[] measureLatency(RooflineViewModel vm, PerformanceTracker tracker, PerformanceTracker second,
                                           int changes) throws InterruptedException {
        double[] result = new double[changes];
        Random random = new Random(42);
        for (int i = 0; i < changes; i++) {
            CountDownLatch rendered = new CountDownLatch(second == null ? 1 : 2);
            long[] t0 = new long[1];
            int batch = 1 + random.nextInt(4096);
            Platform.runLater(() -> {
                // Each window counts once: its first frame after the change.
                boolean[] seen = new boolean[2];
                tracker.setOnRenderedFrameTask(() -> {
                    if (!seen[0]) {
                        seen[0] = true;
                        rendered.countDown();
                    }
                });
                if (second != null) {
                    second.setOnRenderedFrameTask(() -> {
                        if (!seen[1]) {
                            seen[1] = true;
                            rendered.countDown();
                        }
                    });
                }
                t0[0] = System.nanoTime();
                vm.batchSizeProperty().set(batch);
            });
            if (!rendered.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no frame rendered after change " + i);
            }
            result[i] = (System.nanoTime() - t0[0]) / 1e6;
        }
        return result;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
