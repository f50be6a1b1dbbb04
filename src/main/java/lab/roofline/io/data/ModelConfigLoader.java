package lab.roofline.io.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lab.roofline.engine.roofline.ModelShapes;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.JsonText;
import lab.roofline.io.files.PrintableText;
import lab.roofline.io.files.TextFiles;

/**
 * Reads a Hugging Face {@code config.json} into a model: the families whose shapes the app knows (Llama,
 * Mistral, Mixtral, Qwen2, Qwen3, Qwen3-MoE, Gemma 2 and 3, DeepSeek-V2 and V3, gpt-oss), with the parameter
 * counts computed from the shapes ({@link ModelShapes}). A missing or impossible value is refused naming the
 * key; a key it does not know is named in the result's notes, never used or guessed silently.
 */
public final class ModelConfigLoader {
    private ModelConfigLoader() {
    }

    /** A config.json is tens of kB; a large file is not one. */
    static final long MAX_FILE_BYTES = 4L << 20;
    /** Far beyond any published model, far from where arithmetic breaks. */
    static final long MAX_DIMENSION = 10_000_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The model, what the reader should know (keys not read, settings assumed), and the text it was read from. */
    public record Loaded(ModelSpec model, List<String> notes, String text) {
    }

    /** A config that cannot be read as a model; the message names the key and the reason. */
    public static final class ModelConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public ModelConfigException(String message) {
            super(message);
        }
    }

    private enum Family {
        LLAMA("LlamaForCausalLM"), MISTRAL("MistralForCausalLM"), MIXTRAL("MixtralForCausalLM"),
        QWEN2("Qwen2ForCausalLM"), QWEN3("Qwen3ForCausalLM"), QWEN3_MOE("Qwen3MoeForCausalLM"),
        GEMMA2("Gemma2ForCausalLM"), GEMMA3("Gemma3ForCausalLM", "Gemma3ForConditionalGeneration"),
        DEEPSEEK("DeepseekV2ForCausalLM", "DeepseekV3ForCausalLM"), GPT_OSS("GptOssForCausalLM");

        final List<String> architectures;

        Family(String... architectures) {
            this.architectures = List.of(architectures);
        }
    }

    /**
     * Keys that do not change what inference costs in this model (tokens, rotary settings, training and
     * numerics): read past without a note.
     */
    private static final Set<String> NO_COST = Set.of("architectures", "model_type", "transformers_version",
            "torch_dtype", "dtype", "bos_token_id", "eos_token_id", "pad_token_id", "initializer_range", "rms_norm_eps",
            "layer_norm_eps", "rope_theta", "rope_scaling", "rope_parameters", "rope_local_base_freq", "hidden_act",
            "hidden_activation", "use_cache", "attention_dropout", "pretraining_tp", "mlp_bias", "output_router_logits",
            "router_aux_loss_coef", "router_jitter_noise", "norm_topk_prob", "tie_word_embeddings", "max_window_layers",
            "use_mrope", "attn_logit_softcapping", "final_logit_softcapping", "query_pre_attn_scalar",
            "cache_implementation", "auto_map", "scoring_func", "topk_method", "n_group", "topk_group",
            "routed_scaling_factor", "ep_size", "aux_loss_alpha", "seq_aux", "swiglu_limit", "initial_context_length",
            "_name_or_path", "_attn_implementation", "boi_token_index", "eoi_token_index", "image_token_index",
            "mm_tokens_per_image", "vision_config", "text_config", "sliding_window_size", "use_sliding_window",
            "experts_per_token", "num_experts_per_tok", "decoder_sparse_step", "mlp_only_layers", "moe_layer_freq",
            "first_k_dense_replace", "num_nextn_predict_layers", "quantization_config", "head_dim", "layer_types",
            "sliding_window", "sliding_window_pattern", "attention_bias", "max_position_embeddings",
            "vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads",
            "num_key_value_heads", "num_local_experts", "num_experts", "moe_intermediate_size", "n_routed_experts",
            "n_shared_experts", "kv_lora_rank", "q_lora_rank", "qk_rope_head_dim", "qk_nope_head_dim", "v_head_dim",
            "use_bidirectional_attention", "sliding_window_pattern_offset", "use_qk_norm", "attention_chunk_size",
            "tie_embeddings", "bos_token", "eos_token", "is_encoder_decoder", "return_dict", "output_attentions",
            "output_hidden_states", "id2label", "label2id", "problem_type", "chunk_size_feed_forward",
            "tokenizer_class", "prefix", "task_specific_params", "finetuning_task", "torchscript", "use_return_dict",
            "model_name", "name_or_path");

    /** Reads a config file of at most 4 MB (never a pipe or a device). */
    public static Loaded read(Path file) throws ModelConfigException {
        String text;
        try {
            if (!Files.exists(file)) {
                throw new ModelConfigException(Files.isSymbolicLink(file) ? "a link to nothing (or a loop of links)"
                        : "does not exist");
            }
            if (!Files.isRegularFile(file)) {
                throw new ModelConfigException("not a regular file (a folder, device or pipe), so not read");
            }
            text = TextFiles.readUtf8(file, MAX_FILE_BYTES);
        } catch (TextFiles.TooLarge e) {
            throw new ModelConfigException("too large to be a config.json (at most 4 MB)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelConfigException("not UTF-8 text");
        } catch (IOException e) {
            throw new ModelConfigException("cannot be read (" + IoReasons.of(e) + ")");
        }
        // A Hugging Face download is <model>/config.json: the folder names the model.
        String stem = file.getFileName() == null ? "model" : file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        Path parent = file.toAbsolutePath().getParent();
        if (stem.equalsIgnoreCase("config") && parent != null && parent.getFileName() != null) {
            stem = parent.getFileName().toString();
        }
        return parse(text, stem);
    }

    /** Parses config.json text; {@code fallbackName} names the model when the config does not. */
    public static Loaded parse(String text, String fallbackName) throws ModelConfigException {
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, text);
        } catch (JsonText.InvalidJson e) {
            throw new ModelConfigException(e.getMessage());
        }
        Family family = family(root);
        List<String> notes = new ArrayList<>();
        // A multimodal Gemma 3 keeps the language model in text_config; its defaults are Gemma3TextConfig's.
        JsonNode c = root;
        String at = "";
        if (family == Family.GEMMA3 && root.has("text_config")) {
            c = root.get("text_config");
            at = "text_config.";
            if (!c.isObject()) {
                throw new ModelConfigException("key 'text_config' must be an object");
            }
            notes.add("the vision encoder (vision_config) is not counted: the model here is the language model");
        }
        Config k = new Config(c, at);

        int hidden = k.positive("hidden_size", null);
        int layers = k.positive("num_hidden_layers", null);
        int heads = k.positive("num_attention_heads", null);
        int kvHeads = k.positive("num_key_value_heads", heads);
        if (kvHeads > heads || heads % kvHeads != 0) {
            throw new ModelConfigException("key '" + at + "num_key_value_heads': " + kvHeads + " does not divide the "
                    + heads + " attention heads");
        }
        int headDim;
        if (family == Family.GEMMA2 || family == Family.GEMMA3) {
            headDim = k.positive("head_dim", 256);
        } else if (!k.has("head_dim") && hidden % heads != 0) {
            throw new ModelConfigException("missing key '" + at + "head_dim': hidden_size " + hidden + " is not a multiple "
                    + "of the " + heads + " attention heads, so the head size must be given");
        } else {
            headDim = k.positive("head_dim", hidden / heads);
        }
        int vocab = k.positive("vocab_size", family == Family.GEMMA3 ? 262208 : null);
        boolean gemma = family == Family.GEMMA2 || family == Family.GEMMA3;
        boolean tied = k.bool("tie_word_embeddings", gemma);
        int maxContext = k.positive("max_position_embeddings", family == Family.GEMMA3 ? 131072 : null);
        boolean moe = family == Family.MIXTRAL || family == Family.QWEN3_MOE || family == Family.DEEPSEEK
                || family == Family.GPT_OSS;
        int intermediate = family == Family.GPT_OSS || family == Family.QWEN3_MOE
                ? k.positive("intermediate_size", 1) : k.positive("intermediate_size", null);

        ModelShapes shapes = new ModelShapes(vocab, hidden, layers, heads, kvHeads, headDim, intermediate).tied(tied)
                .maxContext(maxContext);
        switch (family) {
            case QWEN2 -> shapes.qkvBias(true);
            case QWEN3, QWEN3_MOE -> shapes.qkNorm(true).attentionBias(k.bool("attention_bias", false));
            case GEMMA2 -> shapes.normsPerLayer(4);
            case GEMMA3 -> shapes.normsPerLayer(4).qkNorm(true);
            case GPT_OSS -> shapes.attentionBias(k.bool("attention_bias", true)).attentionSinks(true);
            default -> shapes.attentionBias(k.bool("attention_bias", false));
        }
        if (moe) {
            experts(family, k, shapes, layers);
        }
        if (family == Family.DEEPSEEK) {
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
        sliding(family, k, shapes, layers, notes);
        if (root.has("quantization_config")) {
            notes.add("quantization_config is not read: choose the weights' precision (the app's Precision, or --precision)");
        }
        Set<String> unknown = new TreeSet<>();
        collectUnknown(root, "", unknown);
        if (c != root) {
            collectUnknown(c, at, unknown);
        }
        if (!unknown.isEmpty()) {
            // A list a person can read: the first ten, then how many more.
            List<String> shown = unknown.stream().limit(10).toList();
            notes.add("not read (they do not change the cost as far as Roofline Lab knows): " + String.join(", ", shown)
                    + (unknown.size() > 10 ? String.format(Locale.ROOT, " and %,d more", unknown.size() - 10) : ""));
        }
        String name = root.hasNonNull("_name_or_path") && root.get("_name_or_path").isTextual()
                ? root.get("_name_or_path").asText() : fallbackName;
        name = PrintableText.cut(PrintableText.clean(name).strip(), 60);
        if (name.isEmpty()) {
            name = "Imported model";
        }
        ModelSpec model;
        try {
            model = shapes.toSpec(name, "config.json (" + family.architectures.get(0) + "), imported");
        } catch (IllegalArgumentException e) {
            throw new ModelConfigException("the shapes do not make a model: " + e.getMessage());
        }
        // The range every model in the app keeps to (the Parameters field's): beyond it nothing evaluates sensibly.
        lab.roofline.engine.roofline.ScenarioLimits.Range range = lab.roofline.engine.roofline.ScenarioLimits.PARAMETERS;
        if (!range.allows(Math.rint(model.totalParameters()))) {
            throw new ModelConfigException("the shapes give " + lab.roofline.engine.roofline.Units.parameterCount(model.totalParameters())
                    + " parameters; Roofline Lab takes " + range.format(range.min()) + " to " + range.format(range.max()));
        }
        return new Loaded(model, List.copyOf(notes), text);
    }

    private static Family family(JsonNode root) throws ModelConfigException {
        JsonNode arch = root.get("architectures");
        if (arch == null || arch.isNull()) {
            throw new ModelConfigException("missing key 'architectures' (a list such as [\"LlamaForCausalLM\"])");
        }
        if (!arch.isArray() || arch.isEmpty() || !arch.get(0).isTextual()) {
            throw new ModelConfigException("key 'architectures' must be a list of names such as [\"LlamaForCausalLM\"]");
        }
        String name = arch.get(0).asText();
        for (Family f : Family.values()) {
            if (f.architectures.contains(name)) {
                return f;
            }
        }
        List<String> known = new ArrayList<>();
        for (Family f : Family.values()) {
            known.addAll(f.architectures);
        }
        throw new ModelConfigException("key 'architectures': '" + PrintableText.cut(PrintableText.clean(name), 40)
                + "' is not a family Roofline Lab reads (it reads " + String.join(", ", known) + ")");
    }

    /** Experts per token must be among the experts: said with the keys' own names. */
    private static int perToken(Config k, String perTokenKey, int experts, String expertsKey) throws ModelConfigException {
        int perToken = k.positive(perTokenKey, null);
        if (perToken > experts) {
            throw new ModelConfigException("key '" + k.at + perTokenKey + "': " + perToken + " is more than the " + experts
                    + " experts (" + expertsKey + ")");
        }
        return perToken;
    }

    private static void experts(Family family, Config k, ModelShapes shapes, int layers) throws ModelConfigException {
        switch (family) {
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
            default -> throw new IllegalStateException(family.name());
        }
    }

    /** Sliding windows: from layer_types where given, else the family's pattern. */
    private static void sliding(Family family, Config k, ModelShapes shapes, int layers, List<String> notes)
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
                    throw new ModelConfigException("key '" + k.at + "layer_types': '" + PrintableText.clean(shortText(type))
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
        switch (family) {
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

    private static void collectUnknown(JsonNode node, String at, Set<String> unknown) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!NO_COST.contains(key)) {
                unknown.add(at + PrintableText.cut(PrintableText.clean(key), 40));
            }
        }
    }

    private static String shortText(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }

    /** The keys of one object, read with the loader's rules. */
    private static final class Config {
        final JsonNode node;
        final String at;

        Config(JsonNode node, String at) {
            this.node = node;
            this.at = at;
        }

        boolean has(String key) {
            return node.hasNonNull(key);
        }

        /** A whole number from 1 up; {@code fallback} when absent (null: required). */
        int positive(String key, Integer fallback) throws ModelConfigException {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                if (fallback == null) {
                    throw new ModelConfigException("missing key '" + at + key + "'");
                }
                return fallback;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1 || n.asLong() > MAX_DIMENSION) {
                throw new ModelConfigException("key '" + at + key + "' must be a whole number from 1 to "
                        + String.format(Locale.ROOT, "%,d", MAX_DIMENSION) + ", got " + shortText(n.toString()));
            }
            return n.intValue();
        }

        /** A whole number from 0 up; {@code fallback} when absent. */
        int count(String key, int fallback) throws ModelConfigException {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0 || n.asLong() > MAX_DIMENSION) {
                throw new ModelConfigException("key '" + at + key + "' must be a whole number from 0 to "
                        + String.format(Locale.ROOT, "%,d", MAX_DIMENSION) + ", got " + shortText(n.toString()));
            }
            return n.intValue();
        }

        /** A positive whole number, or null when absent or null. */
        Integer nullableCount(String key) throws ModelConfigException {
            return has(key) ? positive(key, null) : null;
        }

        boolean bool(String key, boolean fallback) throws ModelConfigException {
            JsonNode n = node.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isBoolean()) {
                throw new ModelConfigException("key '" + at + key + "' must be true or false, got " + shortText(n.toString()));
            }
            return n.asBoolean();
        }
    }

    /** The models of a folder's config files (sorted by file name), and one line per file that did not load. */
    public record Folder(List<ModelSpec> models, List<String> problems) {
    }

    /** Reads every *.json in a folder; a missing folder is no problem. */
    public static Folder readFolder(Path folder) {
        List<ModelSpec> models = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Folder(List.of(), List.of());
        }
        try (java.util.stream.Stream<Path> list = Files.list(folder)) {
            for (Path f : list.filter(x -> x.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList()) {
                try {
                    models.add(read(f).model());
                } catch (ModelConfigException e) {
                    problems.add("Skipped model config " + PrintableText.clean(f.toString()) + ": " + e.getMessage());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add("Models folder " + PrintableText.clean(folder.toString()) + " cannot be read (" + IoReasons.of(e) + ")");
        }
        return new Folder(List.copyOf(models), List.copyOf(problems));
    }

    /** For tests: the families and the architectures each reads. */
    static Map<String, List<String>> families() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Family f : Family.values()) {
            out.put(f.name(), f.architectures);
        }
        return out;
    }
}
