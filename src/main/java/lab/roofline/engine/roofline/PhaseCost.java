package lab.roofline.engine.roofline;

/**
 * Prefill, or one decode step: a weight-matmul term plus an attention term, which run one after the
 * other (attention cannot reuse the weights, so its intensity does not grow with batch), then the time
 * devices spend exchanging activations and the fixed cost of launching the step, neither overlapped with
 * the terms (docs/model.md, 'Communication').
 *
 * @param tokens                    tokens this phase produces or consumes (batch x prompt for prefill,
 *                                  batch for a decode step)
 * @param sequences                 batch size
 * @param nominalPeakFlopsPerSecond peak of the compute precision at 100 % efficiency, all devices
 * @param nominalBandwidthBytesPerSecond bandwidth at 100 % efficiency, all devices
 * @param nominalAttentionPeakFlopsPerSecond peak of the precision attention runs at, 100 %, all devices
 * @param communicationSeconds      all-reduces between tensor-parallel devices and sends between pipeline
 *                                  stages; 0 on one device
 * @param communicationBytes        bytes one device sends over the interconnect in those collectives
 * @param overheadSeconds           fixed cost of the layers' kernels (launches, scheduling); 0 in the ideal roofline
 * @param elementwiseBytes          activations that unfused norms, residual adds and the MLP's activation read
 *                                  and write, as kernels of their own after the matmuls (0 when fused: ideal)
 * @param draftSeconds              a speculative decode step's draft-model steps before the target's pass (else 0)
 */
