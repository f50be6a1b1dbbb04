package lab.roofline.engine.roofline;

/**
 * What a model's attention caches and computes beyond its head counts: latent attention (MLA) and sliding
 * windows. Standard multi-head, grouped-query and multi-query attention need neither (KV heads say it all).
 *
 * @param latentDim           values cached per token per layer by latent attention (kv_lora_rank +
 *                            qk_rope_head_dim, 576 for DeepSeek-V3), one shared "head"; 0 when not latent
 * @param latentValueDim      the latent's value part (kv_lora_rank, 512): absorbed attention multiplies the
 *                            scores with it; 0 when not latent
 * @param slidingWindowTokens the window a local layer attends over and caches; 0 when no layer slides
 * @param slidingLayers       how many of the layers slide (gpt-oss: every other one; Gemma 3: five in six)
 */
public record AttentionLayout(int latentDim, int latentValueDim, int slidingWindowTokens, int slidingLayers) {

    /** Every layer attends over the whole context, K and V per KV head. */
    public static final AttentionLayout STANDARD = new AttentionLayout(0, 0, 0, 0);

    public AttentionLayout {
        if (latentDim < 0 || latentValueDim < 0 || slidingWindowTokens < 0 || slidingLayers < 0) {
            throw new IllegalArgumentException("attention sizes must not be negative");
        }
        if ((latentDim == 0) != (latentValueDim == 0) || latentValueDim > latentDim) {
            throw new IllegalArgumentException("a latent cache needs both its size and its value part (value <= size)");
        }
        if ((slidingWindowTokens == 0) != (slidingLayers == 0)) {
            throw new IllegalArgumentException("a sliding window needs both its length and its layers");
        }
    }

    public static AttentionLayout latent(int kvLoraRank, int ropeDim) {
        return new AttentionLayout(kvLoraRank + ropeDim, kvLoraRank, 0, 0);
    }

    public static AttentionLayout sliding(int windowTokens, int layers) {
        return new AttentionLayout(0, 0, windowTokens, layers);
    }

    public boolean isLatent() {
        return latentDim > 0;
    }

    public boolean slides() {
        return slidingLayers > 0;
    }

    /** Query-key pairs of a causal pass over {@code prompt} tokens in a layer with window w (w = 0: none). */
    static double causalPairs(double prompt, int window) {
        if (window == 0 || prompt <= window) {
            return prompt * (prompt + 1) / 2;
        }
        return window * (window + 1.0) / 2 + (prompt - window) * window;
    }
}
