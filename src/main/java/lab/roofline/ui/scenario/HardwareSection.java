package lab.roofline.ui.scenario;

import java.util.List;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Interconnect;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.fx.CommitField;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.Listeners;
import lab.roofline.fx.LogSliderField;
import lab.roofline.fx.Tips;
import org.controlsfx.control.textfield.TextFields;

/**
 * The accelerator (a list grouped by vendor, with a clearable filter), the device count and the price.
 * The list always shows the GPU the charts use: a GPU chosen elsewhere (a lesson step, a restored
 * session) that the filter hides clears the filter, and the list scrolls to it.
 */
public final class HardwareSection extends VBox {
    @FXML VBox filterBox;
    @FXML ListView<Object> gpuList;
    @FXML LogSliderField gpuCount;
    @FXML Label parallelismTitle;
    @FXML ComboBox<Integer> parallelism;
    @FXML Label linkLabel;
    @FXML CommitField priceField;
    @FXML VBox priceErrorBox;
    @FXML Hyperlink whatIfReset;
    @FXML MenuButton profileMenu;

    /** What the profile menu asks the app to do (it owns the editor's files). */
    public interface ProfileActions {
        /** Opens the editor on a copy of a profile (any: a bundled one is duplicated, never changed). */
        void duplicate(HardwareProfile p);

        /** Opens the editor on a profile of the user's own. */
        void edit(HardwareProfile p);

        /** Deletes a profile of the user's own (asks first). */
        void delete(HardwareProfile p);

        /** Reads a profile file (a colleague's) into the editor. */
        void importProfile();
    }

    private ProfileActions profileActions;

    /** Connects the profile menu to the app; until then it is disabled. */
    public void setProfileActions(ProfileActions actions) {
        profileActions = actions;
        profileMenu.setDisable(actions == null);
    }
    @FXML GridPane whatIfGrid;
    /** The what-if factors offered; a file or the command line may give others in range, shown as they are. */
    static final List<Double> WHAT_IF_STEPS = List.of(0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0);
    final ComboBox<Double> bandwidthScale = new ComboBox<>();
    final ComboBox<Double> peakScale = new ComboBox<>();
    final ComboBox<Double> memoryScale = new ComboBox<>();
    final TextField gpuFilter = TextFields.createClearableTextField();
    private final RooflineViewModel vm;
    private final Listeners listeners = new Listeners();

