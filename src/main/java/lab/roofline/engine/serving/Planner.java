package lab.roofline.engine.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.BoardPower;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.roofline.Units;

/**
 * The cheapest way to serve a model under service-level limits (docs/model.md, "The planner"): every
 * device kind, device count, tensor/pipeline split and precision, each at the largest batch that fits in
 * memory and keeps time to first token and time per output token within the limits, ranked by the blended
 * cost per million tokens of the traffic mix.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * The traffic and the limits.
     *
     * @param inputTokens    prompt tokens per request
     * @param outputTokens   generated tokens per request
     * @param cachedInput    share of input tokens served from a prefix cache (no prefill for them), 0 to 1
     * @param ttftSeconds    time-to-first-token limit, or infinity for none
     * @param tpotSeconds    time-per-output-token limit, or infinity for none
     */
    public record Limits(long inputTokens, long outputTokens, double cachedInput, double ttftSeconds,
                         double tpotSeconds) {
        public Limits {
            ScenarioLimits.check(ScenarioLimits.PROMPT_TOKENS, inputTokens);
            ScenarioLimits.check(ScenarioLimits.GENERATED_TOKENS, outputTokens);
            if (!(cachedInput >= 0 && cachedInput < 1)) {
                throw new IllegalArgumentException("Cached input: the share must be from 0 to below 1, got " + cachedInput);
            }
            if (!(ttftSeconds > 0) || !(tpotSeconds > 0)) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /**
     * How a plan runs its configurations.
     *
     * @param realistic     measured fractions of peak and the fitted overhead per layer, else the ideal roofline
     * @param speculation   speculative decoding on every configuration (or {@link Speculation#NONE})
     * @param disaggregated prefill on a pool of its own devices (each pool sized to its own bound), instead of
     *                      prefill steps interleaved with decode steps on the same devices
     */
    public record Options(boolean realistic, Realism measured, Speculation speculation, boolean disaggregated) {
        public Options {
            measured = measured == null ? Realism.IDEAL : measured;
            speculation = speculation == null ? Speculation.NONE : speculation;
        }

        public static Options of(boolean realistic, Realism measured) {
            return new Options(realistic, measured, Speculation.NONE, false);
        }
    }

    /**
     * One way to serve: where the limits put its batch, and what a million tokens cost there.
     *
     * @param prefillBatch            prompts prefilled together (the decode batch when colocated)
     * @param prefillDevicesPerDecode disaggregated: prefill devices per decode device that keep up with the
     *                                traffic mix; NaN when prefill shares the decode devices
     * @param joulesPerOutputToken    energy per generated token at the operating point (NaN: no board power)
     * @param joulesPerInputToken     energy per prompt token prefilled (NaN: no board power)
     */
    public record Candidate(String gpuId, String gpuName, int gpus, int pipelineStages, Precision precision,
                            boolean weightOnly, long batch, double ttftSeconds, double tpotSeconds,
                            double costUsdPerMillionInput, double costUsdPerMillionOutput,
                            double costUsdPerMillionBlended, boolean feasible, String why, long prefillBatch,
                            double prefillDevicesPerDecode, double joulesPerOutputToken, double joulesPerInputToken,
                            boolean drafted) {
        public String parallelism() {
            return Scenario.layoutName(gpus, pipelineStages);
        }

        /** Whether the weights and one sequence's cache fit (a miss that does not fit has no times or costs to show). */
        public boolean fits() {
            return why == null || !why.startsWith("does not fit");
        }

        /** What each user sees: one token per time per output token. */
        public double tokensPerSecondPerUser() {
            return 1 / tpotSeconds;
        }

        public double tokensPerSecondPerDevice() {
            return batch / tpotSeconds / gpus;
        }

        public String precisionLabel() {
            return weightOnly ? (precision == Precision.INT8 ? "W8A16" : "W4A16") : precision.label();
        }

        /** "2 × H100 SXM5 TP2 INT8 + draft": the configuration in a few words. */
        public String describe() {
            return gpus + " × " + gpuName + " " + parallelism() + " " + precisionLabel() + (drafted ? " + draft" : "");
        }
    }

    /** The weights and math a plan tries: every precision, and the two weight-only ones. */
    public static List<Candidate> plan(ModelSpec model, List<HardwareProfile> gpus, int maxGpus, Limits limits,
                                       boolean realistic, Realism measured) {
        return plan(model, gpus, maxGpus, limits, Options.of(realistic, measured));
    }

    public static List<Candidate> plan(ModelSpec model, List<HardwareProfile> gpus, int maxGpus, Limits limits,
                                       Options options) {
        List<Candidate> out = new ArrayList<>();
        for (HardwareProfile gpu : gpus) {
            if (gpu.price().isEmpty()) {
                continue; // no price, no cost to rank: said by the caller
            }
            for (int n = 1; n <= maxGpus; n *= 2) {
                for (int stages = 1; stages <= n; stages *= 2) {
                    if (ScenarioLimits.parallelismProblem(n, stages, model.layers()) != null) {
                        continue;
                    }
                    // With a draft model, each configuration is tried with it and without: speculation pays at small
                    // batches and costs at large ones.
                    List<Options> ways = options.speculation().isOn()
                            ? List.of(options, new Options(options.realistic(), options.measured(), Speculation.NONE,
                            options.disaggregated())) : List.of(options);
                    for (Options way : ways) {
                        for (Precision p : Precision.values()) {
                            out.add(candidate(model, gpu, n, stages, p, false, limits, way));
                            if (p == Precision.INT8 || p == Precision.INT4) {
                                out.add(candidate(model, gpu, n, stages, p, true, limits, way));
                            }
                        }
                    }
                }
            }
        }
        // Within the limits first, cheapest first; then the near misses (those that fit) before those that do not.
        out.sort(Comparator.comparing((Candidate c) -> !c.feasible()).thenComparing(c -> !c.fits())
                .thenComparingDouble(Candidate::costUsdPerMillionBlended)
                .thenComparing(Candidate::gpuId).thenComparingInt(Candidate::gpus));
        return List.copyOf(out);
    }

    /**
     * One configuration with the traffic: the scenario at batch 1 and what every batch shares (the prompt's
     * uncached part, the decode context, the largest batch that fits, one prompt's prefill, the price of all
     * the devices). Both the candidate and the frontier ask it for a batch's times and costs.
     */
    private record Configuration(Scenario base, Limits limits, Options options, long uncached, double context,
                                 long maxBatch, double prefillOneSeconds, double kvTransferSeconds, long prefillBatch,
                                 PhaseCost poolFill, double usdPerSecond) {
        static Configuration of(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p, boolean weightOnly,
                                Limits limits, Options options) {
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
        static Configuration of(Scenario scenario, Limits limits, boolean disaggregated) {
            Options options = new Options(false, null, scenario.speculation(), disaggregated);
            Scenario base = scenario.withBatchSize(1).withTokens(limits.inputTokens(), limits.outputTokens());
            ModelSpec model = base.model();
            int n = base.gpuCount();
            long uncached = Math.max(1, Math.round(limits.inputTokens() * (1 - limits.cachedInput())));
            long maxBatch = Math.min(RooflineEngine.memory(base).maxBatch(), ScenarioLimits.MAX_BATCH);
            double prefillOne = RooflineEngine.prefillStep(base.withTokens(uncached, limits.outputTokens()), 1).seconds();
            // Disaggregated: the prompt's KV cache crosses to a decode device over the link, once.
            double transfer = disaggregated
                    ? base.gpu().link().sendSeconds(model.kvCacheBytes(limits.inputTokens(), base.kvPrecision()) / n) : 0;
            Configuration c = new Configuration(base, limits, options, uncached, base.averageDecodeContextTokens(),
                    maxBatch, prefillOne, transfer, 1, null, base.priceUsdPerHour() * n / 3600);
            return disaggregated ? c.withPrefillBatch(maxBatch >= 1 ? c.largestPrefillBatch() : 1) : c;
        }

        /** The prefill pool's batch, and its pass (computed once: every decode batch's first token reads it). */
        Configuration withPrefillBatch(long b) {
            return new Configuration(base, limits, options, uncached, context, maxBatch, prefillOneSeconds,
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
            long largest = largestWhere(b -> prefill(b) + kvTransferSeconds <= limits.ttftSeconds(), maxBatch);
            if (largest < 1) {
                return largest;
            }
            // Compute-bound prefill costs the same per token at any batch past a few prompts: the smallest batch
            // that is as cheap keeps the first token as early as it can be.
            double cheapest = prefill(largest) / largest;
            return smallestAsCheap(b -> prefill(b) / b, cheapest, largest);
        }

        /**
         * One decode batch: its step, and the times read from it. Time per output token is the step over the
         * tokens each sequence gains in it. Time to first token, colocated: the uncached part of one prompt after
         * the decode step in flight (it grows with the decode batch); disaggregated: the prefill pool's pass and
         * the cache's transfer.
         */
        Batch at(long b) {
            PhaseCost step = RooflineEngine.decodeStep(base, b, context);
            double ttft = options.disaggregated() ? poolFill.seconds() + kvTransferSeconds
                    : prefillOneSeconds + step.seconds();
            return new Batch(b, step, step.seconds() / (step.tokens() / b), ttft);
        }

        double tpot(long b) {
            return at(b).tpot();
        }

        double ttft(long b) {
            return at(b).ttft();
        }

        boolean within(Batch x) {
            return x.tpot() <= limits.tpotSeconds() && x.ttft() <= limits.ttftSeconds();
        }

        boolean within(long b) {
            return within(at(b));
        }

        /** The prefill the batch's prompts pay for: the pool's pass, or a pass of the batch's own prompts. */
        PhaseCost fill(Batch x) {
            return options.disaggregated() ? poolFill : prefillPhase(x.batch());
        }

        /** $/1M at batch b: input tokens from the cache cost nothing. */
        Costs costs(Batch x, PhaseCost fill) {
            long prompts = options.disaggregated() ? prefillBatch : x.batch();
            double output = usdPerSecond * x.tpot() / x.batch() * 1e6;
            double input = usdPerSecond * fill.seconds() / (prompts * (double) limits.inputTokens()) * 1e6;
            double blended = (input * limits.inputTokens() + output * limits.outputTokens())
                    / (limits.inputTokens() + limits.outputTokens());
            return new Costs(input, output, blended);
        }

        Costs costs(long b) {
            Batch x = at(b);
            return costs(x, fill(x));
        }

        FrontierPoint point(long b) {
            Batch x = at(b);
            PhaseCost fill = fill(x);
            Costs costs = costs(x, fill);
            double[] joules = joules(x, fill);
            return new FrontierPoint(b, 1 / x.tpot(), b / x.tpot() / base.gpuCount(), x.ttft(), x.tpot(),
                    costs.input(), costs.output(), costs.blended(), within(x), prefillBatch,
                    prefillDevicesPerDecode(x), joules[0], joules[1]);
        }

        /** Prefill device-seconds per request over decode device-seconds per request: the pools' size ratio. */
        double prefillDevicesPerDecode(Batch x) {
            if (!options.disaggregated()) {
                return Double.NaN;
            }
            return poolFill.seconds() / prefillBatch / (x.tpot() / x.batch() * limits.outputTokens());
        }

        /** Joules per output and per input token at the batch (NaN without a board power). */
        double[] joules(Batch x, PhaseCost fill) {
            BoardPower power = base.gpu().power();
            if (power == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            long prompts = options.disaggregated() ? prefillBatch : x.batch();
            double input = power.wattsDuring(fill) * base.gpuCount() * fill.seconds() / (prompts * (double) limits.inputTokens());
            return new double[] {power.joulesPerToken(x.step(), base.gpuCount()), input};
        }
    }

    /** One decode batch of a configuration: its step, its time per output token and its time to first token. */
    private record Batch(long batch, PhaseCost step, double tpot, double ttft) {
    }

    /** The largest b in [1, max] where a condition that fails for all larger b holds (0: not even at 1). */
    private static long largestWhere(java.util.function.LongPredicate holds, long max) {
        if (max < 1 || !holds.test(1)) {
            return 0;
        }
        long low = 1;
        long high = 2;
        while (high <= max && holds.test(high)) {
            low = high;
            high *= 2;
        }
        high = Math.min(high, max + 1);
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (holds.test(mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The smallest b in [1, max] whose cost is within a millionth of {@code cheapest} (the cost at max), for a
     * cost that does not grow with the batch: bisection.
     */
    static long smallestAsCheap(java.util.function.LongToDoubleFunction cost, double cheapest, long max) {
        double bound = cheapest * (1 + 1e-6);
        if (!(cost.applyAsDouble(max) <= bound)) {
            return max; // no price (NaN): the largest, as before
        }
        long low = 0; // cost(low) > bound, or low = 0
        long high = max; // cost(high) <= bound
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (cost.applyAsDouble(mid) <= bound) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /** Dollars per million input, output and blended tokens. */
    private record Costs(double input, double output, double blended) {
    }

    static Candidate candidate(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p, boolean weightOnly,
                               Limits limits, boolean realistic, Realism measured) {
        return candidate(model, gpu, n, stages, p, weightOnly, limits, Options.of(realistic, measured));
    }

    /** One configuration at the largest batch within memory and the limits (batch 1 when none is: infeasible). */
    public static Candidate candidate(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p,
                                      boolean weightOnly, Limits limits, Options options) {
        Configuration c = Configuration.of(model, gpu, n, stages, p, weightOnly, limits, options);
        String why = null;
        long batch = 1;
        if (c.maxBatch() < 1) {
            why = "does not fit in " + n + " × " + gpu.shortName() + " (needs "
                    + Evaluation.devicesToFit(RooflineEngine.memory(c.base()), n) + ")";
        } else if (c.prefillBatch() < 1) {
            c = c.withPrefillBatch(1);
            why = String.format(Locale.ROOT, "time to first token with one prompt is %s, above %s",
                    Units.seconds(c.ttft(1)), Units.seconds(limits.ttftSeconds()));
        } else if (!c.within(1)) {
            why = c.tpot(1) > limits.tpotSeconds()
                    ? String.format(Locale.ROOT, "time per output token at batch 1 is %s, above %s",
                    Units.seconds(c.tpot(1)), Units.seconds(limits.tpotSeconds()))
                    : String.format(Locale.ROOT, "time to first token at batch 1 is %s, above %s",
                    Units.seconds(c.ttft(1)), Units.seconds(limits.ttftSeconds()));
        } else {
            // Both times grow with the batch: the largest batch within them, by doubling then bisection; then the
            // smallest batch that costs as little (past the critical batch more sequences only add latency).
            Configuration within = c;
            long largest = largestWhere(within::within, c.maxBatch());
            batch = smallestAsCheap(b -> within.costs(b).blended(), within.costs(largest).blended(), largest);
        }
        Batch at = c.at(batch);
        PhaseCost fill = c.fill(at);
        Costs costs = c.costs(at, fill);
        double[] joules = c.joules(at, fill);
        long prefillBatch = options.disaggregated() ? c.prefillBatch() : batch;
        return new Candidate(gpu.id(), gpu.shortName(), n, stages, p, weightOnly, batch, at.ttft(), at.tpot(),
                costs.input(), costs.output(), costs.blended(), why == null, why, prefillBatch,
                c.prefillDevicesPerDecode(at), joules[0], joules[1], options.speculation().isOn());
    }

    /** One point of a configuration's latency-cost curve: the batch, what a user sees, what it costs. */
    public record FrontierPoint(long batch, double tokensPerSecondPerUser, double tokensPerSecondPerDevice,
                                double ttftSeconds, double tpotSeconds, double costUsdPerMillionInput,
                                double costUsdPerMillionOutput, double costUsdPerMillionBlended, boolean withinLimits,
                                long prefillBatch, double prefillDevicesPerDecode, double joulesPerOutputToken,
                                double joulesPerInputToken) {
        /** Output over input cost per token: the ratio a provider charging these costs would set. */
        public double outputToInputRatio() {
            return costUsdPerMillionOutput / costUsdPerMillionInput;
        }
    }

    /**
     * A configuration's curve as the batch sweeps from 1 to the largest that fits (the utilization chart's
     * batches, and that largest one): faster per user at small batches, cheaper at large ones. Each point says
     * whether it meets the limits; the candidate's own batch is the largest that does.
     */
    public static List<FrontierPoint> frontier(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p,
                                               boolean weightOnly, Limits limits, boolean realistic, Realism measured) {
        return frontier(model, gpu, n, stages, p, weightOnly, limits, Options.of(realistic, measured));
    }

    public static List<FrontierPoint> frontier(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p,
                                               boolean weightOnly, Limits limits, Options options) {
        if (gpu.price().isEmpty()) {
            return List.of();
        }
        return sweep(Configuration.of(model, gpu, n, stages, p, weightOnly, limits, options));
    }

    /**
     * A scenario's own curve (its efficiencies, price, cache precision and draft as they are), with the
     * traffic and limits of {@code limits}; empty when it does not fit; without a price its costs are NaN.
     */
    public static List<FrontierPoint> frontier(Scenario scenario, Limits limits, boolean disaggregated) {
        return sweep(Configuration.of(scenario, limits, disaggregated));
    }

    /** The scenario's own batch on its curve; null when its batch does not fit (without a price its costs are NaN). */
    public static FrontierPoint point(Scenario scenario, Limits limits, boolean disaggregated) {
        Configuration c = Configuration.of(scenario, limits, disaggregated);
        if (c.prefillBatch() < 1) {
            c = c.withPrefillBatch(1);
        }
        long b = scenario.batchSize();
        return b > c.maxBatch() ? null : c.point(b);
    }

    private static List<FrontierPoint> sweep(Configuration configuration) {
        Configuration c = configuration;
        if (c.prefillBatch() < 1) {
            c = c.withPrefillBatch(1);
        }
        long maxBatch = c.maxBatch();
        if (maxBatch < 1) {
            return List.of();
        }
        List<Long> batches = new ArrayList<>(RooflineEngine.CURVE_BATCHES.stream().filter(b -> b <= maxBatch).toList());
        if (batches.isEmpty() || batches.get(batches.size() - 1) != maxBatch) {
            batches.add(maxBatch);
        }
        List<FrontierPoint> out = new ArrayList<>();
        for (long b : batches) {
            out.add(c.point(b));
        }
        return List.copyOf(out);
    }
}
