package lab.roofline.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import lab.roofline.io.data.ModelConfigLoader.ModelConfigException;

/** The keys of one object of a config.json, read with the loader's rules. */
final class ConfigKeys {
    /** Far beyond any published model, far from where arithmetic breaks. */
    static final long MAX_DIMENSION = 10_000_000;

    /**
     * Each shape key's sane range, {min, max}: wide around every published model (hidden sizes 2,048 to
     * 25,600, at most 128 layers, 384 experts), so a shape no model has is refused by name even when the
     * total lands in range. A key not listed has 1 (0 for a count) to {@link #MAX_DIMENSION}.
     */
    private static final Map<String, long[]> LIMITS = Map.ofEntries(
            Map.entry("hidden_size", new long[] {64, 65_536}),
            Map.entry("num_hidden_layers", new long[] {1, 2_048}),
            Map.entry("num_attention_heads", new long[] {1, 1_024}),
            Map.entry("num_key_value_heads", new long[] {1, 1_024}),
            Map.entry("head_dim", new long[] {1, 4_096}),
            Map.entry("intermediate_size", new long[] {1, 262_144}),
            Map.entry("moe_intermediate_size", new long[] {1, 262_144}),
            Map.entry("vocab_size", new long[] {1, 1_048_576}),
            Map.entry("num_local_experts", new long[] {1, 4_096}),
            Map.entry("num_experts", new long[] {1, 4_096}),
            Map.entry("n_routed_experts", new long[] {1, 4_096}),
            Map.entry("n_shared_experts", new long[] {0, 4_096}),
            Map.entry("num_experts_per_tok", new long[] {1, 4_096}),
            Map.entry("experts_per_token", new long[] {1, 4_096}),
            Map.entry("kv_lora_rank", new long[] {1, 65_536}),
            Map.entry("q_lora_rank", new long[] {1, 65_536}),
            Map.entry("qk_rope_head_dim", new long[] {1, 4_096}),
            Map.entry("qk_nope_head_dim", new long[] {1, 4_096}),
            Map.entry("v_head_dim", new long[] {1, 4_096}),
            Map.entry("first_k_dense_replace", new long[] {0, 2_048}));

    final JsonNode node;
    /** Where the object is, as a key prefix: "" at the top, "text_config." inside a multimodal config. */
    final String at;

    ConfigKeys(JsonNode node, String at) {
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
        return within(key, n, 1);
    }

    /** A whole number from 0 up; {@code fallback} when absent. */
    int count(String key, int fallback) throws ModelConfigException {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        return within(key, n, 0);
    }

    /** The value when it is a whole number within the key's range (from {@code least} when it has none). */
    private int within(String key, JsonNode n, long least) throws ModelConfigException {
        long[] range = LIMITS.getOrDefault(key, new long[] {least, MAX_DIMENSION});
        long min = Math.max(least, range[0]);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > range[1]) {
            throw new ModelConfigException("key '" + at + key + "' must be a whole number from "
                    + String.format(Locale.ROOT, "%,d to %,d", min, range[1]) + ", got " + shortText(n.toString()));
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

    static String shortText(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
