package lab.roofline.ui.economics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.fx.CommitField;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.Listeners;
import lab.roofline.render.chart.FrontierChart;
import lab.roofline.render.layout.FrontierLayout;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.scenario.ServingModel;
import org.controlsfx.control.SegmentedButton;

/**
 * Serving economics: the traffic mix, the service-level limits, where prefill runs and the price of
 * electricity; the latency-cost frontier of the live scenario and the pins; what the live batch costs; and
 * the planner's cheapest configurations, each of which can be made live or pinned. Everything it shows is
 * read from the view model; the planner runs off the FX thread.
 */
public final class ServingView extends BorderPane {
    @FXML Label traffic;
    @FXML CommitField cachedField;
    @FXML VBox cachedErrorBox;
    @FXML CommitField ttftField;
    @FXML VBox ttftErrorBox;
    @FXML CommitField tpotField;
    @FXML VBox tpotErrorBox;
    @FXML Label perUser;
    @FXML SegmentedButton placement;
    @FXML Label placementNote;
    @FXML CommitField electricityField;
    @FXML VBox electricityErrorBox;
    @FXML GridPane readout;
    @FXML Label readoutNote;
    @FXML SplitPane split;
    @FXML ComboBox<FrontierLayout.Metric> metric;
    @FXML Button export;
    @FXML StackPane card;
    @FXML Button find;
    @FXML ComboBox<Integer> maxGpus;
    @FXML CheckBox distinct;
    @FXML ProgressIndicator busy;
    @FXML Button prices;
    @FXML Button makeLive;
    @FXML Button pin;
    @FXML TableView<Planner.Candidate> candidates;
    @FXML Label planNote;

    private final RooflineViewModel vm;
    @FXML ScrollPane side;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    /** The text size the window is shown at (the dashboard's zoom). */
    public DoubleProperty zoomProperty() {
        return zoom;
    }
    private final FrontierChart chart;
    private final Listeners listeners = new Listeners();
    private ServingModel.PlanRequest lastRequest;
    /** Keeps an edited rental table (the app writes it to the user's folder, off the FX thread). */
    private Consumer<RentalPrices> rentalSaver = p -> { };
    private CostReadout costReadout;
    /** Bumped by each search; a result that arrives after a newer search began is dropped. */
    private int searches;

    /** @param exporter opens the export dialog for the frontier */
    public ServingView(RooflineViewModel vm, Runnable exporter) {
        this.vm = vm;
        Fxml.loadInto(this);
        costReadout = new CostReadout(readout, readoutNote);
        chart = new FrontierChart(vm.resultProperty(), vm.servingModel().frontierProperty());
        buildChart(exporter);
        buildLimits();
        buildPlacement();
        listeners.always(() -> costReadout.show(vm.servingModel().frontierProperty().getValue()),
                vm.servingModel().frontierProperty());

        buildPlanner();
    }

