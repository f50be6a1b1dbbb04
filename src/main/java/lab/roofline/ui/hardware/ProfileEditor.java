package lab.roofline.ui.hardware;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Edits a hardware profile field by field. Every keystroke checks the whole profile by the profile
 * loader's own rules (the app passes them in): the reason shows beside the field it names, and Save waits
 * until there is none. Nothing typed is lost to a bad value; Export writes what is typed to a file.
 */
public final class ProfileEditor extends Dialog<Map<String, String>> {
    /** What the rules say of the fields: fine, or the field that is wrong (null: the profile as a whole) and why. */
    public record Checked(boolean ok, String field, String message) {
    }

    private final Map<String, TextInputControl> inputs = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Label general = new Label();
    private final Function<Map<String, String>, Checked> rules;
    private final Button save;

    /**
     * @param fields   the draft, keyed by the profile file's field names, in order
     * @param rules    the loader's rules (and the app's: a bundled id is not yours to overwrite)
     * @param exporter writes the fields as a profile file (asks where)
     */
    public ProfileEditor(String title, Map<String, String> fields, Function<Map<String, String>, Checked> rules,
                         Consumer<Map<String, String>> exporter) {
        this.rules = rules;
        setTitle(title);
        setHeaderText("Dense peaks only (halve NVIDIA's 2:4-sparse datasheet figures), each figure with a source. "
                + "Saved to your profile folder; a bundled profile is never changed.");
        setResizable(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(5);
        grid.getStyleClass().add("profile-editor");
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints(180, 260, Double.MAX_VALUE);
        values.setHgrow(Priority.ALWAYS);
        ColumnConstraints reasons = new ColumnConstraints(120, 240, 320);
        grid.getColumnConstraints().addAll(names, values, reasons);
        int row = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String field = e.getKey();
            boolean multiline = field.equals("sources") || field.equals("notes");
            TextInputControl input = multiline ? new TextArea(e.getValue()) : new TextField(e.getValue());
            if (input instanceof TextArea area) {
                area.setPrefRowCount(field.equals("sources") ? 4 : 2);
                area.setWrapText(true);
            }
            input.setId("profile-" + field.replace('.', '-'));
            Label name = new Label(label(field));
            name.setLabelFor(input);
            Label reason = new Label();
            reason.getStyleClass().add("field-error");
            reason.setWrapText(true);
            grid.addRow(row++, name, input, reason);
            inputs.put(field, input);
            errors.put(field, reason);
            input.textProperty().addListener((obs, old, now) -> check());
        }
        general.getStyleClass().add("field-error");
        general.setWrapText(true);
        grid.add(general, 0, row, 3, 1);
        getDialogPane().setContent(new ScrollPane(grid) {
            {
                setFitToWidth(true);
                setPrefViewportHeight(520);
            }
        });
        ButtonType saveType = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        ButtonType exportType = new ButtonType("Export…", ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().addAll(exportType, saveType, ButtonType.CANCEL);
        save = (Button) getDialogPane().lookupButton(saveType);
        Button export = (Button) getDialogPane().lookupButton(exportType);
        // Export writes what is typed and keeps the dialog open.
        export.addEventFilter(ActionEvent.ACTION, ev -> {
            ev.consume();
            exporter.accept(fields());
        });
        // Save only what the rules accept (checked again: the button's state could lag a paste).
        save.addEventFilter(ActionEvent.ACTION, ev -> {
            if (!check()) {
                ev.consume();
            }
        });
        setResultConverter(type -> type == saveType ? fields() : null);
        check();
    }

    /** The fields as typed now. */
    public Map<String, String> fields() {
        Map<String, String> now = new LinkedHashMap<>();
        inputs.forEach((field, input) -> now.put(field, input.getText()));
        return now;
    }

    /** The input of a field (for tests). */
    public TextInputControl input(String field) {
        return inputs.get(field);
    }

    /** The reason shown beside a field, empty when none (for tests). */
    public String reason(String field) {
        return errors.get(field).getText();
    }

    public boolean canSave() {
        return !save.isDisabled();
    }

    /** Checks the fields, shows the reason beside the field it names, and enables Save only when there is none. */
    private boolean check() {
        Checked result = rules.apply(fields());
        errors.values().forEach(l -> l.setText(""));
        general.setText("");
        if (!result.ok()) {
            Label beside = result.field() == null ? null : errors.get(result.field());
            (beside != null ? beside : general).setText(result.message());
        }
        save.setDisable(!result.ok());
        return result.ok();
    }

    private static final List<String> UNITS = List.of("TFLOP/s");

    /** A field's name as a person reads it. */
    static String label(String field) {
        if (field.startsWith("peakTflops.")) {
            return "Peak " + field.substring("peakTflops.".length()).toUpperCase(Locale.ROOT) + ", dense "
                    + UNITS.get(0);
        }
        return switch (field) {
            case "id" -> "Id (also the file name)";
            case "name" -> "Name";
            case "vendor" -> "Vendor";
            case "year" -> "Release year";
            case "memoryBandwidthGBps" -> "Memory bandwidth, GB/s";
            case "memoryGiB" -> "Memory, GiB (an \"80 GB\" HBM part is 80 GiB)";
            case "interconnect.name" -> "Interconnect (NVLink 4, PCIe Gen5 x16)";
            case "interconnect.bandwidthGBps" -> "Interconnect, GB/s per direction";
            case "interconnect.latencyUs" -> "Interconnect latency, µs per hop";
            case "interconnect.note" -> "Interconnect note (e.g. an NVLink bridge)";
            case "priceUsdPerHour" -> "Price, $ per device-hour";
            case "boardPowerWatts" -> "Board power at full load, W";
            case "idlePowerWatts" -> "Idle power, W (blank: 17 % of full load)";
            case "sources" -> "Sources, one per line";
            case "notes" -> "Notes";
            default -> field;
        };
    }
}
