package lab.roofline.engine.serving;

import lab.roofline.engine.roofline.BoardPower;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;

/**
 * One configuration with the traffic: the scenario at batch 1 and what every batch shares (the prompt's
 * uncached part, the decode context, the largest batch that fits, one prompt's prefill, the price of all
 * the devices). Both the candidate and the frontier ask it for a batch's times and costs.
 */
record PlanConfiguration(Scenario base, Planner.Limits limits, Planner.Options options, long uncached, double context,
                             long maxBatch, double prefillOneSeconds, double kvTransferSeconds, long prefillBatch,
                             PhaseCost poolFill, double usdPerSecond) {
    static PlanConfiguration of(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p, boolean weightOnly,
                            Planner.Limits limits, Planner.Options options) {
        boolean realistic = options.realistic();
        Realism measured = options.measured();
        double compute = realistic ? measured.computeFraction(gpu.id()) : 1;
        double bandwidth = realistic ? measured.bandwidthFraction() : 1;
        double overhead = realistic ? measured.layerOverheadSeconds() : 0;
        Scenario base = new Scenario(model, gpu, n, p, weightOnly, Precision.BF16, 1, limits.inputTokens(),
                limits.outputTokens(), compute, bandwidth, gpu.priceUsdPerHour(), stages, overhead, false, realistic,
                options.speculation());
        return of(base, limits, options.disaggregated());
    }

    /** A scenario as it is (its efficiencies, price, cache precision, draft), at each batch of the sweep. */
    static PlanConfiguration of(Scenario scenario, Planner.Limits limits, boolean disaggregated) {
        Planner.Options options = new Planner.Options(false, null, scenario.speculation(), disaggregated);
        Scenario base = scenario.withBatchSize(1).withTokens(limits.inputTokens(), limits.outputTokens());
        ModelSpec model = base.model();
        int n = base.gpuCount();
        long uncached = Math.max(1, Math.round(limits.inputTokens() * (1 - limits.cachedInput())));
        long maxBatch = Math.min(RooflineEngine.memory(base).maxBatch(), ScenarioLimits.MAX_BATCH);
        double prefillOne = RooflineEngine.prefillStep(base.withTokens(uncached, limits.outputTokens()), 1).seconds();
        // Disaggregated: the prompt's KV cache crosses to a decode device over the link, once.
        double transfer = disaggregated
                ? base.gpu().link().sendSeconds(model.kvCacheBytes(limits.inputTokens(), base.kvPrecision()) / n) : 0;
        PlanConfiguration c = new PlanConfiguration(base, limits, options, uncached, base.averageDecodeContextTokens(),
                maxBatch, prefillOne, transfer, 1, null, base.priceUsdPerHour() * n / 3600);
        return disaggregated ? c.withPrefillBatch(maxBatch >= 1 ? c.largestPrefillBatch() : 1) : c;
    }

    /** The prefill pool's batch, and its pass (computed once: every decode batch's first token reads it). */
    PlanConfiguration withPrefillBatch(long b) {
        return new PlanConfiguration(base, limits, options, uncached, context, maxBatch, prefillOneSeconds,
                kvTransferSeconds, b, options.disaggregated() && b >= 1 ? prefillPhase(b) : null, usdPerSecond);
    }

    /** Prefill of b prompts' uncached tokens in one pass. */
    PhaseCost prefillPhase(long b) {
        return RooflineEngine.prefillStep(base.withBatchSize(b).withTokens(uncached, limits.outputTokens()), b);
    }

    double prefill(long b) {
        return prefillPhase(b).seconds();
    }

    /**
     * A disaggregated prefill pool's batch: the most prompts (up to the largest batch that fits) whose pass,
     * with the cache's transfer, ends within the time-to-first-token limit. With no limit, as many as fit.
     */
    long largestPrefillBatch() {
        long largest = Planner.largestWhere(b -> prefill(b) + kvTransferSeconds <= limits.ttftSeconds(), maxBatch);
        if (largest < 1) {
            return largest;
        }
        // Compute-bound prefill costs the same per token at any batch past a few prompts: the smallest batch
        // that is as cheap keeps the first token as early as it can be.
        double cheapest = prefill(largest) / largest;
        return Planner.smallestAsCheap(b -> prefill(b) / b, cheapest, largest);
    }

    /**
     * One decode batch: its step, and the times read from it. Time per output token is the step over the
     * tokens each sequence gains in it. Time to first token, colocated: the uncached part of one prompt after
     * the decode step in flight (it grows with the decode batch); disaggregated: the prefill pool's pass and
     * the cache's transfer.
     */
    PlanBatch at(long b) {
        PhaseCost step = RooflineEngine.decodeStep(base, b, context);
        double ttft = options.disaggregated() ? poolFill.seconds() + kvTransferSeconds
                : prefillOneSeconds + step.seconds();
        return new PlanBatch(b, step, step.seconds() / (step.tokens() / b), ttft);
    }

    double tpot(long b) {
        return at(b).tpot();
    }

    double ttft(long b) {
        return at(b).ttft();
    }

    boolean within(PlanBatch x) {
        return x.tpot() <= limits.tpotSeconds() && x.ttft() <= limits.ttftSeconds();
    }

    boolean within(long b) {
        return within(at(b));
    }

    /** The prefill the batch's prompts pay for: the pool's pass, or a pass of the batch's own prompts. */
    PhaseCost fill(PlanBatch x) {
        return options.disaggregated() ? poolFill : prefillPhase(x.batch());
    }

    /** $/1M at batch b: input tokens from the cache cost nothing. */
    PlanCosts costs(PlanBatch x, PhaseCost fill) {
        long prompts = options.disaggregated() ? prefillBatch : x.batch();
        double output = usdPerSecond * x.tpot() / x.batch() * 1e6;
        double input = usdPerSecond * fill.seconds() / (prompts * (double) limits.inputTokens()) * 1e6;
        double blended = (input * limits.inputTokens() + output * limits.outputTokens())
                / (limits.inputTokens() + limits.outputTokens());
        return new PlanCosts(input, output, blended);
    }

    PlanCosts costs(long b) {
        PlanBatch x = at(b);
        return costs(x, fill(x));
    }

    Planner.FrontierPoint point(long b) {
        PlanBatch x = at(b);
        PhaseCost fill = fill(x);
        PlanCosts costs = costs(x, fill);
        double[] joules = joules(x, fill);
        return new Planner.FrontierPoint(b, 1 / x.tpot(), b / x.tpot() / base.gpuCount(), x.ttft(), x.tpot(),
                costs.input(), costs.output(), costs.blended(), within(x), prefillBatch,
                prefillDevicesPerDecode(x), joules[0], joules[1]);
    }

    /** Prefill device-seconds per request over decode device-seconds per request: the pools' size ratio. */
    double prefillDevicesPerDecode(PlanBatch x) {
        if (!options.disaggregated()) {
            return Double.NaN;
        }
        return poolFill.seconds() / prefillBatch / (x.tpot() / x.batch() * limits.outputTokens());
    }

    /** Joules per output and per input token at the batch (NaN without a board power). */
    double[] joules(PlanBatch x, PhaseCost fill) {
        BoardPower power = base.gpu().power();
        if (power == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long prompts = options.disaggregated() ? prefillBatch : x.batch();
        double input = power.wattsDuring(fill) * base.gpuCount() * fill.seconds() / (prompts * (double) limits.inputTokens());
        return new double[] {power.joulesPerToken(x.step(), base.gpuCount()), input};
    }
}
