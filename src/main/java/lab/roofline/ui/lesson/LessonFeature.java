package lab.roofline.ui.lesson;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import lab.roofline.explain.Explanation;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.export.Handout;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.export.HandoutPrint;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.fx.Actions;
import org.controlsfx.control.action.Action;

/**
 * The teaching feature in the window: the guided lesson (predict, then reveal, on the live roofline),
 * practice (exercises and misconception cards) and the handout, with their commands. The window gives it
 * a {@link Host} for what only the window can do: scroll, blur, say something in the status bar.
 */
public final class LessonFeature {
    /** What the lesson asks of the window that holds it. */
    public interface Host {
        /** Scrolls the charts' area so the node is wholly in view. */
        void scrollIntoView(Node node);

        /** The chart that rings a topic's element. */
        Node chartFor(Explanation.Topic topic);

        /** Blurs (or clears) the numbers that would answer the question being asked. */
        void veil(boolean on);

        /**
         * Blurs (or clears) what would answer the question being asked: every number ({@code numbers}), or
         * the utilization chart alone when only its batch curve would ({@code batchCurve}: a point to place
         * at another batch). A window that cannot veil one chart veils all or nothing.
         */
        default void veil(boolean numbers, boolean batchCurve) {
            veil(numbers);
        }

        void showStatus(String text);

        /** The window's scene, or null before it is shown. */
        Scene scene();
    }

    private final RooflineViewModel vm;
    private final Host host;
    private final RooflineChart roofline;
    private final Lesson lesson;
    private final LessonBar lessonBar;
    private final Practice practice = new Practice();
    private final ReadOnlyBooleanWrapper answerHidden = new ReadOnlyBooleanWrapper(this, "answerHidden");
    private final ReadOnlyBooleanWrapper batchCurveHidden = new ReadOnlyBooleanWrapper(this, "batchCurveHidden");
    private final ReadOnlyStringWrapper veilNote = new ReadOnlyStringWrapper(this, "veilNote", "");
    private PracticePanel practicePanel;
    private Runnable handoutExporter;

    public final Action start;
    public final Action next;
    public final Action previous;
    public final Action leave;
    public final Action predictFirst = Actions.toggle("Ask Before Showing", null,
            "Predict, then reveal: each lesson step asks for a guess before it shows its point (off: a teacher "
                    + "demonstrating)");
    public final Action practiceToggle = Actions.toggle("Practice", "Shortcut+Shift+X",
            "Exercises whose answers the engine checks, with hints, and misconception cards that test a claim on "
                    + "the charts (Ctrl+Shift+X)");
    public final Action misconceptions;
    public final Action exportHandout;
    public final Action printHandout;

    public LessonFeature(RooflineViewModel vm, RooflineChart roofline, Host host) {
        this.vm = vm;
        this.host = host;
        this.roofline = roofline;
        lesson = new Lesson(vm);
        lessonBar = new LessonBar(lesson, vm.resultProperty());
        handoutExporter = () -> host.showStatus("Exporting the handout needs the app's file access.");
        start = Actions.command("Guided lesson", "F5", e -> lesson.start(),
                "The argument in eight steps: each sets the controls and points at the chart element it discusses. "
                        + "Leave at any step and keep playing (F5).");
        next = Actions.command("Next step", "Page Down", e -> lesson.next(), null);
        previous = Actions.command("Previous step", "Page Up", e -> lesson.back(), null);
        leave = Actions.command("Keep playing from here", null, e -> lesson.leave(), null);
        misconceptions = Actions.command("Misconception Checks", "Shortcut+Shift+M", e -> openPractice(true),
                "Claims people believe about inference, each tested on two scenarios with the evidence ringed (Ctrl+Shift+M)");
        exportHandout = Actions.command("Export Handout…", null, e -> handoutExporter.run(),
                "The lesson as a web page to hand out or print (every step with this scenario's numbers and chart, "
                        + "the misconception cards, the exercises) and its answer key as a separate page");
        printHandout = Actions.command("Print Handout…", null, e -> printHandout(),
                "Print the lesson's handout for this scenario: a step per page with its chart, the cards, the exercises");
        // Lesson navigation only while a lesson runs.
        next.disabledProperty().bind(lesson.indexProperty().lessThan(0)
                .or(lesson.indexProperty().isEqualTo(Lesson.STEPS.size() - 1)));
        previous.disabledProperty().bind(lesson.indexProperty().lessThan(1));
        leave.disabledProperty().bind(lesson.indexProperty().lessThan(0));
        predictFirst.selectedProperty().bindBidirectional(lesson.predictingProperty());
        lessonBar.setOnOpenCard(card -> {
            openPractice(true);
            practicePanel().selectCard(card);
        });
        connectGuessToChart();
        InvalidationListener hideAnswers = obs -> showAnswerHidden();
        lesson.phaseProperty().addListener(hideAnswers);
        lesson.indexProperty().addListener(hideAnswers);
        practiceToggle.selectedProperty().addListener(hideAnswers);
        lesson.indexProperty().addListener(obs -> showStep());
        lesson.phaseProperty().addListener(obs -> showStep());
    }

