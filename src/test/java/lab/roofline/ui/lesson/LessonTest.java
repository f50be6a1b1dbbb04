package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.explain.Explanation;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.ui.scenario.RooflineViewModel;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lesson without a toolkit: each step sets the controls it claims and shows what it says. */
class LessonTest {
    private RooflineViewModel vm;
    private Lesson lesson;

    @BeforeEach
    void setUp() {
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        lesson = new Lesson(vm);
        lesson.predictingProperty().set(false); // a teacher demonstrating: each step shows at once
    }

    @Test
    void everyStepSetsTheControlsItClaimsAndHighlightsItsTopic() {
        lesson.start();
        for (int i = 0; i < Lesson.STEPS.size(); i++) {
            Lesson.Step step = Lesson.STEPS.get(i);
            assertThat(lesson.indexProperty().get()).isEqualTo(i);
            assertThat(vm.gpuProperty().get().id()).isEqualTo(step.gpuId());
            assertThat(vm.presetProperty().get()).isEqualTo(step.model());
            assertThat(vm.precisionProperty().get()).isEqualTo(step.precision());
            assertThat(vm.weightOnlyProperty().get()).isEqualTo(step.weightOnly());
            assertThat(vm.gpuCountProperty().get()).isEqualTo(step.gpuCount());
            assertThat(vm.batchSizeProperty().get()).isEqualTo(step.batch());
            assertThat(vm.promptTokensProperty().get()).isEqualTo(step.promptTokens());
            assertThat(vm.generatedTokensProperty().get()).isEqualTo(step.generatedTokens());
            assertThat(vm.highlightProperty().get()).isEqualTo(step.topic());
            lesson.next();
        }
        assertThat(lesson.indexProperty().get()).isEqualTo(Lesson.STEPS.size() - 1);
    }

    @Test
    void eachStepsScenarioShowsWhatItsParagraphIsAbout() {
        for (Lesson.Step step : Lesson.STEPS) {
            lesson.start();
            while (lesson.current() != step) {
                lesson.next();
            }
            Evaluation e = vm.result();
            switch (step.topic()) {
                case DECODE -> assertThat(e.decode().bound().label()).isEqualTo("memory-bound");
                case PREFILL -> assertThat(e.prefill().bound().label()).isEqualTo("compute-bound");
                case BATCHING -> assertThat(e.criticalBatch()).isFinite();
                case KV_CACHE -> {
                    assertThat(e.criticalBatch()).isNaN();
                    assertThat(e.memory().fits()).as("the KV-cache step is not about memory running out").isTrue();
                }
                case MEMORY_WALL -> assertThat(e.memory().fits()).isFalse();
                case COST -> assertThat(e.cost().outputToInputRatio()).isGreaterThan(3);
                case BATCH_API -> assertThat(e.batchApi().toppedUpBatch()).isGreaterThan(step.batch());
                default -> assertThat(e.memory().fits()).isTrue();
            }
        }
    }

    @Test
    void backGoesBackAndLeavingKeepsTheControls() {
        lesson.start();
        lesson.next();
        lesson.next();
        lesson.back();
        assertThat(lesson.current().topic()).isEqualTo(Explanation.Topic.DECODE);
        lesson.next();
        lesson.next();
        int batch = vm.batchSizeProperty().get();
        lesson.leave();
        assertThat(lesson.isRunning()).isFalse();
        assertThat(vm.highlightProperty().get()).isNull();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(batch);
        vm.batchSizeProperty().set(7);
        assertThat(vm.result().scenario().batchSize()).isEqualTo(7);
    }

    @Test
    void ratioReferencesComeFromThePricesAndInvertTheRatio() {
        vm.apiPrices().setAll(ApiPriceLoader.loadBundled().prices());
        vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B);
        vm.precisionProperty().set(Precision.BF16);
        List<RatioReference> refs = vm.referencesProperty().getValue();
        assertThat(refs).extracting(RatioReference::ratio).contains(4.0, 5.0, 8.0);
        RatioReference five = refs.stream().filter(r -> r.ratio() == 5.0).findFirst().orElseThrow();
        assertThat(five.apis()).contains("Anthropic");
        assertThat(RooflineEngine.outputToInputRatio(vm.scenario(), five.impliedBatch()))
                .isCloseTo(5.0, Assertions.within(1e-5));
    }
}
