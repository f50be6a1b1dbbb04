package lab.roofline.ui.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.explain.Derivations;
import lab.roofline.explain.ExerciseHints;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.ui.lesson.Prediction.Choice;
import lab.roofline.ui.lesson.Prediction.Kind;
import lab.roofline.ui.lesson.Prediction.Question;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * The guided lesson: the article's argument in steps. Each step sets the controls to a scenario that
 * shows its point and highlights the chart element being discussed. Leaving keeps the controls as they
 * are, so the user plays on from there.
 *
 * <p>With predictions on (a student alone), a step asks first: it shows the scenario before its change,
 * takes a guess, then makes the change and sets the guess beside the truth. The results of a run are kept
 * until the lesson starts again or they are reset. With predictions off (a teacher demonstrating) each step
 * shows at once.
 */
public final class Lesson {

    /** Asking, or showing the step's point (after a reveal, or at once). */
    public enum Phase { ASKING, SHOWING }

    /** One step: the scenario it sets, the topic it explains and the question it asks first. */
    public record Step(Topic topic, String gpuId, ModelSpec model, Precision precision, boolean weightOnly,
                       int gpuCount, int batch, int promptTokens, int generatedTokens, Question question) {
        /** The whole scenario the step sets: ideal roofline, BF16 KV cache, the profile's price. */
        public ScenarioInputs inputs() {
            return ScenarioInputs.ofPreset(gpuId, model, precision, weightOnly, batch, promptTokens, generatedTokens,
                    gpuCount, RealismMode.IDEAL);
        }

        /** The scenario shown while the question is asked (the step's own when the reveal changes nothing). */
        public ScenarioInputs askedOn() {
            return question != null && question.before() != null ? question.before() : inputs();
        }
    }

    private static ScenarioInputs scenario(ModelSpec model, Precision precision, int gpuCount, int batch, int prompt,
                                           int generated) {
        return ScenarioInputs.ofPreset("h100_sxm", model, precision, false, batch, prompt, generated, gpuCount,
                RealismMode.IDEAL);
    }

    private static String derivation(Evaluation e, Derivations.Quantity q) {
        return Derivations.of(e).get(q).text();
    }

    private static final double WIDE = Double.POSITIVE_INFINITY;

