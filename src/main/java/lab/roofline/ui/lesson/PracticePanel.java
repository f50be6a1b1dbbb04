package lab.roofline.ui.lesson;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.teaching.Misconception;
import lab.roofline.explain.ExerciseHints;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.fx.Fxml;
import lab.roofline.ui.scenario.RooflineViewModel;
import org.controlsfx.control.SegmentedButton;

/**
 * Practice beside the charts: the exercises (a question, a scenario to explore, a typed answer checked
 * against the engine's, a hint) and the misconception cards (a claim, the two scenarios that test it, the
 * evidence in the engine's numbers). Setting a scenario goes through the view model, so it is one undo step
 * and the chart element in question is ringed.
 */
public final class PracticePanel extends VBox {
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    /** The chart element that shows each card's evidence. */
    private static final Map<String, Topic> CARD_TOPICS = Map.of(
            "bigger-batch-slower", Topic.BATCHING,
            "decode-set-by-flops", Topic.DECODE,
            "quantizing-only-saves-memory", Topic.DECODE,
            "eight-gpus-eight-times", Topic.COMMUNICATION,
            "input-cheap-because-short", Topic.PREFILL);

    @FXML SegmentedButton pages;
    @FXML ToggleButton exercisesTab;
    @FXML ToggleButton cardsTab;
    @FXML VBox exercisesPage;
    @FXML VBox cardsPage;
    @FXML ComboBox<Exercise> exercisePicker;
    @FXML Button previousExercise;
    @FXML Button nextExercise;
    @FXML Label score;
    @FXML Label question;
    @FXML Button setScenario;
    @FXML TextField answer;
    @FXML Label unit;
    @FXML Button checkButton;
    @FXML Label verdict;
    @FXML Button hintButton;
    @FXML Button showAnswer;
    @FXML Button resetScore;
    @FXML Label hint;
    @FXML Button previousCard;
    @FXML Button nextCard;
    @FXML Label cardNumber;
    @FXML Label claim;
    @FXML Button before;
    @FXML Button after;
    @FXML Label evidence;
    @FXML Label truth;
    @FXML Button close;

