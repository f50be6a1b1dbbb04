package lab.roofline.ui.scenario;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import lab.roofline.engine.scenario.ScenarioInputs;

/**
 * Undo and redo of scenario changes. A step is the inputs before a change; changes that follow each
 * other closely (a slider drag, a held arrow key) are one step, and a change applied as a whole (a lesson
 * step, a file, New, Reset) is always a step of its own, so undo after a lesson returns the user's own
 * scenario step by step.
 */
public final class UndoHistory {
    /** Changes closer together than this are one step: a drag sends one every frame. */
    static final long COALESCE_NANOS = 700_000_000L;
    static final int MAX_STEPS = 200;

    private final Supplier<ScenarioInputs> read;
    private final Consumer<ScenarioInputs> apply;
    private final LongSupplier clock;
    private final Deque<ScenarioInputs> undo = new ArrayDeque<>();
    private final Deque<ScenarioInputs> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private ScenarioInputs current;
    private long lastChangeNanos;
    /** Whether the next change may join the last step (false right after a whole-scenario change or undo). */
    private boolean stepOpen;
    private boolean restoring;

    UndoHistory(ObservableValue<ScenarioInputs> inputs, Supplier<ScenarioInputs> read, Consumer<ScenarioInputs> apply,
                LongSupplier clock) {
        this.read = read;
        this.apply = apply;
        this.clock = clock;
        current = read.get();
        inputs.addListener(obs -> changed());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void changed() {
        if (restoring) {
            return;
        }
        ScenarioInputs now = read.get();
        if (now.equals(current)) {
            return;
        }
        long t = clock.getAsLong();
        if (!(stepOpen && t - lastChangeNanos < COALESCE_NANOS)) {
            undo.push(current);
            if (undo.size() > MAX_STEPS) {
                undo.removeLast();
            }
        }
        redo.clear();
        current = now;
        lastChangeNanos = t;
        stepOpen = true;
        update();
    }

    /** Ends the open step: the next change starts a new one. */
    public void checkpoint() {
        stepOpen = false;
    }

    /** Applies a whole scenario as one step of its own. */
    public void applyAsOneStep(Runnable change) {
        checkpoint();
        change.run();
        checkpoint();
    }

    public void undo() {
        move(undo, redo);
    }

    public void redo() {
        move(redo, undo);
    }

    private void move(Deque<ScenarioInputs> from, Deque<ScenarioInputs> to) {
        if (from.isEmpty()) {
            return;
        }
        checkpoint();
        to.push(current);
        ScenarioInputs target = from.pop();
        restoring = true;
        try {
            apply.accept(target);
        } finally {
            restoring = false;
        }
        current = read.get();
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
