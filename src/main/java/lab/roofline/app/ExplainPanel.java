package lab.roofline.app;

import java.util.EnumMap;
import java.util.Map;
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
    private final PulseRefresh refresher;

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
        refresher = new PulseRefresh(this, this::refresh, this::isVisible, vm.resultProperty(),
                vm.highlightProperty(), visibleProperty());
    }

    void refreshIfDirty() {
        refresher.refreshIfDirty();
    }

    private void refresh() {
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
        refresher.dispose();
    }
}
