package lab.roofline.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.ModelPresets;
import lab.roofline.engine.ModelSpec;
import lab.roofline.engine.Precision;
import lab.roofline.engine.Units;

/** The inputs. Every control reads and writes the view model only. */
final class ControlPanel extends VBox {
    private final RooflineViewModel vm;
    final ComboBox<ModelSpec> modelBox = new ComboBox<>();
    final LogSliderField parameters;
    final LogSliderField batch;
    final LogSliderField prompt;
    final LogSliderField generated;
    final TextField gpuFilter = new TextField();
    final ListView<Object> gpuList = new ListView<>();
    final Spinner<Integer> gpuCount = new Spinner<>();
    final ComboBox<Precision> kvBox = new ComboBox<>();
    final TextField priceField = new TextField();
    final Label priceError = new Label();
    private final ToggleGroup precisionGroup = new ToggleGroup();
    private final List<ToggleButton> precisionButtons = new ArrayList<>();

    /** A segmented choice: weights and math at one precision, or weight-only at BF16 math. */
    record PrecisionChoice(Precision precision, boolean weightOnly) {
        String label() {
            if (weightOnly) {
                return precision == Precision.INT8 ? "W8A16" : precision == Precision.INT4 ? "W4A16" : "W8A16 FP8";
            }
            return precision == Precision.BF16 ? "BF16" : precision.label();
        }
    }

