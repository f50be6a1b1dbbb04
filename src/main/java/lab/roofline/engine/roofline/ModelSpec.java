package lab.roofline.engine.roofline;

/**
 * A decoder-only transformer, as far as inference cost is concerned.
 *
 * @param totalParameters  every weight, what memory must hold
 * @param activeParameters weights used per token (equal to total for dense models)
 * @param moe              routed-expert layout, or null for a dense model
 * @param source           where the architecture comes from (a config URL, or the derivation rule)
 * @param attention        latent attention and sliding windows, beyond the head counts
 * @param vocabSize        rows of the embedding table; 0 when unknown (a model given by its parameter count)
 * @param tiedEmbeddings   the output layer reuses the input embedding table
 * @param maxContextTokens the longest context the model takes (prompt and output); 0 when unknown
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
        String source,
        AttentionLayout attention,
        int vocabSize,
        boolean tiedEmbeddings,
        int maxContextTokens) {

    /** Standard attention, vocabulary and context not given: every parameter is read and multiplied. */
    public ModelSpec(String name, double totalParameters, double activeParameters, int layers, int hiddenSize,
                     int attentionHeads, int kvHeads, int headDim, MixtureOfExperts moe, String source) {
        this(name, totalParameters, activeParameters, layers, hiddenSize, attentionHeads, kvHeads, headDim, moe, source,
                AttentionLayout.STANDARD, 0, true, 0);
    }

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
        attention = attention == null ? AttentionLayout.STANDARD : attention;
        if (attention.slidingLayers() > layers) {
            throw new IllegalArgumentException("slidingLayers must not exceed layers");
        }
        if (vocabSize < 0 || maxContextTokens < 0) {
            throw new IllegalArgumentException("vocabSize and maxContextTokens must not be negative");
        }
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive finite number, got " + value);
        }
    }

    /** The same architecture under another name. */
    public ModelSpec withName(String newName) {
        return new ModelSpec(newName, totalParameters, activeParameters, layers, hiddenSize, attentionHeads, kvHeads,
                headDim, moe, source, attention, vocabSize, tiedEmbeddings, maxContextTokens);
    }

    public boolean isMixtureOfExperts() {
        return moe != null;
    }

    /**
     * Cache bytes one token adds to one layer: K and V per KV head (2 x kvHeads x headDim), or the shared
     * latent of latent attention (latentDim), times the bytes per value.
     */
    public double kvBytesPerTokenPerLayer(Precision kvPrecision) {
        double values = attention.isLatent() ? attention.latentDim() : 2.0 * kvHeads * headDim;
        return values * kvPrecision.bytesPerValue();
    }

    /** Cache bytes one new token writes: every layer's (a sliding layer writes it and drops its oldest). */
    public double kvCacheBytesPerToken(Precision kvPrecision) {
        return layers * kvBytesPerTokenPerLayer(kvPrecision);
    }

    /**
     * Layer-tokens one sequence's cache holds at {@code contextTokens} of context: every token in a global
     * layer, at most the window in a sliding one.
     */
    public double cachedLayerTokens(double contextTokens) {
        int sliding = attention.slidingLayers();
        return (layers - sliding) * contextTokens + sliding * Math.min(contextTokens, attention.slidingWindowTokens());
    }

    /** One sequence's KV cache at {@code contextTokens} of context. */
    public double kvCacheBytes(double contextTokens, Precision kvPrecision) {
        return cachedLayerTokens(contextTokens) * kvBytesPerTokenPerLayer(kvPrecision);
    }

    /**
     * Attention FLOPs for one query token and one cached token in one layer: QK^T and AV over every query
     * head, 2 FLOPs a multiply-add. Standard: 4 x heads x headDim. Latent, absorbed as DeepSeek's FlashMLA does
     * it: 2 x heads x (latentDim + latentValueDim), 2,176 per head for DeepSeek-V3.
     */
    public double attentionFlopsPerPair() {
        return attention.isLatent() ? 2.0 * attentionHeads * (attention.latentDim() + attention.latentValueDim())
                : 4.0 * attentionHeads * headDim;
    }

    /** Attention FLOPs of one query token over a cache of {@code contextTokens}, every layer. */
    public double attentionFlops(double contextTokens) {
        return attentionFlopsPerPair() * cachedLayerTokens(contextTokens);
    }

    /** Attention FLOPs of one sequence's causal prefill of {@code prompt} tokens, every layer. */
    public double prefillAttentionFlops(double prompt) {
        int sliding = attention.slidingLayers();
        return attentionFlopsPerPair() * ((layers - sliding) * AttentionLayout.causalPairs(prompt, 0)
                + sliding * AttentionLayout.causalPairs(prompt, attention.slidingWindowTokens()));
    }

    /**
     * The MLP's inner width a token goes through in one layer (all its experts'), estimated from the weights
     * it uses: a layer's active weights less its attention projections, over the three matrices (gate, up,
     * down) of width d. What the MLP's activation function reads and writes.
     */
    public double activeMlpWidth() {
        double perLayer = (activeParameters - inputEmbeddingParameters() - outputHeadParameters()) / layers;
        double attentionWeights = attention.isLatent() ? 0
                : 2.0 * hiddenSize * attentionHeads * headDim + 2.0 * hiddenSize * kvHeads * headDim;
        return Math.max(0, (perLayer - attentionWeights) / (3.0 * hiddenSize));
    }

    /**
     * Activation values unfused elementwise kernels move per token per layer: two norms (read and write d
     * each), two residual adds (read 2d, write d each) and the gated activation (read 2 x width, write width).
     */
    public double elementwiseValuesPerTokenPerLayer() {
        return 10.0 * hiddenSize + 3 * activeMlpWidth();
    }

    /**
     * Input-embedding weights: looked up a row per token, never multiplied, so neither counted as FLOPs nor
     * read whole. 0 when tied (the output layer reads the table in full anyway) or the vocabulary is unknown.
     */
    public double inputEmbeddingParameters() {
        return tiedEmbeddings || vocabSize == 0 ? 0 : (double) vocabSize * hiddenSize;
    }

    /** The output layer's weights (vocabulary x hidden), which only a sequence's last prompt token needs; 0 if unknown. */
    public double outputHeadParameters() {
        return (double) vocabSize * hiddenSize;
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
