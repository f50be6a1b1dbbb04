package lab.roofline.engine.roofline;

/**
 * Everything one evaluation needs.
 *
 * @param gpuCount             identical devices in tensor parallel; peak, bandwidth and memory scale by it
 * @param weightOnly           weights stored at {@code weightPrecision} but math at BF16 (W4A16, W8A16)
 * @param batchSize            sequences decoded together
 * @param promptTokens         tokens per sequence processed by prefill
 * @param generatedTokens      tokens per sequence produced by decode
 * @param computeEfficiency    achievable fraction of peak FLOP/s, in (0, 1]
 * @param bandwidthEfficiency  achievable fraction of peak memory bandwidth, in (0, 1]
 * @param priceUsdPerHour      price per device-hour, NaN when unknown
 * @param pipelineStages       pipeline-parallel stages the layers are split into; the gpuCount / stages
 *                             devices of each stage run it tensor-parallel (1: tensor parallelism only)
 * @param layerOverheadSeconds fixed cost of each layer of a forward pass (kernel launches, scheduling, gaps
 *                             between kernels) that the roofline terms do not see; 0 in the ideal roofline
 * @param quantizedEmbeddings  the embedding and output tables are stored at the weights' precision too; by
 *                             default they stay at 16 bits, as common quantization schemes keep them
 * @param unfusedElementwise   norms, residual adds and the MLP's activation run as kernels of their own that
 *                             move activations through memory (the realistic setting); the ideal fuses them
 * @param speculation          speculative decoding with a draft model, or {@link Speculation#NONE}
 */
