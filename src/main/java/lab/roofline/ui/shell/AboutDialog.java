package lab.roofline.ui.shell;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.roofline.io.BuildInfo;

/** Help ▸ About Roofline Lab: the version, the build date, the command the user has, and both licences. */
public final class AboutDialog {
    private AboutDialog() {
    }

    /** The icon's sizes for windows (the platform picks the best fit for the title bar and task bar). */
    public static List<Image> icons() {
        return List.copyOf(ICONS.values());
    }

    /** The icon by size, from the PNGs the build draws (dist/roofline-lab.svg; IconRaster's sizes up to 256). */
    private static final Map<Integer, Image> ICONS = new LinkedHashMap<>();

    static {
        for (int size : List.of(16, 24, 32, 48, 64, 128, 256)) {
            URL url = AboutDialog.class.getResource("/lab/roofline/icons/roofline-lab-" + size + ".png");
            if (url != null) { // a developer's build from an IDE that skipped the icons step has none
                ICONS.put(size, new Image(url.toExternalForm()));
            }
        }
    }

    /** The text the dialog shows (tests read it). */
    public static String text(BuildInfo build, String command, String java) {
        return "Version " + build.version() + ", built " + build.built() + "\n"
                + "Runs on Java " + java + "\n"
                + "Started as: " + command + "\n\n"
                + "Why output tokens cost more than input tokens: the roofline model of prefill and decode.\n\n"
                + "Licence: " + BuildInfo.LICENCE + "\n"
                + "Bundled data (hardware profiles, model shapes, prices, measurements): " + BuildInfo.DATA_LICENCE;
    }

    public static void show(Region owner) {
        BuildInfo build = BuildInfo.current();
        Alert about = new Alert(Alert.AlertType.INFORMATION, text(build, BuildInfo.command(),
                System.getProperty("java.version")), ButtonType.CLOSE);
        about.setTitle("About Roofline Lab");
        about.setHeaderText("Roofline Lab " + build.version());
        if (ICONS.containsKey(128)) {
            ImageView logo = new ImageView(ICONS.get(128)); // shown at 64 px: sharp on a 2x screen
            logo.setFitWidth(64);
            logo.setFitHeight(64);
            about.setGraphic(logo);
        }
        about.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (owner.getScene() != null) {
            about.initOwner(owner.getScene().getWindow());
            about.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            about.getDialogPane().setStyle(owner.getStyle());
        }
        Window dialogWindow = about.getDialogPane().getScene().getWindow();
        if (dialogWindow instanceof Stage stage) {
            stage.getIcons().setAll(icons());
        }
        about.show();
    }
}
