package lab.roofline.engine.roofline;

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

    /** Compares two decode steps at the same context: the online batch and the topped-up one. */
    static BatchApi of(PhaseCost online, PhaseCost toppedUp, boolean fitsAfter) {
        return new BatchApi((long) online.sequences(), (long) toppedUp.sequences(), online.computeUtilization(),
                toppedUp.computeUtilization(), online.seconds() / online.tokens(),
                toppedUp.seconds() / toppedUp.tokens(), fitsAfter);
    }

    /** Compares the two batches for a scenario (its evaluation says whether B fits). */
    public static BatchApi compare(Evaluation e, long onlineBatch, long toppedUpBatch) {
        if (onlineBatch < 1 || toppedUpBatch < onlineBatch) {
            throw new IllegalArgumentException("need 1 <= online batch <= topped-up batch");
        }
        Scenario s = e.scenario();
        double context = s.averageDecodeContextTokens();
        return of(RooflineEngine.decodeStep(s, onlineBatch, context), RooflineEngine.decodeStep(s, toppedUpBatch, context),
                toppedUpBatch <= e.memory().maxBatch());
    }

    /** Whether topping up changes anything: false when the online batch is already where it would go. */
    public boolean topsUp() {
        return toppedUpBatch > onlineBatch;
    }

    /**
     * The batch a provider would top up to: the critical batch, where the weights turn compute-bound (beyond
     * it throughput stops growing, at any context), or the largest batch that fits, whichever is smaller,
     * and never below the online batch.
     */
    static long naturalTopUp(long online, double criticalBatch, long maxBatch) {
        long target = Double.isNaN(criticalBatch) ? ScenarioLimits.CURVE_MAX_BATCH : (long) Math.ceil(criticalBatch);
        if (maxBatch > 0) {
            target = Math.min(target, maxBatch);
        }
        return Math.max(online, target);
    }
}
