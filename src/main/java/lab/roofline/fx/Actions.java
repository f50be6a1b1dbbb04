package lab.roofline.fx;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.input.KeyCombination;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionCheck;

/** Makes a feature's commands: the menu item, toolbar button and shortcut all come from one Action. */
public final class Actions {
    private Actions() {
    }

    /** A command: its words, its shortcut (null: none), what it does, and a sentence for its tooltip. */
    public static Action command(String text, String accelerator, Consumer<ActionEvent> handler, String tip) {
        Action a = new Action(text, handler);
        if (accelerator != null) {
            a.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        a.setLongText(tip);
        return a;
    }

    /** A command that is on or off: a check item in menus, a toggle button in the toolbar. */
    public static Action toggle(String text, String accelerator, String tip) {
        Action a = new ToggleAction(text);
        if (accelerator != null) {
            a.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        a.setLongText(tip);
        return a;
    }

    /** The state is the action's selected property; ControlsFX needs a handler all the same. */
    @ActionCheck
    static final class ToggleAction extends Action {
        ToggleAction(String text) {
            super(text, e -> { });
        }
    }
}
