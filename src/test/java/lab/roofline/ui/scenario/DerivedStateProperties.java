package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioArbitraries;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.ApiPrice;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RealismLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every number a view shows is a function of the current inputs: after any sequence of changes (what-ifs,
 * typed values, pins, undo and redo, lesson steps, opened files), the view model's derived values equal a
 * fresh evaluation of the inputs it reports. A value that forgets one of its inputs shows up here as stale.
 */
class DerivedStateProperties {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.load(true, List.of()).profiles();
    private static final Realism MEASURED = RealismLoader.loadBundled().realism();
    private static final List<ApiPrice> PRICES = ApiPriceLoader.loadBundled().prices();

    /** One change a user, the lesson or a file can make. */
    record Change(Kind kind, int pick, double amount, ScenarioInputs inputs) {
    }

    enum Kind {
        BATCH, GPU, PRECISION, WHAT_IF, REALISM, COMPUTE_EFFICIENCY, BANDWIDTH_EFFICIENCY, OVERHEAD, PRICE,
        DEVICES, STAGES, PRESET, PARAMETERS, TOKENS, DRAFT, EMBEDDINGS, PIN, UNPIN, MAKE_LIVE, UNDO, REDO,
        LESSON_STEP, OPEN_FILE, RESET
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        List<String> ids = PROFILES.stream().map(HardwareProfile::id).toList();
        Arbitrary<Change> one = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.doubles().between(0, 1), ScenarioArbitraries.inputs(ids)).as(Change::new);
        return one.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void everyShownNumberIsAFreshEvaluationOfTheInputs(@ForAll("changes") List<Change> changes) {
        RooflineViewModel vm = new RooflineViewModel(PROFILES);
        vm.setRealism(MEASURED);
        vm.apiPrices().setAll(PRICES);
        vm.history();
        vm.result();
        vm.referencesProperty().getValue();
        for (Change c : changes) {
            make(vm, c);
            assertAgrees(vm, c);
        }
    }

    private static void make(RooflineViewModel vm, Change c) {
        int pick = c.pick();
        double x = c.amount();
        switch (c.kind()) {
            case BATCH -> vm.edit().setBatchSizeText(String.valueOf(1 + pick % 4096));
            case GPU -> vm.edit().selectGpu(PROFILES.get(pick % PROFILES.size()).id());
            case PRECISION -> vm.precisionProperty().set(Precision.values()[pick % Precision.values().length]);
            case WHAT_IF -> vm.scalesProperty().set(new HardwareScales(0.5 + 3.5 * x, List.of(0.5, 1.0, 2.0, 4.0).get(pick % 4),
                    pick % 3 == 0 ? 1 : 2));
            case REALISM -> vm.realismModeProperty().set(RealismMode.values()[pick % RealismMode.values().length]);
            case COMPUTE_EFFICIENCY -> vm.edit().setComputeEfficiency(0.05 + 0.95 * x);
            case BANDWIDTH_EFFICIENCY -> vm.edit().setBandwidthEfficiency(0.05 + 0.95 * x);
            case OVERHEAD -> vm.edit().setLayerOverheadMicroseconds(200 * x);
            case PRICE -> vm.edit().setPriceText(pick % 5 == 0 ? "" : String.format(Locale.ROOT, "%.2f", 0.5 + 10 * x));
            case DEVICES -> vm.edit().setGpuCountText(String.valueOf(List.of(1, 2, 4, 8, 3).get(pick % 5)));
            case STAGES -> vm.edit().setPipelineStages(1 + pick % 4);
            case PRESET -> vm.presetProperty().set(ModelPresets.ALL.get(pick % ModelPresets.ALL.size()));
            case PARAMETERS -> vm.edit().setParameters(1e9 + 400e9 * x);
            case TOKENS -> {
                vm.edit().setPromptTokensText(String.valueOf(1 + pick % 32_768));
                vm.edit().setGeneratedTokensText(String.valueOf(1 + (pick / 7) % 4096));
            }
            case DRAFT -> vm.edit().setDraftModel(pick % 3 == 0 ? null : ModelPresets.ALL.get(pick % ModelPresets.ALL.size()));
            case EMBEDDINGS -> vm.quantizedEmbeddingsProperty().set(pick % 2 == 0);
            case PIN -> vm.pinsModel().pin(null);
            case UNPIN -> {
                if (!vm.pinsModel().pins().isEmpty()) {
                    vm.pinsModel().unpin(vm.pinsModel().pins().get(pick % vm.pinsModel().pins().size()));
                }
            }
            case MAKE_LIVE -> {
                if (!vm.pinsModel().pins().isEmpty()) {
                    vm.pinsModel().makeLive(vm.pinsModel().pins().get(pick % vm.pinsModel().pins().size()));
                }
            }
            case UNDO -> vm.history().undo();
            case REDO -> vm.history().redo();
            case LESSON_STEP -> vm.apply(c.inputs());
            case OPEN_FILE -> vm.open(Path.of("plan.roofline.json"),
                    new NamedScenario("plan", "", c.inputs(), null));
            case RESET -> vm.resetToDefaults();
        }
    }

