package lab.roofline.engine.roofline;

/** Constants of one scenario, computed once per evaluation: peaks, bandwidths, bytes per value, the split. */
final class EvaluationSetup {
    /**
     * Bytes of the weights a forward pass over {@code tokens} tokens reads, but the input embedding (its rows
     * are counted per token): the output table at its own precision, the rest at the weights'.
     */
    double weightBytesRead(double tokens) {
        double head = model.outputHeadParameters();
        return (model.parametersTouched(tokens) - model.inputEmbeddingParameters() - head) * bytesPerWeight
                + head * tableBytesPerValue;
    }

    final Scenario scenario;
    final ModelSpec model;
    final Precision computePrecision;
    final Precision requestedAttentionPrecision;
    final Precision attentionPrecision;
    final double bytesPerWeight;
    final double tableBytesPerValue;
    final double kvBytesPerToken;
    final double matmulPeakPerDevice;
    final double attentionPeakPerDevice;
    final double bandwidthPerDevice;
    final double matmulPeak;
    final double nominalPeak;
    final double nominalAttentionPeak;
    final double bandwidth;
    final double nominalBandwidth;
    final int tensor;
    final int stages;
    final Interconnect link;
    final Speculation speculation;
    /** The draft model on the same devices (tensor-parallel over all of them), or null. */
    final EvaluationSetup draft;

    EvaluationSetup(Scenario s) {
        speculation = s.speculation();
        draft = speculation.isOn() ? new EvaluationSetup(s.withSpeculation(Speculation.NONE)
                .withGpuCount(s.gpuCount()).withModel(speculation.draftModel())) : null;
        scenario = s;
        model = s.model();
        HardwareProfile gpu = s.gpu();
        computePrecision = gpu.computePrecisionFor(s.requestedComputePrecision()).orElseThrow();
        // Attention kernels dequantize a narrow KV cache and do their math in BF16, unless the model
        // computes in FP32 (then attention does too: otherwise a step would beat its own FP32 peak).
        requestedAttentionPrecision = s.kvPrecision() == Precision.FP32 || computePrecision == Precision.FP32
                ? Precision.FP32 : Precision.BF16;
        attentionPrecision = gpu.computePrecisionFor(requestedAttentionPrecision).orElseThrow();
        bytesPerWeight = s.weightPrecision().bytesPerValue();
        tableBytesPerValue = s.tableBytesPerValue();
        kvBytesPerToken = model.kvCacheBytesPerToken(s.kvPrecision());
        int n = s.gpuCount();
        tensor = s.tensorParallel();
        stages = s.pipelineStages();
        link = gpu.link();
        matmulPeakPerDevice = gpu.peakFlopsPerSecond().get(computePrecision) * s.computeEfficiency();
        attentionPeakPerDevice = gpu.peakFlopsPerSecond().get(attentionPrecision) * s.computeEfficiency();
        bandwidthPerDevice = gpu.memoryBandwidthBytesPerSecond() * s.bandwidthEfficiency();
        nominalPeak = gpu.peakFlopsPerSecond().get(computePrecision) * n;
        matmulPeak = nominalPeak * s.computeEfficiency();
        nominalAttentionPeak = gpu.peakFlopsPerSecond().get(attentionPrecision) * n;
        nominalBandwidth = gpu.memoryBandwidthBytesPerSecond() * n;
        bandwidth = nominalBandwidth * s.bandwidthEfficiency();
    }
}
