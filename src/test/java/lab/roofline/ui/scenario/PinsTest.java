package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.ProfileLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pins in the view model, without a toolkit: colours, documents that hold pins, unsaved changes. */
class PinsTest {
    private RooflineViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
    }

    private static ScenarioInputs on(String gpu, int batch) {
        ScenarioInputs d = ScenarioInputs.DEFAULT;
        return new ScenarioInputs(gpu, d.presetName(), d.parameters(), d.precision(), d.weightOnly(), d.kvPrecision(),
                batch, d.promptTokens(), d.generatedTokens(), d.gpuCount(), d.realism(), d.customComputeEfficiency(),
                d.customBandwidthEfficiency(), d.priceUsdPerHour());
    }

    @Test
    void eachPinTakesTheFirstFreeColourAndRecolouringSwapsWithTheOneThatHadIt() {
        vm.pin("a");
        vm.pin("b");
        vm.pin("c");
        vm.unpin(vm.pins().get(1));
        vm.pin("d");
        assertThat(vm.pins()).extracting(RooflineViewModel.Pin::colour).containsExactly(0, 2, 1);
        vm.recolour(vm.pins().get(0), 2);
        assertThat(vm.pins()).extracting(RooflineViewModel.Pin::colour).containsExactly(2, 0, 1);
        vm.recolour(vm.pins().get(2), 3);
        assertThat(vm.pins()).extracting(RooflineViewModel.Pin::colour).containsExactly(2, 0, 3);
        vm.recolour(vm.pins().get(2), 7); // out of range: nothing changes
        assertThat(vm.pins()).extracting(RooflineViewModel.Pin::colour).containsExactly(2, 0, 3);
    }

    @Test
    void aDocumentsPinsAreEvaluatedOnTheirOwnGpus() {
        assertThat(vm.setPins(List.of(new NamedScenario.Pinned("H200", 1, on("h200_sxm", 64), null),
                new NamedScenario.Pinned("T4", 0, on("t4", 1), null)))).isEmpty();
        assertThat(vm.pins()).extracting(RooflineViewModel.Pin::name).containsExactly("H200", "T4");
        assertThat(vm.pins().get(0).evaluation().scenario().gpu().id()).isEqualTo("h200_sxm");
        assertThat(vm.pins().get(0).evaluation().scenario().batchSize()).isEqualTo(64);
        assertThat(vm.pins().get(1).colour()).isZero();
        assertThat(vm.pinned(gpu -> null)).extracting(NamedScenario.Pinned::inputs)
                .containsExactly(on("h200_sxm", 64), on("t4", 1));
    }

    @Test
    void aPinOnAnUnknownGpuRefusesThemAllNamingItsFieldAndKeepsThePins() {
        vm.pin("mine");
        var before = List.copyOf(vm.pins());
        var problem = vm.setPins(List.of(new NamedScenario.Pinned("ok", 0, on("h200_sxm", 8), null),
                new NamedScenario.Pinned("gone", 1, on("no_such_gpu", 8), null)));
        assertThat(problem).hasValueSatisfying(p -> assertThat(p).contains("pins[1].scenario.gpu", "no_such_gpu"));
        assertThat(vm.pins()).isEqualTo(before);
    }

    @Test
    void openingAFileWithPinsBringsThemAndOneWithoutKeepsTheUsersAsUnsaved() {
        Path file = Path.of("plan.roofline.json");
        vm.open(file, new NamedScenario("plan", "", on("h100_sxm", 16), null,
                List.of(new NamedScenario.Pinned("H200", 0, on("h200_sxm", 16), null))));
        assertThat(vm.pins()).extracting(RooflineViewModel.Pin::name).containsExactly("H200");
        assertThat(vm.document().isModified()).isFalse();
        vm.unpin(vm.pins().get(0));
        assertThat(vm.document().isModified()).as("unpinning changes the document").isTrue();
        assertThat(vm.document().closingLosesWork()).isTrue();
        vm.pin("again");
        vm.document().saved(file, vm.inputs(), vm.pinned(gpu -> null));
        assertThat(vm.document().isModified()).isFalse();
        vm.rename(vm.pins().get(0), "renamed");
        assertThat(vm.document().isModified()).as("a rename is a change too").isTrue();

        vm.open(Path.of("other.roofline.json"), new NamedScenario("other", "", on("t4", 1), null));
        assertThat(vm.pins()).as("a file without pins leaves the user's").extracting(RooflineViewModel.Pin::name)
                .containsExactly("renamed");
        assertThat(vm.document().isModified()).as("the pins are not in that file yet").isTrue();
        assertThat(vm.document().toDocument(null, vm.pinned(gpu -> null)).pins()).hasSize(1);
    }
}
