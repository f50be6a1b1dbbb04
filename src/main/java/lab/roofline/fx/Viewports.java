package lab.roofline.fx;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;

/** Scroll panes whose content changes on every slider step. */
public final class Viewports {
    private Viewports() {
    }

    /**
     * The scroll pane's skin caches its viewport as one bitmap, which pays when content scrolls and costs
     * when it changes: every slider step then re-renders the whole pane (all three charts, the summary)
     * instead of the few regions that changed. Here content changes on every step and scrolls rarely.
     */
    public static void uncache(ScrollPane pane) {
        ChangeListener<Skin<?>> uncache = (obs, old, skin) -> {
            if (skin instanceof SkinBase<?> base) {
                base.getChildren().stream().filter(n -> n.getStyleClass().contains("viewport"))
                        .forEach(viewport -> viewport.setCache(false));
            }
        };
        pane.skinProperty().addListener(uncache);
        uncache.changed(pane.skinProperty(), null, pane.getSkin());
    }
}
