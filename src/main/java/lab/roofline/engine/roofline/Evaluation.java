package lab.roofline.engine.roofline;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the app shows for one scenario. SI units throughout (FLOP, bytes, seconds, USD).
 *
 * @param computePrecision         precision the weight matmuls run at on this device (after fallback)
 * @param attentionPrecision       precision attention math runs at (BF16, or FP32 for an FP32 KV cache)
 * @param ridgeFlopsPerByte        achievable peak / achievable bandwidth for the compute precision
 * @param ridgeFlopsPerValue       the same per weight value read (x bytes per weight)
 * @param criticalBatchNoContext   batch at which decode turns compute-bound with no KV cache (NaN: never)
 * @param criticalBatch            the same at the current average decode context (NaN: never, the KV cache
 *                                 keeps decode memory-bound at every batch)
 * @param utilizationCurve         decode at batches 1 to 4096, for the utilization chart and decode path
 * @param memoryWall               decode at the largest batch that fits, when that is 1 to 4096; else null
 * @param decodeAtBatchOne         one decode step of a single sequence at the current context
 * @param criticalStep             a decode step at the (real-valued) critical batch at the current context;
 *                                 null when there is none
 * @param batchApi                 the online batch topped up to its natural Batch-API batch
 * @param costByCause              input and output cost per million tokens (device seconds per token
 *                                 when no price is known), split by cause
 * @param notices                  plain-word remarks (precision fallbacks, memory) for the summary
 */