    private static void assertAgrees(RooflineViewModel vm, Change after) {
        ScenarioInputs in = vm.inputs();
        Scenario fresh = scenarioOf(in);
        String context = "after " + after.kind() + " the inputs are " + in;
        assertThat(vm.result().scenario()).as(context).isEqualTo(fresh);
        assertThat(vm.result()).as(context).isEqualTo(RooflineEngine.evaluate(fresh));
        assertThat(vm.referencesProperty().getValue()).as("API-ratio marks " + context)
                .isEqualTo(RatioReference.forPrices(fresh.withBatchSize(1), PRICES));
        assertThat(vm.parametersProperty().get()).as(context).isEqualTo(fresh.model().totalParameters());
        assertThat(vm.computeEfficiencyProperty().get()).as(context).isEqualTo(fresh.computeEfficiency());
        assertThat(vm.bandwidthEfficiencyProperty().get()).as(context).isEqualTo(fresh.bandwidthEfficiency());
        assertThat(vm.layerOverheadSecondsProperty().get()).as(context).isEqualTo(fresh.layerOverheadSeconds());
        assertThat(vm.pipelineStagesProperty().get()).as(context).isEqualTo(fresh.pipelineStages());
        assertThat(Double.compare(vm.priceUsdPerHourProperty().get(), fresh.priceUsdPerHour())).as(context).isZero();
        assertThat(vm.gpuProperty().get().id()).as(context).isEqualTo(in.gpuId());
        assertThat(vm.batchSizeProperty().get()).as(context).isEqualTo(in.batchSize());
        assertThat(vm.speculationProperty().get()).as(context).isEqualTo(in.speculation());
        for (PinsModel.Pin p : vm.pinsModel().pins()) {
            assertThat(p.evaluation()).as("pin " + p.name()).isEqualTo(RooflineEngine.evaluate(scenarioOf(p.inputs())));
        }
        // Undo after a change returns exactly the inputs before it, then redo the ones after.
        if (vm.history().canUndoProperty().get()) {
            vm.history().undo();
            ScenarioInputs undone = vm.inputs();
            assertThat(vm.result().scenario()).as("after undo").isEqualTo(scenarioOf(undone));
            vm.history().redo();
            assertThat(vm.inputs()).as("undo then redo " + context).isEqualTo(in);
        }
    }

    /** The scenario the inputs describe, computed from scratch: the profile, the preset, the measured realism. */
    private static Scenario scenarioOf(ScenarioInputs in) {
        HardwareProfile gpu = PROFILES.stream().filter(p -> p.id().equalsIgnoreCase(in.gpuId())).findFirst().orElseThrow();
        ModelSpec model = in.presetName() == null ? ModelSpec.fromParameterCount(in.parameters())
                : ModelPresets.find(in.presetName()).orElseThrow();
        int stages = ScenarioLimits.parallelismProblem(in.gpuCount(), in.pipelineStages(), model.layers()) == null
                ? in.pipelineStages() : 1;
        return in.withParallelism(in.gpuCount(), stages).toScenario(gpu, MEASURED, model);
    }
}
