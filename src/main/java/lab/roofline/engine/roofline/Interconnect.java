package lab.roofline.engine.roofline;

/**
 * The link that joins devices of one kind for tensor and pipeline parallelism (NVLink, PCIe, ICI),
 * as the alpha-beta model sees it: a per-message latency and a bandwidth.
 *
 * @param name                        "NVLink 4 (NVSwitch)", "PCIe Gen4 x16"
 * @param bandwidthBytesPerSecond     per device, per direction (half of a datasheet's bidirectional total)
 * @param latencySeconds              one hop of a ring: one device sending to the next, small message
 * @param note                        options the device has beyond this link (an NVLink bridge), or empty
 */
public record Interconnect(String name, double bandwidthBytesPerSecond, double latencySeconds, String note) {

    /**
     * What a profile without an interconnect is taken to have: PCIe Gen4 x16 at its nominal 32 GB/s per
     * direction and 10 µs a hop, the slowest link a data-centre card ships with (docs/model.md, 'Communication').
     */
    public static final Interconnect ASSUMED = new Interconnect("PCIe Gen4 x16 (assumed: the profile names no link)",
            32e9, 10e-6, "");

    public Interconnect {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an interconnect needs a name");
        }
        if (!(bandwidthBytesPerSecond > 0) || Double.isInfinite(bandwidthBytesPerSecond)) {
            throw new IllegalArgumentException("interconnect bandwidth must be positive, got " + bandwidthBytesPerSecond);
        }
        if (!(latencySeconds >= 0) || Double.isInfinite(latencySeconds)) {
            throw new IllegalArgumentException("interconnect latency must be zero or more, got " + latencySeconds);
        }
        note = note == null ? "" : note;
    }

    /**
     * A ring all-reduce of {@code bytes} over {@code devices}: 2(N−1) hops, each moving bytes / N, so
     * 2(N−1)/N × bytes / bandwidth + 2(N−1) × latency. Zero on one device.
     */
    public double allReduceSeconds(double bytes, double devices) {
        if (devices <= 1) {
            return 0;
        }
        double hops = 2 * (devices - 1);
        return hops / devices * bytes / bandwidthBytesPerSecond + hops * latencySeconds;
    }

    /** One device sending {@code bytes} to the next (a pipeline stage handing on its activations). */
    public double sendSeconds(double bytes) {
        return bytes / bandwidthBytesPerSecond + latencySeconds;
    }
}