    /** The frontier chart and the metric it plots. */
    private void buildChart(Runnable exporter) {
        // The left column widens with the text size (the zoom), so its labels and fields stay whole.
        side.prefWidthProperty().bind(zoom.multiply(320));
        side.minWidthProperty().bind(zoom.multiply(300));
        setId("serving");
        chart.setId("frontier-chart");
        card.getChildren().add(chart);
        metric.getItems().setAll(FrontierLayout.Metric.values());
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(FrontierLayout.Metric m) {
                return m == null ? "" : m.title();
            }

            @Override
            public FrontierLayout.Metric fromString(String s) {
                return null;
            }
        });
        metric.setValue(FrontierLayout.Metric.COST);
        chart.metricProperty().bind(metric.valueProperty());
        export.setOnAction(e -> exporter.run());
    }

    /** The service-level limits, the cached share and electricity, typed; what a limit means, said. */
    private void buildLimits() {
        listeners.always(() -> traffic.setText(String.format(Locale.ROOT, "Each request: %,d prompt and %,d generated "
                        + "tokens on average (the scenario's Workload).", vm.promptTokensProperty().get(),
                vm.generatedTokensProperty().get())), vm.promptTokensProperty(), vm.generatedTokensProperty());
        connect(cachedField, cachedErrorBox, () -> plain(vm.servingModel().servingProperty().get().cachedInput() * 100),
                vm.servingModel()::setCachedInputText);
        connect(ttftField, ttftErrorBox, () -> limit(vm.servingModel().servingProperty().get().ttftSeconds()), vm.servingModel()::setTtftLimitText);
        connect(tpotField, tpotErrorBox, () -> limit(vm.servingModel().servingProperty().get().tpotSeconds()), vm.servingModel()::setTpotLimitText);
        connect(electricityField, electricityErrorBox, () -> plain(vm.servingModel().servingProperty().get().electricityUsdPerKwh()),
                vm.servingModel()::setElectricityText);
        listeners.always(() -> {
            double tpot = vm.servingModel().servingProperty().get().tpotSeconds();
            perUser.setText(Double.isInfinite(tpot) ? "No limit per token: every batch that fits counts."
                    : "A token each " + Units.seconds(tpot) + " is " + Units.sig3(1 / tpot) + " tokens/s per user "
                    + "(you may type 20 tok/s). Blank a field for no limit.");
        }, vm.servingModel().servingProperty());
    }

    /** Prefill on the decode devices or on a pool of its own. */
    private void buildPlacement() {
        ToggleButton same = new ToggleButton("Same devices");
        ToggleButton pools = new ToggleButton("Separate pools");
        same.setId("placement-same");
        pools.setId("placement-pools");
        placement.getButtons().setAll(same, pools);
        placement.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one is always chosen
            } else {
                vm.servingModel().setDisaggregated(now == pools);
            }
        });
        listeners.always(() -> {
            boolean split = vm.servingModel().servingProperty().get().disaggregated();
            (split ? pools : same).setSelected(true);
            placementNote.setText(split
                    ? "Prefill has devices of its own, at the largest batch of prompts that meets the first-token "
                    + "limit; the prompt's KV cache then crosses the link. Decode batches without waiting for prefill."
                    : "Prefill steps run between decode steps on the same devices: a new request waits for the decode "
                    + "step in flight, so the first token comes later as the decode batch grows.");
        }, vm.servingModel().servingProperty());
    }

    /** The planner: the cheapest configurations within the limits, made live or pinned from the table. */
    private void buildPlanner() {
        maxGpus.getItems().setAll(1, 2, 4, 8, 16);
        maxGpus.setValue(8);
        candidates.setPlaceholder(new Label("Find the cheapest ranks every priced device, count, split and precision "
                + "by blended cost within the limits."));
        candidates.getColumns().setAll(List.of(
                column("#", c -> Integer.toString(candidates.getItems().indexOf(c) + 1), 36),
                column("Configuration", Planner.Candidate::describe, 230),
                column("Batch", c -> real(c, String.format(Locale.ROOT, "%,d", c.batch())), 70),
                column("First token", c -> real(c, Units.seconds(c.ttftSeconds())), 90),
                column("Per token", c -> real(c, Units.seconds(c.tpotSeconds())), 90),
                column("Blended $/1M", c -> real(c, Units.usd(c.costUsdPerMillionBlended())), 105),
                column("Output $/1M", c -> real(c, Units.usd(c.costUsdPerMillionOutput())), 100),
                column("J/token", c -> Double.isNaN(c.joulesPerOutputToken()) || !c.fits() ? "–"
                        : Units.sig3(c.joulesPerOutputToken()), 75),
                column("Prefill:decode", c -> Double.isNaN(c.prefillDevicesPerDecode()) ? "shared"
                        : Units.sig3(c.prefillDevicesPerDecode()) + " : 1", 120),
                column("Why not", c -> c.feasible() ? "" : c.why(), 260)));
        candidates.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            makeLive.setDisable(now == null);
            pin.setDisable(now == null);
        });
        find.setOnAction(e -> findCheapest());
        // Each device once, at its cheapest (plan --distinct): a search already shown is run again that way.
        distinct.setOnAction(e -> {
            if (!candidates.getItems().isEmpty()) {
                findCheapest();
            }
        });
        prices.setOnAction(e -> editRentalPrices());
        makeLive.setOnAction(e -> selected().ifPresent(c -> {
            // The plan still answers the scenario it came from: making a row of it live does not make it stale.
            applyingRow = true;
            try {
                vm.apply(lastRequest.inputsOf(c));
            } finally {
                applyingRow = false;
            }
            planNote.setText(c.describe() + " is live. " + planNote.getText());
        }));
        pin.setOnAction(e -> selected().ifPresent(c -> vm.pinsModel().pin(null, lastRequest.inputsOf(c))
                .ifPresent(planNote::setText)));
        // A plan answers the scenario it was asked for: say so when that changes.
        listeners.onInvalidated(vm.inputsProperty(), obs -> staleNote());
        listeners.onInvalidated(vm.servingModel().servingProperty(), obs -> staleNote());
    }

    /** Where an edited rental table goes to be kept. */
    public void setRentalSaver(Consumer<RentalPrices> saver) {
        rentalSaver = saver;
    }

    /** The dialog of hourly prices for devices without one; OK makes them the table the planner and frontier use. */
    public void editRentalPrices() {
        RentalPricesDialog dialog = new RentalPricesDialog(vm.profiles(), vm.servingModel().rentalPricesProperty().get(),
                vm.servingModel().servingProperty().get().electricityUsdPerKwh());
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        dialog.showAndWait().ifPresent(edited -> {
            vm.servingModel().rentalPricesProperty().set(edited);
            rentalSaver.accept(edited);
            staleNote();
        });
    }

    private Optional<Planner.Candidate> selected() {
        return Optional.ofNullable(candidates.getSelectionModel().getSelectedItem());
    }

    /** True while a row is being made live. */
    private boolean applyingRow;

    private void staleNote() {
        if (!applyingRow && !candidates.getItems().isEmpty()
                && !planNote.getText().startsWith("The scenario or the limits changed")) {
            planNote.setText("The scenario or the limits changed since this search: Find the cheapest again to update it. "
                    + planNote.getText());
        }
    }

    /** Runs the planner off the FX thread and shows its cheapest rows (or its nearest misses). */
    public void findCheapest() {
        ServingModel.PlanRequest request = vm.servingModel().planRequest(maxGpus.getValue());
        int search = ++searches;
        busy.setVisible(true);
        find.setDisable(true);
        planNote.setText("Searching…");
        CompletableFuture.supplyAsync(request::run).whenComplete((ranked, error) -> Platform.runLater(() -> {
            if (search != searches) {
                return;
            }
            busy.setVisible(false);
            find.setDisable(false);
            if (error != null) {
                planNote.setText("The search failed: " + error.getMessage());
                return;
            }
            lastRequest = request;
            List<Planner.Candidate> pool = distinct.isSelected() ? Planner.distinctDevices(ranked) : ranked;
            List<Planner.Candidate> feasible = pool.stream().filter(Planner.Candidate::feasible).limit(12).toList();
            List<Planner.Candidate> shown = feasible.isEmpty() ? pool.stream().limit(12).toList() : feasible;
            candidates.getItems().setAll(shown);
            if (!shown.isEmpty()) {
                candidates.getSelectionModel().select(0);
            }
            long within = ranked.stream().filter(Planner.Candidate::feasible).count();
            List<String> unpriced = request.unpriced();
            planNote.setText(String.format(Locale.ROOT, "%,d configurations of %s, %,d within the limits%s. %s%s%s",
                    ranked.size(), request.model().name(), within,
                    feasible.isEmpty() ? ": none meets them; the nearest misses are shown" : "",
                    Planner.assumption(request.options(), shown), unpriced.isEmpty() ? "" : " Left out, no price in the profile or the rental table: "
                            + String.join(", ", unpriced) + ".",
                    request.gpus().stream().anyMatch(g -> RentalPrices.tableSource(g).isPresent())
                            ? " Devices without a price of their own are priced from the rental table (dated, sourced)." : ""));
        }));
    }

    /** A number of a candidate as it is: real within the limits, "would be" for a near miss, none when it does not fit. */
    private static String real(Planner.Candidate c, String text) {
        return c.feasible() ? text : c.fits() ? "would be " + text : "–";
    }

    private TableColumn<Planner.Candidate, String> column(String title,
                                                          Function<Planner.Candidate, String> value,
                                                          double width) {
        TableColumn<Planner.Candidate, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.prefWidthProperty().bind(zoom.multiply(width)); // wider with larger text
        c.setSortable(false);
        return c;
    }

    private void connect(CommitField field, VBox errorBox, Supplier<String> format,
                         Function<String, Optional<String>> apply) {
        field.connect(vm.servingModel().servingProperty(), format, apply);
        errorBox.getChildren().add(field.errorLabel());
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String limit(double seconds) {
        return Double.isInfinite(seconds) ? "" : plain(seconds * 1e3);
    }

    public FrontierChart chart() {
        return chart;
    }

    public TableView<Planner.Candidate> candidates() {
        return candidates;
    }

    public Label planNote() {
        return planNote;
    }

    public GridPane readout() {
        return readout;
    }

    /** Stops listening to the view model. */
    public void dispose() {
        listeners.dispose();
        chart.metricProperty().unbind();
        chart.dispose();
        for (CommitField f : new CommitField[] {cachedField, ttftField, tpotField, electricityField}) {
            f.dispose();
        }
    }
}