    /**
     * Predict, then reveal: the learner's point guess is the roofline's hollow marker (movable while asked),
     * a reveal moves the operating points from where they were, and a point to place takes the keys.
     */
    private void connectGuessToChart() {
        lesson.setOnReveal(roofline::animateFrom);
        roofline.setOnGhostPlaced(lessonBar::reveal);
        InvalidationListener ghostToChart = obs -> {
            Prediction.PointGuess p = lesson.ghostProperty().get();
            RooflineChart.Ghost wanted = p == null ? null
                    : new RooflineChart.Ghost(p.flopsPerByte(), p.flopsPerSecond(), lesson.asking() != null);
            if (!Objects.equals(wanted, roofline.ghostProperty().get())) {
                roofline.ghostProperty().set(wanted);
            }
        };
        InvalidationListener focusPoint = obs -> {
            if (lesson.asking() != null && lesson.asking().kind() == Prediction.Kind.POINT) {
                Platform.runLater(roofline::requestFocus);
            }
        };
        for (InvalidationListener l : List.of(ghostToChart, focusPoint)) {
            lesson.phaseProperty().addListener(l);
            lesson.indexProperty().addListener(l);
        }
        lesson.ghostProperty().addListener(ghostToChart);
        roofline.ghostProperty().addListener((obs, old, now) -> {
            if (now != null && now.movable()) {
                lesson.ghostProperty().set(new Prediction.PointGuess(now.flopsPerByte(), now.flopsPerSecond()));
            }
        });
    }

    /**
     * Whether a question waits whose answer the dashboard's numbers would give away: a lesson step asking about
     * what is on screen already (its reveal changes nothing), or an exercise in the open practice panel that is
     * neither answered right nor shown. While it is true the window veils every view of the live numbers (the
     * summary, the charts with their hover cards and screen-reader text, the explanation, the comparison), never
     * the practice panel, where the answer is typed.
     */
    public ReadOnlyBooleanProperty answerHiddenProperty() {
        return answerHidden.getReadOnlyProperty();
    }

    /**
     * Whether the utilization chart alone answers the question asked: a point to place where the decode step
     * will be at another batch, which that chart's curve shows (its hover card gives the intensity). The rest
     * of the dashboard shows the premise, and the roofline takes the guess: the window veils that chart only
     * ({@link Host#veil(boolean, boolean)}).
     */
    public ReadOnlyBooleanProperty batchCurveHiddenProperty() {
        return batchCurveHidden.getReadOnlyProperty();
    }

    /** What the veil says over the charts while the answer is hidden ("" while it is not). */
    public ReadOnlyStringProperty veilNoteProperty() {
        return veilNote.getReadOnlyProperty();
    }

    /** Veils the numbers while a question waits; the guess or answer is then the learner's own. */
    private void showAnswerHidden() {
        Prediction.Question asked = lesson.asking();
        // A step asking about what is on screen already (no change to reveal): the numbers shown answer it.
        boolean lessonAsks = asked != null && asked.before() == null;
        boolean practiceWaits = practiceToggle.isSelected() && practicePanel().questionWaitingProperty().get();
        answerHidden.set(lessonAsks || practiceWaits);
        batchCurveHidden.set(asked != null && asked.kind() == Prediction.Kind.POINT);
        lessonBar.numbersHeldBackProperty().set(practiceWaits);
        veilNote.set(lessonAsks ? "Predict first: the numbers come back when you reveal."
                : practiceWaits ? "Answer first: the numbers come back once the exercise is answered right or its "
                + "answer shown." : "");
        host.veil(answerHidden.get(), batchCurveHidden.get());
        if (practiceWaits) {
            keepPracticeClear();
        }
    }

