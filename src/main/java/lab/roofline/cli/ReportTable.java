package lab.roofline.cli;

import java.util.Locale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;

/** The human-readable `report`. */
public final class ReportTable {
    private ReportTable() {
    }

    public static String render(Evaluation e) {
        Scenario s = e.scenario();
        StringBuilder out = new StringBuilder();
        out.append("Roofline Lab report\n");
        scenario(out, e);
        out.append('\n');
        row(out, "Peak", Units.si(e.currentRoof().peakFlopsPerSecond(), "FLOP/s") + "   bandwidth "
                + Units.si(e.currentRoof().bandwidthBytesPerSecond(), "B/s"));
        row(out, "Ridge point", String.format(Locale.ROOT, "%.1f FLOP/byte = %.0f FLOPs per %s value",
                e.ridgeFlopsPerByte(), e.ridgeFlopsPerValue(), s.weightPrecision().label()));
        out.append('\n');
        if (!e.memory().fits()) {
            out.append("This scenario does not fit: every time, speed and cost below is what it would be with enough memory.\n\n");
        }
        phases(out, e);
        out.append('\n');
        limits(out, e);
        cost(out, e);
        for (String notice : e.notices()) {
            row(out, "Note", notice);
        }
        return out.toString();
    }

    /** What was asked: the devices, the model, the precisions and the workload. */
    private static void scenario(StringBuilder out, Evaluation e) {
        Scenario s = e.scenario();
        String devices = (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + s.gpu().name()
                + (s.gpuCount() > 1 ? " as " + Scenario.layoutName(s.gpuCount(), s.pipelineStages())
                + " over " + s.gpu().link().name() : "");
        row(out, "Hardware", devices);
        row(out, "Model", s.model().name() + " (" + Units.parameterCount(s.model().totalParameters())
                + " parameters" + (s.model().isMixtureOfExperts()
                ? ", " + Units.parameterCount(s.model().activeParameters()) + " active" : "") + ")");
        row(out, "Precision", s.weightPrecision().label() + " weights" + (s.weightOnly() ? " (weight-only)" : "")
                + ", math at " + e.computePrecision().label() + ", KV cache " + s.kvPrecision().label());
        row(out, "Workload", "batch " + s.batchSize() + ", " + s.promptTokens() + " prompt + " + s.generatedTokens()
                + " generated tokens, efficiency " + pct(s.computeEfficiency()) + " compute / "
                + pct(s.bandwidthEfficiency()) + " bandwidth"
                + (s.layerOverheadSeconds() > 0 ? ", overhead " + Units.seconds(s.layerOverheadSeconds()) + " a layer" : ""));
        if (s.speculation().isOn()) {
            row(out, "Speculative decoding", s.speculation().describe() + ": " + Units.sig3(s.speculation().expectedTokensPerStep())
                    + " tokens per step, " + Units.seconds(e.decode().draftSeconds()) + " of draft steps in each");
        }
    }

    /** Prefill beside one decode step, row by row. */
    private static void phases(StringBuilder out, Evaluation e) {
        Scenario s = e.scenario();
        out.append(String.format(Locale.ROOT, "%-24s %20s %20s%n", "", "Prefill", "Decode step"));
        PhaseCost p = e.prefill();
        PhaseCost d = e.decode();
        line(out, "Tokens", count(p.tokens()), count(d.tokens()));
        line(out, "Context (tokens)", count(p.contextTokens()), count(d.contextTokens()));
        line(out, "FLOPs", Units.si(p.flops(), "FLOP"), Units.si(d.flops(), "FLOP"));
        line(out, "Bytes: weights", Units.si(p.weightBytes(), "B"), Units.si(d.weightBytes(), "B"));
        line(out, "Bytes: KV-cache reads", Units.si(p.kvReadBytes(), "B"), Units.si(d.kvReadBytes(), "B"));
        line(out, "Bytes: KV-cache writes", Units.si(p.kvWriteBytes(), "B"), Units.si(d.kvWriteBytes(), "B"));
        line(out, "Bytes: activations", Units.si(p.activationBytes(), "B"), Units.si(d.activationBytes(), "B"));
        line(out, "Intensity (FLOP/byte)", Units.sig3(p.arithmeticIntensity()), Units.sig3(d.arithmeticIntensity()));
        line(out, "Attained FLOP/s", Units.si(p.achievedFlopsPerSecond(), "FLOP/s"),
                Units.si(d.achievedFlopsPerSecond(), "FLOP/s"));
        if (s.gpuCount() > 1) {
            line(out, "Communication", Units.seconds(p.communicationSeconds()), Units.seconds(d.communicationSeconds()));
        }
        if (s.layerOverheadSeconds() > 0) {
            line(out, "Overhead", Units.seconds(p.overheadSeconds()), Units.seconds(d.overheadSeconds()));
        }
        line(out, "Bound", p.limiter().label(), d.limiter().label());
        line(out, "Time", Units.seconds(p.seconds()), Units.seconds(d.seconds()));
        line(out, "Tokens/s", Units.sig3(p.tokensPerSecond()), Units.sig3(d.tokensPerSecond()));
        line(out, "Tokens/s per sequence", Units.sig3(p.tokensPerSecondPerSequence()),
                Units.sig3(d.tokensPerSecondPerSequence()));
        line(out, "Compute utilization", pct(p.computeUtilization()), pct(d.computeUtilization()));
        line(out, "Bandwidth utilization", pct(p.bandwidthUtilization()), pct(d.bandwidthUtilization()));
    }

    /** Where batching stops paying, and what memory allows. */
    private static void limits(StringBuilder out, Evaluation e) {
        PhaseCost d = e.decode();
        row(out, "Critical batch", criticalBatch(e.criticalBatchNoContext()) + " with no context; "
                + (Double.isNaN(e.criticalBatch())
                ? "none at " + count(d.contextTokens()) + " tokens of context (the KV cache keeps decode memory-bound)"
                : criticalBatch(e.criticalBatch()) + " at " + count(d.contextTokens()) + " tokens of context")
                + "; throughput stops growing at " + criticalBatch(e.criticalBatchNoContext()));
        Evaluation.MemoryUse m = e.memory();
        row(out, "Memory", Units.si(m.weightBytes(), "B") + " weights + " + Units.si(m.kvCacheBytes(), "B")
                + " KV cache = " + Units.si(m.totalBytes(), "B") + " of " + Units.si(m.capacityBytes(), "B")
                + (m.fits() ? " (fits)" : " (DOES NOT FIT)") + "; largest batch that fits: "
                + (m.maxBatch() >= ScenarioLimits.MAX_BATCH
                ? String.format(Locale.ROOT, "%,d or more (the batch limit)", m.maxBatch()) : m.maxBatch()));
    }

    /** What a token costs: USD with a price, GPU time without, and output against input. */
    private static void cost(StringBuilder out, Evaluation e) {
        Evaluation.Cost c = e.cost();
        String wouldBe = e.memory().fits() ? "" : "would be ";
        if (c.hasPrice()) {
            row(out, "Cost per 1M tokens", wouldBe + "input " + Units.usd(c.inputUsdPerMillionTokens()) + ", output "
                    + Units.usd(c.outputUsdPerMillionTokens()) + " at " + Units.usd(c.priceUsdPerHour()) + "/hour");
        } else {
            row(out, "GPU time per token", wouldBe + "input " + Units.seconds(c.inputGpuSecondsPerToken()) + ", output "
                    + Units.seconds(c.outputGpuSecondsPerToken()) + (c.devices() > 1 ? " (all " + c.devices() + " GPUs' time;"
                    : " (") + " no price known: pass --price-per-hour)");
        }
        row(out, "Output / input", String.format(Locale.ROOT, wouldBe + "output tokens cost %.1f× input", c.outputToInputRatio()));
    }

    static String criticalBatch(double b) {
        return Double.isNaN(b) ? "none" : "≈ " + (long) Math.ceil(b - 1e-9);
    }

    private static String pct(double fraction) {
        return Units.percent(fraction);
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-20s %s%n", label, value));
    }

    private static void line(StringBuilder out, String label, String a, String b) {
        out.append(String.format(Locale.ROOT, "%-24s %20s %20s%n", label, a, b));
    }
}
