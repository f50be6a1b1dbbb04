package lab.roofline.render.summary;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Derivations;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The summary strip: its numbers, warnings and the work behind each number. */
class SummaryStripUiTest extends FeatureFixture {
    @Start
    void start(Stage stage) {
        openControls(stage);
    }

    private SummaryTile tile(Derivations.Quantity q) {
        return summary().tile(q);
    }

    @Test
    void memoryReadsInOneUnitOrEachInItsOwnNeverAsAFractionOfATerabyte() {
        assertThat(SummaryStrip.usedOfCapacity(71e9, 80e9)).isEqualTo("71.0 / 80.0 GB");
        assertThat(SummaryStrip.usedOfCapacity(1.79e12, 80e9)).isEqualTo("1.79 TB / 80.0 GB");
        assertThat(SummaryStrip.usedOfCapacity(9.32e18, 328e12)).isEqualTo("9.32 EB / 328 TB");
    }

    @Test
    void aTooLargeBatchShowsTheMemoryWarning(FxRobot robot) {
        robot.interact(() -> vm.presetProperty().set(ModelPresets.LLAMA_3_1_8B));
        robot.doubleClickOn(controls().workload().batchField().field()).eraseText(8).write("4000")
                .type(KeyCode.ENTER);
        settle();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(4000);
        assertThat(summary().warningTexts()).anyMatch(t -> t.contains("Does not fit in 84.8 GB at batch 4,000"));
        assertThat(tile(Derivations.Quantity.MEMORY).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("over"));
        assertThat(tile(Derivations.Quantity.MEMORY).valueText()).endsWith("/ 84.8 GB");
        // What it would do, not what it does: speeds and costs say so alike.
        for (Derivations.Quantity q : new Derivations.Quantity[] {Derivations.Quantity.DECODE_THROUGHPUT,
                Derivations.Quantity.TIME_PER_OUTPUT_TOKEN, Derivations.Quantity.OUTPUT_COST}) {
            assertThat(tile(q).detailText()).as(q.name()).startsWith("would be");
            assertThat(tile(q).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("infeasible"));
        }
    }

    @Test
    void showYourWorkPutsTheFormulaUnderEachNumber(FxRobot robot) {
        assertThat(tile(Derivations.Quantity.RIDGE).workShown()).isFalse();
        robot.interact(() -> summary().showWorkProperty().set(true));
        settle();
        assertThat(tile(Derivations.Quantity.RIDGE).workShown()).isTrue();
        assertThat(tile(Derivations.Quantity.RIDGE).workText()).isEqualTo("= 1.98 PFLOP/s ÷ 3.35 TB/s");
        assertThat(tile(Derivations.Quantity.RIDGE).tooltipText())
                .contains("ridge = peak FLOP/s ÷ bandwidth", "= 1.98 PFLOP/s ÷ 3.35 TB/s");
        assertThat(tile(Derivations.Quantity.DECODE_THROUGHPUT).workText()).startsWith("= 1 ÷ ");
    }

    @Test
    void timePerOutputTokenIsTheStepTimeEverywhere(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(16));
        settle();
        String step = Units.seconds(vm.result().decode().seconds());
        assertThat(tile(Derivations.Quantity.TIME_PER_OUTPUT_TOKEN).valueText()).isEqualTo(step);
        robot.interact(() -> vm.edit().setPriceText(""));
        settle();
        assertThat(tile(Derivations.Quantity.OUTPUT_COST).titleText()).isEqualTo("Output, GPU time per token");
        assertThat(tile(Derivations.Quantity.INPUT_COST).titleText()).isEqualTo("Input, GPU time per token");
        assertThat(tile(Derivations.Quantity.OUTPUT_COST).valueText())
                .isEqualTo(Units.seconds(vm.result().decode().seconds() / 16));
    }

    @Test
    void twoWarningsAreBothWholeAboveTheCharts(FxRobot robot) {
        robot.interact(() -> {
            vm.edit().selectGpu("t4");
            vm.batchSizeProperty().set(64);
            vm.scalesProperty().set(new HardwareScales(2, 0.5, 4));
        });
        settle();
        var labels = summary().warningLabels();
        assertThat(labels.size()).isGreaterThanOrEqualTo(2);
        Node card = roofline(); // the chart, whose top is its card's
        double cardTop = card.localToScene(card.getLayoutBounds()).getMinY();
        for (var l : labels) {
            var b = l.localToScene(l.getLayoutBounds());
            assertThat(b.getMaxY()).as(l.getText()).isLessThanOrEqualTo(cardTop + 0.5);
            assertThat(l.getHeight()).isGreaterThanOrEqualTo(l.prefHeight(l.getWidth()) - 0.5);
        }
    }
}
