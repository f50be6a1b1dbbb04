package lab.roofline.engine;

/**
 * A decoder-only transformer, as far as inference cost is concerned.
 *
 * @param totalParameters  every weight, what memory must hold
 * @param activeParameters weights used per token (equal to total for dense models)
 * @param moe              routed-expert layout, or null for a dense model
 * @param source           where the architecture comes from (a config URL, or the derivation rule)
 */
public record ModelSpec(
        String name,
        double totalParameters,
        double activeParameters,
        int layers,
        int hiddenSize,
        int attentionHeads,
        int kvHeads,
        int headDim,
        MixtureOfExperts moe,
        String source) {

    /** Hidden size divided by layer count that Llama-style dense models sit near (4096/32, 8192/80). */
    public static final int DERIVED_ASPECT_RATIO = 128;
    /** Head dimension every derived model uses (Llama, Mistral, Qwen all use 128). */
    public static final int DERIVED_HEAD_DIM = 128;
    /** Grouped-query attention with 8 KV heads, as in Llama 3, Mistral and Qwen2.5 at every size. */
    public static final int DERIVED_MAX_KV_HEADS = 8;

    public ModelSpec {
        requirePositive("totalParameters", totalParameters);
        requirePositive("activeParameters", activeParameters);
        if (activeParameters > totalParameters * (1 + 1e-9)) {
            throw new IllegalArgumentException("activeParameters must not exceed totalParameters");
        }
        requirePositive("layers", layers);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("attentionHeads", attentionHeads);
        requirePositive("kvHeads", kvHeads);
        requirePositive("headDim", headDim);
        if (kvHeads > attentionHeads) {
            throw new IllegalArgumentException("kvHeads must not exceed attentionHeads");
        }
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive finite number, got " + value);
        }
    }

    public boolean isMixtureOfExperts() {
        return moe != null;
    }

    /** K and V, for every layer and KV head: 2 x layers x kvHeads x headDim x bytes. */
    public double kvCacheBytesPerToken(Precision kvPrecision) {
        return 2.0 * layers * kvHeads * headDim * kvPrecision.bytesPerValue();
    }

    /**
     * Weights a batch of {@code tokens} tokens touches in one forward pass. Dense: all of them. MoE: the
     * shared weights plus the routed experts that at least one token picks (see {@link MixtureOfExperts}).
     */
    public double parametersTouched(double tokens) {
        if (moe == null) {
            return totalParameters;
        }
        double routed = moe.routedParameters();
        return (totalParameters - routed) + routed * moe.expectedFractionTouched(tokens);
    }

    /**
     * A plausible dense architecture for a bare parameter count, so the KV cache is still modelled.
     * Rule (docs/model.md): N ~ 12 x layers x hidden^2 with hidden = 128 x layers, so
     * layers = round(cbrt(N / (12 x 128^2))); hidden = sqrt(N / (12 x layers)) rounded to a multiple of
     * 128; heads = hidden / 128; KV heads = min(heads, 8).
     */
    public static ModelSpec fromParameterCount(double parameters) {
        requirePositive("parameters", parameters);
        double perLayerFactor = 12.0 * DERIVED_ASPECT_RATIO * DERIVED_ASPECT_RATIO;
        int layers = (int) Math.max(1, Math.round(Math.cbrt(parameters / perLayerFactor)));
        double rawHidden = Math.sqrt(parameters / (12.0 * layers));
        int hidden = (int) Math.max(DERIVED_HEAD_DIM, Math.round(rawHidden / DERIVED_HEAD_DIM) * DERIVED_HEAD_DIM);
        int heads = hidden / DERIVED_HEAD_DIM;
        int kvHeads = Math.min(heads, DERIVED_MAX_KV_HEADS);
        return new ModelSpec("Custom " + Units.parameterCount(parameters), parameters, parameters, layers,
                hidden, heads, kvHeads, DERIVED_HEAD_DIM, null,
                "derived from the parameter count (docs/model.md, 'Custom models')");
    }
}
