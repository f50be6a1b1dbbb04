package lab.roofline.render.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats export writes: a picture (PNG) or a vector drawing with editable text (SVG). */
public enum ExportFormat {
    PNG("png", "PNG image"),
    SVG("svg", "SVG vector drawing");

    private final String extension;
    private final String title;

    ExportFormat(String extension, String title) {
        this.extension = extension;
        this.title = title;
    }

    public String extension() {
        return extension;
    }

    public String title() {
        return title;
    }

    /** The format a file name asks for by its extension (any case), if it is one of ours. */
    public static Optional<ExportFormat> of(Path file) {
        Path name = file == null ? null : file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (n.endsWith("." + f.extension) && n.length() > f.extension.length() + 1) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The file with this format's extension: kept when it has it already, appended otherwise. */
    public Path withExtension(Path file) {
        return of(file).orElse(null) == this ? file : file.resolveSibling(file.getFileName() + "." + extension);
    }
}
