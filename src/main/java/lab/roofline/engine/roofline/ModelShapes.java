package lab.roofline.engine.roofline;

/**
 * A transformer's shapes as its config.json gives them, and the parameter counts they imply: how the
 * presets are built, so each count is computed from the architecture, not typed. Set the fields that apply
 * with the chained setters, then {@link #toSpec}.
 *
 * <p>Counted per layer: attention projections (or latent attention's down- and up-projections), their biases
 * and norms where the family has them, the MLP (three matrices: gate, up, down) or, in a mixture-of-experts
 * layer, the router, the routed and the shared experts; then the embedding table, the output layer unless tied,
 * and the final norm.
 */
public final class ModelShapes {
    private final int vocab;
    private final int hidden;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final int intermediate;
    private boolean tied;
    private boolean attentionBias;
    private boolean qkvBias;
    private boolean qkNorm;
    private int normsPerLayer = 2;
    private int experts;
    private int expertsPerToken;
    private int expertIntermediate;
    private int sharedExperts;
    private int firstDenseLayers;
    private boolean expertBias;
    private boolean routerBias;
    private int qLoraRank;
    private int kvLoraRank;
    private int ropeDim;
    private int nopeDim;
    private int valueHeadDim;
    private int slidingWindow;
    private int slidingLayers;
    private int attentionSinks;
    private int maxContext;

    /** A dense model with standard attention; {@code intermediate} is the MLP's inner size. */
    public ModelShapes(int vocab, int hidden, int layers, int heads, int kvHeads, int headDim, int intermediate) {
        this.vocab = vocab;
        this.hidden = hidden;
        this.layers = layers;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.intermediate = intermediate;
    }

    public ModelShapes tied(boolean value) {
        tied = value;
        return this;
    }

    /** Biases on the q, k, v and output projections (gpt-oss) or on q, k and v only (Qwen2). */
    public ModelShapes attentionBias(boolean value) {
        attentionBias = value;
        return this;
    }

    /** Biases on the q, k and v projections but not the output one (Qwen2). */
    public ModelShapes qkvBias(boolean value) {
        qkvBias = value;
        return this;
    }

    /** A norm on each head's queries and keys (Qwen3, Gemma 3). */
    public ModelShapes qkNorm(boolean value) {
        qkNorm = value;
        return this;
    }

    /** Norms per layer: 2 (before attention and the MLP), 4 in Gemma (after each too). */
    public ModelShapes normsPerLayer(int value) {
        normsPerLayer = value;
        return this;
    }

    /**
     * Routed experts of {@code expertIntermediate} each, {@code perToken} per token, in every layer from
     * {@code firstDenseLayers} on; the first layers keep the dense MLP.
     */
    public ModelShapes experts(int routed, int perToken, int expertIntermediate, int shared, int firstDenseLayers) {
        this.experts = routed;
        this.expertsPerToken = perToken;
        this.expertIntermediate = expertIntermediate;
        this.sharedExperts = shared;
        this.firstDenseLayers = firstDenseLayers;
        return this;
    }

    /** Biases in the experts' matrices and the router (gpt-oss), or on the router only (DeepSeek's score correction). */
    public ModelShapes expertBiases(boolean experts, boolean router) {
        this.expertBias = experts;
        this.routerBias = router;
        return this;
    }

    /** Latent attention (DeepSeek-V2/V3): queries through a rank-qLoraRank bottleneck (0: direct). */
    public ModelShapes latentAttention(int qLoraRank, int kvLoraRank, int ropeDim, int nopeDim, int valueHeadDim) {
        this.qLoraRank = qLoraRank;
        this.kvLoraRank = kvLoraRank;
        this.ropeDim = ropeDim;
        this.nopeDim = nopeDim;
        this.valueHeadDim = valueHeadDim;
        return this;
    }

    public ModelShapes slidingWindow(int windowTokens, int layersThatSlide) {
        this.slidingWindow = windowTokens;
        this.slidingLayers = layersThatSlide;
        return this;
    }

    /** A learned sink logit per head in every layer (gpt-oss). */
    public ModelShapes attentionSinks(boolean value) {
        attentionSinks = value ? heads : 0;
        return this;
    }

    public ModelShapes maxContext(int tokens) {
        maxContext = tokens;
        return this;
    }

    private boolean latent() {
        return kvLoraRank > 0;
    }

    /** One layer's attention weights. */
    double attentionParameters() {
        double h = hidden;
        double p;
        if (latent()) {
            double qk = nopeDim + ropeDim;
            double q = qLoraRank > 0 ? h * qLoraRank + qLoraRank + (double) qLoraRank * heads * qk : h * heads * qk;
            double kv = h * (kvLoraRank + ropeDim) + kvLoraRank + (double) kvLoraRank * heads * (nopeDim + valueHeadDim);
            p = q + kv + (double) heads * valueHeadDim * h;
        } else {
            double q = (double) heads * headDim;
            double kv = (double) kvHeads * headDim;
            p = h * q + 2 * h * kv + q * h;
            if (attentionBias) {
                p += q + 2 * kv + h;
            } else if (qkvBias) {
                p += q + 2 * kv;
            }
        }
        return p + (qkNorm ? 2.0 * headDim : 0) + attentionSinks;
    }

    /** One MoE layer's routed experts. */
    double routedParametersPerLayer() {
        return experts * expertParameters();
    }

    private double expertParameters() {
        return 3.0 * hidden * expertIntermediate + (expertBias ? 2.0 * expertIntermediate + hidden : 0);
    }

    private int moeLayers() {
        return experts == 0 ? 0 : layers - firstDenseLayers;
    }

    public double totalParameters() {
        double perLayerCommon = attentionParameters() + (double) normsPerLayer * hidden;
        double dense = (layers - moeLayers()) * 3.0 * hidden * intermediate;
        double moe = moeLayers() * (routedParametersPerLayer() + sharedExperts * expertParameters()
                + (double) hidden * experts + (routerBias ? experts : 0));
        double embeddings = (double) vocab * hidden * (tied ? 1 : 2);
        return layers * perLayerCommon + dense + moe + embeddings + hidden;
    }

    /** All routed experts of all layers. */
    public double routedParameters() {
        return moeLayers() * routedParametersPerLayer();
    }

    /** Weights one token uses: all but the routed experts it does not pick (the input embedding included). */
    public double activeParameters() {
        double routed = routedParameters();
        return totalParameters() - routed + (experts == 0 ? 0 : routed * expertsPerToken / experts);
    }

    public ModelSpec toSpec(String name, String source) {
        MixtureOfExperts moe = experts == 0 ? null : new MixtureOfExperts(experts, expertsPerToken, routedParameters());
        AttentionLayout attention = latent() ? AttentionLayout.latent(kvLoraRank, ropeDim)
                : slidingWindow > 0 ? AttentionLayout.sliding(slidingWindow, slidingLayers) : AttentionLayout.STANDARD;
        return new ModelSpec(name, totalParameters(), activeParameters(), layers, hidden, heads,
                latent() ? 1 : kvHeads, latent() ? valueHeadDim : headDim, moe, source, attention, vocab, tied, maxContext);
    }
}
