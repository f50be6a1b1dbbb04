package lab.roofline.io.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a JSON file's text the way every loader here does: a byte-order mark allowed, errors placed. */
public final class JsonText {
    private JsonText() {
    }

    /** Not JSON: the message says where ("not valid JSON at line 3, column 7"). */
    public static final class InvalidJson extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJson(String message) {
            super(message);
        }
    }

    /** The tree of an object; anything else (an array, a number, nothing) is refused. */
    public static JsonNode readObject(ObjectMapper json, String text) throws InvalidJson {
        JsonNode root;
        try {
            // A byte-order mark is allowed: some editors write one.
            root = json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            // Two causes a reader can act on, said as such: a key written twice, and nesting too deep.
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher duplicate = Pattern.compile("Duplicate field '([^']{0,80})'")
                    .matcher(original);
            String why = duplicate.find() ? ": the key '" + PrintableText.clean(duplicate.group(1)) + "' is written twice"
                    : original.contains("nesting depth") ? ": nested too deeply" : "";
            throw new InvalidJson("not valid JSON" + where + why);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidJson("not a JSON object");
        }
        return root;
    }
}
