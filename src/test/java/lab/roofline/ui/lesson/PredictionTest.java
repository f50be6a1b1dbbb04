package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.ui.lesson.Prediction.ChoiceGuess;
import lab.roofline.ui.lesson.Prediction.Kind;
import lab.roofline.ui.lesson.Prediction.NumberGuess;
import lab.roofline.ui.lesson.Prediction.PointGuess;
import lab.roofline.ui.scenario.RooflineViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Predict, then reveal, without a toolkit: what each step asks, how each kind of guess is scored, what a run keeps. */
class PredictionTest {
    private RooflineViewModel vm;
    private Lesson lesson;

    @BeforeEach
    void setUp() {
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        lesson = new Lesson(vm);
    }

    private Evaluation before(Lesson.Step s) {
        return vm.evaluate(s.askedOn());
    }

    private Evaluation after(Lesson.Step s) {
        return vm.evaluate(s.inputs());
    }

    @Test
    void everyStepAsksAndEveryChoiceQuestionHasExactlyOneRightAnswerOnItsScenarios() {
        for (Lesson.Step s : Lesson.STEPS) {
            Prediction.Question q = s.question();
            assertThat(q).as(s.topic().name()).isNotNull();
            if (q.kind() == Kind.CHOICE) {
                double t = q.truth().applyAsDouble(before(s), after(s));
                assertThat(q.choices().stream().filter(c -> c.holds(t)).count()).as(s.topic() + ": truth " + t).isEqualTo(1);
            }
        }
        assertThat(Lesson.STEPS.stream().map(s -> s.question().kind()).distinct()).containsExactlyInAnyOrder(Kind.values());
    }

    @Test
    void aNumberCountsWithinItsToleranceAndAMissSaysHowFarOff() {
        Lesson.Step decode = Lesson.STEPS.get(1); // 47.2 tokens/s, 25 % tolerance
        Prediction.Result near = Prediction.score(decode.question(), new NumberGuess(40), before(decode), after(decode));
        assertThat(near.right()).isTrue();
        assertThat(near.verdict()).contains("Your guess: 40.0 tokens/s", "The engine: 47.2 tokens/s", "well predicted");
        assertThat(near.formula()).contains("time = max(");
        Prediction.Result far = Prediction.score(decode.question(), new NumberGuess(500), before(decode), after(decode));
        assertThat(far.right()).isFalse();
        assertThat(far.verdict()).contains("10.6× too high");
        assertThat(Prediction.score(decode.question(), new NumberGuess(30), before(decode), after(decode)).verdict())
                .contains("36.5 % too low");
    }

    @Test
    void aChoiceIsRightOnlyWhenItIsTheOneTheTruthFallsIn() {
        Lesson.Step ridge = Lesson.STEPS.get(0); // 295 FLOP/byte: "About 300"
        assertThat(Prediction.score(ridge.question(), new ChoiceGuess(1), before(ridge), after(ridge)).right()).isTrue();
        Prediction.Result wrong = Prediction.score(ridge.question(), new ChoiceGuess(0), before(ridge), after(ridge));
        assertThat(wrong.right()).isFalse();
        assertThat(wrong.verdict()).isEqualTo("You chose “About 30”; it is “About 300”.");
        assertThat(wrong.formula()).contains("ridge = peak FLOP/s ÷ bandwidth");
    }

    @Test
    void aWrongNumberOrChoiceThatACommonMistakeExplainsIsNamedBesideTheTruth() {
        Lesson.Step decode = Lesson.STEPS.get(1); // Llama-3.1-70B in INT8 on one H100: 47.2 tokens/s
        // 3.35 TB/s over 70.6 billion weights at 2 bytes each, as if BF16: about 24 tokens/s.
        Prediction.Result twoBytes = Prediction.score(decode.question(), new NumberGuess(3.35e12 / (2 * 70.554e9)),
                before(decode), after(decode));
        assertThat(twoBytes.right()).isFalse();
        assertThat(twoBytes.mistake()).isEqualTo("take 2 bytes per weight instead of 1 (INT8)");
        assertThat(twoBytes.verdict()).endsWith("Your number is what you get if you take 2 bytes per weight instead of 1 (INT8).");
        assertThat(Prediction.score(decode.question(), new NumberGuess(500), before(decode), after(decode)).mistake())
                .isEmpty();
        // Longer prompts at batch 32: throughput "barely changes" only if each sequence's KV cache is left out.
        Lesson.Step kv = Lesson.STEPS.get(4);
        Prediction.Result barely = Prediction.score(kv.question(), new ChoiceGuess(1), before(kv), after(kv));
        assertThat(barely.right()).isFalse();
        assertThat(barely.mistake()).isEqualTo("leave out the KV cache each sequence reads every decode step");
        assertThat(barely.verdict()).contains("“It barely changes” is what you get if you leave out the KV cache");
        assertThat(Prediction.score(kv.question(), new ChoiceGuess(2), before(kv), after(kv)).mistake()).isEmpty();
    }

