package lab.roofline.ui.scenario;

import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.layout.VBox;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.LogSliderField;

/** Batch size, prompt and generated tokens: log-2 sliders with fields that take any allowed value. */
public final class WorkloadSection extends VBox {
    @FXML LogSliderField batch;
    @FXML LogSliderField prompt;
    @FXML LogSliderField generated;

    public WorkloadSection(RooflineViewModel vm) {
        Fxml.loadInto(this);
        batch.setId("batch");
        prompt.setId("prompt");
        generated.setId("generated");
        batch.connect(vm.batchSizeProperty(), 2, 0, log2(ScenarioLimits.SLIDER_MAX_BATCH), WorkloadSection::whole,
                v -> vm.batchSizeProperty().set((int) Math.round(v)), vm.edit()::setBatchSizeText);
        prompt.connect(vm.promptTokensProperty(), 2, 0, log2(ScenarioLimits.SLIDER_MAX_PROMPT_TOKENS),
                WorkloadSection::whole, v -> vm.promptTokensProperty().set((int) Math.round(v)),
                vm.edit()::setPromptTokensText);
        generated.connect(vm.generatedTokensProperty(), 2, 0, log2(ScenarioLimits.SLIDER_MAX_GENERATED_TOKENS),
                WorkloadSection::whole, v -> vm.generatedTokensProperty().set((int) Math.round(v)),
                vm.edit()::setGeneratedTokensText);
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** 1,024: thousands separated, as the limits print. */
    static String whole(double v) {
        return String.format(Locale.ROOT, "%,d", (long) v);
    }

    public LogSliderField batchField() {
        return batch;
    }

    public LogSliderField promptField() {
        return prompt;
    }

    public LogSliderField generatedField() {
        return generated;
    }

    public void dispose() {
        batch.dispose();
        prompt.dispose();
        generated.dispose();
    }
}
