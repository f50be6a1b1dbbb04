package lab.roofline.app;

import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A labelled log-scale slider with an editable field. The field accepts text the slider cannot reach
 * (any integer, "70B"); bad text stays in the field, marked, with a message saying what is wrong.
 */
final class LogSliderField extends VBox {
    private final Slider slider;
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Property<Number> target;
    private final DoubleFunction<String> format;
    private final double base;
    private boolean syncing;

    /**
     * @param base        10 for decades, 2 for doublings
     * @param apply       sets the model from text; returns the error message when the text is bad
     */
    LogSliderField(String title, String unit, String tooltip, Property<Number> target, double base,
                   double minExponent, double maxExponent, DoubleFunction<String> format,
                   DoubleFunction<Number> fromSlider, Function<String, Optional<String>> apply) {
        this.target = target;
        this.format = format;
        this.base = base;
        getStyleClass().add("control-group");
        Label label = new Label(title);
        label.getStyleClass().add("control-title");
        Label unitLabel = new Label(unit);
        unitLabel.getStyleClass().add("control-unit");
        field.setPrefColumnCount(7);
        field.getStyleClass().add("value-field");
        field.setAccessibleText(title);
        HBox header = new HBox(8, label, spacer(), field, unitLabel);
        header.setAlignment(Pos.CENTER_LEFT);

        slider = new Slider(minExponent, maxExponent, exponent(target.getValue().doubleValue()));
        slider.setBlockIncrement(base == 2 ? 1 : 0.05);
        slider.setFocusTraversable(true);
        slider.setAccessibleText(title + " slider");
        Tips.install(label, tooltip);
        Tips.install(slider, tooltip);
        Tips.install(field, tooltip);

        error.getStyleClass().add("input-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        getChildren().addAll(header, slider, error);

        slider.valueProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                syncing = true;
                target.setValue(fromSlider.apply(Math.pow(base, now.doubleValue())));
                syncing = false;
                clearError();
            }
        });
        target.addListener((obs, old, now) -> {
            if (!syncing) {
                syncing = true;
                slider.setValue(exponent(now.doubleValue()));
                syncing = false;
            }
            if (!field.isFocused() || !error.isVisible()) {
                field.setText(format.apply(now.doubleValue()));
            }
        });
        field.setText(format.apply(target.getValue().doubleValue()));
        field.setOnAction(ev -> commit(apply));
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit(apply);
            }
        });
        field.setOnKeyPressed(ev -> {
            if (ev.getCode() == KeyCode.ESCAPE) {
                field.setText(format.apply(target.getValue().doubleValue()));
                clearError();
            }
        });
    }

    private void commit(Function<String, Optional<String>> apply) {
        Optional<String> problem = apply.apply(field.getText());
        if (problem.isPresent()) {
            error.setText(problem.get());
            error.setVisible(true);
            if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
        } else {
            clearError();
            field.setText(format.apply(target.getValue().doubleValue()));
        }
    }

    private void clearError() {
        error.setVisible(false);
        field.getStyleClass().remove("invalid");
    }

    private double exponent(double value) {
        return Math.log(value) / Math.log(base);
    }

    Slider slider() {
        return slider;
    }

    TextField field() {
        return field;
    }

    Label errorLabel() {
        return error;
    }

    static HBox spacer() {
        HBox s = new HBox();
        HBox.setHgrow(s, Priority.ALWAYS);
        return s;
    }
}
