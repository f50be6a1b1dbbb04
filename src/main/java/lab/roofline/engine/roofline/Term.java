package lab.roofline.engine.roofline;

/**
 * One roofline term: work whose FLOPs and bytes overlap, so it takes max(FLOPs / peak, bytes / bandwidth).
 * Peak and bandwidth are the achievable ones (nominal x efficiency x device count).
 */
public record Term(
        double flops,
        double weightBytes,
        double kvReadBytes,
        double kvWriteBytes,
        double activationBytes,
        double peakFlopsPerSecond,
        double bandwidthBytesPerSecond) {

    public static Term empty(double peakFlopsPerSecond, double bandwidthBytesPerSecond) {
        return new Term(0, 0, 0, 0, 0, peakFlopsPerSecond, bandwidthBytesPerSecond);
    }

    public double bytes() {
        return weightBytes + kvReadBytes + kvWriteBytes + activationBytes;
    }

    public double computeSeconds() {
        return flops / peakFlopsPerSecond;
    }

    public double memorySeconds() {
        return bytes() / bandwidthBytesPerSecond;
    }

    public double seconds() {
        return Math.max(computeSeconds(), memorySeconds());
    }

    /** Ties count as compute-bound: at the ridge the roof is reached. */
    public Bound bound() {
        return computeSeconds() >= memorySeconds() ? Bound.COMPUTE : Bound.MEMORY;
    }

    /** FLOPs per byte moved; infinite when nothing is moved. */
    public double arithmeticIntensity() {
        double bytes = bytes();
        return bytes == 0 ? (flops == 0 ? 0 : Double.POSITIVE_INFINITY) : flops / bytes;
    }
}
