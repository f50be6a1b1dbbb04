package lab.roofline.engine.roofline;

import java.util.Map;

/**
 * Achievable fractions of peak behind the "Realistic" setting: a measured matmul efficiency per device
 * where one is published, a default otherwise, one measured bandwidth fraction, and a fixed cost per
 * layer of a forward pass fitted on measured batch-1 decode.
 */
public record Realism(double bandwidthFraction, String bandwidthSource, double defaultComputeFraction,
                      String defaultComputeSource, Map<String, Measured> computeFractions,
                      double layerOverheadSeconds, String layerOverheadSource) {

    /** The ideal roofline: every fraction 1, no overhead. */
    public static final Realism IDEAL = new Realism(1, "ideal", 1, "ideal", Map.of(), 0, "ideal");

    /** Fractions without an overhead. */
    public Realism(double bandwidthFraction, String bandwidthSource, double defaultComputeFraction,
                   String defaultComputeSource, Map<String, Measured> computeFractions) {
        this(bandwidthFraction, bandwidthSource, defaultComputeFraction, defaultComputeSource, computeFractions, 0, "");
    }

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
