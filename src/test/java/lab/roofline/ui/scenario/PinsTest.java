package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ProfileLoader;
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
        vm.pinsModel().pin("a");
        vm.pinsModel().pin("b");
        vm.pinsModel().pin("c");
        vm.pinsModel().unpin(vm.pinsModel().pins().get(1));
        vm.pinsModel().pin("d");
        assertThat(vm.pinsModel().pins()).extracting(PinsModel.Pin::colour).containsExactly(0, 2, 1);
        vm.pinsModel().recolour(vm.pinsModel().pins().get(0), 2);
        assertThat(vm.pinsModel().pins()).extracting(PinsModel.Pin::colour).containsExactly(2, 0, 1);
        vm.pinsModel().recolour(vm.pinsModel().pins().get(2), 3);
        assertThat(vm.pinsModel().pins()).extracting(PinsModel.Pin::colour).containsExactly(2, 0, 3);
        vm.pinsModel().recolour(vm.pinsModel().pins().get(2), 7); // out of range: nothing changes
        assertThat(vm.pinsModel().pins()).extracting(PinsModel.Pin::colour).containsExactly(2, 0, 3);
    }

    @Test
    void aDocumentsPinsAreEvaluatedOnTheirOwnGpus() {
        assertThat(vm.pinsModel().setPins(List.of(new NamedScenario.Pinned("H200", 1, on("h200_sxm", 64), null),
                new NamedScenario.Pinned("T4", 0, on("t4", 1), null)))).isEmpty();
        assertThat(vm.pinsModel().pins()).extracting(PinsModel.Pin::name).containsExactly("H200", "T4");
        assertThat(vm.pinsModel().pins().get(0).evaluation().scenario().gpu().id()).isEqualTo("h200_sxm");
        assertThat(vm.pinsModel().pins().get(0).evaluation().scenario().batchSize()).isEqualTo(64);
        assertThat(vm.pinsModel().pins().get(1).colour()).isZero();
        assertThat(vm.pinsModel().pinned(gpu -> null)).extracting(NamedScenario.Pinned::inputs)
                .containsExactly(on("h200_sxm", 64), on("t4", 1));
    }

    @Test
    void aPinOnAnUnknownGpuRefusesThemAllNamingItsFieldAndKeepsThePins() {
        vm.pinsModel().pin("mine");
        var before = List.copyOf(vm.pinsModel().pins());
        var problem = vm.pinsModel().setPins(List.of(new NamedScenario.Pinned("ok", 0, on("h200_sxm", 8), null),
                new NamedScenario.Pinned("gone", 1, on("no_such_gpu", 8), null)));
        assertThat(problem).hasValueSatisfying(p -> assertThat(p).contains("pins[1].scenario.gpu", "no_such_gpu"));
        assertThat(vm.pinsModel().pins()).isEqualTo(before);
    }

    @Test
    void openingAFileWithPinsBringsThemAndOneWithoutKeepsTheUsersAsUnsaved() {
        Path file = Path.of("plan.roofline.json");
        vm.open(file, new NamedScenario("plan", "", on("h100_sxm", 16), null,
                List.of(new NamedScenario.Pinned("H200", 0, on("h200_sxm", 16), null))));
        assertThat(vm.pinsModel().pins()).extracting(PinsModel.Pin::name).containsExactly("H200");
        assertThat(vm.document().isModified()).isFalse();
        vm.pinsModel().unpin(vm.pinsModel().pins().get(0));
        assertThat(vm.document().isModified()).as("unpinning changes the document").isTrue();
        assertThat(vm.document().closingLosesWork()).isTrue();
        vm.pinsModel().pin("again");
        vm.document().saved(file, vm.inputs(), vm.pinsModel().pinned(gpu -> null));
        assertThat(vm.document().isModified()).isFalse();
        vm.pinsModel().rename(vm.pinsModel().pins().get(0), "renamed");
        assertThat(vm.document().isModified()).as("a rename is a change too").isTrue();

        vm.open(Path.of("other.roofline.json"), new NamedScenario("other", "", on("t4", 1), null));
        assertThat(vm.pinsModel().pins()).as("a file without pins leaves the user's").extracting(PinsModel.Pin::name)
                .containsExactly("renamed");
        assertThat(vm.document().isModified()).as("the pins are not in that file yet").isTrue();
        assertThat(vm.document().toDocument(null, vm.pinsModel().pinned(gpu -> null)).pins()).hasSize(1);
    }
}
