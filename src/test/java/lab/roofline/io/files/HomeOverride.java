package lab.roofline.io.files;

import java.nio.file.Path;
import java.util.function.Supplier;

/** A test's work done with the user's folder (the roofline.home property) set to one of its own, then put back. */
public final class HomeOverride {
    private HomeOverride() {
    }

    public static <T> T with(Path home, Supplier<T> work) {
        String before = System.getProperty("roofline.home");
        System.setProperty("roofline.home", home.toString());
        try {
            return work.get();
        } finally {
            if (before == null) {
                System.clearProperty("roofline.home");
            } else {
                System.setProperty("roofline.home", before);
            }
        }
    }
}
