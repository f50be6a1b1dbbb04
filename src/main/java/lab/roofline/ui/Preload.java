package lab.roofline.ui;

/**
 * Loads and initialises the classes the window's first frame needs (ControlsFX's controls and skins, the
 * FXML loader, the CSS parser) on a background thread while the toolkit starts. On two cores this overlaps
 * about 80 ms of class loading with the toolkit's own start instead of adding it to the first frame.
 * No node is made here; a class that fails to load is simply loaded later by the FX thread.
 */
public final class Preload {
    private Preload() {
    }

    private static final String[] CLASSES = {
        "org.controlsfx.control.SegmentedButton",
        "impl.org.controlsfx.skin.SegmentedButtonSkin",
        "org.controlsfx.control.StatusBar",
        "impl.org.controlsfx.skin.StatusBarSkin",
        "org.controlsfx.control.textfield.CustomTextField",
        "impl.org.controlsfx.skin.CustomTextFieldSkin",
        "org.controlsfx.control.textfield.TextFields",
        "org.controlsfx.control.action.ActionUtils",
        "javafx.fxml.FXMLLoader",
        "javafx.css.CssParser",
    };

    public static void start() {
        Thread t = new Thread(() -> {
            for (String name : CLASSES) {
                try {
                    Class.forName(name, true, Preload.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // only a head start
                }
            }
        }, "roofline-preload");
        t.setDaemon(true);
        t.start();
    }
}
