package lab.roofline.ui.shell;

import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** The window's keys that no menu item carries: Ctrl+Y, the keyboards' other zoom keys, the lesson's steps. */
public final class WindowKeys {
    private WindowKeys() {
    }

    /**
     * Ctrl+Y redoes too (Windows' habit): a handler, not a filter, so a text field's own Ctrl+Y comes first.
     * Ctrl+Plus is typed as Ctrl+= (or Ctrl+Shift+=) on most keyboards, and the keypad has its own keys;
     * Page Up/Down step a lesson even where a scroll pane has focus (it would take the keys first).
     */
    public static void install(Node root, Runnable redo, ViewActions view, Zoom zoom, Predicate<KeyEvent> lessonKeys) {
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.Y) {
                redo.run();
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isAltDown()) {
                switch (e.getCode()) {
                    case PLUS, EQUALS, ADD -> view.zoomBy(+1);
                    case MINUS, SUBTRACT -> view.zoomBy(-1);
                    case DIGIT0, NUMPAD0 -> zoom.set(1);
                    default -> {
                        return;
                    }
                }
                e.consume();
            } else if (lessonKeys.test(e)) {
                e.consume();
            }
        });
    }
}
