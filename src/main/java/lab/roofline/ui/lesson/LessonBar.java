package lab.roofline.ui.lesson;

import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import lab.roofline.engine.Evaluation;
import lab.roofline.explain.Explanation;
import lab.roofline.ui.widget.Fxml;
import lab.roofline.ui.widget.PulseRefresh;

/** The guided lesson's bar: shown while a lesson runs; it reads the lesson and the evaluation. */
public final class LessonBar extends VBox {
    @FXML Label stepLabel;
    @FXML Label text;
    @FXML Button back;
    @FXML Button next;
    @FXML Button leave;
    private final Lesson lesson;
    private final ObservableValue<Evaluation> source;
    private final PulseRefresh refresher;

    public LessonBar(Lesson lesson, ObservableValue<Evaluation> source) {
        this.lesson = lesson;
        this.source = source;
        Fxml.loadInto(this);
        visibleProperty().bind(lesson.indexProperty().greaterThanOrEqualTo(0));
        managedProperty().bind(visibleProperty());
        // Once per pulse, and only while a lesson runs: one evaluation per frame, however many changes.
        refresher = new PulseRefresh(this, this::refresh, lesson::isRunning, lesson.indexProperty(), source);
    }

    @FXML
    void back() {
        lesson.back();
    }

    @FXML
    void next() {
        lesson.next();
    }

    @FXML
    void leave() {
        lesson.leave();
    }

    private void refresh() {
        Lesson.Step step = lesson.current();
        if (step == null) {
            return;
        }
        int i = lesson.indexProperty().get();
        stepLabel.setText("Lesson  ·  step " + (i + 1) + " of " + Lesson.STEPS.size() + "  ·  " + step.topic().title());
        text.setText(Explanation.paragraph(step.topic(), source.getValue()));
        back.setDisable(i == 0);
        next.setDisable(i == Lesson.STEPS.size() - 1);
    }

    /** The step's text as shown now. */
    public String text() {
        refresher.refreshIfDirty();
        return text.getText();
    }

    public Button nextButton() {
        return next;
    }

    public Button backButton() {
        return back;
    }

    public Button leaveButton() {
        return leave;
    }

    public void dispose() {
        refresher.dispose();
        visibleProperty().unbind();
    }
}
