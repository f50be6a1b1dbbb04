package lab.roofline.engine.roofline;

/**
 * Routed experts of a mixture-of-experts model.
 *
 * @param routedExperts     experts per MoE layer (E)
 * @param expertsPerToken   experts each token is routed to (k)
 * @param routedParameters  parameters of all routed experts in all layers together
 */
public record MixtureOfExperts(int routedExperts, int expertsPerToken, double routedParameters) {

    public MixtureOfExperts {
        if (routedExperts < 1 || expertsPerToken < 1 || expertsPerToken > routedExperts) {
            throw new IllegalArgumentException("need 1 <= expertsPerToken <= routedExperts");
        }
        if (!(routedParameters > 0)) {
            throw new IllegalArgumentException("routedParameters must be positive");
        }
    }

    /**
     * Expected fraction of one layer's routed experts that at least one of {@code tokens} tokens picks,
     * with uniform independent routing: 1 - (1 - k/E)^tokens.
     */
    public double expectedFractionTouched(double tokens) {
        if (tokens <= 0) {
            return 0;
        }
        return 1 - Math.pow(1 - (double) expertsPerToken / routedExperts, tokens);
    }
}
