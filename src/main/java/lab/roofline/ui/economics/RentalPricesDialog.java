package lab.roofline.ui.economics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.OwnedHardware;
import lab.roofline.engine.serving.RentalPrices;

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
        this(profiles, current, 0.12);
    }

    /** @param usdPerKwh the electricity price an owned device starts with (the serving settings') */
    public RentalPricesDialog(List<HardwareProfile> profiles, RentalPrices current, double usdPerKwh) {
        electricity.setText(BigDecimal.valueOf(usdPerKwh).stripTrailingZeros().toPlainString());
        setTitle("Rental prices — Roofline Lab");
        setHeaderText("Hourly prices for devices whose profile has none, and for devices you own. The planner uses "
                + "them; the frontier uses them for a scenario without a price.");
        table.setEditable(true);
        table.setId("rental-table");
        for (HardwareProfile p : profiles) {
            boolean owned = current.find(p.id()).map(RentalPrices.Rate::usersOwn).orElse(false);
            if ((p.price().isEmpty() || owned) && p.whatIf().isNone()) {
                table.getItems().add(new Row(p, current.find(p.id()).orElse(null)));
            }
        }
        TableColumn<Row, String> device = new TableColumn<>("Device");
        device.setCellValueFactory(c -> new ReadOnlyStringWrapper(Units.oneLine(c.getValue().profile().name())));
        device.setPrefWidth(220);
        TableColumn<Row, String> price = new TableColumn<>("$ per hour");
        price.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rate() == null ? ""
                : BigDecimal.valueOf(c.getValue().rate().usdPerHour()).stripTrailingZeros().toPlainString()));
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
        VBox content = new VBox(8, table, problem, hint, ownBar(profiles));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? prices() : null);
    }

    private final ComboBox<HardwareProfile> ownDevice = new ComboBox<>();
    private final TextField purchase = new TextField("30000");
    private final TextField lifetime = new TextField("4");
    private final TextField watts = new TextField();
    private final TextField electricity = new TextField("0.12");

    /** A device you own: purchase price, years of service, power and electricity make its hourly price. */
    private Node ownBar(List<HardwareProfile> profiles) {
        ownDevice.getItems().setAll(profiles.stream().filter(p -> p.whatIf().isNone()).toList());
        ownDevice.setConverter(new StringConverter<>() {
            @Override
            public String toString(HardwareProfile p) {
                return p == null ? "" : p.shortName();
            }

            @Override
            public HardwareProfile fromString(String s) {
                return null;
            }
        });
        ownDevice.valueProperty().addListener((obs, old, now) -> watts.setText(now == null || now.power() == null ? ""
                : BigDecimal.valueOf(now.power().fullLoadWatts()).stripTrailingZeros().toPlainString()));
        ownDevice.setId("own-device");
        purchase.setId("own-purchase");
        lifetime.setId("own-lifetime");
        watts.setId("own-watts");
        electricity.setId("own-electricity");
        for (TextField f : new TextField[] {purchase, lifetime, watts, electricity}) {
            f.setPrefColumnCount(6);
        }
        Button use = new Button("Price it as owned");
        use.setId("own-use");
        use.setOnAction(e -> own());
        FlowPane bar = new FlowPane(8, 6, new Label("You own a"), ownDevice,
                new Label("bought for $"), purchase, new Label("serving"), lifetime, new Label("years, drawing"), watts,
                new Label("W (with its share of server and cooling) at $"), electricity, new Label("/ kWh"), use);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Adds (or replaces) the chosen device's row with its owned hourly price; the reason when a field is bad. */
    public Optional<String> own() {
        HardwareProfile p = ownDevice.getValue();
        if (p == null) {
            problem.setText("Choose the device you own");
            return Optional.of(problem.getText());
        }
        double[] v = new double[4];
        ScenarioLimits.Range[] ranges = {new ScenarioLimits.Range("Purchase price", 1, 1e8, false, "30000"),
                new ScenarioLimits.Range("Lifetime", 0.1, 30, false, "4"), new ScenarioLimits.Range("Power", 0, 100_000, false, "700"),
                ScenarioLimits.ELECTRICITY_USD_PER_KWH};
        TextField[] fields = {purchase, lifetime, watts, electricity};
        for (int i = 0; i < 4; i++) {
            ScenarioLimits.Parsed parsed = ranges[i].parse(fields[i].getText().strip().replaceFirst("^\\$", ""));
            if (!parsed.ok()) {
                problem.setText(parsed.error());
                return Optional.of(parsed.error());
            }
            v[i] = parsed.value();
        }
        double hourly = new OwnedHardware(v[0], v[1], v[2], v[3]).usdPerHour();
        if (!ScenarioLimits.PRICE_USD_PER_HOUR.allows(hourly)) {
            problem.setText(Units.usd(hourly) + " an hour is outside what a price may be ($0.01 to $10,000)");
            return Optional.of(problem.getText());
        }
        RentalPrices.Rate rate = new RentalPrices.Rate(p.id(), hourly, "owned", LocalDate.now().toString(),
                String.format(Locale.ROOT, "$%,.0f over %s years, %s W at $%s/kWh", v[0], Units.sig3(v[1]),
                        Units.sig3(v[2]), Units.sig3(v[3])));
        Row row = new Row(p, rate);
        int at = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).profile().id().equals(p.id())) {
                at = i;
            }
        }
        if (at >= 0) {
            table.getItems().set(at, row);
        } else {
            table.getItems().add(0, row);
        }
        problem.setText("");
        return Optional.empty();
    }

    /** The owned-device fields, for tests: device, purchase, lifetime, watts, electricity. */
    public void setOwned(HardwareProfile p, String purchaseUsd, String years, String power, String usdPerKwh) {
        ownDevice.setValue(p);
        purchase.setText(purchaseUsd);
        lifetime.setText(years);
        watts.setText(power);
        electricity.setText(usdPerKwh);
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
