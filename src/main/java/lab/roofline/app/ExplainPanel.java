package lab.roofline.app;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import lab.roofline.engine.Evaluation;
import lab.roofline.engine.Explanation;

/**
 * The argument in sentences with the current numbers. Refreshes once per pulse after a change, like the
 * summary strip; the topic a lesson step discusses is marked.
 */
final class ExplainPanel extends VBox {
    private final RooflineViewModel vm;
    private final Map<Explanation.Topic, Label> texts = new EnumMap<>(Explanation.Topic.class);
    private final Map<Explanation.Topic, VBox> boxes = new EnumMap<>(Explanation.Topic.class);
    private final InvalidationListener onChange = obs -> markDirty();
    private final Runnable preLayout = this::refreshIfDirty;
    private boolean dirty = true;
    private Scene attachedTo;

    ExplainPanel(RooflineViewModel vm) {
        this.vm = vm;
        getStyleClass().add("explain-panel");
        setSpacing(10);
        Label heading = new Label("Why output tokens cost more");
        heading.getStyleClass().add("explain-heading");
        getChildren().add(heading);
        for (Explanation.Topic t : Explanation.Topic.values()) {
            Label title = new Label(t.title());
            title.getStyleClass().add("explain-title");
            Label text = new Label();
            text.setWrapText(true);
            text.getStyleClass().add("explain-text");
            VBox box = new VBox(3, title, text);
            box.getStyleClass().add("explain-box");
            texts.put(t, text);
            boxes.put(t, box);
            getChildren().add(box);
        }
        vm.resultProperty().addListener(onChange);
        vm.highlightProperty().addListener(onChange);
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(preLayout);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(preLayout);
            }
            attachedTo = now;
            markDirty();
        });
    }

    private void markDirty() {
        dirty = true;
        requestLayout();
    }

    void refreshIfDirty() {
        if (!dirty || !isVisible()) {
            return;
        }
        dirty = false;
        Evaluation e = vm.result();
        for (Explanation.Paragraph p : Explanation.of(e)) {
            texts.get(p.topic()).setText(p.text());
            boxes.get(p.topic()).pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"),
                    p.topic() == vm.highlightProperty().get());
        }
    }

    String text(Explanation.Topic topic) {
        refreshIfDirty();
        return texts.get(topic).getText();
    }

    void dispose() {
        vm.resultProperty().removeListener(onChange);
        vm.highlightProperty().removeListener(onChange);
        if (attachedTo != null) {
            attachedTo.removePreLayoutPulseListener(preLayout);
        }
    }
}
