package lab.roofline.engine;

/**
 * A public output/input price ratio, the APIs that charge it, and the batch at which a scenario's own
 * ratio comes down to it ({@link RooflineEngine#impliedBatch}; NaN when no batch does).
 */
public record RatioReference(double ratio, String apis, double impliedBatch) {
}
