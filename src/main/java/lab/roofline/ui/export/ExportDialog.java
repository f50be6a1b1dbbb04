package lab.roofline.ui.export;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import lab.roofline.ui.widget.Fxml;
import org.controlsfx.control.SegmentedButton;

/** Asks what to export and at which scale; the answer is an {@link ExportChoice}, or nothing on Cancel. */
public final class ExportDialog extends GridPane {
    @FXML ChoiceBox<ChartKind> kind;
    @FXML SegmentedButton scales;
    @FXML ToggleButton scale1;
    @FXML ToggleButton scale2;
    @FXML ToggleButton scale3;
    @FXML Label caption;

    /** What to export: a chart kind at 1, 2 or 3 times its size. */
    public record ExportChoice(ChartKind kind, int scale) {
    }

    public ExportDialog(ChartKind preselected, int scale, String captionText) {
        Fxml.loadInto(this);
        kind.getItems().setAll(ChartKind.values());
        kind.setValue(preselected);
        List<ToggleButton> buttons = List.of(scale1, scale2, scale3);
        // Joined here, not only by the segmented button's skin: the choice holds before it is shown.
        buttons.forEach(b -> b.setToggleGroup(scales.getToggleGroup()));
        buttons.get(Math.max(1, Math.min(3, scale)) - 1).setSelected(true);
        scales.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // always one scale
            }
        });
        caption.setText(captionText);
    }

    public ExportChoice choice() {
        List<ToggleButton> buttons = List.of(scale1, scale2, scale3);
        int scale = 2;
        for (int i = 0; i < buttons.size(); i++) {
            if (buttons.get(i).isSelected()) {
                scale = i + 1;
            }
        }
        return new ExportChoice(kind.getValue(), scale);
    }

    /** A dialog on {@code owner}, styled like it. */
    public Dialog<ExportChoice> dialog(Window owner, List<String> stylesheets) {
        Dialog<ExportChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export as PNG");
        dialog.setHeaderText("What to export, and at which scale");
        dialog.getDialogPane().getStylesheets().setAll(stylesheets);
        dialog.getDialogPane().setContent(this);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(b -> b == ButtonType.OK ? choice() : null);
        return dialog;
    }
}
