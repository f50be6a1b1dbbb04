package lab.roofline.io.data;

import java.io.IOException;
import java.io.InputStream;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.Utf8Text;

/**
 * A data file bundled with the application (data/*.json), read as strict UTF-8: its text, or why there is
 * none, in words naming it ({@code missing} when the application was built without it).
 */
record BundledText(String text, String problem, boolean missing) {
    static BundledText read(String resource) {
        try (InputStream in = BundledText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return new BundledText(null, resource + " is missing from the application", true);
            }
            return new BundledText(Utf8Text.decode(in.readAllBytes()), null, false);
        } catch (Utf8Text.NotUtf8 e) {
            return new BundledText(null, resource + ": " + e.getMessage(), false);
        } catch (IOException e) {
            return new BundledText(null, resource + " cannot be read (" + IoReasons.of(e) + ")", false);
        }
    }
}
