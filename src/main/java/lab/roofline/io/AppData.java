package lab.roofline.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ModelConfigLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RealismLoader;
import lab.roofline.io.data.RentalPriceLoader;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.scenario.ExerciseFile;
import lab.roofline.io.scenario.Settings;

/**
 * Everything the app reads before its first frame: hardware profiles, API prices, measured fractions and
 * the user's settings. Loading starts on a background thread as the JVM starts, so it overlaps the
 * toolkit's own start-up instead of adding to it.
 */
public record AppData(ProfileLoader.Result profiles, ApiPriceLoader.Result apiPrices, RealismLoader.Result realism,
                      Settings settings, ModelConfigLoader.Folder models, RentalPriceLoader.Result rentalPrices,
                      ExerciseFile.Result exercises) {

    private static CompletableFuture<AppData> loading;

    /** Starts loading (once); later calls return the same future. */
    public static synchronized CompletableFuture<AppData> loadAsync() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(AppData::load);
        }
        return loading;
    }

    /** The loading main() started, or a new one; the next call starts afresh (an app started again reloads). */
    public static synchronized AppData take() {
        CompletableFuture<AppData> started = loadAsync();
        loading = null;
        return started.join();
    }

    public static AppData load() {
        ProfileLoader.Result profiles = ProfileLoader.loadAll(List.of());
        RealismLoader.Result realism = RealismLoader.loadBundled();
        return new AppData(profiles, ApiPriceLoader.loadBundled(), realism, Settings.load(Settings.defaultFile()),
                ModelConfigLoader.readFolder(AppHome.modelsDirectory()),
                RentalPriceLoader.load(AppHome.rentalPricesFile()),
                // Checked against the profiles that loaded: an exercise on a GPU no profile has is refused here.
                ExerciseFile.loadAll(AppHome.exercisesDirectory(), profiles.profiles(), realism.realism()));
    }

    /** Every line about a file that did not load as it should. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(profiles.problems());
        all.addAll(apiPrices.problems());
        all.addAll(realism.problems());
        all.addAll(models.problems());
        all.addAll(rentalPrices.problems());
        all.addAll(exercises.problems());
        return List.copyOf(all);
    }
}
