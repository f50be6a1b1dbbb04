package lab.roofline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.BoardPower;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.serving.RentalPrices;

/** What `plan` prints: the ranking as a table, JSON or CSV, and the frontier's curves as CSV. */
final class PlanOutput {
    private PlanOutput() {
    }

    static String json(ModelSpec model, Planner.Limits limits, List<Planner.Candidate> ranked) throws Exception {
        return json(model, limits, Planner.Options.of(false, null), 0.12, List.of(), ranked);
    }

    static String json(ModelSpec model, Planner.Limits limits, Planner.Options options, double usdPerKwh,
                       List<HardwareProfile> gpus, List<Planner.Candidate> ranked) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode l = root.putObject("limits");
        l.put("model", model.name());
        l.put("inputTokens", limits.inputTokens());
        l.put("outputTokens", limits.outputTokens());
        l.put("cachedInput", limits.cachedInput());
        putLimit(l, "ttftSeconds", limits.ttftSeconds());
        putLimit(l, "tpotSeconds", limits.tpotSeconds());
        l.put("serving", options.disaggregated() ? "disaggregated" : "colocated");
        l.put("realistic", options.realistic());
        // What the plan assumes of the devices: the fractions of peak (1: the ideal roofline) and the overhead.
        l.put("assumption", Planner.assumption(options, ranked));
        l.put("bandwidthEfficiency", options.measured().bandwidthFraction());
        ObjectNode compute = l.putObject("computeEfficiency");
        ranked.stream().map(Planner.Candidate::gpuId).distinct()
                .forEach(id -> compute.put(id, options.measured().computeFraction(id)));
        l.put("layerOverheadSeconds", options.measured().layerOverheadSeconds());
        if (options.speculation().isOn()) {
            ObjectNode sp = l.putObject("speculation");
            sp.put("draftModel", options.speculation().draftModel().name());
            sp.put("draftTokens", options.speculation().draftTokens());
            sp.put("acceptanceRate", options.speculation().acceptanceRate());
            sp.put("expectedTokensPerStep", options.speculation().expectedTokensPerStep());
        }
        l.put("electricityUsdPerKwh", usdPerKwh);
        ArrayNode all = root.putArray("candidates");
        ranked.forEach(c -> all.add(node(mapper, c, usdPerKwh, gpus)));
        ranked.stream().filter(Planner.Candidate::feasible).findFirst()
                .ifPresentOrElse(best -> root.set("best", node(mapper, best, usdPerKwh, gpus)), () -> root.putNull("best"));
        return mapper.writeValueAsString(root);
    }

    private static void putLimit(ObjectNode n, String key, double seconds) {
        if (Double.isInfinite(seconds)) {
            n.putNull(key);
        } else {
            n.put(key, seconds);
        }
    }

    /**
     * One candidate. Its times and costs stand at the top only when it meets the limits; a near miss (it fits,
     * but not within the limits) has them under "wouldBe" beside {@code "feasible": false}; one that does not fit
     * has none (issue 26: a script must never read a cost that cannot happen as a real one).
     */
    private static ObjectNode node(ObjectMapper mapper, Planner.Candidate c, double usdPerKwh, List<HardwareProfile> gpus) {
        ObjectNode n = mapper.createObjectNode();
        n.put("gpu", c.gpuId());
        n.put("gpus", c.gpus());
        n.put("parallelism", c.parallelism());
        n.put("precision", c.precisionLabel());
        n.put("speculation", c.drafted());
        n.put("feasible", c.feasible());
        if (!c.feasible()) {
            n.put("why", c.why());
        }
        if (c.feasible()) {
            numbers(n, c, usdPerKwh);
        } else if (c.fits()) {
            ObjectNode wouldBe = n.putObject("wouldBe");
            wouldBe.put("feasible", false);
            numbers(wouldBe, c, usdPerKwh);
        }
        gpus.stream().filter(g -> g.id().equals(c.gpuId())).findFirst().ifPresent(g -> {
            n.put("priceUsdPerHour", g.priceUsdPerHour());
            n.put("priceSource", RentalPrices.tableSource(g).orElse("profile"));
        });
        return n;
    }

    /** A candidate's batch, times, speeds, costs and energy. */
    private static void numbers(ObjectNode n, Planner.Candidate c, double usdPerKwh) {
        n.put("batch", c.batch());
        n.put("ttftSeconds", c.ttftSeconds());
        n.put("tpotSeconds", c.tpotSeconds());
        n.put("tokensPerSecondPerUser", c.tokensPerSecondPerUser());
        n.put("tokensPerSecondPerDevice", c.tokensPerSecondPerDevice());
        n.put("costUsdPerMillionInput", c.costUsdPerMillionInput());
        n.put("costUsdPerMillionOutput", c.costUsdPerMillionOutput());
        n.put("costUsdPerMillionBlended", c.costUsdPerMillionBlended());
        n.put("prefillBatch", c.prefillBatch());
        if (!Double.isNaN(c.prefillDevicesPerDecode())) {
            n.put("prefillDevicesPerDecodeDevice", c.prefillDevicesPerDecode());
        }
        if (!Double.isNaN(c.joulesPerOutputToken())) {
            n.put("joulesPerOutputToken", c.joulesPerOutputToken());
            n.put("joulesPerInputToken", c.joulesPerInputToken());
            n.put("electricityUsdPerMillionOutput", BoardPower.usdPerMillionTokens(c.joulesPerOutputToken(), usdPerKwh));
        }
    }

    /**
     * One row per candidate; {@code feasible} beside the configuration, and no batch, time or cost for one that
     * does not fit (a near miss's are what its batch 1 would be: feasible false, and why).
     */
    static String csv(List<Planner.Candidate> ranked) {
        StringBuilder out = new StringBuilder("gpu,gpus,parallelism,precision,feasible,batch,ttft_s,tpot_s,"
                + "tokens_per_s_per_user,tokens_per_s_per_device,usd_per_million_input,usd_per_million_output,"
                + "usd_per_million_blended,joules_per_output_token,prefill_batch,prefill_devices_per_decode_device,why\n");
        for (Planner.Candidate c : ranked) {
            boolean shown = c.fits();
            List<String> numbers = List.of(Long.toString(c.batch()), num(c.ttftSeconds()), num(c.tpotSeconds()),
                    num(c.tokensPerSecondPerUser()), num(c.tokensPerSecondPerDevice()), num(c.costUsdPerMillionInput()),
                    num(c.costUsdPerMillionOutput()), num(c.costUsdPerMillionBlended()),
                    Double.isNaN(c.joulesPerOutputToken()) ? "" : num(c.joulesPerOutputToken()), Long.toString(c.prefillBatch()),
                    Double.isNaN(c.prefillDevicesPerDecode()) ? "" : num(c.prefillDevicesPerDecode()));
            out.append(String.join(",", c.gpuId(), Integer.toString(c.gpus()), c.parallelism(), c.precisionLabel(),
                    Boolean.toString(c.feasible()), String.join(",", shown ? numbers : numbers.stream().map(x -> "").toList()),
                    c.why() == null ? "" : "\"" + c.why().replace("\"", "\"\"") + "\"")).append('\n');
        }
        return out.toString();
    }

    /** The curves of the cheapest configurations within the limits, one row per batch. */
    static String frontierCsv(ModelSpec model, List<HardwareProfile> gpus, Planner.Limits limits,
                              Planner.Options options, List<Planner.Candidate> ranked, int count) {
        StringBuilder out = new StringBuilder("gpu,gpus,parallelism,precision,batch,tokens_per_s_per_user,"
                + "tokens_per_s_per_device,ttft_s,usd_per_million_output,usd_per_million_blended,within_limits\n");
        ranked.stream().filter(Planner.Candidate::feasible).limit(count).forEach(c -> {
            HardwareProfile gpu = gpus.stream().filter(g -> g.id().equals(c.gpuId())).findFirst().orElseThrow();
            for (Planner.FrontierPoint p : Planner.frontier(model, gpu, c.gpus(), c.pipelineStages(), c.precision(),
                    c.weightOnly(), limits, options)) {
                out.append(String.join(",", c.gpuId(), Integer.toString(c.gpus()), c.parallelism(), c.precisionLabel(),
                        Long.toString(p.batch()), num(p.tokensPerSecondPerUser()), num(p.tokensPerSecondPerDevice()),
                        num(p.ttftSeconds()), num(p.costUsdPerMillionOutput()), num(p.costUsdPerMillionBlended()),
                        Boolean.toString(p.withinLimits()))).append('\n');
            }
        });
        return out.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String table(ModelSpec model, Planner.Limits limits, List<Planner.Candidate> ranked, int top) {
        return table(model, limits, Planner.Options.of(false, null), ranked, top);
    }

    static String table(ModelSpec model, Planner.Limits limits, Planner.Options options, List<Planner.Candidate> ranked,
                        int top) {
        return table(model, limits, options, ranked, top, false);
    }

    /** The table; {@code distinct}: each device once, at its cheapest (the counts below are of every configuration). */
    static String table(ModelSpec model, Planner.Limits limits, Planner.Options options, List<Planner.Candidate> ranked,
                        int top, boolean distinct) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Roofline Lab plan: %s, %,d input + %,d output tokens per request%s%s%s%n%n",
                model.name(), limits.inputTokens(), limits.outputTokens(),
                limits.cachedInput() > 0 ? String.format(Locale.ROOT, ", %s of input cached", Units.percent(limits.cachedInput())) : "",
                Double.isInfinite(limits.ttftSeconds()) ? "" : ", first token within " + Units.seconds(limits.ttftSeconds()),
                Double.isInfinite(limits.tpotSeconds()) ? "" : ", a token each " + Units.seconds(limits.tpotSeconds())));
        if (options.disaggregated() || options.speculation().isOn()) {
            out.append(String.format(Locale.ROOT, "%s%s%n%n", options.disaggregated() ? "Prefill on a pool of its own. " : "",
                    options.speculation().isOn() ? "Speculative decoding: " + options.speculation().describe() + ", "
                            + Units.sig3(options.speculation().expectedTokensPerStep()) + " tokens per step." : ""));
        }
        List<Planner.Candidate> rows = (distinct ? Planner.distinctDevices(ranked) : ranked).stream().limit(top).toList();
        // What the numbers assume, for the devices the table shows.
        out.append(Planner.assumption(options, rows)).append(distinct
                ? " Each device once, at its cheapest configuration (--distinct)." : "").append(String.format("%n%n"));
        long feasible = ranked.stream().filter(Planner.Candidate::feasible).count();
        if (feasible == 0) {
            out.append("No configuration meets the limits. Nearest misses:\n");
        }
        out.append(String.format(Locale.ROOT, "%-4s %-30s %-12s %-9s %8s %10s %10s %12s %12s %8s%s%n", "#", "GPU", "split",
                "weights", "batch", "TTFT", "TPOT", "$/1M blend", "$/1M output", "J/token",
                options.disaggregated() ? "  prefill:decode" : ""));
        int shown = 0;
        for (Planner.Candidate c : rows) {
            out.append(row(++shown, c));
        }
        out.append(String.format(Locale.ROOT, "%n%,d configurations, %,d within the limits.%n", ranked.size(), feasible));
        return out.toString();
    }

    /**
     * A row of the table: a configuration within the limits with its numbers; a near miss with what its batch
     * 1 would be, in words, and why it misses; one that does not fit with none.
     */
    private static String row(int rank, Planner.Candidate c) {
        String gpu = c.gpus() + " × " + c.gpuId() + (c.drafted() ? " + draft" : "");
        String head = String.format(Locale.ROOT, "%-4d %-30s %-12s %-9s", rank,
                gpu.length() > 30 ? gpu.substring(0, 29) + "…" : gpu, c.parallelism(), c.precisionLabel());
        if (!c.feasible()) {
            return head + (c.fits() ? String.format(Locale.ROOT, " would be, at batch %,d: TTFT %s, TPOT %s, %s/1M blended, "
                    + "%s/1M output (%s)%n", c.batch(), Units.seconds(c.ttftSeconds()), Units.seconds(c.tpotSeconds()),
                    Units.usd(c.costUsdPerMillionBlended()), Units.usd(c.costUsdPerMillionOutput()), c.why())
                    : "  (" + c.why() + ")" + System.lineSeparator());
        }
        return head + String.format(Locale.ROOT, " %8s %10s %10s %12s %12s %8s%s%n",
                String.format(Locale.ROOT, "%,d", c.batch()), Units.seconds(c.ttftSeconds()), Units.seconds(c.tpotSeconds()),
                Units.usd(c.costUsdPerMillionBlended()), Units.usd(c.costUsdPerMillionOutput()),
                Double.isNaN(c.joulesPerOutputToken()) ? "–" : Units.sig3(c.joulesPerOutputToken()),
                Double.isNaN(c.prefillDevicesPerDecode()) ? "" : String.format(Locale.ROOT, "  %15s",
                        Units.sig3(c.prefillDevicesPerDecode()) + " : 1"));
    }
}
