package lab.roofline.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's static layout from the .fxml beside its class (same package, same simple name), with the
 * view as both the root ({@code fx:root}) and the controller: the view is built with its view model in
 * hand, and FXML only says what goes where.
 */
public final class Fxml {
    private Fxml() {
    }

    public static void loadInto(Parent view) {
        Class<?> type = view.getClass();
        URL url = Objects.requireNonNull(type.getResource(type.getSimpleName() + ".fxml"),
                () -> "missing " + type.getSimpleName() + ".fxml");
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(view);
        loader.setController(view);
        loader.setClassLoader(type.getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + url, e);
        }
    }
}
