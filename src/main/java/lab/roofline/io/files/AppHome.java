package lab.roofline.io.files;

import java.nio.file.Path;

/** Where the user's own files live: ~/.roofline-lab, or the folder the roofline.home property names. */
public final class AppHome {
    private AppHome() {
    }

    public static Path directory() {
        String override = System.getProperty("roofline.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".roofline-lab");
    }

    /** User hardware profiles; a file here overrides a bundled one with the same id. */
    public static Path profilesDirectory() {
        return directory().resolve("profiles");
    }

    /** The user's rental prices, over the bundled table's rows gpu by gpu (data/rental-prices.json). */
    public static Path rentalPricesFile() {
        return directory().resolve("rental-prices.json");
    }

    /** Teachers' exercise files (*.json), listed after the built-in exercises. */
    public static Path exercisesDirectory() {
        return directory().resolve("exercises");
    }

    /** Imported model configs (config.json files), listed beside the presets. */
    public static Path modelsDirectory() {
        return directory().resolve("models");
    }
}
