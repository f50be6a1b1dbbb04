package lab.roofline.engine;

import java.util.Map;

/**
 * Achievable fractions of peak behind the "Realistic" setting: a measured matmul efficiency per device
 * where one is published, a default otherwise, and one measured bandwidth fraction.
 */
public record Realism(double bandwidthFraction, String bandwidthSource, double defaultComputeFraction,
                      String defaultComputeSource, Map<String, Measured> computeFractions) {

    /** The ideal roofline: every fraction 1. */
    public static final Realism IDEAL = new Realism(1, "ideal", 1, "ideal", Map.of());

    public record Measured(double fraction, String source) {
    }

    public Realism {
        computeFractions = Map.copyOf(computeFractions);
    }

    public double computeFraction(String gpuId) {
        Measured m = computeFractions.get(gpuId);
        return m == null ? defaultComputeFraction : m.fraction();
    }

    public String computeSource(String gpuId) {
        Measured m = computeFractions.get(gpuId);
        return m == null ? defaultComputeSource : m.source();
    }
}
