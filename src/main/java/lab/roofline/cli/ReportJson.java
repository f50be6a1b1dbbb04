package lab.roofline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;

/** The `report --json` document. SI units: FLOP, bytes, seconds, USD. NaN (unknown) becomes null. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** The mapper report --json writes with (indented), for commands that print several reports. */
    static ObjectMapper mapper() {
        return JSON;
    }

    public static String render(Evaluation e) {
        try {
            return JSON.writeValueAsString(tree(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static ObjectNode tree(Evaluation e) {
        ObjectNode root = JSON.createObjectNode();
        // Whether the scenario can run at all: a script must not read a cost for one that does not fit.
        root.put("feasible", e.memory().fits());
        gpu(root, e);
        model(root, e);
        workload(root, e);
        phases(root, e);
        energy(root, e);
        put(root, "criticalBatchNoContext", e.criticalBatchNoContext());
        put(root, "criticalBatch", e.criticalBatch());
        // Where aggregate throughput stops growing, at any context (null: never within 2^30).
        put(root, "throughputPlateauBatch", e.criticalBatchNoContext());
        memory(root, e);
        cost(root, e);
        ArrayNode notices = root.putArray("notices");
        e.notices().forEach(notices::add);
        return root;
    }

    /** The devices: what they are, their roof and ridge, and a what-if when there is one. */
    private static void gpu(ObjectNode root, Evaluation e) {
        Scenario s = e.scenario();
        ObjectNode gpu = root.putObject("gpu");
        gpu.put("id", s.gpu().id());
        gpu.put("name", s.gpu().name());
        gpu.put("count", s.gpuCount());
        gpu.put("tensorParallel", s.tensorParallel());
        gpu.put("pipelineStages", s.pipelineStages());
        ObjectNode link = gpu.putObject("interconnect");
        link.put("name", s.gpu().link().name());
        put(link, "bandwidthBytesPerSecondPerDirection", s.gpu().link().bandwidthBytesPerSecond());
        put(link, "latencySeconds", s.gpu().link().latencySeconds());
        link.put("assumed", s.gpu().interconnect() == null);
        gpu.put("computePrecision", e.computePrecision().key());
        put(gpu, "peakFlopsPerSecond", s.gpu().peakFlopsPerSecond().get(e.computePrecision()));
        put(gpu, "memoryBandwidthBytesPerSecond", s.gpu().memoryBandwidthBytesPerSecond());
        put(gpu, "memoryCapacityBytes", s.gpu().memoryCapacityBytes());
        put(gpu, "usableMemoryBytes", s.gpu().usableMemoryBytes());
        put(gpu, "priceUsdPerHour", s.priceUsdPerHour());
        // Nominal, as the peak and bandwidth above; the effective ridge includes the efficiencies.
        double nominalRidge = s.gpu().peakFlopsPerSecond().get(e.computePrecision()) / s.gpu().memoryBandwidthBytesPerSecond();
        put(gpu, "ridgeFlopsPerByte", nominalRidge);
        put(gpu, "ridgeFlopsPerValue", nominalRidge * s.weightPrecision().bytesPerValue());
        put(gpu, "effectiveRidgeFlopsPerByte", e.ridgeFlopsPerByte());
        put(gpu, "effectiveRidgeFlopsPerValue", e.ridgeFlopsPerValue());
        if (!s.gpu().whatIf().isNone()) {
            // A what-if, never the real device: the factors applied (the name says so too).
            ObjectNode whatIf = gpu.putObject("whatIf");
            whatIf.put("bandwidthScale", s.gpu().whatIf().bandwidth());
            whatIf.put("peakScale", s.gpu().whatIf().peak());
            whatIf.put("memoryScale", s.gpu().whatIf().memory());
        }
    }

    /** The model: its shapes, weights, KV cache and attention. */
    private static void model(ObjectNode root, Evaluation e) {
        Scenario s = e.scenario();
        ObjectNode model = root.putObject("model");
        model.put("name", s.model().name());
        put(model, "parameters", s.model().totalParameters());
        put(model, "activeParameters", s.model().activeParameters());
        model.put("layers", s.model().layers());
        model.put("hiddenSize", s.model().hiddenSize());
        model.put("attentionHeads", s.model().attentionHeads());
        model.put("kvHeads", s.model().kvHeads());
        model.put("headDim", s.model().headDim());
        put(model, "weightBytes", e.memory().weightBytes());
        put(model, "kvCacheBytesPerToken", s.model().kvCacheBytesPerToken(s.kvPrecision()));
        // One sequence's cache at its full length: sliding layers keep only their window.
        put(model, "kvCacheBytesPerSequence", s.model().kvCacheBytes(s.promptTokens() + s.generatedTokens(), s.kvPrecision()));
        ObjectNode attention = model.putObject("attention");
        attention.put("kind", s.model().attention().isLatent() ? "latent"
                : s.model().kvHeads() == 1 ? "multi-query" : s.model().kvHeads() < s.model().attentionHeads()
                ? "grouped-query" : "multi-head");
        attention.put("latentDim", s.model().attention().latentDim());
        attention.put("slidingWindowTokens", s.model().attention().slidingWindowTokens());
        attention.put("slidingLayers", s.model().attention().slidingLayers());
        model.put("vocabSize", s.model().vocabSize());
        model.put("maxContextTokens", s.model().maxContextTokens());
    }

    /** What is run: precisions, batch, tokens, efficiencies and speculation. */
    private static void workload(ObjectNode root, Evaluation e) {
        Scenario s = e.scenario();
        ObjectNode workload = root.putObject("workload");
        workload.put("precision", s.weightPrecision().key());
        workload.put("weightOnly", s.weightOnly());
        workload.put("quantizedEmbeddings", s.quantizedEmbeddings());
        workload.put("kvPrecision", s.kvPrecision().key());
        workload.put("batch", s.batchSize());
        workload.put("promptTokens", s.promptTokens());
        workload.put("generatedTokens", s.generatedTokens());
        put(workload, "computeEfficiency", s.computeEfficiency());
        put(workload, "bandwidthEfficiency", s.bandwidthEfficiency());
        put(workload, "layerOverheadSeconds", s.layerOverheadSeconds());
        if (s.speculation().isOn()) {
            ObjectNode sp = workload.putObject("speculation");
            sp.put("draftModel", s.speculation().draftModel().name());
            sp.put("draftTokens", s.speculation().draftTokens());
            sp.put("acceptanceRate", s.speculation().acceptanceRate());
            put(sp, "expectedTokensPerStep", s.speculation().expectedTokensPerStep());
        }
    }

    /** Prefill and one decode step, term by term. */
    private static void phases(ObjectNode root, Evaluation e) {
        ObjectNode prefill = root.putObject("prefill");
        // Beside every time and speed: whether the scenario can run at all (false: what it would do).
        prefill.put("feasible", e.memory().fits());
        phase(prefill, e.prefill());
        put(prefill, "seconds", e.prefill().seconds());

        ObjectNode decode = root.putObject("decode");
        decode.put("feasible", e.memory().fits());
        put(decode, "contextTokens", e.decode().contextTokens());
        phase(decode, e.decode());
        put(decode, "stepSeconds", e.decode().seconds());
        put(decode, "tokensPerSecondPerSequence", e.decode().tokensPerSecondPerSequence());
        put(decode, "draftSeconds", e.decode().draftSeconds());
    }

    /** Power and energy per token. */
    private static void energy(ObjectNode root, Evaluation e) {
        Scenario s = e.scenario();
        ObjectNode energy = root.putObject("energy");
        energy.put("feasible", e.memory().fits());
        if (s.gpu().power() != null) {
            put(energy, "boardPowerWatts", s.gpu().power().fullLoadWatts());
            put(energy, "idlePowerWatts", s.gpu().power().idleWatts());
        }
        put(energy, "decodeWattsPerDevice", e.decodeWattsPerDevice());
        put(energy, "inputJoulesPerToken", e.inputJoulesPerToken());
        put(energy, "outputJoulesPerToken", e.outputJoulesPerToken());
    }

    /** What memory holds and the largest batch that fits. */
    private static void memory(ObjectNode root, Evaluation e) {
        ObjectNode memory = root.putObject("memory");
        put(memory, "weightBytes", e.memory().weightBytes());
        put(memory, "kvCacheBytes", e.memory().kvCacheBytes());
        put(memory, "totalBytes", e.memory().totalBytes());
        put(memory, "capacityBytes", e.memory().capacityBytes());
        memory.put("fits", e.memory().fits());
        memory.put("maxBatch", e.memory().maxBatch());
        // The batch limit caps the count: more would fit.
        memory.put("maxBatchCapped", e.memory().maxBatch() >= ScenarioLimits.MAX_BATCH);
        memory.put("minDevicesForWeights", e.memory().minDevicesForWeights());
    }

    /** Cost per token: USD with a price, GPU time always. */
    private static void cost(ObjectNode root, Evaluation e) {
        ObjectNode cost = root.putObject("cost");
        // A cost of a scenario that does not fit is what it would be: false here says so beside it.
        cost.put("feasible", e.memory().fits());
        put(cost, "priceUsdPerHour", e.cost().priceUsdPerHour());
        put(cost, "inputUsdPerMillionTokens", e.cost().inputUsdPerMillionTokens());
        put(cost, "outputUsdPerMillionTokens", e.cost().outputUsdPerMillionTokens());
        put(cost, "outputToInputRatio", e.cost().outputToInputRatio());
        put(cost, "inputSecondsPerToken", e.cost().inputSecondsPerToken());
        put(cost, "outputSecondsPerToken", e.cost().outputSecondsPerToken());
        // What a price pays for: every device's time.
        put(cost, "inputGpuSecondsPerToken", e.cost().inputGpuSecondsPerToken());
        put(cost, "outputGpuSecondsPerToken", e.cost().outputGpuSecondsPerToken());
    }

    private static void phase(ObjectNode node, PhaseCost p) {
        put(node, "tokens", p.tokens());
        put(node, "flops", p.flops());
        put(node, "bytes", p.bytes());
        put(node, "weightBytes", p.weightBytes());
        put(node, "kvCacheBytes", p.kvCacheBytes());
        put(node, "kvCacheReadBytes", p.kvReadBytes());
        put(node, "kvCacheWriteBytes", p.kvWriteBytes());
        put(node, "activationBytes", p.activationBytes());
        put(node, "arithmeticIntensity", p.arithmeticIntensity());
        put(node, "attainableFlopsPerSecond", p.achievedFlopsPerSecond());
        put(node, "tokensPerSecond", p.tokensPerSecond());
        put(node, "computeUtilization", p.computeUtilization());
        put(node, "bandwidthUtilization", p.bandwidthUtilization());
        put(node, "communicationSeconds", p.communicationSeconds());
        put(node, "communicationBytes", p.communicationBytes());
        put(node, "overheadSeconds", p.overheadSeconds());
        // The roofline bound of the terms, and what limits the whole step (communication can).
        node.put("bound", p.bound().name().toLowerCase(Locale.ROOT));
        node.put("limiter", p.limiter().name().toLowerCase(Locale.ROOT));
    }

    private static void put(ObjectNode node, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
