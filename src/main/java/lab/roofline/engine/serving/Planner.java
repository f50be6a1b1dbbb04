package lab.roofline.engine.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;
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

    /** Each device once, at its first (cheapest) place in a ranking: plan --distinct. */
    public static List<Candidate> distinctDevices(List<Candidate> ranked) {
        Set<String> seen = new HashSet<>();
        return ranked.stream().filter(c -> seen.add(c.gpuId())).toList();
    }

    /**
     * What a plan assumes of the devices, in words: "100 % of peak … (the ideal roofline)", or the measured
     * fractions (compute per device, grouped) and the overhead per layer.
     */
    public static String assumption(Options options, List<Candidate> ranked) {
        if (!options.realistic()) {
            return "Assumes 100 % of peak compute and bandwidth and no overhead per layer (the ideal roofline; "
                    + "--realistic for measured fractions).";
        }
        Realism r = options.measured();
        Map<String, List<String>> byFraction = new LinkedHashMap<>();
        ranked.stream().map(Candidate::gpuId).distinct().forEach(id -> byFraction
                .computeIfAbsent(Units.percent(r.computeFraction(id)), k -> new ArrayList<>()).add(id));
        List<String> compute = new ArrayList<>();
        byFraction.forEach((pct, ids) -> compute.add(pct + " (" + String.join(", ", ids) + ")"));
        return "Assumes measured fractions of peak: bandwidth " + Units.percent(r.bandwidthFraction()) + ", compute "
                + String.join(", ", compute) + ", an overhead of " + Units.seconds(r.layerOverheadSeconds())
                + " a layer (docs/validation.md).";
    }

    /** The largest b in [1, max] where a condition that fails for all larger b holds (0: not even at 1). */
    static long largestWhere(LongPredicate holds, long max) {
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
    static long smallestAsCheap(LongToDoubleFunction cost, double cheapest, long max) {
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

    /**
     * The one search for "the cheapest within the limits", for the planner and the frontier alike: both times
     * grow with the batch, so the largest batch within memory and the limits (doubling, then bisection); then the
     * smallest batch that costs as little (past the critical batch more sequences only add latency). 0: none is.
     */
    static long cheapestBatch(PlanConfiguration c) {
        if (c.maxBatch() < 1 || c.prefillBatch() < 1 || !c.within(1)) {
            return 0;
        }
        long largest = largestWhere(c::within, c.maxBatch());
        return smallestAsCheap(b -> c.costs(b).blended(), c.costs(largest).blended(), largest);
    }

    /**
     * A scenario's cheapest point within the limits (its efficiencies, price, cache precision and draft as they
     * are), by the planner's own search; null when no batch meets them.
     */
    public static FrontierPoint cheapestWithin(Scenario scenario, Limits limits, boolean disaggregated) {
        PlanConfiguration c = PlanConfiguration.of(scenario, limits, disaggregated);
        long b = cheapestBatch(c);
        return b < 1 ? null : c.point(b);
    }

    static Candidate candidate(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p, boolean weightOnly,
                               Limits limits, boolean realistic, Realism measured) {
        return candidate(model, gpu, n, stages, p, weightOnly, limits, Options.of(realistic, measured));
    }

    /** One configuration at the largest batch within memory and the limits (batch 1 when none is: infeasible). */
    public static Candidate candidate(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p,
                                      boolean weightOnly, Limits limits, Options options) {
        PlanConfiguration c = PlanConfiguration.of(model, gpu, n, stages, p, weightOnly, limits, options);
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
            batch = cheapestBatch(c);
        }
        PlanBatch at = c.at(batch);
        PhaseCost fill = c.fill(at);
        PlanCosts costs = c.costs(at, fill);
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
        return sweep(PlanConfiguration.of(model, gpu, n, stages, p, weightOnly, limits, options));
    }

    /**
     * A scenario's own curve (its efficiencies, price, cache precision and draft as they are), with the
     * traffic and limits of {@code limits}; empty when it does not fit; without a price its costs are NaN.
     */
    public static List<FrontierPoint> frontier(Scenario scenario, Limits limits, boolean disaggregated) {
        return sweep(PlanConfiguration.of(scenario, limits, disaggregated));
    }

    /** The scenario's own batch on its curve; null when its batch does not fit (without a price its costs are NaN). */
    public static FrontierPoint point(Scenario scenario, Limits limits, boolean disaggregated) {
        PlanConfiguration c = PlanConfiguration.of(scenario, limits, disaggregated);
        if (c.prefillBatch() < 1) {
            c = c.withPrefillBatch(1);
        }
        long b = scenario.batchSize();
        return b > c.maxBatch() ? null : c.point(b);
    }

    private static List<FrontierPoint> sweep(PlanConfiguration configuration) {
        PlanConfiguration c = configuration;
        if (c.prefillBatch() < 1) {
            c = c.withPrefillBatch(1);
        }
        long maxBatch = c.maxBatch();
        if (maxBatch < 1) {
            return List.of();
        }
        // The chart's batches, the largest that fits, and the planner's batch (the curve passes through it).
        TreeSet<Long> batches = new TreeSet<>(RooflineEngine.CURVE_BATCHES.stream()
                .filter(b -> b <= maxBatch).toList());
        batches.add(maxBatch);
        long cheapest = cheapestBatch(configuration);
        if (cheapest >= 1) {
            batches.add(cheapest);
        }
        List<FrontierPoint> out = new ArrayList<>();
        for (long b : batches) {
            out.add(c.point(b));
        }
        return List.copyOf(out);
    }
}
