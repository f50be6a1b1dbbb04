package lab.roofline.engine.roofline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Published architectures, each from its config.json (links in {@link ModelSpec#source()}). */
public final class ModelPresets {
    private ModelPresets() {
    }

    private static final String HF = "https://huggingface.co/";

    public static final ModelSpec LLAMA_2_7B = dense("Llama-2-7B", 6.738e9, 32, 4096, 32, 32, 32000, 4096,
            HF + "meta-llama/Llama-2-7b-hf/blob/main/config.json");
    public static final ModelSpec LLAMA_2_13B = dense("Llama-2-13B", 13.016e9, 40, 5120, 40, 40, 32000, 4096,
            HF + "meta-llama/Llama-2-13b-hf/blob/main/config.json");
    public static final ModelSpec LLAMA_2_70B = dense("Llama-2-70B", 68.977e9, 80, 8192, 64, 8, 32000, 4096,
            HF + "meta-llama/Llama-2-70b-hf/blob/main/config.json");
    public static final ModelSpec LLAMA_3_1_8B = dense("Llama-3.1-8B", 8.030e9, 32, 4096, 32, 8, 128256, 131072,
            HF + "meta-llama/Llama-3.1-8B/blob/main/config.json");
    public static final ModelSpec LLAMA_3_1_70B = dense("Llama-3.1-70B", 70.554e9, 80, 8192, 64, 8, 128256, 131072,
            HF + "meta-llama/Llama-3.1-70B/blob/main/config.json");
    public static final ModelSpec LLAMA_3_1_405B = dense("Llama-3.1-405B", 405.853e9, 126, 16384, 128, 8, 128256,
            131072, HF + "meta-llama/Llama-3.1-405B/blob/main/config.json");
    /** v0.1 attends over a 4,096-token sliding window in every layer (v0.2 and later do not). */
    public static final ModelSpec MISTRAL_7B = new ModelSpec("Mistral-7B", 7.242e9, 7.242e9, 32, 4096, 32, 8, 128, null,
            HF + "mistralai/Mistral-7B-v0.1/blob/main/config.json", AttentionLayout.sliding(4096, 32), 32000, false, 32768);
    public static final ModelSpec QWEN_2_5_72B = dense("Qwen2.5-72B", 72.706e9, 80, 8192, 64, 8, 152064, 131072,
            HF + "Qwen/Qwen2.5-72B/blob/main/config.json");
    public static final ModelSpec QWEN_2_5_7B = dense("Qwen2.5-7B", 7.616e9, 28, 3584, 28, 4, 152064, 131072,
            HF + "Qwen/Qwen2.5-7B/blob/main/config.json");
    /** 8 experts of 3 x 4096 x 14336 weights in each of 32 layers; 2 per token. */
    public static final ModelSpec MIXTRAL_8X7B = new ModelSpec("Mixtral-8x7B", 46.703e9, 12.879e9, 32, 4096,
            32, 8, 128, new MixtureOfExperts(8, 2, 32 * 8 * 3.0 * 4096 * 14336),
            HF + "mistralai/Mixtral-8x7B-v0.1/blob/main/config.json", AttentionLayout.STANDARD, 32000, false, 32768);
    /** 128 experts of 3 x 2048 x 768 weights in each of 48 layers; 8 per token. */
    public static final ModelSpec QWEN_3_30B_A3B = new ModelSpec("Qwen3-30B-A3B", 30.532e9, 3.335e9, 48, 2048,
            32, 4, 128, new MixtureOfExperts(128, 8, 48 * 128 * 3.0 * 2048 * 768),
            HF + "Qwen/Qwen3-30B-A3B/blob/main/config.json", AttentionLayout.STANDARD, 151936, false, 40960);

    /**
     * Latent attention (a 512-value latent and a 64-value rotary key per token per layer, shared by all 128
     * heads), 256 routed experts (8 per token) and one shared in 58 of 61 layers, the first 3 dense. 671.03B
     * weights without the multi-token-prediction module (DeepSeek: "671B total, 37B activated", 36.6B without
     * the input embedding), 128K context.
     */
    public static final ModelSpec DEEPSEEK_V3 = new ModelShapes(129280, 7168, 61, 128, 128, 128, 18432)
            .latentAttention(1536, 512, 64, 128, 128).experts(256, 8, 2048, 1, 3).expertBiases(false, true)
            .maxContext(131072).toSpec("DeepSeek-V3", HF + "deepseek-ai/DeepSeek-V3/blob/main/config.json");
    /**
     * 128 experts (4 per token) in each of 36 layers, which alternate a 128-token sliding window with full
     * attention; 8 KV heads of 64. OpenAI: 116.8B total, 5.1B active (without the input embedding).
     */
    public static final ModelSpec GPT_OSS_120B = new ModelShapes(201088, 2880, 36, 64, 8, 64, 2880)
            .attentionBias(true).attentionSinks(true).experts(128, 4, 2880, 0, 0).expertBiases(true, true)
            .slidingWindow(128, 18).maxContext(131072)
            .toSpec("gpt-oss-120b", HF + "openai/gpt-oss-120b/blob/main/config.json");
    /** Five local layers (1,024-token window) to one global: 52 of 62 slide; 16 KV heads of 128; tied embeddings. */
    public static final ModelSpec GEMMA_3_27B = new ModelShapes(262208, 5376, 62, 32, 16, 128, 21504)
            .tied(true).qkNorm(true).normsPerLayer(4).slidingWindow(1024, 52).maxContext(131072)
            .toSpec("Gemma-3-27B", HF + "google/gemma-3-27b-it/blob/main/config.json (text_config)");
    /** 128 experts (8 per token) in each of 94 layers; 4 KV heads. Qwen: 235B total, 22B activated. */
    public static final ModelSpec QWEN_3_235B_A22B = new ModelShapes(151936, 4096, 94, 64, 4, 128, 12288)
            .qkNorm(true).experts(128, 8, 1536, 0, 0).maxContext(40960)
            .toSpec("Qwen3-235B-A22B", HF + "Qwen/Qwen3-235B-A22B/blob/main/config.json");

    public static final List<ModelSpec> ALL = List.of(LLAMA_2_7B, LLAMA_2_13B, LLAMA_2_70B, LLAMA_3_1_8B,
            LLAMA_3_1_70B, LLAMA_3_1_405B, MISTRAL_7B, QWEN_2_5_7B, QWEN_2_5_72B, MIXTRAL_8X7B, QWEN_3_30B_A3B,
            QWEN_3_235B_A22B, GPT_OSS_120B, GEMMA_3_27B, DEEPSEEK_V3);

    private static ModelSpec dense(String name, double parameters, int layers, int hidden, int heads,
                                   int kvHeads, int vocab, int maxContext, String source) {
        return new ModelSpec(name, parameters, parameters, layers, hidden, heads, kvHeads, hidden / heads,
                null, source, AttentionLayout.STANDARD, vocab, false, maxContext);
    }

    /**
     * The layers pipeline stages are checked against, for inputs that name a model: a preset's own, a counted
     * model's derived ones (no name), or no bound for a name only the app knows (an imported model, checked
     * where it is resolved).
     */
    public static int layersOf(String presetName, double parameters) {
        return presetName == null ? ModelSpec.fromParameterCount(parameters).layers()
                : find(presetName).map(ModelSpec::layers).orElse(Integer.MAX_VALUE);
    }

    /** Finds a preset by name, ignoring case and punctuation: "llama-3.1-70b", "Llama3.1 70B". */
    public static Optional<ModelSpec> find(String name) {
        String wanted = normalize(name);
        return ALL.stream().filter(m -> normalize(m.name()).equals(wanted)).findFirst();
    }

    private static String normalize(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
