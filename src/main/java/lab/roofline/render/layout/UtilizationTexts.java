package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;

/** What the utilization chart says in words under its title, in a full and a brief wording. */
public final class UtilizationTexts {
    private UtilizationTexts() {
    }

    /**
     * The line under the title in every wording, longest first: where the critical batch is, and, when
     * attention caps the curve, why it flattens below the weights' ceiling; none when the chart says it all. With
     * {@code criticalLabelled} false (no room beside its dashed line) the line names the critical batch.
     */
    public static List<String> subtitles(Evaluation e, boolean criticalLabelled) {
        String full = subtitle(e, false, criticalLabelled);
        if (full == null) {
            return List.of();
        }
        String brief = subtitle(e, true, criticalLabelled);
        String shortest = criticalLabelled || !onChart(e) ? brief : String.format(Locale.ROOT,
                "Critical ≈ %,d (dashed)", (long) Math.ceil(e.criticalBatchNoContext()));
        return List.of(full, brief, shortest);
    }

    /**
     * As above; with {@code wallLabelled} false (a small chart, or presentation mode at a large zoom, with no room
     * by the memory wall) every wording names the wall first: the red line is never left unexplained.
     */
    public static List<String> subtitles(Evaluation e, boolean criticalLabelled, boolean wallLabelled) {
        List<String> wordings = subtitles(e, criticalLabelled);
        long maxBatch = e.memory().maxBatch();
        if (wallLabelled || maxBatch < 1 || maxBatch >= ScenarioLimits.CURVE_MAX_BATCH) {
            return wordings;
        }
        String full = String.format(Locale.ROOT, "Max batch %,d (red line: memory full)", maxBatch);
        String brief = String.format(Locale.ROOT, "Max batch %,d (red)", maxBatch);
        List<String> named = new ArrayList<>();
        for (String w : wordings) {
            named.add((named.isEmpty() ? full : brief) + "; " + Character.toLowerCase(w.charAt(0)) + w.substring(1));
        }
        named.add(brief);
        return List.copyOf(named);
    }

    private static boolean onChart(Evaluation e) {
        double critical = e.criticalBatchNoContext();
        return !Double.isNaN(critical) && critical <= ScenarioLimits.CURVE_MAX_BATCH;
    }

    private static String subtitle(Evaluation e, boolean brief, boolean criticalLabelled) {
        double critical = e.criticalBatchNoContext();
        String where = onChart(e) && !criticalLabelled
                ? String.format(Locale.ROOT, brief ? "Critical ≈ %,d (dashed)" : "Critical batch ≈ %,d (dashed line)",
                (long) Math.ceil(critical))
                : Double.isNaN(critical) ? (brief ? "Never compute-bound here" : "The weights never turn compute-bound on this device")
                : critical > ScenarioLimits.CURVE_MAX_BATCH
                ? "Critical batch ≈ " + String.format(Locale.ROOT, "%,d", (long) Math.ceil(critical))
                + (brief ? " (off the chart)" : " (off the chart): the weights turn compute-bound there")
                : null;
        if (!UtilizationLabels.attentionShows(e)) {
            return where;
        }
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        Evaluation.BatchPoint last = curve.get(curve.size() - 1);
        // What else the step spends its time on: attention's reads, and on several devices the all-reduces.
        PhaseCost step = last.step();
        boolean others = step.communicationSeconds() + step.overheadSeconds() > step.attention().seconds();
        String cap = (others ? (brief ? "attention and all-reduces cap it at " : "attention, communication and overhead cap it at ")
                : brief ? "attention caps it at " : "attention (memory-bound) caps it at ") + Units.percent(last.computeUtilization());
        if (where != null) {
            return where + "; " + cap;
        }
        return brief ? Character.toUpperCase(cap.charAt(0)) + cap.substring(1) : "Past the critical batch, " + cap;
    }
}
