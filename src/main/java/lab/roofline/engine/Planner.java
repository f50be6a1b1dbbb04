package lab.roofline.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

    /** One way to serve: where the limits put its batch, and what a million tokens cost there. */
    public record Candidate(String gpuId, String gpuName, int gpus, int pipelineStages, Precision precision,
                            boolean weightOnly, long batch, double ttftSeconds, double tpotSeconds,
                            double costUsdPerMillionInput, double costUsdPerMillionOutput,
                            double costUsdPerMillionBlended, boolean feasible, String why) {
        public String parallelism() {
            return Scenario.layoutName(gpus, pipelineStages);
        }

        /** What each user sees: one token per step. */
        public double tokensPerSecondPerUser() {
            return 1 / tpotSeconds;
        }

        public double tokensPerSecondPerDevice() {
            return batch / tpotSeconds / gpus;
        }

        public String precisionLabel() {
            return weightOnly ? (precision == Precision.INT8 ? "W8A16" : "W4A16") : precision.label();
        }
    }

    /** The weights and math a plan tries: every precision, and the two weight-only ones. */
    public static List<Candidate> plan(ModelSpec model, List<HardwareProfile> gpus, int maxGpus, Limits limits,
                                       boolean realistic, Realism measured) {
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
                    for (Precision p : Precision.values()) {
                        out.add(candidate(model, gpu, n, stages, p, false, limits, realistic, measured));
                        if (p == Precision.INT8 || p == Precision.INT4) {
                            out.add(candidate(model, gpu, n, stages, p, true, limits, realistic, measured));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing((Candidate c) -> !c.feasible())
                .thenComparingDouble(Candidate::costUsdPerMillionBlended)
                .thenComparing(Candidate::gpuId).thenComparingInt(Candidate::gpus));
        return List.copyOf(out);
    }

    /**
     * One configuration with the traffic: the scenario at batch 1 and what every batch shares (the prompt's
     * uncached part, the decode context, the largest batch that fits, one prompt's prefill, the price of all
     * the devices). Both the candidate and the frontier ask it for a batch's times and costs.
     */
    private record Configuration(Scenario base, Limits limits, long uncached, double context, long maxBatch,
                                 double prefillOneSeconds, double usdPerSecond) {
        static Configuration of(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p, boolean weightOnly,
                                Limits limits, boolean realistic, Realism measured) {
            double compute = realistic ? measured.computeFraction(gpu.id()) : 1;
            double bandwidth = realistic ? measured.bandwidthFraction() : 1;
            double overhead = realistic ? measured.layerOverheadSeconds() : 0;
            long uncached = Math.max(1, Math.round(limits.inputTokens() * (1 - limits.cachedInput())));
            Scenario base = new Scenario(model, gpu, n, p, weightOnly, Precision.BF16, 1, limits.inputTokens(),
                    limits.outputTokens(), compute, bandwidth, gpu.priceUsdPerHour(), stages, overhead, false, realistic);
            long maxBatch = Math.min(RooflineEngine.memory(base).maxBatch(), ScenarioLimits.MAX_BATCH);
            double prefillOne = RooflineEngine.prefillStep(base.withTokens(uncached, limits.outputTokens()), 1).seconds();
            return new Configuration(base, limits, uncached, base.averageDecodeContextTokens(), maxBatch, prefillOne,
                    gpu.priceUsdPerHour() * n / 3600);
        }

        /** Time per output token: one decode step at batch b. */
        double tpot(long b) {
            return RooflineEngine.decodeStep(base, b, context).seconds();
        }

        /** Time to first token: the uncached part of one prompt, after the decode step in flight. */
        double ttft(long b) {
            return prefillOneSeconds + tpot(b);
        }

        boolean within(long b) {
            return tpot(b) <= limits.tpotSeconds() && ttft(b) <= limits.ttftSeconds();
        }

        /** $/1M at batch b: input tokens from the cache cost nothing. */
        Costs costs(long b) {
            Scenario at = base.withBatchSize(b);
            double filled = RooflineEngine.prefillStep(at.withTokens(uncached, limits.outputTokens()), b).seconds();
            double output = usdPerSecond * tpot(b) / b * 1e6;
            double input = usdPerSecond * filled / (b * (double) limits.inputTokens()) * 1e6;
            double blended = (input * limits.inputTokens() + output * limits.outputTokens())
                    / (limits.inputTokens() + limits.outputTokens());
            return new Costs(input, output, blended);
        }
    }

    /** Dollars per million input, output and blended tokens. */
    private record Costs(double input, double output, double blended) {
    }

    /** One configuration at the largest batch within memory and the limits (batch 1 when none is: infeasible). */
    static Candidate candidate(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p, boolean weightOnly,
                               Limits limits, boolean realistic, Realism measured) {
        Configuration c = Configuration.of(model, gpu, n, stages, p, weightOnly, limits, realistic, measured);
        String why = null;
        long batch = 1;
        if (c.maxBatch() < 1) {
            why = "does not fit in " + n + " × " + gpu.shortName() + " (needs "
                    + Evaluation.devicesToFit(RooflineEngine.memory(c.base()), n) + ")";
        } else if (!c.within(1)) {
            why = c.tpot(1) > limits.tpotSeconds()
                    ? String.format(Locale.ROOT, "time per output token at batch 1 is %s, above %s",
                    Units.seconds(c.tpot(1)), Units.seconds(limits.tpotSeconds()))
                    : String.format(Locale.ROOT, "time to first token at batch 1 is %s, above %s",
                    Units.seconds(c.ttft(1)), Units.seconds(limits.ttftSeconds()));
        } else {
            // Both times grow with the batch: the largest batch within them, by doubling then bisection.
            long low = 1;
            long high = 2;
            while (high <= c.maxBatch() && c.within(high)) {
                low = high;
                high *= 2;
            }
            high = Math.min(high, c.maxBatch() + 1);
            while (high - low > 1) {
                long mid = (low + high) >>> 1;
                if (c.within(mid)) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            batch = low;
        }
        Costs costs = c.costs(batch);
        return new Candidate(gpu.id(), gpu.name(), n, stages, p, weightOnly, batch, c.ttft(batch), c.tpot(batch),
                costs.input(), costs.output(), costs.blended(), why == null, why);
    }

    /** One point of a configuration's latency-cost curve: the batch, what a user sees, what it costs. */
    public record FrontierPoint(long batch, double tokensPerSecondPerUser, double tokensPerSecondPerDevice,
                                double ttftSeconds, double costUsdPerMillionOutput, double costUsdPerMillionBlended,
                                boolean withinLimits) {
    }

    /**
     * A configuration's curve as the batch sweeps from 1 to the largest that fits (the utilization chart's
     * batches, and that largest one): faster per user at small batches, cheaper at large ones. Each point says
     * whether it meets the limits; the candidate's own batch is the largest that does.
     */
    public static List<FrontierPoint> frontier(ModelSpec model, HardwareProfile gpu, int n, int stages, Precision p,
                                               boolean weightOnly, Limits limits, boolean realistic, Realism measured) {
        if (gpu.price().isEmpty()) {
            return List.of();
        }
        Configuration c = Configuration.of(model, gpu, n, stages, p, weightOnly, limits, realistic, measured);
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
            double step = c.tpot(b);
            Costs costs = c.costs(b);
            out.add(new FrontierPoint(b, 1 / step, b / step / n, c.ttft(b), costs.output(), costs.blended(), c.within(b)));
        }
        return List.copyOf(out);
    }
}
