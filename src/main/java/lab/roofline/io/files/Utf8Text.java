package lab.roofline.io.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes read strictly as UTF-8; where they are not, the line says where ("Input length = 3" says nothing). */
public final class Utf8Text {
    private Utf8Text() {
    }

    /** Bytes that are not UTF-8: the 1-based line of the first bad byte. */
    public static final class NotUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        public final int line;

        NotUtf8(int line) {
            this.line = line;
        }

        @Override
        public String getMessage() {
            return "line " + line + " is not UTF-8 text (save the file as UTF-8)";
        }
    }

    /** The text; malformed UTF-8 is a {@link NotUtf8} naming its line, never replaced characters. */
    public static String decode(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8(line);
        }
        return out.flip().toString();
    }
}
