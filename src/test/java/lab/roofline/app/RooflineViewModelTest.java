package lab.roofline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lab.roofline.engine.Evaluation;
import lab.roofline.engine.ModelPresets;
import lab.roofline.engine.Precision;
import lab.roofline.engine.Scenario;
import lab.roofline.io.ProfileLoader;
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
        vm.selectGpu("b200");
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
        assertThat(vm.setParametersText("70B")).isEmpty();
        assertThat(vm.presetProperty().get()).isNull();
        assertThat(vm.model().totalParameters()).isEqualTo(70e9);
        assertThat(vm.model().name()).isEqualTo("Custom 70B");
    }

    @Test
    void badTextIsRefusedWithAMessageAndChangesNothing() {
        double before = vm.parametersProperty().get();
        assertThat(vm.setParametersText("seventy")).get().asString()
                .contains("'seventy' is not a number of parameters");
        assertThat(vm.setParametersText("5T")).get().asString().contains("outside 100M to 2T");
        assertThat(vm.parametersProperty().get()).isEqualTo(before);
        assertThat(vm.setBatchSizeText("0")).get().asString().contains("Batch size: must be between 1 and");
        assertThat(vm.setBatchSizeText("1.5")).get().asString().contains("is not a whole number");
        assertThat(vm.setBatchSizeText("300")).isEmpty();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(300);
        assertThat(vm.setPromptTokensText("lots")).get().asString().contains("Prompt tokens");
        assertThat(vm.setPromptTokensText("8k")).isEmpty();
        assertThat(vm.promptTokensProperty().get()).isEqualTo(8000);
        assertThat(vm.setGeneratedTokensText("0")).get().asString().contains("between 1 and 10M");
        assertThat(vm.setPriceText("free")).get().asString().contains("not a positive number of dollars");
        assertThat(vm.setPriceText("-3")).isPresent();
        assertThat(vm.setPriceText("2.50")).isEmpty();
        assertThat(vm.result().cost().priceUsdPerHour()).isEqualTo(2.5);
        assertThat(vm.lastInputErrorProperty().get()).isNull();
    }

    @Test
    void choosingAnotherGpuTakesItsPriceAndAnEmptyPriceMeansUnknown() {
        vm.selectGpu("l4");
        assertThat(vm.result().cost().hasPrice()).isFalse();
        vm.selectGpu("h100_sxm");
        assertThat(vm.priceUsdPerHourProperty().get()).isEqualTo(3.49);
        assertThat(vm.setPriceText("")).isEmpty();
        assertThat(vm.result().cost().hasPrice()).isFalse();
        assertThat(vm.selectGpu("no-such-gpu")).isFalse();
    }

    @Test
    void warningsSpeakPlainWords() {
        vm.selectGpu("a100_80gb_sxm");
        vm.precisionProperty().set(Precision.FP8);
        assertThat(vm.warnings()).contains("NVIDIA A100 SXM4 80GB has no FP8 peak: using BF16/FP16");
        vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B);
        vm.batchSizeProperty().set(4096);
        assertThat(vm.warnings()).anyMatch(w -> w.startsWith("Does not fit in 80.0 GB at batch 4096"));
    }

    @Test
    void captionStatesTheScenario() {
        vm.gpuCountProperty().set(2);
        vm.batchSizeProperty().set(64);
        assertThat(vm.caption()).contains("2 × NVIDIA H100 SXM5 80GB", "Llama-3.1-70B", "INT8", "batch 64",
                "1024 prompt + 256 generated");
    }

    @Test
    void applyScenarioSetsEveryInput() {
        Scenario s = vm.scenario().withBatchSize(77).withTokens(4000, 500).withEfficiency(0.7, 0.8)
                .withPrecision(Precision.INT4, true).withModel(ModelPresets.QWEN_2_5_72B);
        vm.applyScenario(s);
        assertThat(vm.scenario()).isEqualTo(s);
    }
}
