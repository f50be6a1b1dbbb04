package lab.roofline.ui.lesson;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.teaching.Misconception;
import lab.roofline.explain.Explanation;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.PulseRefresh;

/**
 * The guided lesson's bar: shown while a lesson runs; it reads the lesson and the evaluation. While a step
 * asks first it shows the question and takes the guess; after the reveal, the guess beside the truth.
 */
public final class LessonBar extends VBox {
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final String HELD_BACK = "This step's numbers come back once the exercise in Practice is "
            + "answered right or its answer shown.";

    @FXML Label stepLabel;
    @FXML Label text;
    @FXML Button back;
    @FXML Button next;
    @FXML Button leave;
    @FXML VBox questionBox;
    @FXML Label questionText;
    @FXML FlowPane answerRow;
    @FXML HBox numberRow;
    @FXML TextField numberField;
    @FXML Label numberUnit;
    @FXML ToggleButton choice0;
    @FXML ToggleButton choice1;
    @FXML ToggleButton choice2;
    @FXML Button revealButton;
    @FXML Button skipButton;
    @FXML Label askProblem;
    @FXML Label resultText;
    @FXML CheckBox predictToggle;
    @FXML Label scoreLabel;
    @FXML Button resetPredictions;
    @FXML Hyperlink cardLink;
    private IntConsumer onOpenCard = card -> { };
    private final Lesson lesson;
    private final ObservableValue<Evaluation> source;
    private final PulseRefresh refresher;
    private final ToggleGroup choices = new ToggleGroup();
    private final List<ToggleButton> choiceButtons;

