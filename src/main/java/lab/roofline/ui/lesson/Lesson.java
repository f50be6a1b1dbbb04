package lab.roofline.ui.lesson;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import lab.roofline.engine.ModelPresets;
import lab.roofline.engine.ModelSpec;
import lab.roofline.engine.Precision;
import lab.roofline.engine.RealismMode;
import lab.roofline.engine.ScenarioInputs;
import lab.roofline.explain.Explanation.Topic;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * The guided lesson: the article's argument in steps. Each step sets the controls to a scenario that
 * shows its point and highlights the chart element being discussed. Leaving keeps the controls as they
 * are, so the user plays on from there.
 */
public final class Lesson {

    /** One step: the scenario it sets and the topic it explains. */
    public record Step(Topic topic, String gpuId, ModelSpec model, Precision precision, boolean weightOnly,
                       int gpuCount, int batch, int promptTokens, int generatedTokens) {
        /** The whole scenario the step sets: ideal roofline, BF16 KV cache, the profile's price. */
        public ScenarioInputs inputs() {
            return new ScenarioInputs(gpuId, model.name(), model.totalParameters(), precision, weightOnly,
                    Precision.BF16, batch, promptTokens, generatedTokens, gpuCount, RealismMode.IDEAL, 1, 1, null);
        }
    }

    public static final List<Step> STEPS = List.of(
            new Step(Topic.RIDGE, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.BF16, false, 2, 1, 1024, 256),
            new Step(Topic.DECODE, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, false, 1, 1, 1024, 256),
            new Step(Topic.PREFILL, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.INT8, false, 1, 1, 1024, 256),
            new Step(Topic.BATCHING, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 64, 128, 128),
            new Step(Topic.KV_CACHE, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 32, 8192, 512),
            new Step(Topic.MEMORY_WALL, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 512, 8192, 512),
            new Step(Topic.COST, "h100_sxm", ModelPresets.LLAMA_3_1_70B, Precision.FP8, false, 2, 16, 1024, 256),
            new Step(Topic.BATCH_API, "h100_sxm", ModelPresets.LLAMA_3_1_8B, Precision.BF16, false, 1, 8, 1024, 256));

    private final RooflineViewModel vm;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);

    public Lesson(RooflineViewModel vm) {
        this.vm = vm;
    }

    /** -1 when no lesson is running. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return index.get() >= 0;
    }

    public void start() {
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
        vm.highlightProperty().set(null);
    }

    public Step current() {
        return isRunning() ? STEPS.get(index.get()) : null;
    }

    private void go(int i) {
        Step step = STEPS.get(i);
        vm.apply(step.inputs());
        vm.highlightProperty().set(step.topic());
        index.set(i);
    }
}
