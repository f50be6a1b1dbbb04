package lab.roofline.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.DashboardView;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * Heap growth over thousands of input changes on one dashboard (headless Monocle, software rendering): 2,000
 * changes to warm up (caches, JIT, tooltips), then the used heap after GC before and after 5,000 more. It must
 * grow by less than 8 MiB, or something keeps what each change made (a listener, a cached layout); the run then
 * exits with status 1. This was DashboardLeakTest's second test: it measures over a long loop, so it is run on
 * demand rather than in every `./mvnw test` (the check that a disposed dashboard is collected stays there).
 * Run: ./mvnw -q test-compile exec:exec@leak-bench
 */
public final class DashboardLeakBenchmark {
    private static final long LIMIT_BYTES = 8L << 20;

    private DashboardLeakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        RooflineViewModel vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        vm.apiPrices().setAll(ApiPriceLoader.loadBundled().prices());
        DashboardView view = onFxThread(() -> {
            DashboardView v = new DashboardView(vm, kind -> { });
            Scene scene = new Scene(v, 1280, 800);
            Theme.LIGHT.applyTo(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return v;
        });
        churn(vm, view, 2000); // warm up: caches, JIT, tooltips
        long before = usedHeapAfterGc();
        churn(vm, view, 5000);
        long after = usedHeapAfterGc();
        onFxThread(() -> {
            view.dispose();
            return null;
        });
        long growth = after - before;
        boolean ok = growth < LIMIT_BYTES;
        double mib = 1 << 20;
        System.out.printf(Locale.ROOT, "heap after GC: %.1f MiB after 2,000 changes, %.1f MiB after 5,000 more "
                        + "(%+.1f MiB; limit +%.0f MiB): %s%n", before / mib, after / mib, growth / mib, LIMIT_BYTES / mib,
                ok ? "no growth" : "GROWS");
        Platform.exit();
        System.exit(ok ? 0 : 1);
    }

    /** Input changes in rounds of 250 on the FX thread, each round laid out; a pulse may render between rounds. */
    private static void churn(RooflineViewModel vm, DashboardView view, int changes) throws Exception {
        for (int done = 0; done < changes; done += 250) {
            int start = done;
            onFxThread(() -> {
                for (int i = start; i < start + 250; i++) {
                    vm.batchSizeProperty().set(1 + i % 512);
                    vm.promptTokensProperty().set(256 + i % 4096);
                    if (i % 50 == 0) {
                        vm.edit().selectGpu(i % 100 == 0 ? "b200" : "h100_sxm");
                    }
                }
                view.getScene().getRoot().layout();
                return null;
            });
            Thread.sleep(20);
        }
        onFxThread(() -> null); // what the last round queued has run
    }

    /** Runs a computation on the FX thread and waits for its result. */
    private static <T> T onFxThread(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /** The least used heap seen over five collections. */
    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(40);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }
}
