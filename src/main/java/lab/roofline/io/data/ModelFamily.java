package lab.roofline.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.ModelShapes;
import lab.roofline.io.data.ModelConfigLoader.ModelConfigException;
import lab.roofline.io.files.PrintableText;

/**
 * The model families a config.json may name in "architectures", each with its own defaults and layer
 * patterns: what its keys mean for the shapes ({@link ModelShapes}).
 */
enum ModelFamily {
    LLAMA("LlamaForCausalLM"), MISTRAL("MistralForCausalLM"), MIXTRAL("MixtralForCausalLM"),
    QWEN2("Qwen2ForCausalLM"), QWEN3("Qwen3ForCausalLM"), QWEN3_MOE("Qwen3MoeForCausalLM"),
    GEMMA2("Gemma2ForCausalLM"), GEMMA3("Gemma3ForCausalLM", "Gemma3ForConditionalGeneration"),
    DEEPSEEK("DeepseekV2ForCausalLM", "DeepseekV3ForCausalLM"), GPT_OSS("GptOssForCausalLM");

    final List<String> architectures;

    ModelFamily(String... architectures) {
        this.architectures = List.of(architectures);
    }

    /** The family of the config's first architecture; one Roofline Lab does not read is refused, naming those it does. */
    static ModelFamily of(JsonNode root) throws ModelConfigException {
        JsonNode arch = root.get("architectures");
        if (arch == null || arch.isNull()) {
            throw new ModelConfigException("missing key 'architectures' (a list such as [\"LlamaForCausalLM\"])");
        }
        if (!arch.isArray() || arch.isEmpty() || !arch.get(0).isTextual()) {
            throw new ModelConfigException("key 'architectures' must be a list of names such as [\"LlamaForCausalLM\"]");
        }
        String name = arch.get(0).asText();
        for (ModelFamily f : ModelFamily.values()) {
            if (f.architectures.contains(name)) {
                return f;
            }
        }
        List<String> known = new ArrayList<>();
        for (ModelFamily f : ModelFamily.values()) {
            known.addAll(f.architectures);
        }
        throw new ModelConfigException("key 'architectures': '" + PrintableText.cut(PrintableText.clean(name), 40)
                + "' is not a family Roofline Lab reads (it reads " + String.join(", ", known) + ")");
    }

    /** The shapes the keys give in this family; what the reader should know is added to {@code notes}. */
    ModelShapes shapes(ConfigKeys k, List<String> notes) throws ModelConfigException {
        int hidden = k.positive("hidden_size", null);
        int layers = k.positive("num_hidden_layers", null);
        int heads = k.positive("num_attention_heads", null);
        int kvHeads = k.positive("num_key_value_heads", heads);
        if (kvHeads > heads || heads % kvHeads != 0) {
            throw new ModelConfigException("key '" + k.at + "num_key_value_heads': " + kvHeads + " does not divide the "
                    + heads + " attention heads");
        }
        int headDim;
        if (this == GEMMA2 || this == GEMMA3) {
            headDim = k.positive("head_dim", 256);
        } else if (!k.has("head_dim") && hidden % heads != 0) {
            throw new ModelConfigException("missing key '" + k.at + "head_dim': hidden_size " + hidden + " is not a multiple "
                    + "of the " + heads + " attention heads, so the head size must be given");
        } else {
            headDim = k.positive("head_dim", hidden / heads);
        }
        int vocab = k.positive("vocab_size", this == GEMMA3 ? 262208 : null);
        boolean gemma = this == GEMMA2 || this == GEMMA3;
        boolean tied = k.bool("tie_word_embeddings", gemma);
        int maxContext = k.positive("max_position_embeddings", this == GEMMA3 ? 131072 : null);
        boolean moe = this == MIXTRAL || this == QWEN3_MOE || this == DEEPSEEK || this == GPT_OSS;
        int intermediate = this == GPT_OSS || this == QWEN3_MOE
                ? k.positive("intermediate_size", 1) : k.positive("intermediate_size", null);

        ModelShapes shapes = new ModelShapes(vocab, hidden, layers, heads, kvHeads, headDim, intermediate).tied(tied)
                .maxContext(maxContext);
        attention(k, shapes);
        if (moe) {
            experts(k, shapes, layers);
        }
        if (this == DEEPSEEK) {
            latentAttention(k, shapes, notes);
        }
        sliding(k, shapes, layers, notes);
        return shapes;
    }

    /** Biases and norms around attention, as each family has them. */
    private void attention(ConfigKeys k, ModelShapes shapes) throws ModelConfigException {
        switch (this) {
            case QWEN2 -> shapes.qkvBias(true);
            case QWEN3, QWEN3_MOE -> shapes.qkNorm(true).attentionBias(k.bool("attention_bias", false));
            case GEMMA2 -> shapes.normsPerLayer(4);
            case GEMMA3 -> shapes.normsPerLayer(4).qkNorm(true);
            case GPT_OSS -> shapes.attentionBias(k.bool("attention_bias", true)).attentionSinks(true);
            default -> shapes.attentionBias(k.bool("attention_bias", false));
        }
    }

    /** DeepSeek's multi-head latent attention: the KV cache holds one compressed latent per token. */
    private static void latentAttention(ConfigKeys k, ModelShapes shapes, List<String> notes) throws ModelConfigException {
        int kvLora = k.positive("kv_lora_rank", null);
        int rope = k.positive("qk_rope_head_dim", null);
        int nope = k.positive("qk_nope_head_dim", null);
        int value = k.positive("v_head_dim", null);
        Integer qLora = k.nullableCount("q_lora_rank");
        shapes.latentAttention(qLora == null ? 0 : qLora, kvLora, rope, nope, value);
        if (k.count("num_nextn_predict_layers", 0) > 0) {
            notes.add("the multi-token-prediction layer (num_nextn_predict_layers) is not counted: it serves "
                    + "speculative decoding, not the model's own forward pass");
        }
    }