    public static final List<Step> STEPS = List.of(
            new Step(Topic.RIDGE, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.BF16, false, 2, 1, 1024, 256,
                    new Question(Kind.CHOICE, "Two H100s together do 1,979 TFLOP/s of BF16 math and read 6.70 TB/s. How "
                            + "many FLOPs must a kernel do per byte it reads to keep the math units busy?", null, "", 0,
                            List.of(new Choice("About 30", 10, 100), new Choice("About 300", 100, 1000),
                                    new Choice("About 3,000", 1000, 10_000)),
                            (before, after) -> after.ridgeFlopsPerByte(),
                            (before, after) -> derivation(after, Derivations.Quantity.RIDGE))),
            new Step(Topic.DECODE, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, false, 1, 1, 1024, 256,
                    new Question(Kind.NUMBER, "Llama-3.1-70B in INT8 on one H100, one sequence: how many tokens a second "
                            + "will decode give it?", null, "tokens/s", 0.25, List.of(),
                            (before, after) -> after.decode().tokensPerSecondPerSequence(),
                            (before, after) -> derivation(after, Derivations.Quantity.TIME_PER_OUTPUT_TOKEN))),
            new Step(Topic.PREFILL, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, false, 1, 1, 1024, 256,
                    new Question(Kind.NUMBER, "The same model prefills a 1,024-token prompt. How many times faster per "
                            + "token is prefill than decode?", null, "×", 0.25, List.of(),
                            (before, after) -> after.cost().outputToInputRatio(),
                            (before, after) -> derivation(after, Derivations.Quantity.RATIO))),
            new Step(Topic.BATCHING, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 64, 128, 128,
                    new Question(Kind.POINT, "Where will the decode point move if the batch goes from 1 to 64? Drag the "
                            + "hollow marker on the roofline chart (or move it with the arrow keys and press Enter).",
                            scenario(ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 1, 128, 128), "", 0, List.of(),
                            (before, after) -> after.decode().arithmeticIntensity(),
                            (before, after) -> "Each weight byte read now serves 64 sequences: intensity "
                                    + Units.sig3(before.decode().arithmeticIntensity()) + " → "
                                    + Units.sig3(after.decode().arithmeticIntensity())
                                    + " FLOP/byte, and on the sloped roof FLOP/s = intensity × bandwidth.\n"
                                    + derivation(after, Derivations.Quantity.DECODE_THROUGHPUT))),
            new Step(Topic.KV_CACHE, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 32, 8192, 512,
                    new Question(Kind.CHOICE, "At batch 32 the prompts grow from 512 to 8,192 tokens. What happens to "
                            + "decode throughput?", scenario(ModelPresets.LLAMA_3_1_8B, Precision.BF16, 1, 32, 512, 512),
                            "", 0, List.of(new Choice("It rises", 1.1, WIDE), new Choice("It barely changes", 0.9, 1.1),
                                    new Choice("It falls by more than half", 0, 0.5)),
                            (before, after) -> after.decode().tokensPerSecond() / before.decode().tokensPerSecond(),
                            (before, after) -> "Each sequence reads its own KV cache every step, and batching does not "
                                    + "share it: " + Units.sig3(before.decode().tokensPerSecond())
                                    + " → " + Units.sig3(after.decode().tokensPerSecond())
                                    + " tokens/s.\n" + derivation(after, Derivations.Quantity.TIME_PER_OUTPUT_TOKEN))),
            new Step(Topic.MEMORY_WALL, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 512, 8192, 512,
                    new Question(Kind.NUMBER, "With 8,192 + 512 tokens per sequence, how many sequences of Llama-3.1-8B "
                            + "fit on one H100 beside the weights?", null, "sequences", 0.25, List.of(),
                            (before, after) -> after.memory().maxBatch(),
                            (before, after) -> ExerciseHints.maxBatch(after).text() + "\n= "
                                    + String.format(Locale.ROOT, "%,d", after.memory().maxBatch()) + " sequences")),
            new Step(Topic.COST, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.FP8, false, 2, 16, 1024, 256,
                    new Question(Kind.NUMBER, "Llama-3.1-70B in FP8 on two H100s at batch 16: how many times more will an "
                            + "output token cost than an input token?", null, "×", 0.25, List.of(),
                            (before, after) -> after.cost().outputToInputRatio(),
                            (before, after) -> derivation(after, Derivations.Quantity.RATIO))),
            new Step(Topic.BATCH_API, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 8, 1024, 256,
                    new Question(Kind.CHOICE, "A Batch API tops a batch of 8 up to the critical batch. What does that do "
                            + "to the cost of an output token?", null, "", 0,
                            List.of(new Choice("Little: about as cheap", 0, 1.5), new Choice("About twice as cheap", 1.5, 4),
                                    new Choice("About ten times cheaper", 4, WIDE)),
                            (before, after) -> after.batchApi().outputSecondsBefore() / after.batchApi().outputSecondsAfter(),
                            (before, after) -> "Batch " + after.batchApi().onlineBatch() + " → "
                                    + after.batchApi().toppedUpBatch() + ": the same weight reads serve "
                                    + Units.sig3((double) after.batchApi().toppedUpBatch()
                                    / after.batchApi().onlineBatch()) + "× as many tokens, so each costs "
                                    + Units.seconds(after.batchApi().outputSecondsBefore()) + " → "
                                    + Units.seconds(after.batchApi().outputSecondsAfter())
                                    + " of GPU time.")));

    /** The misconception card a step leads to (opened from the lesson bar), by the card's id. */
    public static final Map<Topic, String> CARD_FOR_STEP = Map.of(
            Topic.RIDGE, "decode-set-by-flops",
            Topic.DECODE, "quantizing-only-saves-memory",
            Topic.PREFILL, "input-cheap-because-short",
            Topic.BATCHING, "bigger-batch-slower",
            Topic.COST, "eight-gpus-eight-times");

