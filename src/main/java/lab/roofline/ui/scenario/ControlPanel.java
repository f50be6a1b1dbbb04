package lab.roofline.ui.scenario;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import lab.roofline.fx.CommitField;

/** The inputs, one section per subject. Every control reads and writes the view model only. */
public final class ControlPanel extends VBox {
    private final ModelSection model;
    private final WorkloadSection workload;
    private final HardwareSection hardware;
    private final RealismSection realism;

    public ControlPanel(RooflineViewModel vm) {
        getStyleClass().add("control-panel");
        setSpacing(18);
        model = new ModelSection(vm);
        workload = new WorkloadSection(vm);
        hardware = new HardwareSection(vm);
        realism = new RealismSection(vm);
        getChildren().addAll(model, workload, hardware, realism);
        // A whole scenario set from elsewhere replaces every field's refused draft, even where the value stayed.
        for (Node n : lookupAll(".value-field")) {
            if (n instanceof CommitField field) {
                field.refreshOn(vm.scenarioModel().appliedProperty());
            }
        }
    }

    /**
     * Until {@link #showLowerSections}, only the model and the workload are in the scene: the app's first
     * frame does not wait for the hardware and realism sections' CSS and layout (about 90 ms of a 1 s start,
     * measured); they join in the frame after, built and listening already, and nothing else moves.
     */
    public void holdLowerSections() {
        getChildren().setAll(model, workload);
    }

    /** The hardware and realism sections in the scene (they are from the start unless held). */
    public void showLowerSections() {
        if (!getChildren().contains(hardware)) {
            getChildren().setAll(model, workload, hardware, realism);
        }
    }

    public ModelSection model() {
        return model;
    }

    public WorkloadSection workload() {
        return workload;
    }

    public HardwareSection hardware() {
        return hardware;
    }

    public RealismSection realism() {
        return realism;
    }

    /** Removes every listener the sections added to the view model. */
    public void dispose() {
        model.dispose();
        workload.dispose();
        hardware.dispose();
        realism.dispose();
    }
}
