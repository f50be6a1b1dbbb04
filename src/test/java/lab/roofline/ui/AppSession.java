package lab.roofline.ui;

import java.util.function.BooleanSupplier;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A test that starts the whole app (its files, its settings) and closes it after. */
abstract class AppSession {
    protected Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    /** Waits up to 5 s for work the app does off the FX thread (reading, writing) to show. */
    protected static void waitFor(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
