package lab.roofline.ui.economics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.VBox;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.RentalPrices;
import lab.roofline.engine.ScenarioLimits;
import lab.roofline.engine.Units;

/**
 * The rental-price table, editable: one row per device whose profile has no price, with the table's price,
 * its kind, date and source. A price typed in becomes the user's own ("your price", today, "typed in Roofline
 * Lab"); a cleared price drops the row, so the planner skips the device. A bad price is refused with the
 * reason and the row keeps its old one.
 */
public final class RentalPricesDialog extends Dialog<RentalPrices> {
    /** One device's row. */
    public record Row(HardwareProfile profile, RentalPrices.Rate rate) {
    }

    private final TableView<Row> table = new TableView<>();
    private final Label problem = new Label();

    public RentalPricesDialog(List<HardwareProfile> profiles, RentalPrices current) {
        setTitle("Rental prices — Roofline Lab");
        setHeaderText("Hourly prices for devices whose profile has none. The planner and the frontier use them.");
        table.setEditable(true);
        table.setId("rental-table");
        for (HardwareProfile p : profiles) {
            if (p.price().isEmpty() && p.whatIf().isNone()) {
                table.getItems().add(new Row(p, current.find(p.id()).orElse(null)));
            }
        }
        TableColumn<Row, String> device = new TableColumn<>("Device");
        device.setCellValueFactory(c -> new ReadOnlyStringWrapper(Units.oneLine(c.getValue().profile().name())));
        device.setPrefWidth(220);
        TableColumn<Row, String> price = new TableColumn<>("$ per hour");
        price.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rate() == null ? ""
                : java.math.BigDecimal.valueOf(c.getValue().rate().usdPerHour()).stripTrailingZeros().toPlainString()));
        price.setCellFactory(TextFieldTableCell.forTableColumn());
        price.setOnEditCommit(e -> edit(e.getRowValue(), e.getNewValue()));
        price.setPrefWidth(90);
        price.setId("rental-price-column");
        TableColumn<Row, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rate() == null ? "none: skipped"
                : c.getValue().rate().kind()));
        kind.setPrefWidth(120);
        TableColumn<Row, String> date = new TableColumn<>("Date");
        date.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rate() == null ? "" : c.getValue().rate().date()));
        date.setPrefWidth(90);
        TableColumn<Row, String> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rate() == null ? ""
                : c.getValue().rate().source()));
        source.setPrefWidth(420);
        table.getColumns().setAll(List.of(device, price, kind, date, source));
        table.setPrefSize(960, 380);
        problem.getStyleClass().add("input-error");
        problem.setWrapText(true);
        Label hint = new Label("Double-click a price to type your own (a contract, a quote); clear it to leave the device "
                + "out. Saved in your Roofline Lab folder as rental-prices.json, over the bundled table.");
        hint.setWrapText(true);
        VBox content = new VBox(8, table, problem, hint);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? prices() : null);
    }

    /** Sets a row's price from typed text; the reason when it cannot be one. */
    public Optional<String> edit(Row row, String text) {
        int i = table.getItems().indexOf(row);
        String t = text == null ? "" : text.strip().replaceFirst("^\\$", "");
        if (t.isEmpty()) {
            table.getItems().set(i, new Row(row.profile(), null));
            problem.setText("");
            return Optional.empty();
        }
        ScenarioLimits.Parsed p = ScenarioLimits.PRICE_USD_PER_HOUR.parse(t);
        if (!p.ok()) {
            String why = Units.oneLine(row.profile().name()) + ": " + p.error();
            problem.setText(why);
            table.refresh(); // the cell shows the old price again
            return Optional.of(why);
        }
        table.getItems().set(i, new Row(row.profile(), new RentalPrices.Rate(row.profile().id(), p.value(), "your price",
                LocalDate.now().toString(), "typed in Roofline Lab")));
        problem.setText("");
        return Optional.empty();
    }

    /** The table as edited. */
    public RentalPrices prices() {
        Map<String, RentalPrices.Rate> rates = new LinkedHashMap<>();
        for (Row r : table.getItems()) {
            if (r.rate() != null) {
                rates.put(r.profile().id(), r.rate());
            }
        }
        return new RentalPrices(rates);
    }

    public TableView<Row> table() {
        return table;
    }

    public Label problem() {
        return problem;
    }

    /** The rows the user's file keeps: those that differ from the bundled table (a cleared one as absent). */
    public static List<RentalPrices.Rate> userRows(RentalPrices edited, RentalPrices bundled) {
        List<RentalPrices.Rate> rows = new ArrayList<>();
        edited.byGpuId().forEach((id, rate) -> {
            if (!rate.equals(bundled.find(id).orElse(null))) {
                rows.add(rate);
            }
        });
        return rows;
    }
}
