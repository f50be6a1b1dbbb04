package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.explain.Captions;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RealismLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view model without any toolkit: only javafx.beans is used. */
class RooflineViewModelTest {
    private RooflineViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
    }

    @Test
    void startsWithTheArticlesCase() {
        Evaluation e = vm.result();
        assertThat(e.scenario().gpu().id()).isEqualTo("h100_sxm");
        assertThat(e.scenario().model()).isEqualTo(ModelPresets.LLAMA_3_1_70B);
        assertThat(e.scenario().weightPrecision()).isEqualTo(Precision.INT8);
        assertThat(e.ridgeFlopsPerValue()).isCloseTo(590.7, within(0.05));
    }

    @Test
    void manyInputChangesCostOneEvaluationPerRead() {
        vm.result();
        int before = vm.evaluationCountProperty().get();
        for (int b = 1; b <= 100; b++) {
            vm.batchSizeProperty().set(b);
        }
        vm.promptTokensProperty().set(2048);
        vm.edit().selectGpu("b200");
        vm.precisionProperty().set(Precision.FP8);
        assertThat(vm.evaluationCountProperty().get()).isEqualTo(before);
        Evaluation e = vm.result();
        vm.result();
        vm.resultProperty().getValue();
        assertThat(vm.evaluationCountProperty().get()).isEqualTo(before + 1);
        assertThat(e.scenario().batchSize()).isEqualTo(100);
        assertThat(e.scenario().gpu().id()).isEqualTo("b200");
    }

    @Test
    void anInvalidationListenerHearsOnceUntilTheResultIsRead() {
        int[] heard = {0};
        vm.result();
        vm.resultProperty().addListener(obs -> heard[0]++);
        vm.batchSizeProperty().set(8);
        vm.batchSizeProperty().set(16);
        vm.batchSizeProperty().set(32);
        assertThat(heard[0]).isEqualTo(1);
        vm.result();
        vm.batchSizeProperty().set(64);
        assertThat(heard[0]).isEqualTo(2);
    }

    @Test
    void choosingAPresetSetsTheCountAndMovingTheCountMakesItCustom() {
        vm.presetProperty().set(ModelPresets.MISTRAL_7B);
        assertThat(vm.parametersProperty().get()).isEqualTo(ModelPresets.MISTRAL_7B.totalParameters());
        assertThat(vm.model()).isEqualTo(ModelPresets.MISTRAL_7B);
        assertThat(vm.edit().setParametersText("70B")).isEmpty();
        assertThat(vm.presetProperty().get()).isNull();
        assertThat(vm.model().totalParameters()).isEqualTo(70e9);
        assertThat(vm.model().name()).isEqualTo("Custom 70B");
    }

    @Test
    void badTextIsRefusedWithAMessageAndChangesNothing() {
        double before = vm.parametersProperty().get();
        assertThat(vm.edit().setParametersText("seventy")).get().asString()
                .isEqualTo("Parameters: 'seventy' is not a number (try 70B, 7e9 or 1.8T)");
        assertThat(vm.edit().setParametersText("5T")).get().asString().isEqualTo("Parameters: too large (at most 2T)");
        assertThat(vm.edit().setParametersText("7,5B")).get().asString().contains("ambiguous: write 7.5B");
        assertThat(vm.parametersProperty().get()).isEqualTo(before);
        assertThat(vm.edit().setBatchSizeText("0")).get().asString().isEqualTo("Batch size: too small (at least 1)");
        assertThat(vm.edit().setBatchSizeText("1.5")).get().asString().contains("is not a whole number");
        assertThat(vm.edit().setBatchSizeText("1e99")).get().asString().isEqualTo("Batch size: too large (at most 1,048,576)");
        assertThat(vm.edit().setBatchSizeText("2,048")).isEmpty();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(2048);
        assertThat(vm.edit().setBatchSizeText("300")).isEmpty();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(300);
        assertThat(vm.edit().setPromptTokensText("lots")).get().asString().startsWith("Prompt tokens: 'lots' is not");
        assertThat(vm.edit().setPromptTokensText("8k")).isEmpty();
        assertThat(vm.promptTokensProperty().get()).isEqualTo(8000);
        assertThat(vm.edit().setGeneratedTokensText("0")).get().asString().contains("too small (at least 1)");
        assertThat(vm.edit().setPriceText("free")).get().asString().startsWith("Price: 'free' is not a number");
        assertThat(vm.edit().setPriceText("-3")).get().asString().contains("too small");
        assertThat(vm.edit().setPriceText("2,50")).get().asString().contains("'2,50' is ambiguous: write 2.50");
        assertThat(vm.edit().setPriceText("2.50")).isEmpty();
        assertThat(vm.result().cost().priceUsdPerHour()).isEqualTo(2.5);
        assertThat(vm.edit().lastInputErrorProperty().get()).isNull();
    }

    @Test
    void theGpuCountFieldSaysWhyAndNeverSilentlyClamps() {
        assertThat(vm.edit().setGpuCountText("abc")).get().asString().isEqualTo("GPU count: 'abc' is not a whole number (try 8)");
        assertThat(vm.edit().setGpuCountText("-3")).get().asString().isEqualTo("GPU count: too small (at least 1)");
        assertThat(vm.edit().setGpuCountText("")).get().asString().isEqualTo("GPU count: empty (try 8)");
        assertThat(vm.edit().setGpuCountText("0")).get().asString().isEqualTo("GPU count: too small (at least 1)");
        assertThat(vm.edit().setGpuCountText("5000")).get().asString().isEqualTo("GPU count: too large (at most 4,096)");
        assertThat(vm.edit().setGpuCountText("1e99")).get().asString().isEqualTo("GPU count: too large (at most 4,096)");
        assertThat(vm.gpuCountProperty().get()).isEqualTo(1);
        assertThat(vm.edit().setGpuCountText("7,5")).get().asString()
                .isEqualTo("GPU count: '7,5' is not a whole number: a comma only groups thousands, in threes (2,048)");
        assertThat(vm.edit().setGpuCountText("8")).isEmpty();
        assertThat(vm.gpuCountProperty().get()).isEqualTo(8);
    }

    @Test
    void aTypedPriceStaysWithItsGpuAndAnotherGpuShowsItsOwn() {
        vm.edit().selectGpu("l4");
        assertThat(vm.result().cost().hasPrice()).isFalse();
        vm.edit().selectGpu("h100_sxm");
        assertThat(vm.priceUsdPerHourProperty().get()).isEqualTo(3.49);
        assertThat(vm.edit().setPriceText("2.00")).isEmpty();
        vm.edit().selectGpu("b200");
        assertThat(vm.priceUsdPerHourProperty().get()).isNotEqualTo(2.0);
        vm.edit().selectGpu("h100_sxm");
        assertThat(vm.priceUsdPerHourProperty().get()).isEqualTo(2.0);
        assertThat(vm.edit().setPriceText("")).isEmpty();
        assertThat(vm.result().cost().hasPrice()).isFalse();
        assertThat(vm.edit().selectGpu("no-such-gpu")).isFalse();
    }

    @Test
    void settingTheSameParameterCountKeepsThePreset() {
        vm.presetProperty().set(ModelPresets.LLAMA_3_1_70B);
        vm.edit().setParameters(vm.parametersProperty().get());
        assertThat(vm.presetProperty().get()).isEqualTo(ModelPresets.LLAMA_3_1_70B);
    }

    @Test
    void realisticModeTakesTheMeasuredFractionsAndItsTextStatesThem() {
        vm.setRealism(RealismLoader.loadBundled().realism());
        vm.realismModeProperty().set(RealismMode.REALISTIC);
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.803);
        assertThat(vm.bandwidthEfficiencyProperty().get()).isEqualTo(0.84);
        assertThat(vm.realismSourceProperty().get()).contains("Compute 80.3 %", "Bandwidth 84.0 %");
        vm.edit().selectGpu("a100_80gb_sxm");
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(0.869);
        assertThat(vm.realismSourceProperty().get()).contains("Compute 86.9 %");
        vm.edit().setComputeEfficiency(0.5);
        assertThat(vm.realismModeProperty().get()).isEqualTo(RealismMode.CUSTOM);
        assertThat(vm.bandwidthEfficiencyProperty().get()).isEqualTo(0.84); // the other one stays put
        vm.realismModeProperty().set(RealismMode.IDEAL);
        assertThat(vm.computeEfficiencyProperty().get()).isEqualTo(1.0);
        assertThat(vm.bandwidthEfficiencyProperty().get()).isEqualTo(1.0);
    }

    @Test
    void warningsSpeakPlainWords() {
        vm.edit().selectGpu("a100_80gb_sxm");
        vm.precisionProperty().set(Precision.FP8);
        assertThat(vm.result().notices()).contains("NVIDIA A100 SXM4 80GB has no FP8 peak: using BF16/FP16");
        vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B);
        vm.batchSizeProperty().set(4096);
        assertThat(vm.result().notices()).anyMatch(w -> w.startsWith("Does not fit in 84.8 GB at batch 4,096"));
    }

    @Test
    void captionStatesTheScenario() {
        vm.gpuCountProperty().set(2);
        vm.batchSizeProperty().set(64);
        assertThat(Captions.of(vm.result())).contains("2 × NVIDIA H100 SXM5 80GB",
                "Llama-3.1-70B", "INT8 weights, INT8 math, BF16/FP16 KV cache", "batch 64",
                "1,024 prompt + 256 generated", "ideal (100 % of peak)", "$3.49\u00a0per\u00a0device-hour");
        vm.edit().setComputeEfficiency(0.7);
        vm.edit().setPrice(Double.NaN);
        assertThat(Captions.of(vm.result())).contains("derated to 70.0 % of peak FLOP/s, "
                + "100 % of bandwidth", "no price");
    }

    private static final ScenarioInputs SOME = new ScenarioInputs("b200", null, 33e9, Precision.INT4, true,
            Precision.FP8, 77, 4000, 500, 2, RealismMode.CUSTOM, 0.7, 0.8, 1.25);

    @Test
    void applyingInputsSetsEveryOneAndReadsBackTheSame() {
        vm.apply(SOME);
        assertThat(vm.inputs()).isEqualTo(SOME);
        Scenario s = vm.scenario();
        assertThat(s.gpu().id()).isEqualTo("b200");
        assertThat(s.model().totalParameters()).isEqualTo(33e9);
        assertThat(s.batchSize()).isEqualTo(77);
        assertThat(s.computeEfficiency()).isEqualTo(0.7);
        assertThat(s.priceUsdPerHour()).isEqualTo(1.25);
    }

    /** Derived state is bound, not kept in step by listeners: any order of writes gives the same state. */
    @Property(tries = 60)
    void theResultOfApplyingDoesNotDependOnTheOrderOfWrites(@ForAll("orders") List<Integer> order) {
        RooflineViewModel other = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        other.setRealism(RealismLoader.loadBundled().realism());
        List<Runnable> writes = List.of(
                () -> other.edit().selectGpu("a100_80gb_sxm"),
                () -> other.presetProperty().set(ModelPresets.MISTRAL_7B),
                () -> other.precisionProperty().set(Precision.FP8),
                () -> other.realismModeProperty().set(RealismMode.REALISTIC),
                () -> other.batchSizeProperty().set(48),
                () -> other.gpuCountProperty().set(4));
        for (int i : order) {
            writes.get(i).run();
        }
        RooflineViewModel reference = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        reference.setRealism(RealismLoader.loadBundled().realism());
        reference.apply(new ScenarioInputs("a100_80gb_sxm", ModelPresets.MISTRAL_7B.name(), 0, Precision.FP8, false,
                Precision.BF16, 48, 1024, 256, 4, RealismMode.REALISTIC, 1, 1, null));
        assertThat(other.scenario()).isEqualTo(reference.scenario());
    }

    @Provide
    Arbitrary<List<Integer>> orders() {
        return Arbitraries.shuffle(0, 1, 2, 3, 4, 5);
    }
}
