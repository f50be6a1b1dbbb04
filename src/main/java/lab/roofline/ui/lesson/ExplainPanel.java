package lab.roofline.ui.lesson;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.explain.Explanation;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.PulseRefresh;

/**
 * The argument in sentences with the current numbers. Refreshes once per pulse after a change, and only
 * while shown; the topic a lesson step discusses is marked.
 */
public final class ExplainPanel extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private final ObservableValue<Evaluation> source;
    private final ObservableValue<Explanation.Topic> highlight;
    private final Map<Explanation.Topic, Label> texts = new EnumMap<>(Explanation.Topic.class);
    private final Map<Explanation.Topic, VBox> boxes = new EnumMap<>(Explanation.Topic.class);
    private final PulseRefresh refresher;

    public ExplainPanel(ObservableValue<Evaluation> source, ObservableValue<Explanation.Topic> highlight) {
        this.source = source;
        this.highlight = highlight;
        Fxml.loadInto(this);
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
        refresher = new PulseRefresh(this, this::refresh, this::isVisible, source, highlight, visibleProperty());
    }

    public void refreshIfDirty() {
        refresher.refreshIfDirty();
    }

    private void refresh() {
        for (Explanation.Paragraph p : Explanation.of(source.getValue())) {
            texts.get(p.topic()).setText(p.text());
            boxes.get(p.topic()).pseudoClassStateChanged(CURRENT, p.topic() == highlight.getValue());
        }
    }

    public String text(Explanation.Topic topic) {
        refreshIfDirty();
        return texts.get(topic).getText();
    }

    public void dispose() {
        refresher.dispose();
    }
}
