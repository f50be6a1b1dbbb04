package lab.roofline.ui.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.beans.value.ObservableDoubleValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.fx.CommitField;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.Listeners;
import lab.roofline.fx.Tips;
import org.controlsfx.control.SegmentedButton;

/** Ideal, realistic (measured) or custom efficiencies; moving a slider makes them the user's own. */
public final class RealismSection extends VBox {
    @FXML SegmentedButton modes;
    @FXML Label source;
    @FXML Label computeTitle;
    @FXML Label computeValue;
    @FXML Slider computeSlider;
    @FXML Label bandwidthTitle;
    @FXML Label bandwidthValue;
    @FXML Slider bandwidthSlider;
    @FXML Label overheadTitle;
    @FXML CommitField overheadField;
    @FXML VBox overheadErrorBox;
    private final RooflineViewModel vm;
    private final Listeners listeners = new Listeners();

    public RealismSection(RooflineViewModel vm) {
        this.vm = vm;
        Fxml.loadInto(this);
        for (RealismMode mode : RealismMode.values()) {
            ToggleButton b = new ToggleButton(mode.label());
            b.setId("realism-" + mode.name().toLowerCase(Locale.ROOT));
            b.setUserData(mode);
            b.setToggleGroup(modes.getToggleGroup());
            Tips.install(b, switch (mode) {
                case IDEAL -> "100 % of peak compute and bandwidth: the roofline itself, an upper bound on speed.";
                case REALISTIC -> "Fractions of peak reached in published measurements (docs/model.md): "
                        + "large matmuls per device, streaming reads for bandwidth.";
                case CUSTOM -> "Your own fractions: move either slider.";
            });
            modes.getButtons().add(b);
        }
        modes.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            vm.realismModeProperty().set((RealismMode) now.getUserData());
        });
        listeners.always(() -> modes.getButtons().stream()
                .filter(t -> t.getUserData() == vm.realismModeProperty().get())
                .forEach(t -> t.setSelected(true)), vm.realismModeProperty());
        listeners.always(() -> source.setText(vm.realismSourceProperty().get()), vm.realismSourceProperty());

        connect(computeSlider, computeValue, vm.computeEfficiencyProperty(), vm.edit()::setComputeEfficiency);
        connect(bandwidthSlider, bandwidthValue, vm.bandwidthEfficiencyProperty(), vm.edit()::setBandwidthEfficiency);
        String computeTip = "Achievable fraction of peak FLOP/s. 100 % is the ideal roofline, an upper bound; "
                + "measured large matmuls reach about 70-80 %.";
        String bandwidthTip = "Achievable fraction of peak memory bandwidth. 100 % is ideal; measured streaming "
                + "reaches about 80-90 %.";
        Tips.install(computeTitle, computeTip);
        Tips.install(computeSlider, computeTip);
        Tips.install(bandwidthTitle, bandwidthTip);
        Tips.install(bandwidthSlider, bandwidthTip);

        overheadField.setId("layer-overhead");
        overheadField.connect(vm.layerOverheadSecondsProperty(), () -> BigDecimal.valueOf(vm.layerOverheadSecondsProperty().get() * 1e6)
                        .round(new MathContext(4)).stripTrailingZeros().toPlainString(),
                vm.edit()::setLayerOverheadText);
        overheadErrorBox.getChildren().add(overheadField.errorLabel());
        String overheadTip = "Fixed time per layer of each forward pass that the roofline does not see: kernel launches, scheduling, "
                + "the gaps between kernels. 0 in the ideal roofline; fitted on measured batch-1 decode in the realistic "
                + "setting (docs/validation.md). Typing a value makes the setting your own.";
        Tips.install(overheadTitle, overheadTip);
        Tips.install(overheadField, overheadTip);
    }

    private void connect(Slider slider, Label value, ObservableDoubleValue efficiency, DoubleConsumer set) {
        slider.setMin(ScenarioLimits.COMPUTE_EFFICIENCY.min());
        listeners.always(() -> {
            slider.setValue(efficiency.get());
            value.setText(Units.percent(efficiency.get()));
        }, efficiency);
        // The view model ignores a value equal to its own, so showing its value never writes it back.
        slider.valueProperty().addListener((obs, old, now) -> set.accept(now.doubleValue()));
    }

    public Slider computeSlider() {
        return computeSlider;
    }

    public Slider bandwidthSlider() {
        return bandwidthSlider;
    }

    public Label sourceLabel() {
        return source;
    }

    public CommitField overheadField() {
        return overheadField;
    }

    public void dispose() {
        listeners.dispose();
        overheadField.dispose();
    }
}
