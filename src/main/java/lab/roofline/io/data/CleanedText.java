package lab.roofline.io.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lab.roofline.io.files.PrintableText;

/**
 * What cleaning a file's text removed (control characters, invisible format characters, line separators):
 * a profile's name is made safe to print, but never changed without a word.
 */
final class CleanedText {
    private CleanedText() {
    }

    /** One line per text field that cleaning changes: "field 'name': 3 control or invisible characters removed (U+001B, …)". */
    static List<String> notes(String jsonText) {
        List<String> notes = new ArrayList<>();
        try {
            walk(new ObjectMapper().readTree(jsonText), "", notes);
        } catch (JsonProcessingException e) {
            // read already: a text that parsed once parses again
        }
        return notes;
    }

    private static void walk(JsonNode node, String at, List<String> notes) {
        if (node.isTextual()) {
            String removed = removed(node.asText());
            if (!removed.isEmpty()) {
                notes.add("field '" + at + "': " + removed);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "[" + i + "]", notes);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = PrintableText.cut(PrintableText.clean(f.getKey()), 40);
                walk(f.getValue(), at.isEmpty() ? key : at + "." + key, notes);
            }
        }
    }

    /** "2 control or invisible characters removed (U+001B, U+202E)", or "" when cleaning changes nothing. */
    static String removed(String text) {
        String cleaned = PrintableText.clean(text);
        if (cleaned.equals(text)) {
            return "";
        }
        int count = text.codePointCount(0, text.length()) - cleaned.codePointCount(0, cleaned.length());
        Set<String> codes = new LinkedHashSet<>();
        text.codePoints().filter(c -> !PrintableText.clean(new String(Character.toChars(c))).equals(
                new String(Character.toChars(c)))).forEach(c -> codes.add(String.format(Locale.ROOT, "U+%04X", c)));
        List<String> shown = codes.stream().limit(4).toList();
        return count + " control or invisible character" + (count == 1 ? "" : "s") + " removed (" + String.join(", ", shown)
                + (codes.size() > shown.size() ? ", …" : "") + ")";
    }
}
