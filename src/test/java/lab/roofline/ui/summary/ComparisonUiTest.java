package lab.roofline.ui.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.Units;
import lab.roofline.ui.FeatureFixture;
import lab.roofline.ui.documents.FileActions;
import lab.roofline.ui.documents.ScenarioFileActions;
import lab.roofline.ui.scenario.ScenarioActions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Pin a scenario, change the live one, compare them in the table; copy it; unpin; at most four. */
class ComparisonUiTest extends FeatureFixture {
    private ComparisonTable table;
    private ScenarioActions edit;
    private FileActions files;
    private Label status;

    /** The table with the commands that pin and export, on their own. */
    @Start
    void start(Stage stage) {
        model();
        status = new Label();
        table = new ComparisonTable(vm);
        edit = new ScenarioActions(vm, status::setText);
        files = new FileActions(vm, kind -> { }, ScenarioFileActions.NONE);
        table.setOnExportCsv(files.exportComparison);
        show(stage, status, table);
    }

    /** Issue 26, item 9: a pin that does not fit shows what it would do as such, beside one that fits. */
    @Test
    void aScenarioThatDoesNotFitShowsWouldBeNumbersAndWinsNothing(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(64)); // the H100 at 64: max batch 29
        robot.interact(() -> edit.pin.handle(new ActionEvent()));
        robot.interact(() -> vm.edit().selectGpu("h200_sxm"));
        settle();
        List<List<String>> texts = table.texts();
        List<String> input = texts.stream().filter(r -> r.get(0).equals("Input, per 1M tokens")).findFirst().orElseThrow();
        assertThat(input.get(1)).isEqualTo("$0.0899");
        assertThat(input.get(2)).startsWith("would be $0.0684");
        List<String> speed = texts.stream().filter(r -> r.get(0).equals("Decode throughput")).findFirst().orElseThrow();
        assertThat(speed.get(2)).startsWith("would be ");
        // What it is, not what it would do: the memory it needs is no "would be".
        List<String> memory = texts.stream().filter(r -> r.get(0).equals("Memory used")).findFirst().orElseThrow();
        assertThat(memory.get(2)).doesNotContain("would be");
        assertThat(vm.pinsModel().comparison().rows()).allMatch(r -> r.best() == -1);
        robot.interact(() -> vm.pinsModel().unpin(vm.pinsModel().pins().get(0)));
        settle();
    }

    @Test
    void aPinnedScenarioIsComparedWithTheLiveOneNumberByNumber(FxRobot robot) {
        assertThat(table.isVisible()).as("nothing pinned, no table").isFalse();
        robot.interact(() -> vm.batchSizeProperty().set(16));
        robot.interact(() -> edit.pin.handle(new ActionEvent()));
        settle();
        assertThat(vm.pinsModel().pins()).hasSize(1);
        assertThat(table.isVisible()).isTrue();
        assertThat(files.exportComparison.isDisabled()).as("File ▸ Export Comparison as CSV").isFalse();
        Button export = robot.lookup("#comparison-export").queryButton();
        assertThat(export.isVisible() && !export.isDisabled()).isTrue();
        robot.interact(() -> vm.edit().selectGpu("h200_sxm"));
        settle();
        List<List<String>> texts = table.texts();
        // Unnamed, a pin is named after what sets it apart: devices, model size, precision, batch.
        assertThat(vm.pinsModel().pins().get(0).name()).isEqualTo("H100 SXM5 · 70.6B INT8 · batch 16");
        assertThat(texts.get(0)).containsExactly("", "Live", "H100 SXM5 · 70.6B INT8 · batch 16");
        assertThat(texts.get(1)).as("the devices").containsExactly("Devices", "NVIDIA H200 SXM 141GB", "NVIDIA H100 SXM5 80GB");
        assertThat(texts.get(2)).as("whether each fits").containsExactly("Fits in memory", "yes", "yes");
        List<String> throughput = texts.stream().filter(r -> r.get(0).equals("Decode throughput")).findFirst().orElseThrow();
        // The pin is the H100 at batch 16; the live one the H200, faster: the ratio says by how much.
        double live = vm.result().decode().tokensPerSecond();
        double pinned = vm.pinsModel().pins().get(0).evaluation().decode().tokensPerSecond();
        assertThat(throughput.get(1)).isEqualTo(Units.sig3(live) + " tok/s");
        assertThat(throughput.get(2)).startsWith(Units.sig3(pinned) + " tok/s")
                .endsWith("(" + Units.times(pinned / live) + ")");
        robot.clickOn("Copy CSV");
        assertThat(table.lastCopied()).startsWith("name,fits,").contains("\r\nLive,", "\r\nH100 SXM5 · 70.6B INT8 · batch 16,");
        robot.interact(() -> vm.pinsModel().unpin(vm.pinsModel().pins().get(0)));
        settle();
        assertThat(table.isVisible()).isFalse();
        assertThat(files.exportComparison.isDisabled()).as("nothing to export").isTrue();
    }

    @Test
    void atMostFourPinsAndMakeLiveLoadsOne(FxRobot robot) {
        for (int batch : new int[] {2, 4, 8, 16}) {
            robot.interact(() -> {
                vm.batchSizeProperty().set(batch);
                edit.pin.handle(new ActionEvent());
            });
        }
        robot.interact(() -> edit.pin.handle(new ActionEvent()));
        assertThat(vm.pinsModel().pins()).hasSize(4);
        assertThat(status.getText()).contains("At most 4");
        robot.interact(() -> vm.pinsModel().makeLive(vm.pinsModel().pins().get(1)));
        assertThat(vm.batchSizeProperty().get()).isEqualTo(4);
        robot.interact(() -> vm.pinsModel().rename(vm.pinsModel().pins().get(1), "batch four"));
        assertThat(table.texts().get(0)).contains("batch four");
    }
}
