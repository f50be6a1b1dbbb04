package lab.roofline.engine.roofline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The cost model (docs/model.md). Pure functions of a {@link Scenario}; no state, no I/O.
 */
public final class RooflineEngine {
    private RooflineEngine() {
    }

    /** Batch sizes of the utilization curve: 1 to 4096 in steps of a quarter power of two. */
    public static final List<Long> CURVE_BATCHES = curveBatches();

    /**
     * Bytes of residual-stream activation per token per layer boundary read and written: 2 x hidden
     * values. Fused kernels keep the rest (attention scores, MLP intermediates) on chip.
     */
    static double activationBytesPerToken(ModelSpec m) {
        return 2.0 * m.layers() * m.hiddenSize() * Precision.BF16.bytesPerValue();
    }

    /** Megatron-style tensor parallelism: one all-reduce after attention, one after the MLP. */
    static final int ALL_REDUCES_PER_LAYER = 2;


    public static Evaluation evaluate(Scenario s) {
        EvaluationSetup setup = new EvaluationSetup(s);
        PhaseCost prefill = prefill(setup);
        double context = s.averageDecodeContextTokens();
        PhaseCost decode = decodeStep(setup, s.batchSize(), context);

        Evaluation.MemoryUse memory = memory(s, setup);
        List<Evaluation.BatchPoint> curve = new ArrayList<>(CURVE_BATCHES.size());
        for (long b : CURVE_BATCHES) {
            curve.add(batchPoint(setup, b, context, b <= memory.maxBatch()));
        }

        Evaluation.BatchPoint wall = null;
        if (memory.maxBatch() >= 1 && memory.maxBatch() <= ScenarioLimits.CURVE_MAX_BATCH) {
            wall = batchPoint(setup, memory.maxBatch(), context, true);
        }

        double price = Double.isNaN(s.priceUsdPerHour()) ? Double.NaN : s.priceUsdPerHour() * s.gpuCount();
        Evaluation.Cost cost = new Evaluation.Cost(price, prefill.seconds() / prefill.tokens(),
                decode.seconds() / decode.tokens(), s.gpuCount());

        PhaseCost atBatchOne = decodeStep(setup, 1, context);
        double critical = criticalBatch(setup, context);
        PhaseCost criticalStep = Double.isNaN(critical) ? null : decodeStep(setup, critical, context);
        // Throughput stops growing where the weight matmuls turn compute-bound (past it, matmul and
        // attention time both grow with the batch): the critical batch, at any context.
        double weightsCritical = criticalBatch(setup, 0);
        long topUp = BatchApi.naturalTopUp(s.batchSize(), weightsCritical, memory.maxBatch());
        PhaseCost toppedUp = topUp == s.batchSize() ? decode : decodeStep(setup, topUp, context);
        BatchApi batchApi = BatchApi.of(decode, toppedUp, topUp <= memory.maxBatch());
        boolean priced = cost.hasPrice();
        // Per million tokens: USD when priced, else device-seconds per token (every device's time counts).
        double inputFactor = (priced ? price / 3600 * 1e6 : s.gpuCount()) / prefill.tokens();
        double outputFactor = (priced ? price / 3600 * 1e6 : s.gpuCount()) / decode.tokens();
        Evaluation.CostByCause byCause = new Evaluation.CostByCause(prefill.timeSplit().scaled(inputFactor),
                decode.timeSplit().scaled(outputFactor), priced);

        List<String> notices = EvaluationNotices.of(s, setup, memory, decode, context);

        return new Evaluation(s, setup.computePrecision, setup.attentionPrecision,
                setup.matmulPeak / setup.bandwidth, setup.matmulPeak / setup.bandwidth
                        * s.weightPrecision().bytesPerValue(),
                roofs(s), prefill, decode,
                weightsCritical, critical, memory, cost, List.copyOf(curve), wall, atBatchOne,
                criticalStep, batchApi, byCause, List.copyOf(notices));
    }

