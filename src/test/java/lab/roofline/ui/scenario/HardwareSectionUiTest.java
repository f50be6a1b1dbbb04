package lab.roofline.ui.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.explain.Captions;
import lab.roofline.explain.Derivations;
import lab.roofline.render.layout.RooflineGeometry;
import lab.roofline.ui.FeatureFixture;
import lab.roofline.ui.lesson.Lesson;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The hardware section: the GPU list and its filter, the device count, the price.
 * Driven as a user would: each input moves what it should, and only that.
 */
class HardwareSectionUiTest extends FeatureFixture {
    @Start
    void start(Stage stage) {
        openControls(stage);
    }

    @Test
    void choosingAnotherGpuMovesTheRidge(FxRobot robot) {
        Point2D h100 = roofline().markerPosition(RooflineGeometry.Marker.RIDGE);
        robot.clickOn(controls().hardware().gpuFilter()).write("MI300X").type(KeyCode.ENTER);
        settle();
        assertThat(vm.gpuProperty().get().id()).isEqualTo("mi300x");
        Point2D mi300x = roofline().markerPosition(RooflineGeometry.Marker.RIDGE);
        assertThat(mi300x.getX()).isNotCloseTo(h100.getX(), within(3.0));
        assertThat(summary().tile(Derivations.Quantity.RIDGE).valueText()).isEqualTo("493 FLOP/byte");
    }

    @Test
    void theGpuListShowsTheGpuTheChartsUseAfterAFilterAndALesson(FxRobot robot) {
        robot.clickOn(controls().hardware().gpuFilter()).write("MI300X").type(KeyCode.ENTER);
        settle();
        robot.interact(() -> new Lesson(vm).start());
        settle();
        HardwareProfile used = vm.result().scenario().gpu();
        assertThat(used.id()).isEqualTo("h100_sxm");
        assertThat(controls().hardware().gpuList().getSelectionModel().getSelectedItem()).isEqualTo(used);
        assertThat(controls().hardware().gpuFilter().getText()).isEmpty();
    }

    @Test
    void theGpuCountFieldExplainsEveryBadValue(FxRobot robot) {
        var count = controls().hardware().gpuCountField();
        robot.interact(() -> scrollControlsTo(0.6));
        for (String[] c : new String[][] {{"abc", "GPU count: 'abc' is not a whole number (try 8)"},
                {"-3", "GPU count: too small (at least 1)"}, {"5000", "GPU count: too large (at most 4,096)"},
                {"1e99", "GPU count: too large (at most 4,096)"}}) {
            robot.doubleClickOn(count.field()).eraseText(8).write(c[0]).type(KeyCode.ENTER);
            settle();
            assertThat(count.errorLabel().getText()).as(c[0]).isEqualTo(c[1]);
            assertThat(count.errorLabel().isVisible()).isTrue();
            assertThat(vm.gpuCountProperty().get()).isEqualTo(1);
        }
        robot.doubleClickOn(count.field()).eraseText(8).write("8").type(KeyCode.ENTER);
        settle();
        assertThat(vm.gpuCountProperty().get()).isEqualTo(8);
        assertThat(count.errorLabel().isVisible()).isFalse();
    }

