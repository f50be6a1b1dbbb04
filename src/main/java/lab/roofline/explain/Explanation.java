package lab.roofline.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.BatchApi;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Interconnect;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Term;
import lab.roofline.engine.roofline.Units;

/**
 * The article's argument told with the current scenario's numbers, one paragraph per topic. Every figure
 * is formatted from the evaluation it explains, so words and charts never disagree.
 */
public final class Explanation {
    private Explanation() {
    }

    /** What a paragraph is about; the lesson highlights the matching chart element. */
    public enum Topic {
        RIDGE("The ridge point"),
        DECODE("Batch-1 decode"),
        PREFILL("Prefill"),
        BATCHING("Batching up to the critical batch"),
        KV_CACHE("The KV cache"),
        MEMORY_WALL("The memory wall"),
        COMMUNICATION("Several devices"),
        COST("Input and output prices"),
        BATCH_API("The Batch API");

        private final String title;

        Topic(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public record Paragraph(Topic topic, String text) {
    }

    /**
     * A chart's text alternative for screen readers: the explanation's sentences about the topics the chart
     * shows, in this scenario's numbers.
     */
    public static String about(List<Topic> topics, Evaluation e) {
        StringBuilder b = new StringBuilder();
        for (Topic t : topics) {
            b.append(b.length() == 0 ? "" : " ").append(t.title()).append(": ").append(paragraph(t, e));
        }
        return b.toString();
    }

    public static List<Paragraph> of(Evaluation e) {
        List<Paragraph> out = new ArrayList<>();
        for (Topic t : Topic.values()) {
            out.add(new Paragraph(t, paragraph(t, e)));
        }
        return out;
    }

    public static String paragraph(Topic topic, Evaluation e) {
        return switch (topic) {
            case RIDGE -> ridge(e);
            case DECODE -> decode(e);
            case PREFILL -> prefill(e);
            case BATCHING -> batching(e);
            case KV_CACHE -> kvCache(e);
            case MEMORY_WALL -> memoryWall(e);
            case COMMUNICATION -> communication(e);
            case COST -> cost(e);
            case BATCH_API -> batchApi(e);
        };
    }

    /** The ridge point: where the device turns from waiting on memory to waiting on math. */
    private static String ridge(Evaluation e) {
        Scenario s = e.scenario();
        Evaluation.Roof roof = e.currentRoof();
        String gpu = (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + s.gpu().name();
        String precision = s.weightPrecision().label();
        return String.format(Locale.ROOT,
                "The %s does %s of %s math and reads memory at %s. Its ridge point is %s ÷ %s = %s FLOP/byte: "
                        + "%s FLOPs for every %s value read. Work that does less per byte waits on memory.",
                gpu, si(roof.peakFlopsPerSecond(), "FLOP/s"), e.computePrecision().label(),
                si(roof.bandwidthBytesPerSecond(), "B/s"), si(roof.peakFlopsPerSecond(), "FLOP/s"),
                si(roof.bandwidthBytesPerSecond(), "B/s"), Units.sig3(e.ridgeFlopsPerByte()),
                Units.sig3(e.ridgeFlopsPerValue()), precision);
    }

    /** Batch-1 decode: each step reads every weight for one token. */
    private static String decode(Evaluation e) {
        Scenario s = e.scenario();
        PhaseCost one = e.decodeAtBatchOne();
        Term w = one.matmul();
        double reading = one.memoryBoundSeconds() / one.seconds();
        String devices = s.gpuCount() > 1 ? "these " + s.gpuCount() + " GPUs finish" : "this GPU finishes";
        String rest = one.communicationSeconds() + one.overheadSeconds() > 0
                ? String.format(Locale.ROOT, " (the rest: %s of communication and %s of overhead)",
                Units.seconds(one.communicationSeconds()), Units.seconds(one.overheadSeconds())) : "";
        return String.format(Locale.ROOT,
                "At batch 1 each decode step reads %s of weights at %s, and the step takes %s. The weights "
                        + "take %s of math, which %s in %s: reading memory takes %s of the step%s, "
                        + "and one sequence gets %s tokens/s. That is %s FLOPs per byte, far below the ridge of %s.",
                si(w.weightBytes(), "B"), si(w.bandwidthBytesPerSecond(), "B/s"),
                Units.seconds(one.seconds()), si(w.flops(), "FLOP"), devices, Units.seconds(w.computeSeconds()),
                Units.percent(reading), rest, Units.sig3(one.tokensPerSecond()),
                Units.sig3(one.arithmeticIntensity()), Units.sig3(e.ridgeFlopsPerByte()));
    }

    /** Prefill: every prompt token shares one read of the weights. */
    private static String prefill(Evaluation e) {
        Scenario s = e.scenario();
        PhaseCost p = e.prefill();
        return String.format(Locale.ROOT,
                "Prefill reads the weights once for all %s prompt tokens (%d × %d), so it does %s FLOPs per "
                        + "byte: %s. It takes %s, %s tokens/s, at %s of peak.",
                count(p.tokens()), s.batchSize(), s.promptTokens(), Units.sig3(p.arithmeticIntensity()),
                p.limiter().label(), Units.seconds(p.seconds()), Units.sig3(p.tokensPerSecond()),
                Units.percent(p.computeUtilization()));
    }

    /** Batching: sequences share the weight reads up to the critical batch. */
    private static String batching(Evaluation e) {
        Scenario s = e.scenario();
        PhaseCost d = e.decode();
        return String.format(Locale.ROOT,
                "Batching shares each weight read among sequences: every weight value read does 2 FLOPs per "
                        + "sequence. At batch %d a decode step takes %s and gives %s tokens/s, %s of peak. %s",
                s.batchSize(), Units.seconds(d.seconds()), Units.sig3(d.tokensPerSecond()),
                Units.percent(d.computeUtilization()), criticalBatch(e));
    }

    /**
     * Where decode turns compute-bound, with the formula the engine's number satisfies: ridge × bytes moved per
     * weight used ÷ FLOPs per weight. The bytes are more than a weight's own (591 ÷ 2 would miss the INT8
     * model's 16-bit output table and every sequence's activations), so the text says why.
     */
    private static String criticalBatch(Evaluation e) {
        Scenario s = e.scenario();
        Evaluation.CriticalBatchFormula f = e.criticalBatchFormula();
        if (f == null) {
            return "With no context, decode never turns compute-bound at any batch.";
        }
        if (f.batch() <= 1) {
            return "With no context, decode is compute-bound from batch 1 on.";
        }
        String flops = f.flopsPerWeightUsed() == 2 ? "2 FLOPs" : String.format(Locale.ROOT, "(2 FLOPs × %d tokens checked)",
                s.speculation().verifiedTokens());
        List<String> why = new ArrayList<>();
        if (s.tableBytesPerValue() > s.weightPrecision().bytesPerValue() && s.model().outputHeadParameters() > 0) {
            why.add("the " + bits(s.tableBytesPerValue()) + "-bit output table");
        }
        if (s.pipelineStages() > 1) {
            why.add("each of the " + Math.min(s.pipelineStages(), (long) Math.ceil(f.batch())) + " micro-batches reading "
                    + "the weights");
        }
        if (s.model().activeParameters() < s.model().totalParameters()) {
            why.add("the experts other sequences route to");
        }
        why.add("each sequence's embedding row, activations and new KV entries");
        return String.format(Locale.ROOT, "With no context, decode turns compute-bound at batch ≈ %s (%s FLOP/byte × "
                        + "%s B moved per weight used ÷ %s): more than %s's %s B, for %s.",
                batch(f.batch()), Units.sig3(f.ridgeFlopsPerByte()), Units.sig3(f.bytesPerWeightUsed()), flops,
                s.weightPrecision().label(), trim(s.weightPrecision().bytesPerValue()), and(why));
    }

    private static String bits(double bytesPerValue) {
        return trim(bytesPerValue * 8);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> items) {
        int n = items.size();
        return n == 1 ? items.get(0) : String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    }

    /** The KV cache: attention reads each sequence's own cache, so batching cannot share it. */
    private static String kvCache(Evaluation e) {
        Scenario s = e.scenario();
        PhaseCost d = e.decode();
        double kvPerSequence = s.model().kvCacheBytes(d.contextTokens(), s.kvPrecision());
        double ceiling = 2 * s.model().activeParameters()
                / (s.model().kvCacheBytesPerToken(s.kvPrecision()) * e.ridgeFlopsPerByte());
        List<Evaluation.BatchPoint> curve = e.utilizationCurve();
        Evaluation.BatchPoint largest = curve.get(curve.size() - 1);
        double attentionShare = largest.step().attention().seconds() / largest.step().seconds();
        String verdict = String.format(Locale.ROOT, "So past the critical batch, where the weights turn "
                        + "compute-bound, attention still takes %s of each step at batch %s, and the step "
                        + "levels off at %s of peak (below about %s tokens of context it would pass half of "
                        + "peak).", Units.percent(attentionShare), count(largest.batchSize()),
                Units.percent(largest.computeUtilization()), count(ceiling));
        var layout = s.model().attention();
        String cache = layout.isLatent() ? String.format(Locale.ROOT, "%s per token: one shared latent of %d "
                + "values per layer", si(s.model().kvCacheBytesPerToken(s.kvPrecision()), "B"), layout.latentDim())
                : layout.slides() ? String.format(Locale.ROOT, "%d of its %d layers keep only the last %s tokens",
                layout.slidingLayers(), s.model().layers(), count(layout.slidingWindowTokens()))
                : si(s.model().kvCacheBytesPerToken(s.kvPrecision()), "B") + " per token";
        return String.format(Locale.ROOT,
                "Attention cannot share reads: at %s tokens of context each sequence reads %s of KV cache per "
                        + "step (%s), at %s FLOPs per byte however large the batch. %s",
                count(d.contextTokens()), si(kvPerSequence, "B"), cache,
                Units.sig3(d.attention().arithmeticIntensity()), verdict);
    }

    /** The memory wall: the weights and every sequence's cache must fit. */
    private static String memoryWall(Evaluation e) {
        Scenario s = e.scenario();
        Evaluation.MemoryUse m = e.memory();
        if (!m.weightsFit()) {
            return String.format(Locale.ROOT, "The weights alone take %s, more than the %s of memory: this "
                            + "model needs at least %d of these devices.", si(m.weightBytes(), "B"),
                    si(m.capacityBytes(), "B"), m.minDevicesForWeights());
        }
        if (m.maxBatch() == 0) {
            return String.format(Locale.ROOT, "Weights take %s of the %s of memory, but one sequence's KV cache "
                            + "grows to %s over %s tokens: not even one fits beside them. It needs %s of these "
                            + "devices, a shorter context or a narrower KV cache.", si(m.weightBytes(), "B"),
                    si(m.capacityBytes(), "B"),
                    si(s.model().kvCacheBytes(s.promptTokens() + s.generatedTokens(), s.kvPrecision()), "B"),
                    count(s.promptTokens() + s.generatedTokens()), count(e.devicesToFit()));
        }
        return String.format(Locale.ROOT,
                "Weights take %s of the %s of memory; each sequence's KV cache grows to %s. The largest batch "
                        + "that fits is %d%s.",
                si(m.weightBytes(), "B"), si(m.capacityBytes(), "B"),
                si(s.model().kvCacheBytes(s.promptTokens() + s.generatedTokens(), s.kvPrecision()), "B"),
                m.maxBatch(), m.fits() ? "" : String.format(Locale.ROOT, ": batch %d does not fit (it needs %s)",
                        s.batchSize(), si(m.totalBytes(), "B")));
    }

    /** Input and output prices: the same FLOPs, not the same time. */
    private static String cost(Evaluation e) {
        Evaluation.Cost c = e.cost();
        String money = c.hasPrice()
                ? String.format(Locale.ROOT, "At %s per hour an input token costs %s per million and an output "
                        + "token %s per million", Units.usd(c.priceUsdPerHour()),
                Units.usd(c.inputUsdPerMillionTokens()), Units.usd(c.outputUsdPerMillionTokens()))
                : String.format(Locale.ROOT, "An input token takes %s of GPU time and an output token %s",
                Units.seconds(c.inputGpuSecondsPerToken()), Units.seconds(c.outputGpuSecondsPerToken()));
        return String.format(Locale.ROOT, "%s: output tokens cost %s× input tokens, though both need the same "
                + "2 FLOPs per parameter.", money, Units.sig3(c.outputToInputRatio()));
    }

    /** The Batch API: queued requests fill the batch up. */
    private static String batchApi(Evaluation e) {
        Scenario s = e.scenario();
        BatchApi b = e.batchApi();
        if (!b.topsUp()) {
            return String.format(Locale.ROOT, "At batch %d there is no room to top up: decode is already at "
                    + "its critical batch or memory is full. Queued Batch-API requests would have to wait.",
                    s.batchSize());
        }
        return String.format(Locale.ROOT,
                "A Batch API tops up the online batch of %d with queued requests to batch %d. Each step still "
                        + "reads the weights once, so utilization rises from %s to %s and the GPU time per "
                        + "output token falls from %s to %s: room for a %s discount.",
                b.onlineBatch(), b.toppedUpBatch(), Units.percent(b.utilizationBefore()),
                Units.percent(b.utilizationAfter()), Units.seconds(b.outputSecondsBefore()),
                Units.seconds(b.outputSecondsAfter()), Units.percent(b.discountRoom()));
    }

    /** What splitting the model across devices costs: the all-reduces and sends, with this scenario's numbers. */
    private static String communication(Evaluation e) {
        Scenario s = e.scenario();
        Interconnect link = s.gpu().link();
        if (s.gpuCount() == 1) {
            return String.format(Locale.ROOT, "On one device no activations cross a link. Split a model across "
                    + "devices and every layer adds two all-reduces of each token's activations over the %s "
                    + "(%s per direction, %s a hop): at batch 1 their latency, not their bytes, sets the cost.",
                    link.name(), si(link.bandwidthBytesPerSecond(), "B/s"), Units.seconds(link.latencySeconds()));
        }
        PhaseCost d = e.decode();
        PhaseCost p = e.prefill();
        String layout = s.pipelineStages() == 1 ? s.gpuCount() + " devices in tensor parallel"
                : s.pipelineStages() + " pipeline stages of " + s.tensorParallel() + " device"
                + (s.tensorParallel() == 1 ? "" : "s in tensor parallel");
        String pipeline = s.pipelineStages() == 1 ? "" : String.format(Locale.ROOT, " The stages work on %s "
                        + "micro-batch%s at once; prefill waits %s stage-times to fill and drain the pipeline.",
                count(Math.min(s.batchSize(), s.pipelineStages())), Math.min(s.batchSize(), s.pipelineStages()) == 1 ? "" : "es",
                count(Math.min(s.batchSize(), s.pipelineStages()) + s.pipelineStages() - 1));
        String overhead = d.overheadSeconds() > 0
                ? String.format(Locale.ROOT, ", %s of fixed overhead", Units.seconds(d.overheadSeconds())) : "";
        return String.format(Locale.ROOT, "As %s, each %s decode step spends %s exchanging activations over the %s "
                        + "(%s of the step), %s reading and computing%s; prefill spends %s of its %s. The model "
                        + "counts the collectives as not overlapped with compute, so this is what parallelism costs "
                        + "at most.%s",
                layout, Units.seconds(d.seconds()), Units.seconds(d.communicationSeconds()), link.name(),
                Units.percent(d.communicationSeconds() / d.seconds()), Units.seconds(d.roofSeconds()), overhead,
                Units.seconds(p.communicationSeconds()), Units.seconds(p.seconds()), pipeline);
    }

    private static String si(double v, String unit) {
        return Units.si(v, unit);
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A real-valued critical batch as the whole batch a person would pick. */
    public static String batch(double b) {
        return Double.isNaN(b) ? "none" : String.format(Locale.ROOT, "%,d", (long) Evaluation.firstWholeBatch(b));
    }
}