    /**
     * The window veils whole panels, and practice opens in one of them: the panel the answer is typed in is
     * kept clear (a veiled ancestor unblurred and taking the mouse again), or no answer could be given.
     */
    private void keepPracticeClear() {
        for (Node n = practicePanel; n != null; n = n.getParent()) {
            if (n.isMouseTransparent() && n.getEffect() != null) {
                n.setEffect(null);
                n.setOpacity(1);
                n.setMouseTransparent(false);
            }
        }
    }

    /** A lesson step's ring is on screen: the middle scrolls to the chart that shows it, after the step's layout. */
    private void showStep() {
        Scene scene = host.scene();
        if (lesson.current() == null || scene == null) {
            return;
        }
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                scrollToStep();
            }
        };
        scene.addPostLayoutPulseListener(once);
        lessonBar.requestLayout();
    }

    private void scrollToStep() {
        Lesson.Step now = lesson.current();
        if (now == null) {
            return;
        }
        Prediction.Question asked = lesson.asking();
        if (asked != null && asked.kind() == Prediction.Kind.POINT) {
            host.scrollIntoView(roofline); // a point to place on the roofline, whatever the step discusses
        } else if (asked != null) {
            host.scrollIntoView(lessonBar); // the question, whole
        } else {
            host.scrollIntoView(host.chartFor(now.topic()));
            if (lesson.results().containsKey(lesson.indexProperty().get())) {
                host.scrollIntoView(lessonBar); // the guess beside the truth comes first
            }
        }
    }

    /** Page Up and Page Down step a running lesson even where a scroll pane has focus. */
    public boolean handleKey(KeyEvent e) {
        if (lesson.isRunning() && e.getCode() == KeyCode.PAGE_DOWN) {
            lesson.next();
            return true;
        }
        if (lesson.isRunning() && e.getCode() == KeyCode.PAGE_UP) {
            lesson.back();
            return true;
        }
        return false;
    }

    public Lesson lesson() {
        return lesson;
    }

    public LessonBar lessonBar() {
        return lessonBar;
    }

    /** The practice panel (made on first use; its answers are kept while the window is open). */
    public PracticePanel practicePanel() {
        if (practicePanel == null) {
            practicePanel = new PracticePanel(vm, practice, () -> practiceToggle.setSelected(false));
            practicePanel.questionWaitingProperty().addListener(obs -> showAnswerHidden());
            // Placed in the window after the veil went on (the panel is made on first use): kept clear of it.
            practicePanel.sceneProperty().addListener(obs -> showAnswerHidden());
        }
        return practicePanel;
    }

    /** Opens practice on the exercises or on the misconception cards. */
    public void openPractice(boolean cards) {
        practiceToggle.setSelected(true);
        if (cards) {
            practicePanel().showCards();
        } else {
            practicePanel().showExercises();
        }
        practicePanel().focusFirst();
    }

    /** What Lesson ▸ Export Handout… does: the app asks for a folder and writes {@link #handoutPages} there. */
    public void setHandoutExporter(Runnable exporter) {
        handoutExporter = exporter;
    }

    /** The handout and its answer key for the live scenario, the exercises loaded and the cards (FX thread). */
    public Handout.Pages handoutPages(String commandLine) {
        return Handout.build(vm.result(), vm.referencesProperty().getValue(), commandLine, List.copyOf(vm.exercises()),
                vm::evaluate, Theme.LIGHT.stylesheets(), LocalDate.now().toString());
    }

    /** Lesson ▸ Print Handout…: the printer's dialog, then a step per page; says when there is no printer. */
    private void printHandout() {
        Scene scene = host.scene();
        HandoutPrint.Outcome outcome = HandoutPrint.print(scene == null ? null : scene.getWindow(), vm.result(),
                vm.referencesProperty().getValue(), List.copyOf(vm.exercises()), vm::evaluate, Theme.LIGHT.stylesheets());
        host.showStatus(switch (outcome) {
            case PRINTED -> "Sent the handout to the printer.";
            case NO_PRINTER -> "No printer is set up on this computer: export the handout (Lesson ▸ Export Handout…) "
                    + "and print it from a web browser.";
            case CANCELLED -> "Printing cancelled.";
            case FAILED -> "The printer did not take the handout; nothing was printed.";
        });
    }

    public void dispose() {
        lessonBar.dispose();
    }
}
