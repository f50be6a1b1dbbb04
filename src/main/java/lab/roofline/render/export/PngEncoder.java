package lab.roofline.render.export;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG writer (8-bit RGBA, "Sub" filter on every row, deflate level 1). ImageIO's writer tries
 * all five filters on every row and takes about three times longer on a 2x dashboard; charts are flat
 * colour areas that "Sub" and fast deflate already shrink well.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte FILTER_SUB = 1;

    private PngEncoder() {
    }

    /** Writes pixels given as ARGB ints, row after row. */
    static void write(int[] argb, int width, int height, OutputStream target) throws IOException {
        if (width <= 0 || height <= 0 || argb.length < (long) width * height) {
            throw new IllegalArgumentException("no pixels to write");
        }
        DataOutputStream out = new DataOutputStream(target);
        out.write(SIGNATURE);

        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8);  // bits per channel
        h.writeByte(6);  // colour type: RGBA
        h.writeByte(0);  // deflate
        h.writeByte(0);  // adaptive filtering (per-row filter byte)
        h.writeByte(0);  // no interlace
        chunk(out, "IHDR", header.toByteArray());

        ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height);
        Deflater deflater = new Deflater(1);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] row = new byte[1 + width * 4];
            row[0] = FILTER_SUB;
            for (int y = 0; y < height; y++) {
                int prevR = 0, prevG = 0, prevB = 0, prevA = 0;
                int offset = y * width;
                for (int x = 0, i = 1; x < width; x++, i += 4) {
                    int p = argb[offset + x];
                    int a = p >>> 24, r = (p >>> 16) & 0xFF, g = (p >>> 8) & 0xFF, b = p & 0xFF;
                    row[i] = (byte) (r - prevR);
                    row[i + 1] = (byte) (g - prevG);
                    row[i + 2] = (byte) (b - prevB);
                    row[i + 3] = (byte) (a - prevA);
                    prevR = r;
                    prevG = g;
                    prevB = b;
                    prevA = a;
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        out.flush();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
