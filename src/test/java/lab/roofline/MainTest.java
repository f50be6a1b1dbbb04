package lab.roofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Only JavaFX's class-path warning is hidden; CSS errors and other warnings still reach the user. */
class MainTest {
    @Test
    void onlyTheClassPathWarningIsFiltered() {
        assertThat(Main.shown(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'"))).isFalse();
        assertThat(Main.shown(new LogRecord(Level.WARNING, "CSS Error parsing app.css: Expected COLON"))).isTrue();
        assertThat(Main.shown(new LogRecord(Level.SEVERE, null))).isTrue();
    }
}
