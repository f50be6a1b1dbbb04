package lab.roofline.render.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.Planner;

/** What the frontier chart says in words: its subtitle, notes, key, labels and hover cards. */
public final class FrontierTexts {
    private FrontierTexts() {
    }

    /** Which curves are priced from the rental table, and at what: "Live priced from the rental table: $1.95 …". */
    public static String priceNotes(Frontier f) {
        return String.join("; ", f.curves().stream().filter(c -> !c.priceNote().isEmpty())
                .map(c -> (c.live() ? "Live" : Units.shortened(c.name())) + " " + c.priceNote()).toList());
    }

    /** The limits and the serving mode in one line. */
    public static String subtitle(Frontier f) {
        List<String> parts = new ArrayList<>();
        parts.add(Double.isInfinite(f.settings().ttftSeconds()) ? "no first-token limit"
                : "first token within " + Units.seconds(f.settings().ttftSeconds()) + " (hollow: later)");
        parts.add(Double.isInfinite(f.settings().tpotSeconds()) ? "no per-token limit"
                : "a token each " + Units.seconds(f.settings().tpotSeconds()) + " (shaded: slower)");
        parts.add(f.settings().disaggregated() ? "prefill on its own devices" : "prefill between decode steps");
        if (f.settings().cachedInput() > 0) {
            parts.add(Units.percent(f.settings().cachedInput()) + " of input cached");
        }
        return String.join(" · ", parts);
    }

    /** The title for the metric: the longest first, then the shorter wording a narrow chart uses. */
    public static String[] titles(FrontierLayout.Metric metric) {
        String name = metric == FrontierLayout.Metric.COST ? "Latency–cost frontier" : "Latency–throughput frontier";
        return new String[] {name + ": batches from 1 to the largest that fits", name};
    }

    /** The live batch does not fit: say so, with the largest that does (the curve's last point); else null. */
    public static String doesNotFitNote(Frontier.Curve live) {
        return live != null && live.operating() == null && !live.points().isEmpty()
                ? String.format(Locale.ROOT, "Live batch %,d does not fit: at most %,d", live.scenario().batchSize(),
                live.points().get(live.points().size() - 1).batch()) : null;
    }

    /** The live batch's label: its batch and what the vertical axis shows for it. */
    public static String liveLabel(Frontier.Curve live, FrontierLayout.Metric metric) {
        return metric == FrontierLayout.Metric.COST
                ? String.format(Locale.ROOT, "live batch %,d · %s/1M output", live.operating().batch(),
                Units.usd(live.operating().costUsdPerMillionOutput()))
                : String.format(Locale.ROOT, "live batch %,d · %s tokens/s per GPU", live.operating().batch(),
                Units.sig3(live.operating().tokensPerSecondPerDevice()));
    }

    /** The label of the cheapest point within the limits on any curve. */
    public static String cheapestLabel(Frontier f) {
        Frontier.Curve c = f.curves().get(f.cheapest().curveIndex());
        // Which curve, only when there are several to tell apart; the name whole (the layout finds it room).
        String where = f.curves().size() == 1 ? "" : " on " + (c.live() ? "the live curve" : Units.oneLine(c.name()));
        return String.format(Locale.ROOT, "cheapest within the limits: batch %,d%s · %s/1M output, %s blended",
                f.cheapest().point().batch(), where, Units.usd(f.cheapest().point().costUsdPerMillionOutput()),
                Units.usd(f.cheapest().point().costUsdPerMillionBlended()));
    }


    /** A curve's name in the key. */
    public static String keyName(Frontier.Curve c) {
        return c.live() ? "Live scenario" : PinStyle.of(c.pinIndex()).glyph() + " " + Units.shortened(c.name());
    }

    /** Why each curve that could not be drawn was left out, a line each ("Live: no price …"). */
    public static List<String> leftOut(Frontier f, FrontierLayout.Metric metric) {
        List<String> why = new ArrayList<>();
        for (Frontier.Curve c : f.curves()) {
            String reason = !c.missing().isEmpty() ? c.missing()
                    : !FrontierLayout.drawn(c, metric) ? Frontier.noPrice(c) : "";
            if (!reason.isEmpty()) {
                why.add((c.live() ? "Live: " : Units.shortened(c.name()) + ": ") + reason);
            }
        }
        return why;
    }

    /** A point's figures, as the hover card shows them. */
    public static List<String> card(Frontier.Curve c, Planner.FrontierPoint p) {
        List<String> lines = new ArrayList<>();
        lines.add((c.live() ? "Live" : Units.shortened(c.name())) + String.format(Locale.ROOT, ": batch %,d", p.batch()));
        lines.add(String.format(Locale.ROOT, "%s tokens/s per user · %s per GPU", Units.sig3(p.tokensPerSecondPerUser()),
                Units.sig3(p.tokensPerSecondPerDevice())));
        lines.add("Time per output token " + Units.seconds(p.tpotSeconds()) + " · first token " + Units.seconds(p.ttftSeconds()));
        lines.add("Output " + Units.usd(p.costUsdPerMillionOutput()) + "/1M · input " + Units.usd(p.costUsdPerMillionInput())
                + "/1M · blended " + Units.usd(p.costUsdPerMillionBlended()) + "/1M");
        if (!Double.isNaN(p.joulesPerOutputToken())) {
            lines.add("Energy " + Units.sig3(p.joulesPerOutputToken()) + " J per output token");
        }
        if (!Double.isNaN(p.prefillDevicesPerDecode())) {
            lines.add(String.format(Locale.ROOT, "Prefill pool: %s devices per decode device, prompts in batches of %,d",
                    Units.sig3(p.prefillDevicesPerDecode()), p.prefillBatch()));
        }
        lines.add(p.withinLimits() ? "Within the limits" : "Outside the limits");
        if (!c.priceNote().isEmpty()) {
            lines.add(Units.shortened(c.priceNote()));
        }
        return lines;
    }
}