public record Scenario(
        ModelSpec model,
        HardwareProfile gpu,
        int gpuCount,
        Precision weightPrecision,
        boolean weightOnly,
        Precision kvPrecision,
        long batchSize,
        long promptTokens,
        long generatedTokens,
        double computeEfficiency,
        double bandwidthEfficiency,
        double priceUsdPerHour,
        int pipelineStages,
        double layerOverheadSeconds,
        boolean quantizedEmbeddings,
        boolean unfusedElementwise,
        Speculation speculation) {

    /** No speculative decoding. */
    public Scenario(ModelSpec model, HardwareProfile gpu, int gpuCount, Precision weightPrecision, boolean weightOnly,
                    Precision kvPrecision, long batchSize, long promptTokens, long generatedTokens,
                    double computeEfficiency, double bandwidthEfficiency, double priceUsdPerHour, int pipelineStages,
                    double layerOverheadSeconds, boolean quantizedEmbeddings, boolean unfusedElementwise) {
        this(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize, promptTokens, generatedTokens,
                computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds,
                quantizedEmbeddings, unfusedElementwise, Speculation.NONE);
    }

    /** Elementwise work fused (the ideal roofline). */
    public Scenario(ModelSpec model, HardwareProfile gpu, int gpuCount, Precision weightPrecision, boolean weightOnly,
                    Precision kvPrecision, long batchSize, long promptTokens, long generatedTokens,
                    double computeEfficiency, double bandwidthEfficiency, double priceUsdPerHour, int pipelineStages,
                    double layerOverheadSeconds, boolean quantizedEmbeddings) {
        this(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize, promptTokens, generatedTokens,
                computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds,
                quantizedEmbeddings, false);
    }

    /** Embedding and output tables at 16 bits (or the weights' precision when wider). */
    public Scenario(ModelSpec model, HardwareProfile gpu, int gpuCount, Precision weightPrecision, boolean weightOnly,
                    Precision kvPrecision, long batchSize, long promptTokens, long generatedTokens,
                    double computeEfficiency, double bandwidthEfficiency, double priceUsdPerHour, int pipelineStages,
                    double layerOverheadSeconds) {
        this(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize, promptTokens, generatedTokens,
                computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds, false);
    }

    /** Tensor parallelism only. */
    public Scenario(ModelSpec model, HardwareProfile gpu, int gpuCount, Precision weightPrecision, boolean weightOnly,
                    Precision kvPrecision, long batchSize, long promptTokens, long generatedTokens,
                    double computeEfficiency, double bandwidthEfficiency, double priceUsdPerHour) {
        this(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize, promptTokens, generatedTokens,
                computeEfficiency, bandwidthEfficiency, priceUsdPerHour, 1, 0);
    }

    public Scenario {
        speculation = speculation == null ? Speculation.NONE : speculation;
        if (model == null || gpu == null || weightPrecision == null || kvPrecision == null) {
            throw new IllegalArgumentException("model, gpu and precisions are required");
        }
        ScenarioLimits.checkWorkload(gpuCount, batchSize, promptTokens, generatedTokens, computeEfficiency,
                bandwidthEfficiency, priceUsdPerHour);
        ScenarioLimits.checkParallelism(gpuCount, pipelineStages, model.layers());
        ScenarioLimits.check(ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS, layerOverheadSeconds * 1e6);
    }

    /** Defaults: one device, BF16 everywhere, batch 1, 1024 prompt and 256 generated tokens, ideal roofline. */
    public static Scenario of(ModelSpec model, HardwareProfile gpu) {
        return new Scenario(model, gpu, 1, Precision.BF16, false, Precision.BF16, 1, 1024, 256, 1.0, 1.0,
                gpu.priceUsdPerHour());
    }

    public Scenario withModel(ModelSpec m) {
        return new Scenario(m, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    /** Another device; the price follows the new profile. */
    public Scenario withGpu(HardwareProfile g) {
        return new Scenario(model, g, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, g.priceUsdPerHour(), pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    /** Another device count, tensor-parallel only (a stage count need not divide it). */
    public Scenario withGpuCount(int n) {
        return new Scenario(model, gpu, n, weightPrecision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, 1, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    /** {@code devices} devices as {@code stages} pipeline stages of devices / stages tensor-parallel ones. */
    public Scenario withParallelism(int devices, int stages) {
        return new Scenario(model, gpu, devices, weightPrecision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, stages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    /** The same scenario with another fixed cost per layer of a forward pass. */
    public Scenario withLayerOverhead(double seconds) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, seconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    /** The same scenario with the embedding and output tables quantized like the other weights, or kept at 16 bits. */
    public Scenario withQuantizedEmbeddings(boolean quantized) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages,
                layerOverheadSeconds, quantized, unfusedElementwise, speculation);
    }

    /** The same scenario with elementwise kernels unfused (as real engines run them) or fused (ideal). */
    public Scenario withUnfusedElementwise(boolean unfused) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages,
                layerOverheadSeconds, quantizedEmbeddings, unfused, speculation);
    }

    /** The same scenario with another speculative-decoding setting (or none). */
    public Scenario withSpeculation(Speculation other) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages,
                layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, other);
    }

    /** Bytes per value of the embedding and output tables: the weights' own when quantized, else at least 16 bits. */
    public double tableBytesPerValue() {
        return quantizedEmbeddings ? weightPrecision.bytesPerValue()
                : Math.max(weightPrecision.bytesPerValue(), Precision.BF16.bytesPerValue());
    }

    /** "TP8" for 8 devices and 1 stage, "TP4 × PP2", "PP8". */
    public static String layoutName(int devices, int stages) {
        int tensor = devices / Math.max(1, stages);
        if (stages <= 1) {
            return "TP" + devices;
        }
        return tensor == 1 ? "PP" + stages : "TP" + tensor + " × PP" + stages;
    }

    /** Devices that split each layer (tensor parallelism): gpuCount / pipelineStages. */
    public int tensorParallel() {
        return gpuCount / pipelineStages;
    }

    public Scenario withPrecision(Precision weights, boolean onlyWeights) {
        return new Scenario(model, gpu, gpuCount, weights, onlyWeights, kvPrecision, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    public Scenario withKvPrecision(Precision kv) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kv, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    public Scenario withBatchSize(long batch) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batch,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    public Scenario withTokens(long prompt, long generated) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize,
                prompt, generated, computeEfficiency, bandwidthEfficiency, priceUsdPerHour, pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    public Scenario withEfficiency(double compute, double bandwidth) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, compute, bandwidth, priceUsdPerHour, pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    public Scenario withPrice(double usdPerHour) {
        return new Scenario(model, gpu, gpuCount, weightPrecision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, computeEfficiency, bandwidthEfficiency, usdPerHour, pipelineStages, layerOverheadSeconds, quantizedEmbeddings, unfusedElementwise, speculation);
    }

    /** The precision the weight matmuls are asked to run at, before any device fallback. */
    public Precision requestedComputePrecision() {
        return weightOnly ? Precision.BF16 : weightPrecision;
    }

    /** Decode is evaluated at the average context of the generation: prompt + generated / 2. */
    public double averageDecodeContextTokens() {
        return promptTokens + generatedTokens / 2.0;
    }
}