    /**
     * Output cost per token over input cost per token if the same scenario ran at {@code batch} (decode
     * at the average context, prefill of batch x prompt tokens). The price cancels.
     */
    public static double outputToInputRatio(Scenario s, double batch) {
        return outputToInputRatio(new EvaluationSetup(s), batch, s.averageDecodeContextTokens());
    }

    private static double outputToInputRatio(EvaluationSetup u, double batch, double context) {
        PhaseCost decode = decodeStep(u, batch, context);
        PhaseCost prefill = prefill(u, batch);
        return (decode.seconds() / decode.tokens()) / (prefill.seconds() / prefill.tokens());
    }

    /**
     * The implied batch: the smallest (real) batch at which output tokens cost at most {@code targetRatio}
     * times input tokens. 1 when batch 1 already does; NaN when no batch up to the largest allowed does.
     */
    public static double impliedBatch(Scenario s, double targetRatio) {
        if (!(targetRatio > 0)) {
            throw new IllegalArgumentException("target ratio must be positive, got " + targetRatio);
        }
        EvaluationSetup u = new EvaluationSetup(s);
        double context = s.averageDecodeContextTokens();
        return smallestBatchWhere(batch -> outputToInputRatio(u, batch, context) <= targetRatio, ScenarioLimits.MAX_BATCH);
    }

    private static Evaluation.BatchPoint batchPoint(EvaluationSetup u, long batch, double context, boolean fits) {
        return new Evaluation.BatchPoint(batch, fits, decodeStep(u, batch, context));
    }

    /** One decode step of {@code batch} sequences, each with {@code contextTokens} tokens in its KV cache. */
    public static PhaseCost decodeStep(Scenario s, double batch, double contextTokens) {
        return decodeStep(new EvaluationSetup(s), batch, contextTokens);
    }

    private static PhaseCost decodeStep(EvaluationSetup u, double batch, double contextTokens) {
        ModelSpec m = u.model;
        // With speculative decoding the target checks k + 1 tokens of each sequence in one pass: k + 1 times
        // the FLOPs and KV writes for the same weight and KV reads (docs/model.md, "Speculative decoding").
        int verified = u.speculation.verifiedTokens();
        double checked = batch * verified;
        // Pipeline stages work on different micro-batches at once: min(b, stages) of them, b / that
        // sequences each. A step is one trip of every micro-batch through every stage (docs/model.md, 8).
        double microbatches = Math.min(batch, u.stages);
        double passes = u.stages;
        double devices = u.tensor * u.stages * microbatches / passes;
        // The input embedding is looked up, a row per token: neither multiplied nor read whole.
        double embedding = m.inputEmbeddingParameters();
        Term matmul = new Term(
                2 * (m.activeParameters() - embedding) * checked,
                microbatches * u.weightBytesRead(checked / microbatches)
                        + (embedding > 0 ? checked * m.hiddenSize() * u.tableBytesPerValue : 0),
                0,
                checked * u.kvBytesPerToken,
                checked * activationBytesPerToken(m),
                u.matmulPeakPerDevice * devices, u.bandwidthPerDevice * devices);
        Term attention = new Term(
                m.attentionFlops(contextTokens) * checked,
                0,
                batch * m.kvCacheBytes(contextTokens, u.scenario.kvPrecision()),
                0, 0,
                u.attentionPeakPerDevice * devices, u.bandwidthPerDevice * devices);
        // The draft's k steps of one token each come first, on the same devices.
        double draft = u.draft == null ? 0 : u.speculation.draftTokens() * decodeStep(u.draft, batch, contextTokens).seconds();
        return phase(u, batch * u.speculation.expectedTokensPerStep(), checked, batch, contextTokens, matmul, attention,
                checked / microbatches, passes, draft);
    }

    /**
     * A phase's cost with its communication and overhead: {@code passes} stage-times, each with the stage's
     * share of the layers' two all-reduces per layer over the tensor-parallel devices and, between stages,
     * one send of the micro-batch's activations.
     */
    private static PhaseCost phase(EvaluationSetup u, double tokens, double sequences, double context, Term matmul,
                                   Term attention, double tokensPerMicrobatch, double passes) {
        return phase(u, tokens, tokens, sequences, context, matmul, attention, tokensPerMicrobatch, passes, 0);
    }

