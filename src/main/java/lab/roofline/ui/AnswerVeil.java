package lab.roofline.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.layout.GridPane;
import lab.roofline.render.chart.CanvasChart;

/**
 * What a waiting question hides: the numbers that would answer it blurred, out of the mouse's reach (no
 * hover cards) and out of a screen reader's, with a note over the charts saying why.
 */
final class AnswerVeil {
    private final GridPane charts;
    private final Label veilNote = veilNote();

    AnswerVeil(GridPane charts) {
        this.charts = charts;
    }

    private Supplier<List<Node>> answering = List::of;
    private CanvasChart batchCurve;

    /** What would answer a question: veiled while one waits; the chart with the batch curve, alone when asked. */
    void answering(Supplier<List<Node>> nodes, CanvasChart batchCurveChart) {
        answering = nodes;
        batchCurve = batchCurveChart;
    }

    /**
     * Blurs what would answer the question being asked, with a note over the charts saying why; or, for a
     * point to place at another batch, only the batch curve's chart (no note: it would sit over the roofline,
     * where the point is placed).
     */
    void veil(boolean numbers, boolean batchCurveOnly) {
        veil(numbers, answering.get());
        if (batchCurveOnly && !numbers) {
            hide(batchCurve.getParent(), true);
        }
    }

    private void veil(boolean on, List<Node> answering) {
        for (Node n : answering) {
            hide(n, on);
        }
        if (on && veilNote.getParent() == null) {
            charts.getChildren().add(veilNote);
            GridPane.setConstraints(veilNote, 0, 0, 2, 1, HPos.CENTER, VPos.CENTER);
        } else if (!on) {
            charts.getChildren().remove(veilNote);
        }
    }

    /** Blurred, faded, out of the mouse's reach (no hover cards) and out of a screen reader's. */
    private static void hide(Node n, boolean on) {
        n.setEffect(on ? new GaussianBlur(18) : null);
        // Faded as well as blurred: a blurred bar's length (20 times its neighbour's) still gives a ratio away.
        n.setOpacity(on ? VEILED_OPACITY : 1);
        n.setMouseTransparent(on);
        hideFromScreenReaders(n, on);
    }

    private static final String HIDDEN = "Hidden until the question is answered";
    /** How much of a veiled view shows through: enough to see there is a chart, not to read a shape off it. */
    static final double VEILED_OPACITY = 0.18;

    /** Blur hides nothing from a screen reader: the veiled charts and labels say they are hidden instead. */
    private static void hideFromScreenReaders(Node n, boolean on) {
        if (n.getStyleClass().contains("practice-panel")) {
            return; // where the answer is typed: its question must be read out
        }
        if (n instanceof CanvasChart chart) {
            chart.answerHiddenProperty().set(on);
        } else if (n instanceof Labeled text && on != text.getProperties().containsKey(HIDDEN)) {
            if (on) {
                text.getProperties().put(HIDDEN, text.getAccessibleText());
                text.setAccessibleText(HIDDEN);
            } else {
                text.setAccessibleText((String) text.getProperties().remove(HIDDEN));
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                hideFromScreenReaders(child, on);
            }
        }
    }

    /** The note over the veiled charts says why (a lesson question, or an exercise waiting in Practice). */
    void bindVeilNote(ObservableValue<String> text) {
        veilNote.textProperty().bind(text);
    }

    private static Label veilNote() {
        Label note = new Label("Predict first: the numbers come back when you reveal.");
        note.getStyleClass().setAll("veil-note");
        note.setId("lesson-veil");
        note.setMouseTransparent(true);
        return note;
    }

}