public record Evaluation(
        Scenario scenario,
        Precision computePrecision,
        Precision attentionPrecision,
        double ridgeFlopsPerByte,
        double ridgeFlopsPerValue,
        List<Roof> roofs,
        PhaseCost prefill,
        PhaseCost decode,
        double criticalBatchNoContext,
        double criticalBatch,
        MemoryUse memory,
        Cost cost,
        List<BatchPoint> utilizationCurve,
        BatchPoint memoryWall,
        PhaseCost decodeAtBatchOne,
        PhaseCost criticalStep,
        BatchApi batchApi,
        CostByCause costByCause,
        List<String> notices) {

    /** Energy per prompt token prefilled, all devices (NaN when the profile gives no board power). */
    public double inputJoulesPerToken() {
        BoardPower p = scenario.gpu().power();
        return p == null ? Double.NaN : p.joulesPerToken(prefill, scenario.gpuCount());
    }

    /** Energy per generated token at the operating point, all devices (NaN without a board power). */
    public double outputJoulesPerToken() {
        BoardPower p = scenario.gpu().power();
        return p == null ? Double.NaN : p.joulesPerToken(decode, scenario.gpuCount());
    }

    /** What one device draws during a decode step (NaN without a board power). */
    public double decodeWattsPerDevice() {
        BoardPower p = scenario.gpu().power();
        return p == null ? Double.NaN : p.wattsDuring(decode);
    }

    /**
     * The first whole batch at or past a real-valued threshold (the critical batch, an implied batch): batches
     * are whole sequences. A hair of slack, so that a bisection's 304.0000000001 reads 304. NaN stays NaN.
     */
    public static double firstWholeBatch(double threshold) {
        return Math.ceil(threshold - 1e-9);
    }

    /**
     * The critical batch's formula with the operands the engine used (no context): batch = ridge × bytes moved
     * per weight used ÷ FLOPs per weight used. Where the weight matmuls turn compute-bound their FLOPs equal
     * ridge × their bytes; the bytes are all they move at that batch (the weights at their precision, 16-bit
     * tables, each micro-batch's read, the experts any sequence routes to, the activations and new KV entries of
     * every sequence), counted per weight a sequence multiplies. Null when decode never turns compute-bound.
     */
    public CriticalBatchFormula criticalBatchFormula() {
        if (Double.isNaN(criticalBatchNoContext)) {
            return null;
        }
        Term matmul = RooflineEngine.decodeStep(scenario, criticalBatchNoContext, 0).matmul();
        // Each pass checks k + 1 tokens of a sequence with a draft, 1 without: 2 FLOPs a weight for each.
        double flopsPerWeightUsed = 2.0 * scenario.speculation().verifiedTokens();
        double weightsUsed = matmul.flops() / (flopsPerWeightUsed * criticalBatchNoContext);
        return new CriticalBatchFormula(ridgeFlopsPerByte, matmul.bytes() / weightsUsed, flopsPerWeightUsed,
                criticalBatchNoContext);
    }

    /**
     * @param bytesPerWeightUsed  bytes the weight matmuls move at the critical batch per weight a sequence
     *                            multiplies (more than a weight's own bytes: see {@link #criticalBatchFormula})
     * @param flopsPerWeightUsed  FLOPs each weight a sequence uses does per step (2, times the tokens a draft has checked)
     * @param batch               the real-valued critical batch, = ridge × bytes ÷ FLOPs
     */
    public record CriticalBatchFormula(double ridgeFlopsPerByte, double bytesPerWeightUsed, double flopsPerWeightUsed,
                                       double batch) {
    }

    public boolean computeFellBack() {
        return computePrecision != scenario.requestedComputePrecision();
    }

    /** The roof of the compute precision, scaled by device count and efficiencies. */
    public Roof currentRoof() {
        return roofs.stream().filter(r -> r.precision() == computePrecision).findFirst().orElseThrow();
    }

    /**
     * The decode path: curve points up to the largest batch that fits in memory, ending exactly at that
     * batch when it lies on the curve's range.
     */
    public List<BatchPoint> decodePath() {
        List<BatchPoint> path = new ArrayList<>(
                utilizationCurve.stream().filter(p -> p.batchSize() <= memory.maxBatch()).toList());
        if (memoryWall != null && (path.isEmpty() || path.get(path.size() - 1).batchSize() != memoryWall.batchSize())) {
            path.add(memoryWall);
        }
        return path;
    }

    /**
     * One roof line: attainable FLOP/s = min(peak, intensity x bandwidth).
     */
    public record Roof(Precision precision, double peakFlopsPerSecond, double bandwidthBytesPerSecond) {
        public double ridgeFlopsPerByte() {
            return peakFlopsPerSecond / bandwidthBytesPerSecond;
        }

        public double attainableFlopsPerSecond(double flopsPerByte) {
            return Math.min(peakFlopsPerSecond, flopsPerByte * bandwidthBytesPerSecond);
        }
    }

    /** Decode at one batch size, at the current context. */
    public record BatchPoint(long batchSize, boolean fits, PhaseCost step) {
        public double computeUtilization() {
            return step.computeUtilization();
        }

        public double weightMatmulUtilization() {
            return step.weightMatmulUtilization();
        }

        public double tokensPerSecond() {
            return step.tokensPerSecond();
        }

        public double stepSeconds() {
            return step.seconds();
        }

        public double arithmeticIntensity() {
            return step.arithmeticIntensity();
        }

        public double achievedFlopsPerSecond() {
            return step.achievedFlopsPerSecond();
        }
    }

    /**
     * The fewest devices of this kind that hold the weights and the KV cache at this batch, both split
     * across them: what makes the scenario fit (at least {@link MemoryUse#minDevicesForWeights}).
     */
    public long devicesToFit() {
        return devicesToFit(memory, scenario.gpuCount());
    }

    public static long devicesToFit(MemoryUse memory, int gpuCount) {
        double perDevice = memory.capacityBytes() / gpuCount;
        long n = Math.max(1, (long) Math.ceil(memory.totalBytes() / perDevice));
        while (n * perDevice < memory.totalBytes()) {
            n++; // rounding never leaves it one short
        }
        return Math.max(n, memory.minDevicesForWeights());
    }

    /**
     * Cost per million tokens by cause, in USD when {@code usd}, else GPU seconds (all devices) per token.
     */
    public record CostByCause(PhaseCost.TimeSplit input, PhaseCost.TimeSplit output, boolean usd) {
    }

    /**
     * @param weightBytes    all weights (total parameters x bytes per weight)
     * @param kvCacheBytes   batch x (prompt + generated) x KV bytes per token: the cache at the end
     * @param maxBatch       largest batch whose full-length KV cache fits beside the weights (0: the
     *                       weights alone do not fit)
     * @param minDevicesForWeights devices of this kind needed to hold the weights at all
     */
    public record MemoryUse(double weightBytes, double kvCacheBytes, double capacityBytes, long maxBatch,
                            int minDevicesForWeights) {
        public double totalBytes() {
            return weightBytes + kvCacheBytes;
        }

        public boolean fits() {
            return totalBytes() <= capacityBytes;
        }

        /** The weights fit; whether a sequence's KV cache fits beside them is {@code maxBatch >= 1}. */
        public boolean weightsFit() {
            return weightBytes <= capacityBytes;
        }
    }

    /**
     * @param priceUsdPerHour           for all devices together; NaN when unknown (then USD fields are NaN)
     * @param inputSecondsPerToken      the devices' time per prompt token: prefill seconds / prompt tokens
     * @param outputSecondsPerToken     the devices' time per generated token: step seconds / batch
     * @param devices                   devices working together: their GPU time is these times the devices
     */
    public record Cost(double priceUsdPerHour, double inputSecondsPerToken, double outputSecondsPerToken, int devices) {
        /** GPU time per prompt token: every device's (8 GPUs for 1 ms are 8 GPU-milliseconds), what a price pays for. */
        public double inputGpuSecondsPerToken() {
            return inputSecondsPerToken * devices;
        }

        public double outputGpuSecondsPerToken() {
            return outputSecondsPerToken * devices;
        }

        public boolean hasPrice() {
            return !Double.isNaN(priceUsdPerHour);
        }

        public double inputUsdPerMillionTokens() {
            return priceUsdPerHour / 3600 * inputSecondsPerToken * 1e6;
        }

        public double outputUsdPerMillionTokens() {
            return priceUsdPerHour / 3600 * outputSecondsPerToken * 1e6;
        }

        /** Output over input cost per token; the price cancels, so it holds with no price too. */
        public double outputToInputRatio() {
            return outputSecondsPerToken / inputSecondsPerToken;
        }
    }
}
