package lab.roofline.app;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.roofline.engine.Explanation;

/** The guided lesson's bar: the step, its explanation with live numbers, Back, Next and Keep playing. */
final class LessonBar extends VBox {
    final Label stepLabel = new Label();
    final Label text = new Label();
    final Button back = new Button("◀ Back");
    final Button next = new Button("Next ▶");
    final Button leave = new Button("Keep playing from here");
    private final Lesson lesson;
    private final RooflineViewModel vm;
    private final PulseRefresh refresher;

    LessonBar(Lesson lesson, RooflineViewModel vm) {
        this.lesson = lesson;
        this.vm = vm;
        getStyleClass().add("lesson-bar");
        stepLabel.getStyleClass().add("lesson-step");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        stepLabel.setMinWidth(0);
        for (Button b : new Button[] {back, next, leave}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        back.setOnAction(e -> lesson.back());
        next.setOnAction(e -> lesson.next());
        leave.setOnAction(e -> lesson.leave());
        next.setDefaultButton(false);
        back.setId("lesson-back");
        next.setId("lesson-next");
        leave.setId("lesson-leave");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, stepLabel, spacer, back, next, leave);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, text);
        setSpacing(6);
        visibleProperty().bind(lesson.indexProperty().greaterThanOrEqualTo(0));
        managedProperty().bind(visibleProperty());
        // Once per pulse, and only while a lesson runs: one evaluation per frame, however many changes.
        refresher = new PulseRefresh(this, this::refresh, lesson::isRunning, lesson.indexProperty(),
                vm.resultProperty());
    }

    private void refresh() {
        Lesson.Step step = lesson.current();
        if (step == null) {
            return;
        }
        int i = lesson.indexProperty().get();
        stepLabel.setText("Lesson  ·  step " + (i + 1) + " of " + Lesson.STEPS.size() + "  ·  " + step.topic().title());
        text.setText(Explanation.paragraph(step.topic(), vm.result()));
        back.setDisable(i == 0);
        next.setDisable(i == Lesson.STEPS.size() - 1);
    }

    void dispose() {
        refresher.dispose();
    }
}
