package lab.roofline.fx;

import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import javafx.beans.NamedArg;
import javafx.beans.value.ObservableNumberValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A labelled log-scale slider with a {@link CommitField}: the field takes values the slider cannot reach
 * (any whole number, "70B"), validated by the same setter as everything else.
 */
public final class LogSliderField extends VBox {
    private final Slider slider = new Slider();
    private final CommitField field = new CommitField();
    private final Listeners listeners = new Listeners();
    private double base = 10;
    private boolean syncing;

    public LogSliderField(@NamedArg("title") String title, @NamedArg("unit") String unit,
                          @NamedArg("tooltip") String tooltip) {
        getStyleClass().add("control-group");
        Label label = new Label(title);
        label.getStyleClass().add("control-title");
        Label unitLabel = new Label(unit);
        unitLabel.getStyleClass().add("control-unit");
        field.setPrefColumnCount(7);
        field.setAccessibleText(title);
        HBox header = new HBox(8, label, spacer(), field, unitLabel);
        header.setAlignment(Pos.CENTER_LEFT);
        slider.setFocusTraversable(true);
        slider.setAccessibleText(title + " slider");
        Tips.install(label, tooltip);
        Tips.install(slider, tooltip);
        Tips.install(field, tooltip);
        getChildren().addAll(header, slider, field.errorLabel());
    }

    /**
     * Connects the slider and the field to a value.
     *
     * @param base       10 for decades, 2 for doublings (the arrow keys then double or halve)
     * @param fromSlider sets the model from a slider position's value
     * @param apply      sets the model from text; returns the error message when the text is bad
     */
    public void connect(ObservableNumberValue value, double base, double minExponent, double maxExponent,
                        DoubleFunction<String> format, DoubleConsumer fromSlider,
                        Function<String, Optional<String>> apply) {
        this.base = base;
        slider.setMin(minExponent);
        slider.setMax(maxExponent);
        slider.setBlockIncrement(base == 2 ? 1 : 0.05);
        slider.setValue(exponent(value.doubleValue()));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                syncing = true;
                fromSlider.accept(Math.pow(base, now.doubleValue()));
                syncing = false;
                field.clearError();
            }
        });
        listeners.onInvalidated(value, obs -> {
            if (!syncing) {
                syncing = true;
                slider.setValue(exponent(value.doubleValue()));
                syncing = false;
            }
        });
        field.connect(value, () -> format.apply(value.doubleValue()), apply);
    }

    private double exponent(double v) {
        return Math.log(v) / Math.log(base);
    }

    public Slider slider() {
        return slider;
    }

    public CommitField field() {
        return field;
    }

    public Label errorLabel() {
        return field.errorLabel();
    }

    /** Removes the listeners on the value. */
    public void dispose() {
        listeners.dispose();
        field.dispose();
    }

    public static HBox spacer() {
        HBox s = new HBox();
        HBox.setHgrow(s, Priority.ALWAYS);
        return s;
    }
}
