package lab.roofline.io.scenario;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import lab.roofline.engine.roofline.Units;
import lab.roofline.io.files.PrintableText;

/**
 * What is wrong with text that is not valid JSON, in a few words after the place the reader names: a file
 * cut short says so; any other mistake says what was found there, never "is the file complete?" for a
 * stray comma in a whole file.
 */
final class JsonSyntax {
    private static final String ENDS_EARLY = " (the text ends before the JSON does: is the file complete?)";

    private JsonSyntax() {
    }

    /** " (the text ends before ...)" or ": unexpected ',' ..." to follow "not valid JSON at line L, column C". */
    static String hint(ObjectMapper json, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = json.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            // Each value whole: the reader stopped at more text after the object.
            return ": more text follows the end of the JSON object";
        } catch (JsonEOFException e) {
            return ENDS_EARLY;
        } catch (JsonParseException e) {
            String found = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (found.contains("end-of-input")) {
                return ENDS_EARLY;
            }
            // "Unexpected character (',' (code 44)): was expecting ..." -> "unexpected character ','; was expecting ..."
            found = found.replaceAll(" \\(code \\d+\\)\\)", "").replaceFirst("\\(('.*?')", "$1").replaceFirst("\\): ", "; ");
            found = PrintableText.clean(Units.oneLine(found));
            found = found.length() > 160 ? found.substring(0, 157) + "..." : found;
            return found.isBlank() ? "" : ": " + Character.toLowerCase(found.charAt(0)) + found.substring(1);
        } catch (IOException e) {
            return "";
        }
    }
}
