package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/** The scenario as a document, with no toolkit: title, unsaved changes, recent files. */
class ScenarioDocumentTest {
    private final RooflineViewModel vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());

    @Test
    void anUntitledScenarioIsNeverAskedAboutOnClosing() {
        ScenarioDocument d = vm.document();
        assertThat(d.titleProperty().get()).isEqualTo("Untitled — Roofline Lab");
        vm.batchSizeProperty().set(64);
        assertThat(d.isModified()).isTrue();
        assertThat(d.titleProperty().get()).isEqualTo("Untitled • — Roofline Lab");
        assertThat(d.closingLosesWork()).as("the session keeps it").isFalse();
    }

    @Test
    void aSavedFileIsModifiedByAChangeAndCleanAgainWhenTheChangeIsUndone() {
        ScenarioDocument d = vm.document();
        Path file = Path.of("/tmp/plans/h200.roofline.json");
        d.saved(file, vm.inputs());
        assertThat(d.nameProperty().get()).isEqualTo("h200");
        assertThat(d.isModified()).isFalse();
        vm.batchSizeProperty().set(8);
        assertThat(d.closingLosesWork()).isTrue();
        assertThat(d.titleProperty().get()).isEqualTo("h200 • — Roofline Lab");
        vm.batchSizeProperty().set(1);
        assertThat(d.isModified()).as("back to what the file holds").isFalse();
        assertThat(d.recent()).containsExactly(file);
    }

    @Test
    void openingAppliesTheFileAndAnUnknownGpuChangesNothing() {
        ScenarioInputs in = new ScenarioInputs("h200_sxm", null, 13e9, Precision.BF16, false,
                Precision.BF16, 32, 2048, 512, 2, RealismMode.IDEAL, 1, 1, null);
        Path file = Path.of("/tmp/a.roofline.json");
        assertThat(vm.open(file, new NamedScenario("A plan", "why", in, null))).isEmpty();
        assertThat(vm.inputs()).isEqualTo(in);
        assertThat(vm.document().titleProperty().get()).isEqualTo("A plan — Roofline Lab");
        assertThat(vm.document().noteProperty().get()).isEqualTo("why");

        ScenarioInputs unknown = new ScenarioInputs("no-such-gpu", null, 13e9, Precision.BF16,
                false, Precision.BF16, 1, 1, 1, 1, RealismMode.IDEAL, 1, 1, null);
        assertThat(vm.open(Path.of("/tmp/b.roofline.json"), new NamedScenario("B", "", unknown, null)))
                .hasValueSatisfying(m -> assertThat(m).contains("b.roofline.json", "scenario.gpu", "no-such-gpu"));
        assertThat(vm.inputs()).as("the scenario stays as it was").isEqualTo(in);
        assertThat(vm.document().nameProperty().get()).isEqualTo("A plan");
    }

    @Test
    void aFileCarryingItsOwnProfileAddsItToTheList() throws Exception {
        var own = ProfileLoader.parse("""
                {"id": "lab-gpu", "name": "Lab GPU", "peakTflops": {"bf16": 500}, "memoryBandwidthGBps": 2000,
                 "memoryGB": 96, "sources": ["our bench"]}
                """);
        ScenarioInputs in = new ScenarioInputs("lab-gpu", null, 7e9, Precision.BF16, false,
                Precision.BF16, 1, 512, 128, 1, RealismMode.IDEAL, 1, 1, null);
        assertThat(vm.open(Path.of("/tmp/c.roofline.json"), new NamedScenario("C", "", in, own))).isEmpty();
        assertThat(vm.profiles()).contains(own);
        assertThat(vm.gpuProperty().get()).isEqualTo(own);
    }

    @Test
    void recentFilesAreMostRecentFirstWithoutRepeatsAndAtMostEight() {
        ScenarioDocument d = vm.document();
        for (int i = 0; i < 10; i++) {
            d.remember(Path.of("/tmp/s" + i + ".roofline.json"));
        }
        d.remember(Path.of("/tmp/s5.roofline.json"));
        assertThat(d.recent()).hasSize(ScenarioDocument.MAX_RECENT).first().isEqualTo(Path.of("/tmp/s5.roofline.json"));
        assertThat(d.recent()).doesNotHaveDuplicates();
        assertThat(ScenarioDocument.nameOf(Path.of("/x/My plan.roofline.json"))).isEqualTo("My plan");
    }

    @Test
    void newStartsFromTheDefaultsUntitled() {
        vm.document().saved(Path.of("/tmp/d.roofline.json"), vm.inputs());
        vm.batchSizeProperty().set(99);
        vm.newScenario();
        assertThat(vm.inputs()).isEqualTo(ScenarioInputs.DEFAULT);
        assertThat(vm.document().file()).isNull();
        assertThat(vm.document().titleProperty().get()).isEqualTo("Untitled — Roofline Lab");
    }
}