    @Test
    void aWhatIfOnTheDeviceMovesTheChartsNamesItAndGoesBackAsItWas(FxRobot robot) {
        HardwareSection hardware = controls().hardware();
        double ridge = vm.result().ridgeFlopsPerByte();
        double decode = vm.result().decode().seconds();
        assertThat(hardware.whatIfReset.isDisabled()).as("nothing to reset").isTrue();
        robot.interact(() -> hardware.bandwidthScale.setValue(2.0));
        settle();
        assertThat(vm.scalesProperty().get()).isEqualTo(new HardwareScales(2, 1, 1));
        assertThat(vm.result().ridgeFlopsPerByte()).isCloseTo(ridge / 2, within(1e-9));
        assertThat(vm.result().decode().seconds()).isCloseTo(decode / 2, within(1e-12));
        assertThat(summary().warningTexts()).anyMatch(w -> w.contains("What-if: NVIDIA H100 SXM5 80GB with 2× bandwidth"));
        assertThat(Captions.of(vm.result())).contains("with 2× bandwidth");
        assertThat(vm.inputs().scales().bandwidth()).isEqualTo(2);
        robot.interact(() -> hardware.memoryScale.setValue(0.5));
        // Half of 80 GiB, less the 1 GiB runtime reserve.
        assertThat(vm.result().memory().capacityBytes()).isEqualTo(39.0 * (1L << 30));
        // One undo step each, and "as it is" puts the device back.
        robot.interact(() -> vm.history().undo());
        assertThat(hardware.memoryScale.getValue()).isEqualTo(1.0);
        robot.interact(() -> scrollControlsTo(0.7));
        robot.clickOn(hardware.whatIfReset);
        settle();
        assertThat(vm.scalesProperty().get().isNone()).isTrue();
        assertThat(hardware.bandwidthScale.getValue()).isEqualTo(1.0);
        assertThat(vm.result().ridgeFlopsPerByte()).isEqualTo(ridge);
        assertThat(summary().warningTexts()).noneMatch(w -> w.contains("What-if"));
    }

    @Test
    @SuppressWarnings("rawtypes") // the cells' lookup by class
    void aProfileOfYourOwnIsMarkedInTheList(FxRobot robot) {
        robot.interact(() -> vm.ownProperty().set(p -> p.id().equals("mi300x")));
        robot.clickOn(controls().hardware().gpuFilter()).write("MI3");
        settle();
        List<String> shown = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText).filter(t -> t != null && t.contains("MI3")).toList();
        assertThat(shown).contains("AMD Instinct MI300X  (yours)").anyMatch(t -> t.contains("MI325X") && !t.contains("yours"));
    }

    @Test
    void theDevicesSplitAsTensorOrPipelineParallelAndTheChartsPayForTheLink(FxRobot robot) {
        HardwareSection hardware = controls().hardware();
        assertThat(hardware.parallelism().isDisabled()).as("one device: nothing to split").isTrue();
        assertThat(hardware.linkLabel.getText())
                .isEqualTo("several would talk over NVLink 4 (NVSwitch), 450 GB/s per direction, 1.30 µs a hop");
        robot.interact(() -> scrollControlsTo(0.6));
        robot.doubleClickOn(hardware.gpuCountField().field()).eraseText(8).write("8").type(KeyCode.ENTER);
        settle();
        assertThat(hardware.parallelism().isDisabled()).isFalse();
        assertThat(hardware.linkLabel.getText()).startsWith("over NVLink 4 (NVSwitch)");
        assertThat(hardware.parallelism().getItems()).containsExactly(1, 2, 4, 8);
        assertThat(hardware.parallelism().getConverter().toString(2)).isEqualTo("TP4 × PP2");
        double tp8 = vm.result().decode().seconds();
        assertThat(vm.result().decode().communicationSeconds()).isPositive();
        robot.clickOn(hardware.parallelism());
        robot.clickOn("PP8");
        settle();
        assertThat(vm.inputs().pipelineStages()).isEqualTo(8);
        assertThat(vm.result().scenario().tensorParallel()).isEqualTo(1);
        // At batch 1 the stages work one after another: no faster than one device, and slower than TP8.
        assertThat(vm.result().decode().seconds()).isGreaterThan(tp8);
        assertThat(Captions.of(vm.result())).contains("as PP8");
        // A count the stages do not divide goes back to tensor parallelism, and says so in the list.
        robot.doubleClickOn(hardware.gpuCountField().field()).eraseText(8).write("6").type(KeyCode.ENTER);
        settle();
        assertThat(vm.result().scenario().pipelineStages()).isEqualTo(1);
        assertThat(hardware.parallelism().getValue()).isEqualTo(1);
        assertThat(hardware.parallelism().getItems()).containsExactly(1, 2, 3, 6);
    }
}
