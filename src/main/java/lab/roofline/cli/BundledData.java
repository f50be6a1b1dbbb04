package lab.roofline.cli;

import java.util.List;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.serving.ApiPrice;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.RealismLoader;
import picocli.CommandLine;

/**
 * The data files inside the application (data/*.json) as a command uses them: a broken one is said in one
 * line naming the file, in the command's own words (never a flag the user did not give), never dropped silently.
 */
final class BundledData {
    private BundledData() {
    }

    /**
     * The API prices, for the ticks on a chart or a handout ({@code where}: "the chart"): each problem of the
     * file is a note saying what is left out.
     */
    static List<ApiPrice> apiPrices(CommandLine cl, String where) {
        ApiPriceLoader.Result loaded = ApiPriceLoader.loadBundled();
        String left = loaded.prices().isEmpty() ? "; " + where + " has no API price ticks" : "; that row's tick is left out";
        loaded.problems().forEach(p -> cl.getErr().println("roofline-lab: note: " + RooflineCommand.printable(p) + left));
        return loaded.prices();
    }

    /**
     * The measured fractions a command needs for its own reasons ({@code who}: "the exercises"), not because
     * of --realistic: when they cannot be read, the message says who needs them and why they are missing.
     */
    static Realism measuredRealismFor(String who) {
        try {
            return ScenarioOptions.measuredRealism();
        } catch (IllegalStateException e) {
            String why = String.join("; ", RealismLoader.loadBundled().problems().stream()
                    .map(p -> p.replaceFirst("^" + RealismLoader.RESOURCE + ":? ?", "")
                            .replaceFirst("; the realistic setting is off$", "")).toList());
            throw new IllegalStateException(who + " need the measured fractions, and the bundled "
                    + RealismLoader.RESOURCE + " could not be read (" + why + ")", e);
        }
    }
}