    private final RooflineViewModel vm;
    private final Practice practice;
    private final Runnable onClose;
    private int card;
    private final Set<String> cardsRevealed = new HashSet<>();
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "questionWaiting");

    public PracticePanel(RooflineViewModel vm, Practice practice, Runnable onClose) {
        this.vm = vm;
        this.practice = practice;
        this.onClose = onClose;
        Fxml.loadInto(this);
        exercisePicker.setItems(vm.exercises());
        exercisePicker.setCellFactory(list -> new ExerciseCell());
        exercisePicker.setButtonCell(new ExerciseCell());
        exercisePicker.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showExercise());
        practice.changesProperty().addListener(obs -> {
            showScore();
            updateWaiting();
        });
        vm.exercises().addListener((ListChangeListener<Exercise>) c -> {
            if (exercisePicker.getSelectionModel().getSelectedItem() == null && !vm.exercises().isEmpty()) {
                exercisePicker.getSelectionModel().select(0);
            }
            showScore();
        });
        answer.setAccessibleText("Your answer");
        verdict.setAccessibleText("Whether the answer is right");
        exercisePicker.getSelectionModel().select(0);
        showCard();
    }

    /** Focus where the keyboard starts: the answer field, or the card's first scenario. */
    public void focusFirst() {
        Platform.runLater(() -> (showingCards() ? before : answer).requestFocus());
    }

    public Practice practice() {
        return practice;
    }

    /** Opens the exercises (or the cards) page. */
    @FXML
    public void showExercises() {
        showPage(true);
    }

    @FXML
    public void showCards() {
        showPage(false);
    }

    private void showPage(boolean exercises) {
        exercisesTab.setSelected(exercises);
        cardsTab.setSelected(!exercises);
        exercisesPage.setVisible(exercises);
        exercisesPage.setManaged(exercises);
        cardsPage.setVisible(!exercises);
        cardsPage.setManaged(!exercises);
        updateWaiting();
    }

    public boolean showingCards() {
        return cardsPage.isVisible();
    }

    public Exercise selectedExercise() {
        return exercisePicker.getSelectionModel().getSelectedItem();
    }

    public void selectExercise(int index) {
        exercisePicker.getSelectionModel().select(index);
    }

    // ---- exercises ----

    private void showExercise() {
        Exercise e = selectedExercise();
        boolean none = e == null;
        for (Control c : new Control[] {setScenario, answer, checkButton, hintButton, showAnswer}) {
            c.setDisable(none);
        }
        int i = exercisePicker.getSelectionModel().getSelectedIndex();
        previousExercise.setDisable(i <= 0);
        nextExercise.setDisable(none || i >= vm.exercises().size() - 1);
        question.setText(none ? "" : e.text());
        unit.setText(none ? "" : e.quantity().unit());
        answer.setAccessibleText(none ? "Your answer" : "Your answer, in " + e.quantity().unit());
        answer.clear();
        setVerdict("", null);
        hint.setText("");
        showScore();
        updateWaiting();
    }

    /** Whether the exercises page shows an exercise neither answered right nor shown: its answer is to be hidden. */
    public ReadOnlyBooleanProperty questionWaitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    private void updateWaiting() {
        Exercise e = selectedExercise();
        Practice.Standing s = e == null ? null : practice.standing(e);
        waiting.set(!showingCards() && s != null && !s.right() && !s.answerShown());
    }

    private void showScore() {
        int total = vm.exercises().size();
        score.setText(practice.rightCountProperty().get() + " of " + total + " answered right");
    }

    @FXML
    void previousExercise() {
        exercisePicker.getSelectionModel().selectPrevious();
    }

    @FXML
    void nextExercise() {
        exercisePicker.getSelectionModel().selectNext();
    }

    @FXML
    void setScenario() {
        Exercise e = selectedExercise();
        if (e != null) {
            vm.apply(e.scenario());
            vm.highlightProperty().set(Practice.topicOf(e.quantity()));
        }
    }

    /** The exercise's evaluation, or null (with the reason shown) when its GPU is not loaded. */
    private Evaluation evaluation(Exercise e) {
        Evaluation ev = vm.evaluate(e.scenario());
        if (ev == null) {
            setVerdict("This exercise runs on GPU '" + e.scenario().gpuId() + "', which no loaded profile has.", WRONG);
        }
        return ev;
    }

    @FXML
    void check() {
        Exercise e = selectedExercise();
        if (e == null) {
            return;
        }
        Evaluation ev = evaluation(e);
        if (ev == null) {
            return;
        }
        Practice.Check c = practice.check(e, ev, answer.getText());
        setVerdict(c.message(), c.right() ? RIGHT : WRONG);
        if (!c.number()) {
            answer.requestFocus();
            answer.selectAll();
        }
    }

    @FXML
    void hint() {
        Exercise e = selectedExercise();
        Evaluation ev = e == null ? null : evaluation(e);
        if (ev != null) {
            hint.setText("Hint: " + ExerciseHints.of(e, ev).text());
        }
    }

    @FXML
    void showAnswer() {
        Exercise e = selectedExercise();
        Evaluation ev = e == null ? null : evaluation(e);
        if (ev != null) {
            practice.showAnswer(e);
            setVerdict("The engine's answer: " + e.formatted(e.answer(ev)) + " (an answer within "
                    + Units.percent(e.relativeTolerance()) + " of it counts). Set the scenario to "
                    + "see where it comes from.", null);
            hint();
        }
    }

    @FXML
    void resetScore() {
        practice.reset();
        showExercise();
    }

    private void setVerdict(String text, PseudoClass state) {
        verdict.setText(text);
        verdict.pseudoClassStateChanged(RIGHT, state == RIGHT);
        verdict.pseudoClassStateChanged(WRONG, state == WRONG);
    }

    public String verdictText() {
        return verdict.getText();
    }

    public String hintText() {
        return hint.getText();
    }

    /** A list row: the exercise's number and id, ticked once answered right (it follows the learner's checks). */
    private final class ExerciseCell extends ListCell<Exercise> {
        private final InvalidationListener restyle = obs -> updateItem(getItem(), isEmpty());

        ExerciseCell() {
            practice.changesProperty().addListener(new WeakInvalidationListener(restyle));
        }

        @Override
        protected void updateItem(Exercise e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setText(null);
                return;
            }
            Practice.Standing s = practice.standing(e);
            int n = vm.exercises().indexOf(e) + 1;
            setText(n + ". " + e.id() + (s.right() ? "  ✓" : s.attempts() > 0 ? "  ·  tried" : ""));
        }
    }

    // ---- misconception cards ----

    private Misconception currentCard() {
        return Misconception.BUILT_IN.get(card);
    }

    private void showCard() {
        Misconception m = currentCard();
        cardNumber.setText("Card " + (card + 1) + " of " + Misconception.BUILT_IN.size());
        claim.setText("“" + m.claim() + "”");
        before.setText("Set: " + m.change().get(0));
        after.setText("Then: " + m.change().get(1));
        setShown(null);
        previousCard.setDisable(card == 0);
        nextCard.setDisable(card == Misconception.BUILT_IN.size() - 1);
        showEvidence();
    }

    private void showEvidence() {
        Misconception m = currentCard();
        if (!cardsRevealed.contains(m.id())) {
            evidence.setText("Set the second scenario to see the evidence.");
            truth.setText("");
            return;
        }
        Evaluation a = vm.evaluate(m.before());
        Evaluation b = vm.evaluate(m.after());
        if (a == null || b == null) {
            evidence.setText("This card's GPU, '" + m.before().gpuId() + "', is not among the loaded profiles.");
            return;
        }
        evidence.setText("Evidence: " + m.evidence().apply(a, b));
        truth.setText("Why: " + m.truth());
    }

    @FXML
    void previousCard() {
        if (card > 0) {
            card--;
            showCard();
        }
    }

    @FXML
    void nextCard() {
        if (card < Misconception.BUILT_IN.size() - 1) {
            card++;
            showCard();
        }
    }

    @FXML
    void showBefore() {
        Misconception m = currentCard();
        vm.apply(m.before());
        vm.highlightProperty().set(CARD_TOPICS.getOrDefault(m.id(), Topic.DECODE));
        setShown(before);
    }

    @FXML
    void showAfter() {
        Misconception m = currentCard();
        vm.apply(m.after());
        vm.highlightProperty().set(CARD_TOPICS.getOrDefault(m.id(), Topic.DECODE));
        setShown(after);
        cardsRevealed.add(m.id());
        showEvidence();
    }

    private static final PseudoClass SHOWN = PseudoClass.getPseudoClass("shown");

    /** Marks the scenario button the dashboard shows now. */
    private void setShown(Button which) {
        before.pseudoClassStateChanged(SHOWN, which == before);
        after.pseudoClassStateChanged(SHOWN, which == after);
    }

    public void selectCard(int index) {
        card = Math.max(0, Math.min(Misconception.BUILT_IN.size() - 1, index));
        showCard();
    }

    public String evidenceText() {
        return evidence.getText();
    }

    @FXML
    void close() {
        onClose.run();
    }
}
