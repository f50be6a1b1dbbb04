package lab.roofline.ui.app;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;

/**
 * What a feature of the running app needs from it: the window (the owner of its dialogs), the I/O thread
 * (files are read and written there, never on the FX thread) and the status line.
 *
 * @param statusLine shows a message, with at most one button beside it (null: none)
 * @param windowStyle the window's inline style (its zoom), for dialogs to match
 */
public record AppServices(Stage stage, Executor io, BiConsumer<String, Node> statusLine, Supplier<String> windowStyle) {
    /** A message in the status line. */
    public void status(String text) {
        statusLine.accept(text, null);
    }

    /** A message in the status line, from any thread. */
    public void statusLater(String text) {
        Platform.runLater(() -> status(text));
    }

    /** Owned by the window, with its style sheets and zoom. */
    public void style(Dialog<?> dialog) {
        dialog.initOwner(stage);
        if (stage.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        }
        dialog.getDialogPane().setStyle(windowStyle.get());
    }
}
