package lab.roofline.fx;

import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Refreshes a view at most once per pulse, just before layout, after any of its sources changed: a drag
 * that changes a value many times per frame costs one refresh (and one evaluation) per frame.
 */
public final class PulseRefresh {
    private final Parent view;
    private final Runnable refresh;
    private final BooleanSupplier wanted;
    private final Observable[] sources;
    private final InvalidationListener onChange = obs -> markDirty();
    private final Runnable preLayout = this::refreshIfDirty;
    private final ChangeListener<Scene> onScene;
    private boolean dirty = true;
    private Scene attachedTo;

    /**
     * @param wanted  whether refreshing is worth it now (a hidden panel waits until it is shown)
     */
    public PulseRefresh(Parent view, Runnable refresh, BooleanSupplier wanted, Observable... sources) {
        this.view = view;
        this.refresh = refresh;
        this.wanted = wanted;
        this.sources = sources.clone();
        for (Observable o : this.sources) {
            o.addListener(onChange);
        }
        onScene = (obs, old, now) -> attach(now);
        view.sceneProperty().addListener(onScene);
        attach(view.getScene());
    }

    private void attach(Scene scene) {
        if (attachedTo != null) {
            attachedTo.removePreLayoutPulseListener(preLayout);
        }
        attachedTo = scene;
        if (scene != null) {
            scene.addPreLayoutPulseListener(preLayout);
        }
        markDirty();
    }

    public void markDirty() {
        dirty = true;
        view.requestLayout();
    }

    /** Refreshes now if a source changed since the last refresh (tests call it; normally the pulse does). */
    public void refreshIfDirty() {
        if (!dirty || !wanted.getAsBoolean()) {
            return;
        }
        dirty = false;
        refresh.run();
    }

    /** Removes every listener this added. */
    public void dispose() {
        for (Observable o : sources) {
            o.removeListener(onChange);
        }
        view.sceneProperty().removeListener(onScene);
        attach(null);
    }
}
