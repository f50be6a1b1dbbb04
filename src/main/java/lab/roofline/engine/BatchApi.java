package lab.roofline.engine;

/**
 * The Batch API argument: an online batch of b requests, topped up with queued asynchronous requests to
 * batch B before each decode step. Weights are read once per step either way, so the extra sequences
 * ride almost free until decode turns compute-bound or memory runs out.
 *
 * @param onlineBatch            b
 * @param toppedUpBatch          B
 * @param utilizationBefore      decode compute utilization at b
 * @param utilizationAfter       decode compute utilization at B
 * @param outputSecondsBefore    device time per output token at b
 * @param outputSecondsAfter     device time per output token at B
 * @param fitsAfter              whether batch B fits in memory
 */
public record BatchApi(long onlineBatch, long toppedUpBatch, double utilizationBefore, double utilizationAfter,
                       double outputSecondsBefore, double outputSecondsAfter, boolean fitsAfter) {

    /** The fraction by which output tokens get cheaper: room for a Batch-API discount. */
    public double discountRoom() {
        return 1 - outputSecondsAfter / outputSecondsBefore;
    }

    /** Compares the two batches for an evaluated scenario (its memory says whether B fits). */
    public static BatchApi compare(Evaluation e, long onlineBatch, long toppedUpBatch) {
        if (onlineBatch < 1 || toppedUpBatch < onlineBatch) {
            throw new IllegalArgumentException("need 1 <= online batch <= topped-up batch");
        }
        Scenario s = e.scenario();
        double context = s.averageDecodeContextTokens();
        PhaseCost before = RooflineEngine.decodeStep(s, onlineBatch, context);
        PhaseCost after = RooflineEngine.decodeStep(s, toppedUpBatch, context);
        long maxBatch = e.memory().maxBatch();
        return new BatchApi(onlineBatch, toppedUpBatch, before.computeUtilization(), after.computeUtilization(),
                before.seconds() / before.tokens(), after.seconds() / after.tokens(), toppedUpBatch <= maxBatch);
    }

    /**
     * The batch a provider would top up to: the critical batch at this context (beyond it throughput stops
     * growing), or the largest batch that fits, whichever is smaller, and never below the online batch.
     */
    public static long naturalTopUp(Evaluation e) {
        long online = e.scenario().batchSize();
        double critical = e.criticalBatch();
        long target = Double.isNaN(critical) ? RooflineEngine.CURVE_MAX_BATCH : (long) Math.ceil(critical);
        if (e.memory().maxBatch() > 0) {
            target = Math.min(target, e.memory().maxBatch());
        }
        return Math.max(online, target);
    }
}
