package lab.roofline.render.export;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import lab.roofline.io.files.AtomicFiles;

/** Writes exported pictures: off the FX thread, through a temporary file, with plain-word errors. */
public final class ExportFiles {
    private ExportFiles() {
    }

    private static final String TEMPORARY_PREFIX = ".roofline-export-";

    /** Encodes and writes a PNG; see {@link AtomicFiles#write}. */
    public static void writePng(WritableImage image, Path out) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(),
                argb, 0, width);
        AtomicFiles.write(out, TEMPORARY_PREFIX, stream -> PngEncoder.write(argb, width, height, stream));
    }

    /** Writes an SVG document as UTF-8; see {@link AtomicFiles#write}. */
    public static void writeSvg(String svg, Path out) throws IOException {
        AtomicFiles.writeString(out, TEMPORARY_PREFIX, svg);
    }
}
