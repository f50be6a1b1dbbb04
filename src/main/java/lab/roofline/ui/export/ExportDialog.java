package lab.roofline.ui.export;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import lab.roofline.fx.Fxml;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.render.export.ExportSize;
import org.controlsfx.control.SegmentedButton;

/**
 * Asks what to export, at which size and scale, in which format; the answer is an {@link ExportChoice},
 * or nothing on Cancel. The pixel size of the result is shown as the choice changes.
 */
public final class ExportDialog extends GridPane {
    @FXML ChoiceBox<ChartKind> kind;
    @FXML ChoiceBox<SizePreset> size;
    @FXML SegmentedButton scales;
    @FXML ToggleButton scale1;
    @FXML ToggleButton scale2;
    @FXML ToggleButton scale3;
    @FXML SegmentedButton formats;
    @FXML ToggleButton png;
    @FXML ToggleButton svg;
    @FXML CheckBox light;
    @FXML Label pixels;
    @FXML Label caption;

    private final Function<ChartKind, ExportSize> currentSize;

    /** The sizes offered: two slide shapes and what the window shows now. */
    public enum SizePreset {
        SLIDE_16_9("16:9", "16:9 slide"),
        SLIDE_4_3("4:3", "4:3 slide"),
        CURRENT("current", "As on screen");

        private final String key;
        private final String title;

        SizePreset(String key, String title) {
            this.key = key;
            this.title = title;
        }

        public String key() {
            return key;
        }

        public static Optional<SizePreset> parse(String text) {
            for (SizePreset p : values()) {
                if (p.key.equals(text)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        /** The layout size: fixed for slides, the chart's on-screen size for "as on screen". */
        public ExportSize size(ChartKind kind, Function<ChartKind, ExportSize> current) {
            return switch (this) {
                case SLIDE_16_9 -> ExportSize.SLIDE_16_9;
                case SLIDE_4_3 -> ExportSize.SLIDE_4_3;
                case CURRENT -> current.apply(kind);
            };
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** What to export: a chart kind at a size, 1, 2 or 3 times, as PNG or SVG, maybe in the light theme. */
    public record ExportChoice(ChartKind kind, SizePreset size, int scale, ExportFormat format, boolean lightTheme) {
    }

    /**
     * @param currentSize the on-screen size of each kind (for "as on screen")
     * @param darkWindow whether the window is dark now (only then is the light-background option offered)
     */
    public ExportDialog(ExportChoice preselected, Function<ChartKind, ExportSize> currentSize, boolean darkWindow,
                        String captionText) {
        this.currentSize = currentSize;
        Fxml.loadInto(this);
        kind.getItems().setAll(ChartKind.values());
        kind.setValue(preselected.kind());
        size.getItems().setAll(SizePreset.values());
        size.setValue(preselected.size());
        List<ToggleButton> scaleButtons = List.of(scale1, scale2, scale3);
        oneOf(scales, scaleButtons, scaleButtons.get(Math.max(1, Math.min(3, preselected.scale())) - 1));
        oneOf(formats, List.of(png, svg), preselected.format() == ExportFormat.SVG ? svg : png);
        light.setSelected(preselected.lightTheme());
        light.setVisible(darkWindow);
        light.setManaged(darkWindow);
        caption.setText(captionText);
        kind.valueProperty().addListener(obs -> showPixels());
        size.valueProperty().addListener(obs -> showPixels());
        scales.getToggleGroup().selectedToggleProperty().addListener(obs -> showPixels());
        formats.getToggleGroup().selectedToggleProperty().addListener(obs -> showPixels());
        showPixels();
    }

    /** Joins the buttons to the segmented button's group (the choice holds before a skin exists); one stays on. */
    private static void oneOf(SegmentedButton group, List<ToggleButton> buttons, ToggleButton selected) {
        buttons.forEach(b -> b.setToggleGroup(group.getToggleGroup()));
        selected.setSelected(true);
        group.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
    }

    /** Whether the choice can be exported (a picture within the pixel limit); OK waits for it. */
    private final BooleanProperty exportable = new SimpleBooleanProperty(true);

    private void showPixels() {
        ExportChoice c = choice();
        ExportSize s = c.size().size(c.kind(), currentSize);
        try {
            new ChartRenderer.Request(c.kind(), s, c.scale(), c.format());
            exportable.set(true);
            pixels.getStyleClass().remove("input-error");
        } catch (IllegalArgumentException tooLarge) {
            exportable.set(false);
            pixels.setText("Cannot export: " + tooLarge.getMessage());
            if (!pixels.getStyleClass().contains("input-error")) {
                pixels.getStyleClass().add("input-error");
            }
            return;
        }
        pixels.setText(c.format() == ExportFormat.SVG
                ? "Laid out at " + s + "; a vector drawing, sharp at any size"
                : "Picture of " + (s.width() * c.scale()) + " × " + (s.height() * c.scale()) + " pixels (" + s
                + " laid out at " + c.scale() + "×)");
    }

    public ExportChoice choice() {
        Toggle scaleToggle = scales.getToggleGroup().getSelectedToggle();
        int scale = scaleToggle == scale1 ? 1 : scaleToggle == scale3 ? 3 : 2;
        ExportFormat format = formats.getToggleGroup().getSelectedToggle() == svg ? ExportFormat.SVG : ExportFormat.PNG;
        return new ExportChoice(kind.getValue(), size.getValue(), scale, format, light.isSelected());
    }

    /** A dialog on {@code owner}, styled like it. */
    public Dialog<ExportChoice> dialog(Window owner, List<String> stylesheets) {
        Dialog<ExportChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export");
        dialog.setHeaderText("What to export, at which size, and in which format");
        dialog.getDialogPane().getStylesheets().setAll(stylesheets);
        dialog.getDialogPane().setContent(this);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(b -> b == ButtonType.OK ? choice() : null);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(exportable.not());
        if (ok instanceof Button button) {
            button.setText("Choose file…"); // a save dialog comes next
        }
        return dialog;
    }
}
