package lab.roofline.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import lab.roofline.io.data.ModelConfigLoader.ModelConfigException;

/** The keys of one object of a config.json, read with the loader's rules. */
final class ConfigKeys {
    /** Far beyond any published model, far from where arithmetic breaks. */
    static final long MAX_DIMENSION = 10_000_000;

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

    static String shortText(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