    ControlPanel(RooflineViewModel vm) {
        this.vm = vm;
        getStyleClass().add("control-panel");
        setSpacing(14);

        // Model.
        modelBox.getItems().add(null);
        modelBox.getItems().addAll(ModelPresets.ALL);
        modelBox.setCellFactory(lv -> new ModelCell());
        modelBox.setButtonCell(new ModelCell());
        modelBox.setMaxWidth(Double.MAX_VALUE);
        modelBox.valueProperty().bindBidirectional(vm.presetProperty());
        Tips.install(modelBox, ("A published architecture (layers, heads, KV heads) from its config.json. "
                + "Moving the parameter slider makes the model custom, with a derived architecture."));
        modelBox.setAccessibleText("Model preset");

        parameters = new LogSliderField("Parameters", "", "Total parameters, 100M to 2T. Type 70B, 7e9 or 1.8T. "
                + "Weight bytes = parameters × bytes per weight.", vm.parametersProperty(), 10,
                Math.log10(RooflineViewModel.MIN_PARAMETERS), Math.log10(RooflineViewModel.MAX_PARAMETERS),
                Units::parameterCount, v -> roundTo3Significant(v), vm::setParametersText);
        parameters.setId("parameters");

        // Precision, a segmented choice.
        FlowPane precisionPane = new FlowPane(0, 6);
        precisionPane.getStyleClass().add("segmented");
        List<PrecisionChoice> choices = List.of(new PrecisionChoice(Precision.FP32, false),
                new PrecisionChoice(Precision.BF16, false), new PrecisionChoice(Precision.FP8, false),
                new PrecisionChoice(Precision.INT8, false), new PrecisionChoice(Precision.INT4, false),
                new PrecisionChoice(Precision.FP4, false), new PrecisionChoice(Precision.INT8, true),
                new PrecisionChoice(Precision.INT4, true));
        for (PrecisionChoice c : choices) {
            ToggleButton b = new ToggleButton(c.label());
            b.setUserData(c);
            b.setToggleGroup(precisionGroup);
            b.setId("precision-" + c.label().toLowerCase(Locale.ROOT).replace(' ', '-'));
            b.getStyleClass().add(c.weightOnly() ? "weight-only" : "full-precision");
            Tips.install(b, () -> String.valueOf(b.getProperties().get("tip")));
            precisionButtons.add(b);
            precisionPane.getChildren().add(b);
        }
        precisionGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a segmented choice always has one selected
                return;
            }
            PrecisionChoice c = (PrecisionChoice) now.getUserData();
            vm.weightOnlyProperty().set(c.weightOnly());
            vm.precisionProperty().set(c.precision());
        });
        vm.precisionProperty().addListener(obs -> syncPrecision());
        vm.weightOnlyProperty().addListener(obs -> syncPrecision());
        vm.gpuProperty().addListener(obs -> markNativePrecisions());

        batch = new LogSliderField("Batch size", "seq", "Sequences decoded together (1 to 4096 on the slider; "
                + "type any whole number up to 1,048,576). Arrow keys double or halve it.", vm.batchSizeProperty(), 2,
                0, 12, v -> String.format(Locale.ROOT, "%d", (long) v), v -> (int) Math.round(v),
                vm::setBatchSizeText);
        batch.setId("batch");

        // GPU: grouped by vendor, type to filter.
        gpuFilter.setPromptText("Type to filter GPUs…");
        Tips.install(gpuFilter, ("Filter by name, vendor or id. Enter picks the first match."));
        gpuFilter.setAccessibleText("Filter GPUs");
        gpuList.setPrefHeight(196);
        gpuList.setCellFactory(lv -> new GpuCell());
        Tips.install(gpuList, ("Hardware profiles: dense peaks, bandwidth, memory and price, each sourced "
                + "(hardware-profiles/). Arrow keys move; the selection applies at once."));
        gpuList.setAccessibleText("GPU");
        refillGpuList("");
        gpuFilter.textProperty().addListener((obs, old, now) -> refillGpuList(now));
        gpuFilter.setOnAction(ev -> gpuList.getItems().stream().filter(o -> o instanceof HardwareProfile)
                .findFirst().ifPresent(p -> vm.gpuProperty().set((HardwareProfile) p)));
        gpuList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now instanceof HardwareProfile p && p != vm.gpuProperty().get()) {
                vm.gpuProperty().set(p);
            }
        });
        vm.gpuProperty().addListener((obs, old, now) -> gpuList.getSelectionModel().select(now));
        gpuList.getSelectionModel().select(vm.gpuProperty().get());

        gpuCount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1024, vm.gpuCountProperty().get()));
        gpuCount.setEditable(true);
        gpuCount.setPrefWidth(96);
        gpuCount.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.gpuCountProperty().set(now);
            }
        });
        vm.gpuCountProperty().addListener((obs, old, now) -> gpuCount.getValueFactory().setValue(now.intValue()));
        Tips.install(gpuCount, ("Identical devices in tensor parallel: peak, bandwidth and memory add up "
                + "(ideal scaling, no communication cost)."));
        gpuCount.getEditor().setAccessibleText("GPU count");
        guardSpinner(gpuCount);

        prompt = new LogSliderField("Prompt", "tokens", "Prompt tokens per sequence: what prefill processes and "
                + "the KV cache starts with. Type 8k or 128k.", vm.promptTokensProperty(), 2, 0, 17,
                v -> String.format(Locale.ROOT, "%,d", (long) v), v -> (int) Math.round(v), vm::setPromptTokensText);
        prompt.setId("prompt");
        generated = new LogSliderField("Generated", "tokens", "Output tokens per sequence. Decode is evaluated "
                + "at the average context: prompt + generated / 2.", vm.generatedTokensProperty(), 2, 0, 15,
                v -> String.format(Locale.ROOT, "%,d", (long) v), v -> (int) Math.round(v), vm::setGeneratedTokensText);
        generated.setId("generated");

        kvBox.getItems().addAll(Precision.FP32, Precision.BF16, Precision.FP8, Precision.INT8, Precision.INT4);
        kvBox.valueProperty().bindBidirectional(vm.kvPrecisionProperty());
        Tips.install(kvBox, ("KV-cache precision, separate from the weights. KV bytes per token = "
                + "2 × layers × KV heads × head dim × bytes."));
        kvBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Precision p) {
                return p == null ? "" : p.label() + " KV cache";
            }

            @Override
            public Precision fromString(String s) {
                return Precision.parse(s).orElse(Precision.BF16);
            }
        });
        kvBox.setAccessibleText("KV-cache precision");

        FlowPane realismChoice = new FlowPane(0, 6);
        realismChoice.getStyleClass().add("segmented");
        ToggleGroup realismGroup = new ToggleGroup();
        for (RooflineViewModel.RealismMode mode : RooflineViewModel.RealismMode.values()) {
            ToggleButton b = new ToggleButton(switch (mode) {
                case IDEAL -> "Ideal";
                case REALISTIC -> "Realistic (measured)";
                case CUSTOM -> "Custom";
            });
            b.setId("realism-" + mode.name().toLowerCase(Locale.ROOT));
            b.setUserData(mode);
            b.setToggleGroup(realismGroup);
            b.setSelected(vm.realismModeProperty().get() == mode);
            Tips.install(b, (switch (mode) {
                case IDEAL -> "100 % of peak compute and bandwidth: the roofline itself, an upper bound on speed.";
                case REALISTIC -> "Fractions of peak reached in published measurements (docs/model.md): "
                        + "large matmuls per device, streaming reads for bandwidth.";
                case CUSTOM -> "Your own fractions: move either slider.";
            }));
            realismChoice.getChildren().add(b);
        }
        realismGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            vm.realismModeProperty().set((RooflineViewModel.RealismMode) now.getUserData());
        });
        vm.realismModeProperty().addListener((obs, old, now) -> realismGroup.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        Label realismSource = new Label();
        realismSource.getStyleClass().add("control-unit");
        realismSource.setWrapText(true);
        javafx.beans.InvalidationListener sourceText = obs -> realismSource.setText(vm.realismSource());
        vm.realismModeProperty().addListener(sourceText);
        vm.gpuProperty().addListener(sourceText);
        vm.computeEfficiencyProperty().addListener(sourceText);
        sourceText.invalidated(null);

        VBox efficiency = new VBox(6, realismChoice, realismSource,
                percentSlider("Compute efficiency", "Achievable fraction of peak FLOP/s. 100 % is the ideal roofline, "
                        + "an upper bound; measured large matmuls reach about 70-80 %.", vm.computeEfficiencyProperty()),
                percentSlider("Bandwidth efficiency", "Achievable fraction of peak memory bandwidth. 100 % is ideal; "
                        + "measured streaming reaches about 80-90 %.", vm.bandwidthEfficiencyProperty()));

        priceField.setPrefColumnCount(6);
        Tips.install(priceField, ("Price per device-hour in US dollars, from the profile; edit it for your own "
                + "contract. Empty = unknown (costs show as time per token)."));
        priceField.setAccessibleText("Price per device-hour");
        priceField.setText(priceText(vm.priceUsdPerHourProperty().get()));
        vm.priceUsdPerHourProperty().addListener((obs, old, now) -> {
            if (!priceField.isFocused()) {
                priceField.setText(priceText(now.doubleValue()));
            }
        });
        priceError.getStyleClass().add("input-error");
        priceError.setWrapText(true);
        priceError.setVisible(false);
        priceError.managedProperty().bind(priceError.visibleProperty());
        Runnable commitPrice = () -> vm.setPriceText(priceField.getText()).ifPresentOrElse(msg -> {
            priceError.setText(msg);
            priceError.setVisible(true);
            if (!priceField.getStyleClass().contains("invalid")) {
                priceField.getStyleClass().add("invalid");
            }
        }, () -> {
            priceError.setVisible(false);
            priceField.getStyleClass().remove("invalid");
        });
        priceField.setOnAction(ev -> commitPrice.run());
        priceField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitPrice.run();
            }
        });

        getChildren().addAll(
                section("Model"), group("Preset", modelBox), parameters,
                group("Precision", precisionPane), kvBox,
                section("Workload"), batch, prompt, generated,
                section("Hardware"), gpuFilter, gpuList,
                row("GPU count", gpuCount, "devices"),
                row("Price", priceField, "$ / device-hour"), priceError,
                section("Realism"), efficiency);
        syncPrecision();
        markNativePrecisions();
    }

    private void syncPrecision() {
        PrecisionChoice wanted = new PrecisionChoice(vm.precisionProperty().get(), vm.weightOnlyProperty().get());
        for (ToggleButton b : precisionButtons) {
            PrecisionChoice c = (PrecisionChoice) b.getUserData();
            boolean same = c.precision() == wanted.precision() && c.weightOnly() == wanted.weightOnly();
            if (same && !b.isSelected()) {
                b.setSelected(true);
            }
        }
    }

    /** Precisions the GPU has no peak for are marked, and their tooltip says where the math falls back to. */
    private void markNativePrecisions() {
        HardwareProfile gpu = vm.gpuProperty().get();
        for (ToggleButton b : precisionButtons) {
            PrecisionChoice c = (PrecisionChoice) b.getUserData();
            Precision math = c.weightOnly() ? Precision.BF16 : c.precision();
            Precision used = gpu.computePrecisionFor(math).orElse(math);
            boolean native_ = used == math;
            b.getStyleClass().remove("not-native");
            if (!native_) {
                b.getStyleClass().add("not-native");
            }
            String what = c.weightOnly() ? c.precision().label() + " weights (" + c.precision().bytesPerValue()
                    + " bytes each), math at BF16" : c.precision().label() + " weights and math ("
                    + c.precision().bytesPerValue() + " bytes per weight)";
            b.getProperties().put("tip", what + (native_ ? ". " + gpu.name() + " runs it natively."
                    : ". " + gpu.name() + " has no " + math.label() + " peak: the math uses " + used.label() + "."));
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
    }

    private static String priceText(double usd) {
        return Double.isNaN(usd) ? "" : String.format(Locale.ROOT, "%.2f", usd);
    }

    private static double roundTo3Significant(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)) - 2);
        return Math.round(v / magnitude) * magnitude;
    }

    private VBox percentSlider(String title, String tooltip, javafx.beans.property.DoubleProperty property) {
        Slider s = new Slider(0.05, 1.0, property.get());
        s.setBlockIncrement(0.05);
        s.setAccessibleText(title);
        Label value = new Label();
        value.getStyleClass().add("control-value");
        value.textProperty().bind(property.multiply(100).asString(Locale.ROOT, "%.0f %%"));
        s.valueProperty().bindBidirectional(property);
        Label label = new Label(title);
        label.getStyleClass().add("control-title");
        Tips.install(label, tooltip);
        Tips.install(s, tooltip);
        HBox header = new HBox(8, label, LogSliderField.spacer(), value);
        return new VBox(4, header, s);
    }

    private static Label section(String title) {
        Label l = new Label(title.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static VBox group(String title, javafx.scene.Node control) {
        Label l = new Label(title);
        l.getStyleClass().add("control-title");
        return new VBox(6, l, control);
    }

    private static HBox row(String title, javafx.scene.Node control, String unit) {
        Label l = new Label(title);
        l.getStyleClass().add("control-title");
        Label u = new Label(unit);
        u.getStyleClass().add("control-unit");
        HBox h = new HBox(8, l, LogSliderField.spacer(), control, u);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** Typed text in a spinner that is not a number is put back, never thrown. */
    private static void guardSpinner(Spinner<Integer> spinner) {
        spinner.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s.trim());
                    return Math.max(1, Math.min(1024, v));
                } catch (NumberFormatException e) {
                    return spinner.getValue();
                }
            }
        });
        spinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                spinner.increment(0);
            }
        });
    }

    private static final class ModelCell extends ListCell<ModelSpec> {
        @Override
        protected void updateItem(ModelSpec m, boolean empty) {
            super.updateItem(m, empty);
            if (empty) {
                setText(null);
            } else if (m == null) {
                setText("Custom (from parameter count)");
            } else {
                setText(m.name() + "  ·  " + Units.parameterCount(m.totalParameters())
                        + (m.isMixtureOfExperts() ? " (" + Units.parameterCount(m.activeParameters()) + " active)" : ""));
            }
        }
    }

    private static final class GpuCell extends ListCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("vendor-header");
            setDisable(false);
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof HardwareProfile p) {
                setText(p.name());
            } else {
                setText(item.toString().toUpperCase(Locale.ROOT));
                getStyleClass().add("vendor-header");
                setDisable(true);
            }
        }
    }
}
