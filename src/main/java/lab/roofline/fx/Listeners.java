package lab.roofline.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The listeners and bindings a view adds to longer-lived objects (the view model), remembered so that
 * {@link #dispose()} removes every one of them: a disposed view leaves nothing behind.
 */
public final class Listeners {
    private final List<Runnable> removals = new ArrayList<>();

    public void onInvalidated(Observable source, InvalidationListener listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    /** Calls {@code action} now and on every invalidation of any source. */
    public void always(Runnable action, Observable... sources) {
        InvalidationListener l = obs -> action.run();
        for (Observable o : sources) {
            onInvalidated(o, l);
        }
        action.run();
    }

    public <T> void onChanged(ObservableValue<T> source, ChangeListener<? super T> listener) {
        source.addListener(listener);
        removals.add(() -> source.removeListener(listener));
    }

    public <T> void bindBidirectional(Property<T> control, Property<T> model) {
        control.bindBidirectional(model);
        removals.add(() -> control.unbindBidirectional(model));
    }

    public <T> void bind(Property<T> control, ObservableValue<? extends T> model) {
        control.bind(model);
        removals.add(control::unbind);
    }

    /** How many listeners and bindings are held (for tests). */
    public int size() {
        return removals.size();
    }

    public void dispose() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
