package lab.roofline.fx;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;

/**
 * A text field that commits on Enter or on leaving it, through the view model's validating setter. Bad
 * text stays in the field, marked, and its error label says what is wrong, until Escape or any change of
 * the value from elsewhere puts the value back. Leaving the field with its text unchanged changes nothing.
 */
public final class CommitField extends TextField {
    private final Label error = new Label();
    private final Listeners listeners = new Listeners();
    private Supplier<String> format = () -> "";
    /** The text the field was last given from the value: committing it again is not an edit. */
    private String shownText = "";

    public CommitField() {
        getStyleClass().add("value-field");
        error.getStyleClass().add("input-error");
        error.setWrapText(true);
        error.setVisible(false);
        // The message floats over what lies under the field instead of pushing it down: a refused value never
        // moves the controls under the mouse (a click meant for the slider below still lands on it).
        error.setManaged(false);
        error.setMouseTransparent(true);
        error.visibleProperty().addListener(obs -> placeError());
        error.parentProperty().addListener((obs, old, now) -> {
            if (now != null) {
                now.layoutBoundsProperty().addListener(o -> placeError());
            }
        });
    }

    /** The field's ancestors drawn in front while its error shows, so the message is over the next section too. */
    private final List<Node> raised = new ArrayList<>();

    private void raise(boolean on) {
        raised.forEach(n -> n.setViewOrder(0));
        raised.clear();
        for (Node n = error.getParent(); on && n != null && !(n instanceof ScrollPane);
             n = n.getParent()) {
            if (n.getViewOrder() == 0) {
                n.setViewOrder(-1);
                raised.add(n);
            }
        }
    }

    /** The message wholly in view: a panel that scrolls shows it, when it ran past the panel's bottom. */
    private void revealError() {
        for (Node n = error.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane && pane.getContent() != null) {
                Node content = pane.getContent();
                double bottom = content.sceneToLocal(error.localToScene(0, error.getHeight())).getY();
                double contentHeight = content.getLayoutBounds().getHeight();
                double viewHeight = pane.getViewportBounds().getHeight();
                double shownBottom = pane.getVvalue() * (contentHeight - viewHeight) + viewHeight;
                if (contentHeight > viewHeight && bottom > shownBottom) {
                    pane.setVvalue(Math.min(1, (bottom - viewHeight) / (contentHeight - viewHeight)));
                }
                return;
            }
        }
    }

    /** Under the field, across its parent's width, over whatever is there. */
    private void placeError() {
        raise(error.isVisible());
        if (!error.isVisible() || error.getParent() == null || getScene() == null) {
            return;
        }
        Parent parent = error.getParent();
        double width = Math.max(120, parent.getLayoutBounds().getWidth());
        javafx.geometry.Point2D under = parent.sceneToLocal(localToScene(0, getHeight() + 2));
        error.resize(width, error.prefHeight(width));
        error.relocate(0, under.getY());
        error.toFront();
        revealError();
    }

    /**
     * @param value  shown again whenever it changes (unless the field holds a bad edit being typed)
     * @param apply  sets the model from text; returns the error message when the text is bad
     */
    public void connect(Observable value, Supplier<String> format, Function<String, Optional<String>> apply) {
        this.format = format;
        // A change from outside the field (reset, a lesson step, undo, a file, a pasted line) replaces its text
        // and clears its error: the field never contradicts the model.
        listeners.onInvalidated(value, obs -> {
            show();
            clearError();
        });
        show();
        setOnAction(ev -> commit(apply));
        focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit(apply);
            }
        });
        setOnKeyPressed(ev -> {
            if (ev.getCode() == KeyCode.ESCAPE) {
                show();
                clearError();
            }
        });
        // Text back to the value in use (the field's own undo of a refused draft): no error left to show.
        textProperty().addListener((obs, old, now) -> {
            if (now.equals(shownText) && error.isVisible()) {
                clearError();
            }
        });
        // With no draft, Ctrl+Z and Ctrl+Y are the window's undo and redo: the text field would take them for
        // its own text history and the change just committed would silently stay.
        addEventFilter(KeyEvent.KEY_PRESSED, ev -> {
            if (getText().equals(shownText) && ev.isShortcutDown() && (ev.getCode() == KeyCode.Z || ev.getCode() == KeyCode.Y)
                    && getScene() != null) {
                getScene().getAccelerators().entrySet().stream().filter(a -> a.getKey().match(ev)).findFirst()
                        .ifPresent(a -> {
                            ev.consume();
                            a.getValue().run();
                        });
            }
        });
    }

    /**
     * Also shows the value again, and clears an error, whenever {@code signal} fires: a whole scenario set
     * from elsewhere (Reset, a lesson step, undo) replaces a refused draft even when this value stayed.
     */
    public void refreshOn(Observable signal) {
        listeners.onInvalidated(signal, obs -> {
            show();
            clearError();
        });
    }

    private void show() {
        shownText = format.get();
        setText(shownText);
    }

    private void commit(Function<String, Optional<String>> apply) {
        if (getText().equals(shownText)) {
            clearError();
            return;
        }
        Optional<String> problem = apply.apply(getText());
        if (problem.isPresent()) {
            error.setText(problem.get());
            error.setVisible(true);
            error.applyCss();
            placeError();
            if (!getStyleClass().contains("invalid")) {
                getStyleClass().add("invalid");
            }
        } else {
            clearError();
            show();
        }
    }

    public void clearError() {
        error.setVisible(false);
        getStyleClass().remove("invalid");
    }

    /** The message under the field: its parent holds it, the field places it (over what follows, unmanaged). */
    public Label errorLabel() {
        return error;
    }

    public void dispose() {
        listeners.dispose();
    }
}