    /**
     * @param tokens          tokens the phase yields (a speculative step's accepted ones)
     * @param processedTokens tokens the forward pass carries (a speculative step's k + 1 per sequence)
     * @param draftSeconds    the draft model's steps before the pass
     */
    private static PhaseCost phase(EvaluationSetup u, double tokens, double processedTokens, double sequences, double context,
                                   Term matmul, Term attention, double tokensPerMicrobatch, double passes,
                                   double draftSeconds) {
        double message = tokensPerMicrobatch * u.model.hiddenSize() * Precision.BF16.bytesPerValue();
        double layersPerStage = (double) u.model.layers() / u.stages;
        double allReduces = passes * layersPerStage * ALL_REDUCES_PER_LAYER;
        double sends = u.stages > 1 ? passes * (u.stages - 1) / u.stages : 0;
        double seconds = allReduces * u.link.allReduceSeconds(message, u.tensor) + sends * u.link.sendSeconds(message);
        double bytesSent = (u.tensor > 1 ? allReduces * 2.0 * (u.tensor - 1) / u.tensor * message : 0)
                + sends * message;
        double overhead = u.scenario.layerOverheadSeconds() * layersPerStage * passes;
        // Real engines run norms, residual adds and the activation as kernels of their own (in BF16).
        double elementwise = u.scenario.unfusedElementwise()
                ? processedTokens * u.model.layers() * u.model.elementwiseValuesPerTokenPerLayer() * Precision.BF16.bytesPerValue() : 0;
        return new PhaseCost(tokens, sequences, context, matmul, attention, u.nominalPeak, u.nominalBandwidth,
                u.nominalAttentionPeak, seconds, bytesSent, overhead, elementwise, draftSeconds);
    }

    /**
     * Prefill of the whole batch in one forward pass: weights read once for batch x prompt tokens; causal
     * attention, where token i attends to i tokens, so sum over i of i = p(p+1)/2 pairs per sequence.
     */
    private static PhaseCost prefill(EvaluationSetup u) {
        return prefill(u, u.scenario.batchSize());
    }

    /** Prefill of {@code batch} sequences of the scenario's prompt, in one forward pass. */
    public static PhaseCost prefillStep(Scenario s, double batch) {
        return prefill(new EvaluationSetup(s), batch);
    }

    /** What the scenario's weights and KV cache need, and the largest batch that fits. */
    public static Evaluation.MemoryUse memory(Scenario s) {
        return memory(s, new EvaluationSetup(s));
    }

    private static PhaseCost prefill(EvaluationSetup u, double batch) {
        ModelSpec m = u.model;
        double prompt = u.scenario.promptTokens();
        double tokens = batch * prompt;
        // Micro-batches fill and drain the pipeline: the last finishes after microbatches + stages - 1
        // stage-times (the bubble), a single prompt after all stages one by one.
        double microbatches = Math.min(batch, u.stages);
        double passes = microbatches + u.stages - 1;
        double devices = u.tensor * u.stages * microbatches / passes;
        // Serving needs the logits of each sequence's last prompt token only; the embedding is looked up.
        double embedding = m.inputEmbeddingParameters();
        double head = m.outputHeadParameters();
        Term matmul = new Term(
                2 * (m.activeParameters() - embedding - head) * tokens + 2 * head * batch,
                microbatches * u.weightBytesRead(tokens / microbatches)
                        + (embedding > 0 ? tokens * m.hiddenSize() * u.tableBytesPerValue : 0),
                0,
                tokens * u.kvBytesPerToken,
                tokens * activationBytesPerToken(m),
                u.matmulPeakPerDevice * devices, u.bandwidthPerDevice * devices);
        Term attention = new Term(
                m.prefillAttentionFlops(prompt) * batch,
                0,
                tokens * u.kvBytesPerToken,
                0, 0,
                u.attentionPeakPerDevice * devices, u.bandwidthPerDevice * devices);
        // With a draft model, the draft prefills the prompt too (its own KV cache), on the same devices.
        double draft = u.draft == null ? 0 : prefill(u.draft, batch).seconds();
        return phase(u, tokens, tokens, batch, prompt, matmul, attention, tokens / microbatches, passes, draft);
    }

