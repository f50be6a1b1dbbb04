package lab.roofline.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where start-up goes, with -Droofline.timing=true: milliseconds from the launch (the first JVM's start, so
 * the jar's C1 relaunch counts) to each step, printed with the first frame. Off, a mark costs one boolean read.
 */
public final class StartupTimes {
    private static final boolean ON = Boolean.getBoolean("roofline.timing");
    private static final List<String> MARKS = new ArrayList<>();

    private StartupTimes() {
    }

    /** When the app was launched: the relaunching JVM's start, else this process's start. */
    public static long launchedAtMillis() {
        Long relaunched = Long.getLong("roofline.launchedAtMillis");
        return relaunched != null ? relaunched : ProcessHandle.current().info().startInstant()
                .map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
    }

    /** Notes a step (main entered, data loaded, view built, ...). */
    public static synchronized void mark(String step) {
        if (ON) {
            MARKS.add(String.format(Locale.ROOT, "%s %d", step, System.currentTimeMillis() - launchedAtMillis()));
        }
    }

    /** The steps so far, as "step ms" pairs joined by commas. */
    public static synchronized String steps() {
        return String.join(", ", MARKS);
    }
}
