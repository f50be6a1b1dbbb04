package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 26, item 12: a rental-price table that is not UTF-8 is one line naming the file and the line, not "Input length = 3". */
class RentalPriceTextTest {
    @Test
    void aTableThatIsNotUtf8NamesTheLine(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\n  \"prices\": [\n    {\"gpu\": \"t4\", \"source\": \"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 é
        bytes.writeBytes("\"}\n  ]\n}\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("prices.json"), bytes.toByteArray());
        assertThat(RentalPriceLoader.read(file).problems()).containsExactly(
                "prices.json: line 3 is not UTF-8 text (save the file as UTF-8)");
    }
}