    /** Experts per token must be among the experts: said with the keys' own names. */
    private static int perToken(ConfigKeys k, String perTokenKey, int experts, String expertsKey) throws ModelConfigException {
        int perToken = k.positive(perTokenKey, null);
        if (perToken > experts) {
            throw new ModelConfigException("key '" + k.at + perTokenKey + "': " + perToken + " is more than the " + experts
                    + " experts (" + expertsKey + ")");
        }
        return perToken;
    }

    private void experts(ConfigKeys k, ModelShapes shapes, int layers) throws ModelConfigException {
        switch (this) {
            case MIXTRAL -> {
                int experts = k.positive("num_local_experts", null);
                shapes.experts(experts, perToken(k, "num_experts_per_tok", experts, "num_local_experts"),
                        k.positive("intermediate_size", null), 0, 0);
            }
            case GPT_OSS -> {
                int experts = k.positive("num_local_experts", null);
                int perToken = perToken(k, k.has("num_experts_per_tok") ? "num_experts_per_tok" : "experts_per_token",
                        experts, "num_local_experts");
                shapes.experts(experts, perToken, k.positive("intermediate_size", null), 0, 0).expertBiases(true, true);
            }
            case QWEN3_MOE -> {
                if (k.has("decoder_sparse_step") && k.positive("decoder_sparse_step", 1) != 1) {
                    throw new ModelConfigException("key '" + k.at + "decoder_sparse_step': only 1 (every layer MoE) is "
                            + "read, got " + k.node.get("decoder_sparse_step"));
                }
                JsonNode dense = k.node.get("mlp_only_layers");
                if (dense != null && !(dense.isArray() && dense.isEmpty())) {
                    throw new ModelConfigException("key '" + k.at + "mlp_only_layers': dense layers among MoE ones are "
                            + "not read (only an empty list)");
                }
                int experts = k.positive("num_experts", null);
                shapes.experts(experts, perToken(k, "num_experts_per_tok", experts, "num_experts"),
                        k.positive("moe_intermediate_size", null), 0, 0);
            }
            case DEEPSEEK -> {
                if (k.has("moe_layer_freq") && k.positive("moe_layer_freq", 1) != 1) {
                    throw new ModelConfigException("key '" + k.at + "moe_layer_freq': only 1 (every layer after the "
                            + "first dense ones) is read, got " + k.node.get("moe_layer_freq"));
                }
                int firstDense = k.count("first_k_dense_replace", 0);
                if (firstDense >= layers) {
                    throw new ModelConfigException("key '" + k.at + "first_k_dense_replace': " + firstDense
                            + " dense layers leave none of the " + layers + " for experts");
                }
                int experts = k.positive("n_routed_experts", null);
                shapes.experts(experts, perToken(k, "num_experts_per_tok", experts, "n_routed_experts"),
                        k.positive("moe_intermediate_size", null), k.count("n_shared_experts", 0), firstDense)
                        .expertBiases(false, true);
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /** Sliding windows: from layer_types where given, else the family's pattern. */
    private void sliding(ConfigKeys k, ModelShapes shapes, int layers, List<String> notes)
            throws ModelConfigException {
        JsonNode types = k.node.get("layer_types");
        Integer window = k.nullableCount("sliding_window");
        if (types != null && !types.isNull()) {
            if (!types.isArray() || types.size() != layers) {
                throw new ModelConfigException("key '" + k.at + "layer_types' must list one type for each of the "
                        + layers + " layers");
            }
            int slidingLayers = 0;
            for (JsonNode t : types) {
                String type = t.isTextual() ? t.asText() : t.toString();
                if (type.equals("sliding_attention")) {
                    slidingLayers++;
                } else if (!type.equals("full_attention")) {
                    throw new ModelConfigException("key '" + k.at + "layer_types': '" + PrintableText.clean(ConfigKeys.shortText(type))
                            + "' is not a layer type Roofline Lab reads (sliding_attention, full_attention)");
                }
            }
            if (slidingLayers > 0) {
                if (window == null) {
                    throw new ModelConfigException("key '" + k.at + "sliding_window' is needed: layer_types has sliding layers");
                }
                shapes.slidingWindow(window, slidingLayers);
            }
            return;
        }
        if (window == null) {
            return;
        }
        switch (this) {
            case MISTRAL, MIXTRAL -> shapes.slidingWindow(window, layers);
            case QWEN2, QWEN3, QWEN3_MOE -> {
                if (k.bool("use_sliding_window", false)) {
                    throw new ModelConfigException("key '" + k.at + "use_sliding_window': Qwen's partial sliding "
                            + "window (max_window_layers) is not read");
                }
            }
            // Gemma 2 alternates, the even layers sliding; Gemma 3 slides in all but every sixth.
            case GEMMA2 -> shapes.slidingWindow(window, (layers + 1) / 2);
            case GEMMA3 -> {
                int pattern = k.positive("sliding_window_pattern", 6);
                int local = layers - layers / pattern; // every pattern-th layer is global; pattern 1: all of them
                if (local > 0) {
                    shapes.slidingWindow(window, local);
                }
                if (!k.has("sliding_window_pattern")) {
                    notes.add("five local layers to one global (Gemma 3's default sliding_window_pattern 6)");
                }
            }
            case GPT_OSS -> shapes.slidingWindow(window, (layers + 1) / 2); // the even layers, from layer 0
            default -> notes.add("sliding_window is not read for this family: every layer attends over the whole context");
        }
    }
}