    private final RooflineViewModel vm;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final BooleanProperty predicting = new SimpleBooleanProperty(this, "predicting", true);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.SHOWING);
    private final ObservableMap<Integer, Prediction.Result> results = FXCollections.observableHashMap();
    /** The learner's point guess while a POINT question is asked (and beside the truth after): the chart's ghost. */
    private final ObjectProperty<Prediction.PointGuess> ghost = new SimpleObjectProperty<>(this, "ghost");
    private Consumer<Evaluation> onReveal = before -> { };

    public Lesson(RooflineViewModel vm) {
        this.vm = vm;
        // Turned off mid-question (the teacher takes over): the step shows at once.
        predicting.addListener((obs, was, on) -> {
            if (!on) {
                skipQuestion();
            }
        });
    }

    /** -1 when no lesson is running. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return index.get() >= 0;
    }

    /** Whether steps ask before they show (on: a student alone; off: a teacher demonstrating). */
    public BooleanProperty predictingProperty() {
        return predicting;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** This run's results by step index: kept until the lesson starts again or they are reset. */
    public ObservableMap<Integer, Prediction.Result> results() {
        return results;
    }

    public ObjectProperty<Prediction.PointGuess> ghostProperty() {
        return ghost;
    }

    /** Told the evaluation shown before a reveal's change, so the chart can move its points from there. */
    public void setOnReveal(Consumer<Evaluation> handler) {
        onReveal = handler == null ? before -> { } : handler;
    }

    /** Starts again from step 1; the last run's predictions are forgotten. */
    public void start() {
        results.clear();
        go(0);
    }

    public void next() {
        if (index.get() < STEPS.size() - 1) {
            go(index.get() + 1);
        }
    }

    public void back() {
        if (index.get() > 0) {
            go(index.get() - 1);
        }
    }

    /** Leaves the lesson; every control keeps the value the step gave it. */
    public void leave() {
        index.set(-1);
        phase.set(Phase.SHOWING);
        ghost.set(null);
        vm.highlightProperty().set(null);
    }

    /** Whether the dashboard still shows the current step's scenario (a result is shown only beside it). */
    public boolean showsCurrentStep() {
        Step step = current();
        if (step == null) {
            return false;
        }
        ScenarioInputs want = phase.get() == Phase.ASKING ? step.askedOn() : step.inputs();
        ScenarioInputs now = vm.inputs();
        return now.gpuId().equals(want.gpuId()) && Objects.equals(now.presetName(), want.presetName())
                && now.precision() == want.precision() && now.batchSize() == want.batchSize()
                && now.promptTokens() == want.promptTokens() && now.generatedTokens() == want.generatedTokens()
                && now.gpuCount() == want.gpuCount() && now.scales().equals(want.scales());
    }

    /** The question the current step is asking now, or null. */
    public Question asking() {
        Step step = current();
        return step != null && phase.get() == Phase.ASKING ? step.question() : null;
    }

    /** Commits the guess: the step makes its change and the guess is scored against the truth. */
    public Prediction.Result reveal(Prediction.Guess guess) {
        Question q = asking();
        if (q == null) {
            throw new IllegalStateException("no question is being asked");
        }
        Step step = current();
        Evaluation before = vm.evaluate(q.before() != null ? q.before() : step.inputs());
        Evaluation after = vm.evaluate(step.inputs());
        Prediction.Result r = Prediction.score(q, guess, before, after);
        results.put(index.get(), r);
        if (guess instanceof Prediction.PointGuess p) {
            ghost.set(p); // the guess stays on the chart beside the truth
        }
        show(step, before);
        return r;
    }

    /** Shows the step without a guess (the learner would rather not): nothing is scored. */
    public void skipQuestion() {
        Step step = current();
        if (asking() != null) {
            show(step, vm.evaluate(step.question().before() != null ? step.question().before() : step.inputs()));
        }
    }

    private void show(Step step, Evaluation before) {
        if (step.question() == null || step.question().kind() != Kind.POINT) {
            ghost.set(null);
        }
        phase.set(Phase.SHOWING);
        onReveal.accept(before); // before the change, so the chart starts its points where they were
        vm.apply(step.inputs());
    }

    /** Forgets this run's predictions; the current step asks again. */
    public void resetPredictions() {
        results.clear();
        if (isRunning()) {
            go(index.get());
        }
    }

    public Step current() {
        return isRunning() ? STEPS.get(index.get()) : null;
    }

    private void go(int i) {
        Step step = STEPS.get(i);
        Question q = step.question();
        boolean ask = predicting.get() && q != null && !results.containsKey(i);
        vm.apply(ask && q.before() != null ? q.before() : step.inputs());
        vm.highlightProperty().set(step.topic());
        Prediction.Result earlier = results.get(i);
        if (ask && q.kind() == Kind.POINT) {
            // The hollow marker starts on the decode point as it is now: the learner moves it to where it will be.
            Evaluation now = vm.resultProperty().getValue();
            ghost.set(new Prediction.PointGuess(now.decode().arithmeticIntensity(), now.decode().achievedFlopsPerSecond()));
        } else {
            ghost.set(earlier != null && earlier.guess() instanceof Prediction.PointGuess p ? p : null);
        }
        phase.set(ask ? Phase.ASKING : Phase.SHOWING);
        index.set(i);
    }
}