    public LessonBar(Lesson lesson, ObservableValue<Evaluation> source) {
        this.lesson = lesson;
        this.source = source;
        Fxml.loadInto(this);
        choiceButtons = List.of(choice0, choice1, choice2);
        choiceButtons.forEach(b -> b.setToggleGroup(choices));
        // Like radio buttons: pressing the picked choice again (Space, a click) keeps it picked.
        choices.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null && !clearing) {
                choices.selectToggle(old);
            }
        });
        predictToggle.selectedProperty().bindBidirectional(lesson.predictingProperty());
        numberField.setAccessibleText("Your guess");
        askProblem.visibleProperty().bind(askProblem.textProperty().isNotEmpty());
        askProblem.managedProperty().bind(askProblem.visibleProperty());
        visibleProperty().bind(lesson.indexProperty().greaterThanOrEqualTo(0));
        managedProperty().bind(visibleProperty());
        // A new question starts with an empty field and no choice.
        lesson.indexProperty().addListener(obs -> clearGuess());
        lesson.phaseProperty().addListener(obs -> clearGuess());
        // From the keyboard: a question takes the focus where the answer goes (a point's is the chart's).
        InvalidationListener focusAnswer = obs -> focusPending = true;
        lesson.indexProperty().addListener(focusAnswer);
        lesson.phaseProperty().addListener(focusAnswer);
        // Once per pulse, and only while a lesson runs: one evaluation per frame, however many changes.
        refresher = new PulseRefresh(this, this::refresh, lesson::isRunning, lesson.indexProperty(), source,
                lesson.phaseProperty(), lesson.results(), lesson.predictingProperty(), numbersHeldBack);
    }

    /**
     * While true (an exercise waits in practice) the step's text and a result, which show this scenario's
     * numbers, are held back: they could answer the exercise.
     */
    public BooleanProperty numbersHeldBackProperty() {
        return numbersHeldBack;
    }

    private boolean clearing;
    private final BooleanProperty numbersHeldBack = new SimpleBooleanProperty(this, "numbersHeldBack");
    /** A new question appeared: the next refresh, which shows it, gives its answer control the focus. */
    private boolean focusPending;

    private void clearGuess() {
        numberField.clear();
        clearing = true;
        choices.selectToggle(null);
        clearing = false;
        askProblem.setText("");
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

    @FXML
    void choose() {
        askProblem.setText("");
    }

    /** Reveal: the guess is read (a number, a choice or the chart's hollow marker) and scored. */
    @FXML
    public void reveal() {
        Prediction.Question q = lesson.asking();
        if (q == null) {
            return;
        }
        Prediction.Guess guess;
        switch (q.kind()) {
            case NUMBER -> {
                OptionalDouble typed = Practice.parse(numberField.getText());
                if (typed.isEmpty() || typed.getAsDouble() <= 0) {
                    askProblem.setText(numberField.getText().isBlank() ? "Type your guess first (a number such as 50), "
                            + "or choose Just show me." : "'" + Units.shortened(numberField.getText().strip())
                            + "' is not a positive number: type one such as 50 or 2.5e3.");
                    numberField.requestFocus();
                    return;
                }
                guess = new Prediction.NumberGuess(typed.getAsDouble());
            }
            case CHOICE -> {
                int chosen = choices.getSelectedToggle() == null ? -1
                        : choiceButtons.indexOf((ToggleButton) choices.getSelectedToggle());
                if (chosen < 0) {
                    askProblem.setText("Pick one of the three first, or choose Just show me.");
                    choice0.requestFocus();
                    return;
                }
                guess = new Prediction.ChoiceGuess(chosen);
            }
            default -> guess = lesson.ghostProperty().get();
        }
        lesson.reveal(guess);
        refresher.refreshIfDirty();
    }

    @FXML
    void skip() {
        lesson.skipQuestion();
    }

    /** What the step's misconception link does: open that card (by its index in the built-in cards). */
    public void setOnOpenCard(IntConsumer handler) {
        onOpenCard = handler == null ? card -> { } : handler;
    }

    @FXML
    void openCard() {
        int card = cardIndex(lesson.current());
        if (card >= 0) {
            onOpenCard.accept(card);
        }
    }

    private static int cardIndex(Lesson.Step step) {
        String id = step == null ? null : Lesson.CARD_FOR_STEP.get(step.topic());
        for (int i = 0; id != null && i < Misconception.BUILT_IN.size(); i++) {
            if (Misconception.BUILT_IN.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @FXML
    void resetPredictions() {
        lesson.resetPredictions();
    }

    private void refresh() {
        Lesson.Step step = lesson.current();
        if (step == null) {
            return;
        }
        int i = lesson.indexProperty().get();
        stepLabel.setText("Lesson  ·  step " + (i + 1) + " of " + Lesson.STEPS.size() + "  ·  " + step.topic().title());
        back.setDisable(i == 0);
        next.setDisable(i == Lesson.STEPS.size() - 1);
        Prediction.Question q = lesson.asking();
        boolean asking = q != null;
        show(questionBox, asking);
        show(text, !asking);
        if (asking) {
            questionText.setText(q.prompt());
            show(numberRow, q.kind() == Prediction.Kind.NUMBER);
            numberUnit.setText(q.unit());
            for (int c = 0; c < choiceButtons.size(); c++) {
                boolean shown = q.kind() == Prediction.Kind.CHOICE;
                show(choiceButtons.get(c), shown);
                choiceButtons.get(c).setText(shown ? q.choices().get(c).label() : "");
            }
            if (focusPending && q.kind() != Prediction.Kind.POINT) {
                (q.kind() == Prediction.Kind.NUMBER ? numberField : choice0).requestFocus();
            }
        } else {
            text.setText(numbersHeldBack.get() ? HELD_BACK : Explanation.paragraph(step.topic(), source.getValue()));
        }
        focusPending = false;
        // A result stands beside its step's scenario: once the dashboard shows another, it would contradict it.
        Prediction.Result r = asking || numbersHeldBack.get() || !lesson.showsCurrentStep() ? null
                : lesson.results().get(i);
        show(resultText, r != null);
        resultText.setText(r == null ? "" : r.verdict() + "\n" + r.formula());
        resultText.pseudoClassStateChanged(RIGHT, r != null && r.right());
        resultText.pseudoClassStateChanged(WRONG, r != null && !r.right());
        int card = asking ? -1 : cardIndex(step);
        show(cardLink, card >= 0);
        cardLink.setText(card < 0 ? "" : "Misconception check: “" + Misconception.BUILT_IN.get(card).claim()
                + "”");
        int answered = lesson.results().size();
        long right = lesson.results().values().stream().filter(Prediction.Result::right).count();
        scoreLabel.setText(answered == 0 ? "" : "Predictions: " + right + " of " + answered + " well predicted");
        resetPredictions.setDisable(answered == 0);
    }

    private static void show(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    /** The step's text as shown now. */
    public String text() {
        refresher.refreshIfDirty();
        return text.getText();
    }

    /** The question asked now ("" when none). */
    public String questionText() {
        refresher.refreshIfDirty();
        return questionBox.isVisible() ? questionText.getText() : "";
    }

    /** The guess beside the truth, after a reveal ("" when none). */
    public String resultText() {
        refresher.refreshIfDirty();
        return resultText.isVisible() ? resultText.getText() : "";
    }

    public String scoreText() {
        refresher.refreshIfDirty();
        return scoreLabel.getText();
    }

    public String askProblemText() {
        return askProblem.getText();
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
        predictToggle.selectedProperty().unbindBidirectional(lesson.predictingProperty());
    }
}
