package lab.roofline.engine;

/**
 * Prefill, or one decode step: a weight-matmul term plus an attention term, which run one after the
 * other (attention cannot reuse the weights, so its intensity does not grow with batch).
 *
 * @param tokens                    tokens this phase produces or consumes (batch x prompt for prefill,
 *                                  batch for a decode step)
 * @param sequences                 batch size
 * @param nominalPeakFlopsPerSecond peak of the compute precision at 100 % efficiency, all devices
 * @param nominalBandwidthBytesPerSecond bandwidth at 100 % efficiency, all devices
 */
public record PhaseCost(
        double tokens,
        double sequences,
        double contextTokens,
        Term matmul,
        Term attention,
        double nominalPeakFlopsPerSecond,
        double nominalBandwidthBytesPerSecond) {

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
        return matmul.activationBytes() + attention.activationBytes();
    }

    public double bytes() {
        return matmul.bytes() + attention.bytes();
    }

    public double seconds() {
        return matmul.seconds() + attention.seconds();
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

    /** Achieved FLOP/s over nominal peak: never above the compute efficiency. */
    public double computeUtilization() {
        return achievedFlopsPerSecond() / nominalPeakFlopsPerSecond;
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
        return boundSeconds(matmul, Bound.MEMORY) + boundSeconds(attention, Bound.MEMORY);
    }

    private static double boundSeconds(Term t, Bound b) {
        return t.bound() == b ? t.seconds() : 0;
    }

    /** The bound of the terms that take most of the time. */
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
        return new TimeSplit(weights, kv, activations, compute);
    }

    /** Seconds by cause; they add up to {@link #seconds()}. */
    public record TimeSplit(double weightSeconds, double kvCacheSeconds, double activationSeconds,
                            double computeSeconds) {
        public double totalSeconds() {
            return weightSeconds + kvCacheSeconds + activationSeconds + computeSeconds;
        }

        public TimeSplit scaled(double factor) {
            return new TimeSplit(weightSeconds * factor, kvCacheSeconds * factor, activationSeconds * factor,
                    computeSeconds * factor);
        }
    }
}
