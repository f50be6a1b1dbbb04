package lab.roofline.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Term;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.RatioReference;

/** The lines of the cards that open when the pointer rests on a chart element: what it is, with its work. */
public final class HoverLines {
    private HoverLines() {
    }

    /** The prefill point or the decode-step point of the roofline chart. */
    public static List<String> phase(Evaluation e, boolean prefill) {
        PhaseCost p = prefill ? e.prefill() : e.decode();
        List<String> lines = new ArrayList<>();
        lines.add(prefill
                ? "Prefill: batch " + e.scenario().batchSize() + " × " + e.scenario().promptTokens() + " tokens"
                : "Decode step: batch " + e.scenario().batchSize() + " at "
                + String.format(Locale.ROOT, "%,.0f", p.contextTokens()) + " tokens of context");
        lines.add("intensity " + Units.sig3(p.arithmeticIntensity()) + " FLOP/byte");
        lines.add("attained " + tflops(p.achievedFlopsPerSecond()) + " (" + Units.percent(p.computeUtilization())
                + " of peak)  ·  " + p.limiter().label());
        lines.add(Units.si(p.flops(), "FLOP") + " over " + Units.si(p.bytes(), "B") + " in " + Units.seconds(p.seconds()));
        if (p.communicationSeconds() > 0) {
            // Its own cause: the all-reduces do not overlap the terms (docs/model.md, 'Communication').
            lines.add("communication " + Units.seconds(p.communicationSeconds()) + " ("
                    + Units.percent(p.communicationSeconds() / p.seconds()) + " of the time) over "
                    + e.scenario().gpu().link().name());
        }
        lines.add(Units.sig3(p.tokensPerSecond()) + " tokens/s");
        // Show your work: the time, term by term, with this scenario's numbers.
        Derivations.Derivation time = Derivations.phaseTime(p);
        if (p.communicationSeconds() + p.overheadSeconds() > 0) {
            // Two short lines, not one long one: a card must fit a 1280-pixel window.
            Derivations.Derivation roof = Derivations.roofTime(p);
            lines.add(roof.formula());
            lines.add("  = " + roof.substituted() + " = " + roof.result());
            lines.add("  + " + Units.seconds(p.communicationSeconds()) + " communication + "
                    + Units.seconds(p.overheadSeconds()) + " overhead = " + time.result());
        } else {
            lines.add(time.formula());
            lines.add("  = " + time.substituted() + " = " + time.result());
        }
        return lines;
    }

    /** The decode-attention point: KV-cache reads, whose intensity does not grow with the batch. */
    public static List<String> attention(Evaluation e) {
        Term term = e.decode().attention();
        double achieved = term.flops() / term.seconds();
        return List.of("Decode attention (KV cache reads), batch " + e.scenario().batchSize(),
                String.format(Locale.ROOT, "intensity %.2f FLOP/byte", term.arithmeticIntensity()),
                "attained " + tflops(achieved) + "  ·  " + term.bound().label(),
                Units.si(term.flops(), "FLOP") + " over " + Units.si(term.bytes(), "B") + " of KV cache",
                "time " + Units.seconds(term.seconds()) + " of the " + Units.seconds(e.decode().seconds()) + " step");
    }

    public static List<String> ridge(Evaluation e) {
        Evaluation.Roof roof = e.currentRoof();
        return List.of("Ridge point",
                "peak / bandwidth = " + tflops(roof.peakFlopsPerSecond()) + " / "
                        + Units.si(roof.bandwidthBytesPerSecond(), "B/s"),
                "= " + String.format(Locale.ROOT, "%.1f", roof.ridgeFlopsPerByte()) + " FLOP/byte",
                "= " + String.format(Locale.ROOT, "%.0f", e.ridgeFlopsPerValue()) + " FLOPs per "
                        + e.scenario().weightPrecision().label() + " value");
    }

    /** A point of the utilization curve. */
    public static List<String> batchPoint(Evaluation.BatchPoint p) {
        Derivations.Derivation work = Derivations.utilization(p.step());
        return List.of("Batch " + p.batchSize() + (p.fits() ? "" : " (does not fit)"),
                "compute utilization " + Units.percent(p.computeUtilization()),
                work.formula(),
                "  = " + work.substituted(),
                Units.sig3(p.tokensPerSecond()) + " tokens/s",
                "step " + Units.seconds(p.stepSeconds()),
                "intensity " + Units.sig3(p.arithmeticIntensity()) + " FLOP/byte");
    }

    /** A public API price tick: who charges that ratio, as of when, and the batch that matches it. */
    public static List<String> apiRatio(RatioReference r) {
        List<String> lines = new ArrayList<>();
        lines.add("Output ÷ input = " + Units.times(r.ratio()) + " in public API prices");
        for (String api : r.apis().split(", ")) {
            lines.add("  " + api);
        }
        lines.add(Double.isNaN(r.impliedBatch()) ? "this scenario never gets that cheap per output token"
                : "this scenario gets there at batch ≈ " + String.format(Locale.ROOT, "%,.0f", Math.ceil(r.impliedBatch())));
        return lines;
    }

    /** A piece of a cost bar. */
    public static List<String> costSegment(String bar, String cause, String valueText, boolean usd) {
        return List.of(bar + ": " + cause, valueText + (usd ? " per million tokens" : " of GPU time per token"));
    }

    /** 989.5e12 -> "990 TFLOP/s"; 39.6e12 -> "39.6 TFLOP/s". */
    public static String tflops(double flops) {
        double t = flops / 1e12;
        return (t >= 100 ? String.format(Locale.ROOT, "%,.0f", t) : Units.sig3(t)) + " TFLOP/s";
    }
}
