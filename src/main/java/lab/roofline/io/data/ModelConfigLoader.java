package lab.roofline.io.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import lab.roofline.engine.roofline.ModelShapes;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
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
        } catch (CharacterCodingException e) {
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
        ModelFamily family = ModelFamily.of(root);
        List<String> notes = new ArrayList<>();
        // A multimodal Gemma 3 keeps the language model in text_config; its defaults are Gemma3TextConfig's.
        JsonNode c = root;
        String at = "";
        if (family == ModelFamily.GEMMA3 && root.has("text_config")) {
            c = root.get("text_config");
            at = "text_config.";
            if (!c.isObject()) {
                throw new ModelConfigException("key 'text_config' must be an object");
            }
            notes.add("the vision encoder (vision_config) is not counted: the model here is the language model");
        }
        ModelShapes shapes = family.shapes(new ConfigKeys(c, at), notes);
        if (root.has("quantization_config")) {
            notes.add("quantization_config is not read: choose the weights' precision (the app's Precision, or --precision)");
        }
        notUnderstood(root, c, at, notes);
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
        ScenarioLimits.Range range = ScenarioLimits.PARAMETERS;
        if (!range.allows(Math.rint(model.totalParameters()))) {
            throw new ModelConfigException("the shapes give " + Units.parameterCount(model.totalParameters())
                    + " parameters; Roofline Lab takes " + range.format(range.min()) + " to " + range.format(range.max()));
        }
        return new Loaded(model, List.copyOf(notes), text);
    }

    /** The keys read past that may change the cost, as a note: a list a person can read. */
    private static void notUnderstood(JsonNode root, JsonNode c, String at, List<String> notes) {
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
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.filter(x -> x.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList()) {
                try {
                    models.add(read(f).model());
                } catch (ModelConfigException e) {
                    problems.add("Skipped model config " + PrintableText.clean(f.toString()) + ": " + e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add("Models folder " + PrintableText.clean(folder.toString()) + " cannot be read (" + IoReasons.of(e) + ")");
        }
        return new Folder(List.copyOf(models), List.copyOf(problems));
    }

    /** For tests: the families and the architectures each reads. */
    static Map<String, List<String>> families() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ModelFamily f : ModelFamily.values()) {
            out.put(f.name(), f.architectures);
        }
        return out;
    }
}
