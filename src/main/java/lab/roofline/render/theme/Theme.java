package lab.roofline.render.theme;

import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/** Stylesheets: app.css for structure, one token file per theme (colours defined once, there). */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String tokens;

    Theme(String tokens) {
        this.tokens = tokens;
    }

    public List<String> stylesheets() {
        return List.of(url(tokens), url("app.css"));
    }

    public static Theme of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    private static String url(String file) {
        return Objects.requireNonNull(Theme.class.getResource("/styles/" + file), "missing stylesheet " + file)
                .toExternalForm();
    }
}
