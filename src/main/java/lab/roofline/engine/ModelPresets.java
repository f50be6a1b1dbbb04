package lab.roofline.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Published architectures, each from its config.json (links in {@link ModelSpec#source()}). */
public final class ModelPresets {
    private ModelPresets() {
    }

    private static final String HF = "https://huggingface.co/";

    public static final ModelSpec LLAMA_2_7B = dense("Llama-2-7B", 6.738e9, 32, 4096, 32, 32,
            HF + "meta-llama/Llama-2-7b-hf/blob/main/config.json");
    public static final ModelSpec LLAMA_2_13B = dense("Llama-2-13B", 13.016e9, 40, 5120, 40, 40,
            HF + "meta-llama/Llama-2-13b-hf/blob/main/config.json");
    public static final ModelSpec LLAMA_2_70B = dense("Llama-2-70B", 68.977e9, 80, 8192, 64, 8,
            HF + "meta-llama/Llama-2-70b-hf/blob/main/config.json");
    public static final ModelSpec LLAMA_3_1_8B = dense("Llama-3.1-8B", 8.030e9, 32, 4096, 32, 8,
            HF + "meta-llama/Llama-3.1-8B/blob/main/config.json");
    public static final ModelSpec LLAMA_3_1_70B = dense("Llama-3.1-70B", 70.554e9, 80, 8192, 64, 8,
            HF + "meta-llama/Llama-3.1-70B/blob/main/config.json");
    public static final ModelSpec LLAMA_3_1_405B = dense("Llama-3.1-405B", 405.853e9, 126, 16384, 128, 8,
            HF + "meta-llama/Llama-3.1-405B/blob/main/config.json");
    public static final ModelSpec MISTRAL_7B = dense("Mistral-7B", 7.242e9, 32, 4096, 32, 8,
            HF + "mistralai/Mistral-7B-v0.1/blob/main/config.json");
    public static final ModelSpec QWEN_2_5_72B = dense("Qwen2.5-72B", 72.706e9, 80, 8192, 64, 8,
            HF + "Qwen/Qwen2.5-72B/blob/main/config.json");
    public static final ModelSpec QWEN_2_5_7B = dense("Qwen2.5-7B", 7.616e9, 28, 3584, 28, 4,
            HF + "Qwen/Qwen2.5-7B/blob/main/config.json");
    /** 8 experts of 3 x 4096 x 14336 weights in each of 32 layers; 2 per token. */
    public static final ModelSpec MIXTRAL_8X7B = new ModelSpec("Mixtral-8x7B", 46.703e9, 12.879e9, 32, 4096,
            32, 8, 128, new MixtureOfExperts(8, 2, 32 * 8 * 3.0 * 4096 * 14336),
            HF + "mistralai/Mixtral-8x7B-v0.1/blob/main/config.json");
    /** 128 experts of 3 x 2048 x 768 weights in each of 48 layers; 8 per token. */
    public static final ModelSpec QWEN_3_30B_A3B = new ModelSpec("Qwen3-30B-A3B", 30.532e9, 3.335e9, 48, 2048,
            32, 4, 128, new MixtureOfExperts(128, 8, 48 * 128 * 3.0 * 2048 * 768),
            HF + "Qwen/Qwen3-30B-A3B/blob/main/config.json");

    public static final List<ModelSpec> ALL = List.of(LLAMA_2_7B, LLAMA_2_13B, LLAMA_2_70B, LLAMA_3_1_8B,
            LLAMA_3_1_70B, LLAMA_3_1_405B, MISTRAL_7B, QWEN_2_5_7B, QWEN_2_5_72B, MIXTRAL_8X7B, QWEN_3_30B_A3B);

    private static ModelSpec dense(String name, double parameters, int layers, int hidden, int heads,
                                   int kvHeads, String source) {
        return new ModelSpec(name, parameters, parameters, layers, hidden, heads, kvHeads, hidden / heads,
                null, source);
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
