package lab.roofline.ui.scenario;

import java.util.function.Consumer;
import lab.roofline.fx.Actions;
import org.controlsfx.control.action.Action;

/** The Edit menu's commands on the live scenario: undo, redo, reset, and pinning it beside the live one. */
public final class ScenarioActions {
    public final Action undo;
    public final Action redo;
    public final Action reset;
    public final Action pin;
    private final RooflineViewModel vm;
    private final Consumer<String> status;

    public ScenarioActions(RooflineViewModel vm, Consumer<String> status) {
        this.vm = vm;
        this.status = status;
        undo = Actions.command("Undo", "Shortcut+Z", e -> vm.history().undo(),
                "Undo the last change to the scenario; a slider drag is one step (Ctrl+Z)");
        redo = Actions.command("Redo", "Shortcut+Shift+Z", e -> vm.history().redo(),
                "Redo what was undone (Ctrl+Shift+Z or Ctrl+Y)");
        reset = Actions.command("Reset to defaults", null, e -> {
            vm.resetToDefaults();
            status.accept("Every input back to the defaults (Ctrl+Z undoes it)");
        },
                "Every input back to the article's case: Llama-3.1-70B in INT8 on one H100 (undoable)");
        pin = Actions.command("Pin Scenario", "Shortcut+P", e -> pinLive(),
                "Keep this scenario beside the live one to compare (up to four): every summary number side by "
                        + "side, with ratios (Ctrl+P)");
    }

    /** Edit ▸ Pin Scenario: the live scenario kept beside it, named after its document when it has one. */
    private void pinLive() {
        String name = vm.document().nameProperty().get();
        PinsModel pins = vm.pinsModel();
        pins.pin(ScenarioDocument.UNTITLED.equals(name) || vm.document().isModified() ? null : name)
                .ifPresentOrElse(status, () -> status.accept("Pinned " + pins.pins().get(pins.pins().size() - 1).name()
                        + ": change the controls and compare (Edit ▸ Pin Scenario adds up to four)"));
    }

    /** Undo and Redo look disabled in an open menu when there is nothing to undo or redo. */
    public void showAvailability(boolean menuOpen) {
        undo.setDisabled(menuOpen && !vm.history().canUndoProperty().get());
        redo.setDisabled(menuOpen && !vm.history().canRedoProperty().get());
    }
}
