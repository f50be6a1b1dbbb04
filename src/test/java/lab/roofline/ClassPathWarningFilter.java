package lab.roofline;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The tests' console log filter (src/test/resources/logging.properties): the app's own rule (Main.shown),
 * so a test run hides JavaFX's class-path warning as the app does, and nothing else.
 */
public final class ClassPathWarningFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        return Main.shown(record);
    }
}
