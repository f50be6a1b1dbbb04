package lab.roofline.ui;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A test that starts the whole app (its files, its settings) and closes it after. */
public abstract class AppSession {
    protected Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        closeStrayWindows();
    }

    /**
     * Closes every window but the tests' shared one: a dialog the app left open (an error it reported) would
     * sit over the next test's window and take its clicks.
     */
    public static void closeStrayWindows() throws Exception {
        Stage shared = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != shared)
                .forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Starts the whole app in the tests' shared window, as a user starts it; returns the window's view. */
    protected DashboardView startApp(String... args) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(RooflineApp.class, args);
        return (DashboardView) stage.getScene().getRoot();
    }

    /** Waits up to 5 s for work the app does off the FX thread (reading, writing) to show. */
    protected static void waitFor(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