    @Test
    void aPointCountsWithinAFactorOfTwoOnBothAxes() {
        Lesson.Step batching = Lesson.STEPS.get(3);
        Evaluation a = after(batching);
        double i = a.decode().arithmeticIntensity();
        double f = a.decode().achievedFlopsPerSecond();
        assertThat(Prediction.score(batching.question(), new PointGuess(i * 1.9, f / 1.9), before(batching), a).right()).isTrue();
        Prediction.Result low = Prediction.score(batching.question(), new PointGuess(i / 3, f), before(batching), a);
        assertThat(low.right()).isFalse();
        assertThat(low.verdict()).contains("intensity 3.00× too low", "FLOP/s about right");
        // Staying where it was (batch 1) is the classic wrong guess: 64 times too little of both.
        Evaluation b = before(batching);
        Prediction.Result stay = Prediction.score(batching.question(),
                new PointGuess(b.decode().arithmeticIntensity(), b.decode().achievedFlopsPerSecond()), b, a);
        assertThat(stay.right()).isFalse();
        assertThat(stay.formula()).contains("Each weight byte read now serves 64 sequences");
    }

    @Test
    void aStepAsksOnItsBeforeScenarioThenRevealsItsOwnAndARunKeepsItsResultsUntilRestartOrReset() {
        lesson.start();
        assertThat(lesson.asking()).isNotNull();
        lesson.reveal(new ChoiceGuess(1));
        assertThat(lesson.asking()).isNull();
        assertThat(lesson.results()).containsKey(0);
        lesson.next();
        lesson.next();
        lesson.next(); // step 4 asks on batch 1, with the hollow marker on the decode point as it is
        assertThat(vm.batchSizeProperty().get()).isEqualTo(1);
        assertThat(lesson.ghostProperty().get()).isNotNull();
        assertThat(lesson.ghostProperty().get().flopsPerByte())
                .isEqualTo(vm.resultProperty().getValue().decode().arithmeticIntensity());
        List<Evaluation> revealedFrom = new ArrayList<>();
        lesson.setOnReveal(revealedFrom::add);
        lesson.reveal(new PointGuess(60, 2e14));
        assertThat(vm.batchSizeProperty().get()).isEqualTo(64);
        assertThat(revealedFrom).singleElement().satisfies(e -> assertThat(e.scenario().batchSize()).isEqualTo(1));
        assertThat(lesson.results().get(3).right()).isTrue();
        assertThat(lesson.ghostProperty().get()).isEqualTo(new PointGuess(60, 2e14)); // the guess stays beside the truth
        // Back to an answered step: it shows its result, it does not ask again.
        lesson.back();
        lesson.back();
        lesson.back();
        assertThat(lesson.asking()).isNull();
        assertThat(lesson.results()).hasSize(2);
        lesson.resetPredictions();
        assertThat(lesson.results()).isEmpty();
        assertThat(lesson.asking()).isNotNull();
        lesson.reveal(new ChoiceGuess(2));
        lesson.start();
        assertThat(lesson.results()).isEmpty();
        assertThatThrownBy(() -> {
            lesson.skipQuestion();
            lesson.reveal(new ChoiceGuess(0));
        }).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withPredictionsOffEachStepShowsAtOnceAndNothingIsScored() {
        lesson.predictingProperty().set(false);
        lesson.start();
        for (int i = 0; i < Lesson.STEPS.size(); i++) {
            assertThat(lesson.asking()).isNull();
            assertThat(vm.batchSizeProperty().get()).isEqualTo(Lesson.STEPS.get(i).batch());
            lesson.next();
        }
        assertThat(lesson.results()).isEmpty();
    }
}