    public HardwareSection(RooflineViewModel vm) {
        this.vm = vm;
        Fxml.loadInto(this);
        gpuFilter.setPromptText("Type to filter GPUs…");
        gpuFilter.setAccessibleText("Filter GPUs");
        gpuFilter.setId("gpu-filter");
        Tips.install(gpuFilter, "Filter by name, vendor or id. Enter picks the first match; × clears.");
        filterBox.getChildren().add(gpuFilter);

        gpuList.setCellFactory(lv -> new GpuCell(vm));
        Tips.install(gpuList, "Hardware profiles: dense peaks, bandwidth, memory and price, each sourced "
                + "(hardware-profiles/). Arrow keys move; the selection applies at once.");
        refillGpuList("");
        gpuFilter.textProperty().addListener((obs, old, now) -> refillGpuList(now));
        gpuFilter.setOnAction(ev -> gpuList.getItems().stream().filter(o -> o instanceof HardwareProfile)
                .findFirst().ifPresent(p -> vm.gpuProperty().set((HardwareProfile) p)));
        gpuList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now instanceof HardwareProfile p && p != vm.gpuProperty().get()) {
                vm.gpuProperty().set(p);
            }
        });
        listeners.always(this::showSelectedGpu, vm.gpuProperty());
        listeners.onInvalidated(vm.profiles(), obs -> refillGpuList(gpuFilter.getText()));

        gpuCount.setId("gpu-count");
        gpuCount.connect(vm.gpuCountProperty(), 2, 0, WorkloadSection.log2(ScenarioLimits.GPU_COUNT.max()),
                WorkloadSection::whole, v -> vm.gpuCountProperty().set((int) Math.round(v)), vm.edit()::setGpuCountText);

        buildParallelism();

        priceField.setId("price");
        Tips.install(priceField, "Price per device-hour in US dollars, from the profile; edit it for your own "
                + "contract (it stays with this GPU). Empty = unknown (costs show as GPU time per token).");
        priceField.connect(vm.priceUsdPerHourProperty(), () -> priceText(vm.priceUsdPerHourProperty().get()),
                vm.edit()::setPriceText);
        priceErrorBox.getChildren().add(priceField.errorLabel());
        buildWhatIf();
        buildProfileMenu();
    }

    /** How the devices split the model: "TP8", "TP4 × PP2", "PP8"; the choices follow the count and the model. */
    private void buildParallelism() {
        parallelism.setId("parallelism");
        parallelism.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer stages) {
                return stages == null ? "" : Scenario.layoutName(vm.gpuCountProperty().get(), stages);
            }

            @Override
            public Integer fromString(String text) {
                return null; // not editable
            }
        });
        boolean[] filling = {false};
        listeners.always(() -> {
            filling[0] = true;
            parallelism.getItems().setAll(vm.edit().pipelineChoices());
            parallelism.setValue(vm.pipelineStagesProperty().get());
            parallelism.setDisable(vm.gpuCountProperty().get() == 1);
            filling[0] = false;
        }, vm.gpuCountProperty(), vm.pipelineStagesProperty(), vm.presetProperty(), vm.parametersProperty());
        parallelism.valueProperty().addListener((obs, old, now) -> {
            if (!filling[0] && now != null) {
                vm.edit().setPipelineStages(now);
            }
        });
        listeners.always(() -> {
            Interconnect link = vm.gpuProperty().get().link();
            linkLabel.setText((vm.gpuCountProperty().get() > 1 ? "over " : "several would talk over ") + link.name() + ", "
                    + Units.si(link.bandwidthBytesPerSecond(), "B/s") + " per direction, "
                    + Units.seconds(link.latencySeconds()) + " a hop");
        }, vm.gpuProperty(), vm.gpuCountProperty());
        String tip = "TP: every layer split across the devices (two all-reduces per layer). PP: the layers split into "
                + "stages that pass activations on; stages work on different micro-batches, so they add throughput "
                + "at large batches but not speed at batch 1. docs/model.md, section 8.";
        Tips.install(parallelismTitle, tip);
        Tips.install(parallelism, tip);
    }

    public ComboBox<Integer> parallelism() {
        return parallelism;
    }

    /** Duplicate, edit, delete and import profiles: what is allowed depends on whose the selected one is. */
    private void buildProfileMenu() {
        profileMenu.setId("profile-menu");
        MenuItem duplicate = new MenuItem("Duplicate and Edit…");
        duplicate.setOnAction(e -> profileActions.duplicate(vm.gpuProperty().get()));
        MenuItem edit = new MenuItem("Edit…");
        edit.setOnAction(e -> profileActions.edit(vm.gpuProperty().get()));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> profileActions.delete(vm.gpuProperty().get()));
        MenuItem importItem = new MenuItem("Import Profile…");
        importItem.setOnAction(e -> profileActions.importProfile());
        profileMenu.getItems().setAll(duplicate, edit, delete, new SeparatorMenuItem(), importItem);
        profileMenu.setOnShowing(e -> {
            boolean mine = vm.isOwn(vm.gpuProperty().get());
            String gpu = vm.gpuProperty().get().shortName();
            duplicate.setText("Duplicate " + gpu + " and Edit…");
            edit.setText(mine ? "Edit " + gpu + "…" : "Edit… (duplicate a bundled profile to change it)");
            edit.setDisable(!mine);
            delete.setText(mine ? "Delete " + gpu : "Delete (only your own profiles)");
            delete.setDisable(!mine);
        });
        Tips.install(profileMenu, "Invent an accelerator: duplicate the selected one and edit its peaks, bandwidth, "
                + "memory, price and sources; it is saved to your profile folder and marked (yours).");
        profileMenu.setDisable(true);
    }

    /** Three factors on the live device (bandwidth, peaks, memory), and a link back to the device as it is. */
    private void buildWhatIf() {
        String[] names = {"Bandwidth", "Peak FLOP/s", "Memory"};
        String[] ids = {"bandwidth-scale", "peak-scale", "memory-scale"};
        ComboBox<?>[] boxes = {bandwidthScale, peakScale, memoryScale};
        for (int i = 0; i < 3; i++) {
            @SuppressWarnings("unchecked")
            ComboBox<Double> box = (ComboBox<Double>) boxes[i];
            box.getItems().setAll(WHAT_IF_STEPS);
            box.setId(ids[i]);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Double v) {
                    return v == null ? "" : v == 1 ? "1× (as it is)" : HardwareScales.factor(v);
                }

                @Override
                public Double fromString(String text) {
                    return null; // not editable
                }
            });
            box.setAccessibleText(names[i] + " times");
            box.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(box, Priority.ALWAYS);
            Label name = new Label(names[i]);
            name.getStyleClass().add("control-unit");
            // The names keep their width at any zoom (the lists give way): never "Ba…", and no stale "…"
            // once the zoom comes back.
            name.setMinWidth(Region.USE_PREF_SIZE);
            whatIfGrid.addRow(i, name, box);
            box.valueProperty().addListener((obs, old, now) -> {
                if (now != null && !updatingWhatIf) {
                    vm.scalesProperty().set(new HardwareScales(
                            value(bandwidthScale), value(peakScale), value(memoryScale)));
                }
            });
        }
        Tips.install(bandwidthScale, "What if this device had more (or less) memory bandwidth: decode speeds up with "
                + "it until it turns compute-bound. A what-if, named on the charts and in exports; no profile is saved.");
        Tips.install(peakScale, "What if this device had more (or less) peak FLOP/s at every precision: prefill "
                + "speeds up; memory-bound decode does not.");
        Tips.install(memoryScale, "What if this device had more (or less) memory: the largest batch that fits changes.");
        whatIfReset.setOnAction(e -> vm.scalesProperty().set(HardwareScales.NONE));
        Tips.install(whatIfReset, "Back to the device as its profile describes it");
        listeners.always(this::showWhatIf, vm.scalesProperty());
    }

    private boolean updatingWhatIf;

    private static double value(ComboBox<Double> box) {
        return box.getValue() == null ? 1 : box.getValue();
    }

    private void showWhatIf() {
        HardwareScales now = vm.scalesProperty().get() == null
                ? HardwareScales.NONE : vm.scalesProperty().get();
        updatingWhatIf = true;
        try {
            bandwidthScale.setValue(now.bandwidth());
            peakScale.setValue(now.peak());
            memoryScale.setValue(now.memory());
        } finally {
            updatingWhatIf = false;
        }
        whatIfReset.setDisable(now.isNone());
    }

    /** Selects the view model's GPU in the list, clearing a filter that hides it, and scrolls to it. */
    private void showSelectedGpu() {
        HardwareProfile gpu = vm.gpuProperty().get();
        if (!gpuList.getItems().contains(gpu)) {
            gpuFilter.clear(); // refills the list
        }
        gpuList.getSelectionModel().select(gpu);
        scrollToSelectedGpu();
    }

    /**
     * Scrolls so the selected GPU shows, one row below its vendor heading. Before the list has a skin a
     * scroll request is deferred until it has one: an early request would keep the list alive after
     * {@link #dispose()}.
     */
    private void scrollToSelectedGpu() {
        if (gpuList.getSkin() == null) {
            gpuList.skinProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable obs) {
                    gpuList.skinProperty().removeListener(this);
                    // After the new skin's first layout: before it, the flow does not know its rows.
                    Platform.runLater(HardwareSection.this::scrollToSelectedGpu);
                }
            });
            return;
        }
        int index = gpuList.getItems().indexOf(vm.gpuProperty().get());
        // The flow itself, not ListView.scrollTo: its ScrollToEvent kept disposed sections reachable.
        if (index >= 0 && gpuList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollToTop(Math.max(0, index - 1));
        }
    }

    private void refillGpuList(String filter) {
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        ObservableList<Object> items = FXCollections.observableArrayList();
        String vendor = null;
        for (HardwareProfile p : vm.profiles()) {
            String hay = (p.name() + " " + p.vendor() + " " + p.id()).toLowerCase(Locale.ROOT);
            if (!f.isEmpty() && !hay.contains(f)) {
                continue;
            }
            if (!p.vendor().equals(vendor)) {
                vendor = p.vendor();
                items.add(vendor);
            }
            items.add(p);
        }
        gpuList.setItems(items);
        gpuList.getSelectionModel().select(vm.gpuProperty().get());
        scrollToSelectedGpu(); // clearing the filter keeps the chosen GPU in view
    }

    /**
     * Cents at least, and up to four decimals when the price has them: a profile's $0.526 reads 0.526, as in
     * the summary, not a rounded 0.53 the charts do not use.
     */
    static String priceText(double usd) {
        if (Double.isNaN(usd)) {
            return "";
        }
        BigDecimal shown = BigDecimal.valueOf(usd).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return shown.setScale(Math.max(2, shown.scale())).toPlainString();
    }

    public TextField gpuFilter() {
        return gpuFilter;
    }

    public ListView<Object> gpuList() {
        return gpuList;
    }

    public LogSliderField gpuCountField() {
        return gpuCount;
    }

    /** The menu that duplicates, edits, deletes and imports profiles. */
    public MenuButton profileMenu() {
        return profileMenu;
    }

    public CommitField priceField() {
        return priceField;
    }

    public void dispose() {
        listeners.dispose();
        gpuCount.dispose();
        priceField.dispose();
    }

    private static final class GpuCell extends ListCell<Object> {
        private final RooflineViewModel vm;

        GpuCell(RooflineViewModel vm) {
            this.vm = vm;
            setPrefWidth(0); // fit the list's width (a long name ends in "…") instead of a horizontal scroll bar
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("vendor-header");
            setDisable(false);
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof HardwareProfile p) {
                setText(vm.isOwn(p) ? p.name() + "  (yours)" : p.name()); // a profile of the user's own, not bundled
            } else {
                setText(item.toString().toUpperCase(Locale.ROOT));
                getStyleClass().add("vendor-header");
                setDisable(true);
            }
        }
    }
}