    /**
     * Smallest (real) batch at which a decode step at this context spends at least as long in
     * compute-bound terms as in memory-bound ones. NaN when no batch up to 2^30 gets there.
     */
    private static double criticalBatch(EvaluationSetup u, double contextTokens) {
        return smallestBatchWhere(batch -> slack(u, batch, contextTokens) >= 0, 1L << 30);
    }

    /**
     * The smallest real batch in [1, limit] at which {@code holds} becomes true, for a condition that
     * stays true at larger batches: doubling to bracket it, then bisection on a log scale. NaN when it
     * does not hold by {@code limit}.
     */
    private static double smallestBatchWhere(DoublePredicate holds, double limit) {
        if (holds.test(1)) {
            return 1;
        }
        double low = 1;
        double high = 2;
        while (!holds.test(high)) {
            low = high;
            high *= 2;
            if (high > limit) {
                return Double.NaN;
            }
        }
        for (int i = 0; i < 60 && high - low > 1e-9 * high; i++) {
            double mid = Math.sqrt(low * high);
            if (holds.test(mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }
    private static double slack(EvaluationSetup u, double batch, double contextTokens) {
        PhaseCost d = decodeStep(u, batch, contextTokens);
        return d.computeBoundSeconds() - d.memoryBoundSeconds();
    }

    private static Evaluation.MemoryUse memory(Scenario s, EvaluationSetup u) {
        double tables = u.model.inputEmbeddingParameters() + u.model.outputHeadParameters();
        double weights = (u.model.totalParameters() - tables) * u.bytesPerWeight + tables * u.tableBytesPerValue;
        double kvPerSequence = u.model.kvCacheBytes(s.promptTokens() + s.generatedTokens(), s.kvPrecision());
        if (u.draft != null) {
            // The draft keeps its own weights and KV cache beside the target's.
            ModelSpec d = u.draft.model;
            double draftTables = d.inputEmbeddingParameters() + d.outputHeadParameters();
            weights += (d.totalParameters() - draftTables) * u.draft.bytesPerWeight + draftTables * u.draft.tableBytesPerValue;
            kvPerSequence += d.kvCacheBytes(s.promptTokens() + s.generatedTokens(), s.kvPrecision());
        }
        double capacity = s.gpu().usableMemoryBytes() * s.gpuCount();
        long maxBatch = weights > capacity ? 0
                : (long) Math.min(ScenarioLimits.MAX_BATCH, Math.floor((capacity - weights) / kvPerSequence));
        int minDevices = (int) Math.min(Integer.MAX_VALUE, Math.ceil(weights / s.gpu().usableMemoryBytes()));
        return new Evaluation.MemoryUse(weights, s.batchSize() * kvPerSequence, capacity, maxBatch, minDevices);
    }

    private static List<Evaluation.Roof> roofs(Scenario s) {
        List<Evaluation.Roof> roofs = new ArrayList<>();
        double bandwidth = s.gpu().memoryBandwidthBytesPerSecond() * s.gpuCount() * s.bandwidthEfficiency();
        for (Map.Entry<Precision, Double> e : s.gpu().peakFlopsPerSecond().entrySet()) {
            roofs.add(new Evaluation.Roof(e.getKey(), e.getValue() * s.gpuCount() * s.computeEfficiency(),
                    bandwidth));
        }
        return List.copyOf(roofs);
    }

    private static List<Long> curveBatches() {
        List<Long> batches = new ArrayList<>();
        for (int k = 0; k <= 48; k++) {
            long b = Math.round(Math.pow(2, k / 4.0));
            if (batches.isEmpty() || batches.get(batches.size() - 1) != b) {
                batches.add(b);
            }
        }
        return List.copyOf(batches);
    }
}
