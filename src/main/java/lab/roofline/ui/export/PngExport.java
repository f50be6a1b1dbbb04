package lab.roofline.ui.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;

/** Node to PNG: render (FX thread) and write (any other thread) are separate steps. */
public final class PngExport {
    private PngExport() {
    }

    /**
     * Renders a node at {@code scale} with a caption line under it, styled by the given stylesheets.
     * Must run on the FX thread. The result is (node width x scale) pixels wide.
     */
    public static WritableImage render(Node node, String caption, int scale, List<String> stylesheets) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        WritableImage content = node.snapshot(params, null);
        double width = node.getLayoutBounds().getWidth();
        ImageView view = new ImageView(content);
        view.setFitWidth(width);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        Label captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("export-caption");
        captionLabel.setMaxWidth(width);
        captionLabel.setPrefWidth(width);
        VBox page = new VBox(view, captionLabel);
        page.getStyleClass().add("export-page");
        Scene scene = new Scene(page);
        scene.getStylesheets().setAll(stylesheets);
        page.applyCss();
        page.autosize();
        page.layout();
        SnapshotParameters pageParams = new SnapshotParameters();
        pageParams.setTransform(Transform.scale(scale, scale));
        return page.snapshot(pageParams, null);
    }

    private static final String TEMPORARY_GLOB = ".roofline-export-*.png";


    /**
     * Encodes and writes the PNG, through a temporary file so a failed write never leaves half a file.
     * Call it off the FX thread. The message of the exception says what went wrong in plain words.
     */
    public static void write(WritableImage image, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("The folder " + folder + " does not exist.");
        }
        if (!Files.isWritable(folder)) {
            throw new IOException("The folder " + folder + " cannot be written to (no permission).");
        }
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                argb, 0, width);
        lab.roofline.io.TemporaryFiles.deleteStale(folder, TEMPORARY_GLOB); // a killed export's leftovers
        Path temporary = null;
        try {
            // Not createTempFile: its owner-only permissions would stick to the exported PNG.
            temporary = folder.resolve(".roofline-export-" + java.util.UUID.randomUUID() + ".png");
            try (java.io.OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(temporary,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                PngEncoder.write(argb, width, height, stream);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (AccessDeniedException e) {
            throw new IOException(target + " cannot be written (no permission).", e);
        } catch (NoSuchFileException e) {
            throw new IOException("The folder " + folder + " does not exist.", e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (reason.toLowerCase(java.util.Locale.ROOT).contains("no space")) {
                reason = "the disk is full";
            }
            throw new IOException("Could not write " + target + ": " + reason + ".", e);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