public record PhaseCost(
        double tokens,
        double sequences,
        double contextTokens,
        Term matmul,
        Term attention,
        double nominalPeakFlopsPerSecond,
        double nominalBandwidthBytesPerSecond,
        double nominalAttentionPeakFlopsPerSecond,
        double communicationSeconds,
        double communicationBytes,
        double overheadSeconds,
        double elementwiseBytes,
        double draftSeconds) {

    /** No draft model. */
    public PhaseCost(double tokens, double sequences, double contextTokens, Term matmul, Term attention,
                     double nominalPeakFlopsPerSecond, double nominalBandwidthBytesPerSecond,
                     double nominalAttentionPeakFlopsPerSecond, double communicationSeconds, double communicationBytes,
                     double overheadSeconds, double elementwiseBytes) {
        this(tokens, sequences, contextTokens, matmul, attention, nominalPeakFlopsPerSecond,
                nominalBandwidthBytesPerSecond, nominalAttentionPeakFlopsPerSecond, communicationSeconds,
                communicationBytes, overheadSeconds, elementwiseBytes, 0);
    }

    /** Elementwise work fused into the matmuls. */
    public PhaseCost(double tokens, double sequences, double contextTokens, Term matmul, Term attention,
                     double nominalPeakFlopsPerSecond, double nominalBandwidthBytesPerSecond,
                     double nominalAttentionPeakFlopsPerSecond, double communicationSeconds, double communicationBytes,
                     double overheadSeconds) {
        this(tokens, sequences, contextTokens, matmul, attention, nominalPeakFlopsPerSecond,
                nominalBandwidthBytesPerSecond, nominalAttentionPeakFlopsPerSecond, communicationSeconds,
                communicationBytes, overheadSeconds, 0);
    }

    /** The unfused elementwise kernels' time: their bytes at the matmuls' bandwidth (they run on the same devices). */
    public double elementwiseSeconds() {
        return elementwiseBytes / matmul.bandwidthBytesPerSecond();
    }

    /** Free communication and no overhead: one device, ideal. */
    public PhaseCost(double tokens, double sequences, double contextTokens, Term matmul, Term attention,
                     double nominalPeakFlopsPerSecond, double nominalBandwidthBytesPerSecond) {
        this(tokens, sequences, contextTokens, matmul, attention, nominalPeakFlopsPerSecond,
                nominalBandwidthBytesPerSecond, nominalPeakFlopsPerSecond, 0, 0, 0);
    }

    public double flops() {
        return matmul.flops() + attention.flops();
    }

    public double weightBytes() {
        return matmul.weightBytes() + attention.weightBytes();
    }

    public double kvReadBytes() {
        return matmul.kvReadBytes() + attention.kvReadBytes();
    }

    public double kvWriteBytes() {
        return matmul.kvWriteBytes() + attention.kvWriteBytes();
    }

    public double kvCacheBytes() {
        return kvReadBytes() + kvWriteBytes();
    }

    public double activationBytes() {
        return matmul.activationBytes() + attention.activationBytes() + elementwiseBytes;
    }

    public double bytes() {
        return matmul.bytes() + attention.bytes() + elementwiseBytes;
    }

    public double seconds() {
        return matmul.seconds() + attention.seconds() + elementwiseSeconds() + communicationSeconds + overheadSeconds
                + draftSeconds;
    }

    /** The roofline terms alone (and the elementwise kernels' reads): the step if communication and overhead were free. */
    public double roofSeconds() {
        return matmul.seconds() + attention.seconds() + elementwiseSeconds();
    }

    public double arithmeticIntensity() {
        return flops() / bytes();
    }

    /** Achieved FLOP/s: where this phase sits on the roofline chart. */
    public double achievedFlopsPerSecond() {
        return flops() / seconds();
    }

    public double tokensPerSecond() {
        return tokens / seconds();
    }

    public double tokensPerSecondPerSequence() {
        return tokensPerSecond() / sequences;
    }

    /**
     * The time the FLOPs would take at the nominal peaks their terms run at, over the time they take: the
     * compute utilization, never above the compute efficiency. (Achieved FLOP/s over one peak would pass 100 %
     * when attention runs at a faster precision than the weight matmuls.)
     */
    public double computeUtilization() {
        return (matmul.flops() / nominalPeakFlopsPerSecond + attention.flops() / nominalAttentionPeakFlopsPerSecond)
                / seconds();
    }

    /**
     * The peak this phase's mix of FLOPs could reach on all devices at 100 %: FLOPs over their time at the
     * nominal peaks their terms run at. The roof the phase's point sits under.
     */
    public double mixedPeakFlopsPerSecond() {
        double atPeak = matmul.flops() / nominalPeakFlopsPerSecond + attention.flops() / nominalAttentionPeakFlopsPerSecond;
        return atPeak > 0 ? flops() / atPeak : nominalPeakFlopsPerSecond;
    }

    /**
     * The weight matmuls' own utilization, as if attention took no time: what batching raises to the
     * compute ceiling. The step's utilization is below it by attention's share of the step.
     */
    public double weightMatmulUtilization() {
        return matmul.seconds() > 0 ? matmul.flops() / matmul.seconds() / nominalPeakFlopsPerSecond : 0;
    }

    public double bandwidthUtilization() {
        return bytes() / seconds() / nominalBandwidthBytesPerSecond;
    }

    /** Seconds spent in compute-bound terms. */
    public double computeBoundSeconds() {
        return boundSeconds(matmul, Bound.COMPUTE) + boundSeconds(attention, Bound.COMPUTE);
    }

    /** Seconds spent in memory-bound terms. */
    public double memoryBoundSeconds() {
        return boundSeconds(matmul, Bound.MEMORY) + boundSeconds(attention, Bound.MEMORY) + elementwiseSeconds();
    }

    private static double boundSeconds(Term t, Bound b) {
        return t.bound() == b ? t.seconds() : 0;
    }

    /**
     * The cause that takes most of the step: compute- or memory-bound terms, or communication when the
     * collectives alone take longer than either.
     */
    public Bound limiter() {
        double compute = computeBoundSeconds();
        double memory = memoryBoundSeconds();
        if (communicationSeconds > compute && communicationSeconds > memory) {
            return Bound.COMMUNICATION;
        }
        return compute >= memory ? Bound.COMPUTE : Bound.MEMORY;
    }

    /** The bound of the roofline terms that take most of their time (communication aside). */
    public Bound bound() {
        return computeBoundSeconds() >= memoryBoundSeconds() ? Bound.COMPUTE : Bound.MEMORY;
    }

    /** Time by cause: a compute-bound term's time is compute; a memory-bound term's is split by bytes. */
    public TimeSplit timeSplit() {
        double compute = 0, weights = 0, kv = 0, activations = 0;
        for (Term t : new Term[] {matmul, attention}) {
            if (t.seconds() == 0) {
                continue;
            }
            if (t.bound() == Bound.COMPUTE) {
                compute += t.seconds();
            } else {
                double perByte = t.seconds() / t.bytes();
                weights += t.weightBytes() * perByte;
                kv += (t.kvReadBytes() + t.kvWriteBytes()) * perByte;
                activations += t.activationBytes() * perByte;
            }
        }
        return new TimeSplit(weights, kv, activations + elementwiseSeconds(), compute, communicationSeconds, overheadSeconds,
                draftSeconds);
    }

    /** Seconds by cause; they add up to {@link #seconds()}. */
    public record TimeSplit(double weightSeconds, double kvCacheSeconds, double activationSeconds,
                            double computeSeconds, double communicationSeconds, double overheadSeconds,
                            double draftSeconds) {
        /** No draft model. */
        public TimeSplit(double weightSeconds, double kvCacheSeconds, double activationSeconds, double computeSeconds,
                         double communicationSeconds, double overheadSeconds) {
            this(weightSeconds, kvCacheSeconds, activationSeconds, computeSeconds, communicationSeconds, overheadSeconds, 0);
        }

        /** The roofline causes only (one device, ideal). */
        public TimeSplit(double weightSeconds, double kvCacheSeconds, double activationSeconds, double computeSeconds) {
            this(weightSeconds, kvCacheSeconds, activationSeconds, computeSeconds, 0, 0, 0);
        }

        public double totalSeconds() {
            return weightSeconds + kvCacheSeconds + activationSeconds + computeSeconds + communicationSeconds
                    + overheadSeconds + draftSeconds;
        }

        public TimeSplit scaled(double factor) {
            return new TimeSplit(weightSeconds * factor, kvCacheSeconds * factor, activationSeconds * factor,
                    computeSeconds * factor, communicationSeconds * factor, overheadSeconds * factor, draftSeconds * factor);
        }
    }
}
