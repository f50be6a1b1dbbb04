package lab.roofline.explain;

import java.util.Locale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;

/**
 * The line under every exported chart: the whole scenario, so a picture on a slide always says what it
 * shows (devices, model, the three precisions, batch, context, ideal or derated, price).
 */
public final class Captions {
    private Captions() {
    }

    public static String of(Evaluation e) {
        Scenario s = e.scenario();
        String precisions = s.weightPrecision().label() + " weights, " + e.computePrecision().label() + " math, "
                + s.kvPrecision().label() + " KV cache";
        String overhead = s.layerOverheadSeconds() > 0
                ? " + " + Units.seconds(s.layerOverheadSeconds()) + " a layer of overhead" : "";
        String efficiency = (s.computeEfficiency() >= 1 && s.bandwidthEfficiency() >= 1
                ? (overhead.isEmpty() ? "ideal (100 % of peak)" : "100 % of peak")
                : "derated to " + Units.percent(s.computeEfficiency()) + " of peak FLOP/s, "
                + Units.percent(s.bandwidthEfficiency()) + " of bandwidth") + overhead;
        String price = Double.isFinite(s.priceUsdPerHour())
                ? String.format(Locale.ROOT, "$%.2f\u00a0per\u00a0device-hour", s.priceUsdPerHour()) : "no price";
        String draft = s.speculation().isOn() ? "  ·  " + capped(s.speculation().draftModel().name()) + " drafts "
                + s.speculation().draftTokens() + " tokens, " + Units.percent(s.speculation().acceptanceRate()) + " accepted" : "";
        return devices(s) + "  ·  " + capped(s.model().name()) + draft + "  ·  " + precisions + "  ·  batch "
                + String.format(Locale.ROOT, "%,d", s.batchSize())
                + "  ·  " + String.format(Locale.ROOT, "%,d prompt + %,d generated tokens", s.promptTokens(),
                s.generatedTokens()) + "  ·  " + efficiency + "  ·  " + price + "  ·\u00a0Roofline\u00a0Lab";
    }

    /**
     * A pinned scenario in a few words, after its name: "■ H200: H200 SXM · Llama 3.1 70B · BF16 · batch 64"
     * (and "does not fit" when it does not).
     */
    public static String pinned(String name, Evaluation e) {
        Scenario s = e.scenario();
        String notFit = doesNotFit(e);
        return name + ": " + devices(s) + " · " + capped(s.model().name()) + " · " + s.weightPrecision().label()
                + " · batch " + String.format(Locale.ROOT, "%,d", s.batchSize())
                + (notFit == null ? "" : " (" + notFit + ")");
    }

    /**
     * Why the scenario cannot run, in a few words ("does not fit: needs 2 × H100 SXM5 80GB", "does not fit:
     * max batch 22"); null when it fits.
     */
    public static String doesNotFit(Evaluation e) {
        Evaluation.MemoryUse memory = e.memory();
        if (memory.fits()) {
            return null;
        }
        return memory.maxBatch() == 0
                ? String.format(Locale.ROOT, "does not fit: needs %,d × %s", e.devicesToFit(), e.scenario().gpu().name())
                : String.format(Locale.ROOT, "does not fit: max batch %,d", memory.maxBatch());
    }

    /** A name from a file, kept to a caption's line (a 2,000-character profile name would fill the page). */
    static String capped(String name) {
        return name.length() > 60 ? name.substring(0, 59) + "…" : name;
    }

    /** "H100 SXM" or "8 × H100 SXM". */
    public static String devices(Scenario s) {
        return (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + capped(s.gpu().name())
                + (s.pipelineStages() > 1 ? " as " + Scenario.layoutName(s.gpuCount(), s.pipelineStages()) : "");
    }
}
