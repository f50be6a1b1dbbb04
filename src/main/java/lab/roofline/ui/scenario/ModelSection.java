package lab.roofline.ui.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.roofline.Units;
import lab.roofline.fx.CommitField;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.Listeners;
import lab.roofline.fx.LogSliderField;
import lab.roofline.fx.Tips;
import org.controlsfx.control.SegmentedButton;

/** The model: preset or parameter count, weight precision (one segmented choice), KV-cache precision. */
public final class ModelSection extends VBox {
    @FXML ComboBox<ModelSpec> modelBox;
    @FXML LogSliderField parameters;
    @FXML SegmentedButton fullPrecision;
    @FXML SegmentedButton weightOnlyPrecision;
    @FXML CheckBox quantizeTables;
    @FXML ComboBox<Precision> kvBox;
    @FXML ComboBox<ModelSpec> draftBox;
    @FXML HBox draftRow;
    @FXML CommitField draftTokensField;
    @FXML CommitField acceptanceField;
    @FXML VBox draftErrorBox;
    @FXML Label draftNote;
    private final RooflineViewModel vm;
    private final Listeners listeners = new Listeners();
    private final ToggleGroup precisionGroup = new ToggleGroup();

    /** A segmented choice: weights and math at one precision, or weight-only at BF16 math. */
    public record PrecisionChoice(Precision precision, boolean weightOnly) {
        public String label() {
            if (weightOnly) {
                return precision == Precision.INT8 ? "W8A16" : "W4A16";
            }
            return precision == Precision.BF16 ? "BF16" : precision.label();
        }
    }

    private static final List<PrecisionChoice> FULL = List.of(new PrecisionChoice(Precision.FP32, false),
            new PrecisionChoice(Precision.BF16, false), new PrecisionChoice(Precision.FP8, false),
            new PrecisionChoice(Precision.INT8, false), new PrecisionChoice(Precision.INT4, false),
            new PrecisionChoice(Precision.FP4, false));
    private static final List<PrecisionChoice> WEIGHT_ONLY = List.of(new PrecisionChoice(Precision.INT8, true),
            new PrecisionChoice(Precision.INT4, true));

    public ModelSection(RooflineViewModel vm) {
        this.vm = vm;
        Fxml.loadInto(this);
        buildModelChoice();
        buildPrecision();
        buildKvCache();
        buildSpeculation();
    }

    /** The preset list (imported models join it) and the parameter count. */
    private void buildModelChoice() {
        modelBox.getItems().add(null);
        modelBox.getItems().addAll(vm.models());
        // Imported models join the list; the chosen model stays chosen through the refill.
        listeners.onInvalidated(vm.models(), obs -> {
            ModelSpec chosen = vm.presetProperty().get();
            List<ModelSpec> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.models());
            modelBox.getItems().setAll(items);
            if (vm.presetProperty().get() != chosen) {
                vm.presetProperty().set(chosen);
            }
        });
        modelBox.setCellFactory(lv -> new ModelCell());
        modelBox.setButtonCell(new ModelCell());
        listeners.bindBidirectional(modelBox.valueProperty(), vm.presetProperty());
        Tips.install(modelBox, "A published architecture (layers, heads, KV heads) from its config.json. "
                + "Moving the parameter slider makes the model custom, with a derived architecture.");

        parameters.setId("parameters");
        parameters.connect(vm.parametersProperty(), 10, Math.log10(ScenarioLimits.PARAMETERS.min()),
                Math.log10(ScenarioLimits.PARAMETERS.max()), Units::parameterCount,
                v -> vm.edit().setParameters(roundTo3Significant(v)), vm.edit()::setParametersText);
    }

    /** The weights' precision as one segmented choice, full or weight-only; the tables' precision beside it. */
    private void buildPrecision() {
        fill(fullPrecision, FULL);
        fill(weightOnlyPrecision, WEIGHT_ONLY);
        precisionGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a segmented choice always has one selected
                return;
            }
            PrecisionChoice c = (PrecisionChoice) now.getUserData();
            vm.weightOnlyProperty().set(c.weightOnly());
            vm.precisionProperty().set(c.precision());
        });
        listeners.always(this::selectPrecision, vm.precisionProperty(), vm.weightOnlyProperty());
        quantizeTables.setId("quantize-embeddings");
        listeners.bindBidirectional(quantizeTables.selectedProperty(), vm.quantizedEmbeddingsProperty());
        // Only narrower weights have a choice: at 16 bits or wider the tables are stored like everything else.
        listeners.always(() -> quantizeTables.setDisable(vm.precisionProperty().get().bytesPerValue()
                >= Precision.BF16.bytesPerValue()), vm.precisionProperty());
        Tips.install(quantizeTables, "Store the embedding and output tables at the weights' precision too (llama.cpp's "
                + "Q8_0 does). Off: they stay at 16 bits, as AWQ, GPTQ and FP8 checkpoints keep them.");
        listeners.always(this::markNativePrecisions, vm.gpuProperty());
    }

    private void buildKvCache() {
        kvBox.getItems().addAll(Precision.FP32, Precision.BF16, Precision.FP8, Precision.INT8, Precision.INT4);
        listeners.bindBidirectional(kvBox.valueProperty(), vm.kvPrecisionProperty());
        Tips.install(kvBox, "KV-cache precision, separate from the weights. KV bytes per token = "
                + "2 × layers × KV heads × head dim × bytes.");
        kvBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision p) {
                return p == null ? "" : p.label() + " KV cache";
            }

            @Override
            public Precision fromString(String s) {
                return Precision.parse(s).orElse(Precision.BF16);
            }
        });
    }

    /** Speculative decoding: a draft preset (or off), its tokens per step and their acceptance. */
    private void buildSpeculation() {
        draftBox.setId("draft-model");
        listeners.always(() -> {
            List<ModelSpec> drafts = new ArrayList<>();
            drafts.add(null);
            drafts.addAll(ModelPresets.ALL);
            ModelSpec chosen = vm.speculationProperty().get().draftModel();
            draftBox.getItems().setAll(drafts);
            draftBox.setValue(chosen);
        });
        draftBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelSpec m) {
                return m == null ? "Off: one token per step" : m.name() + " drafts";
            }

            @Override
            public ModelSpec fromString(String s) {
                return null;
            }
        });
        draftBox.valueProperty().addListener((obs, old, now) -> vm.edit().setDraftModel(now));
        listeners.always(() -> {
            Speculation sp = vm.speculationProperty().get();
            if (draftBox.getValue() != sp.draftModel()) {
                draftBox.setValue(sp.draftModel());
            }
            draftRow.setVisible(sp.isOn());
            draftRow.setManaged(sp.isOn());
            draftNote.setText(sp.isOn() ? String.format(Locale.ROOT, "%s tokens per target step expected (%s). The "
                    + "target checks %d tokens of each sequence in one pass.",
                    Units.sig3(sp.expectedTokensPerStep()), sp.acceptanceRate() >= 1 ? "k\u00a0+\u00a01"
                            : "(1\u00a0−\u00a0a^(k+1))\u00a0/\u00a0(1\u00a0−\u00a0a)", sp.verifiedTokens())
                    : "A small draft model proposes tokens; the target checks them in one pass.");
        }, vm.speculationProperty());
        draftTokensField.setId("draft-tokens");
        acceptanceField.setId("acceptance");
        draftTokensField.connect(vm.speculationProperty(), () -> Integer.toString(
                vm.speculationProperty().get().isOn() ? vm.speculationProperty().get().draftTokens() : Speculation.DEFAULT_DRAFT_TOKENS), vm.edit()::setDraftTokensText);
        acceptanceField.connect(vm.speculationProperty(), () -> BigDecimal.valueOf(
                vm.speculationProperty().get().isOn() ? vm.speculationProperty().get().acceptanceRate() : Speculation.DEFAULT_ACCEPTANCE_RATE)
                .stripTrailingZeros().toPlainString(), vm.edit()::setAcceptanceText);
        draftErrorBox.getChildren().addAll(draftTokensField.errorLabel(), acceptanceField.errorLabel());
        Tips.install(draftBox, "Speculative decoding: the draft proposes k tokens one step at a time on the same GPUs; "
                + "the target checks k + 1 in one pass, which raises decode's arithmetic intensity (its point moves right).");
    }

    private void fill(SegmentedButton segmented, List<PrecisionChoice> choices) {
        segmented.setToggleGroup(precisionGroup);
        for (PrecisionChoice c : choices) {
            ToggleButton b = new ToggleButton(c.label());
            b.setUserData(c);
            b.setToggleGroup(precisionGroup);
            b.setId("precision-" + c.label().toLowerCase(Locale.ROOT));
            b.getStyleClass().add(c.weightOnly() ? "weight-only" : "full-precision");
            Tips.install(b, () -> String.valueOf(b.getProperties().get("tip")));
            segmented.getButtons().add(b);
        }
    }

    private List<ToggleButton> buttons() {
        return Stream.concat(fullPrecision.getButtons().stream(),
                weightOnlyPrecision.getButtons().stream()).toList();
    }

    private void selectPrecision() {
        PrecisionChoice wanted = new PrecisionChoice(vm.precisionProperty().get(), vm.weightOnlyProperty().get());
        for (Toggle b : buttons()) {
            if (wanted.equals(b.getUserData()) && !b.isSelected()) {
                b.setSelected(true);
            }
        }
    }

    /** Precisions the GPU has no peak for are marked, and their tooltip says where the math falls back to. */
    private void markNativePrecisions() {
        HardwareProfile gpu = vm.gpuProperty().get();
        for (ToggleButton b : buttons()) {
            PrecisionChoice c = (PrecisionChoice) b.getUserData();
            Precision math = c.weightOnly() ? Precision.BF16 : c.precision();
            Precision used = gpu.computePrecisionFor(math).orElse(math);
            boolean isNative = used == math;
            b.getStyleClass().remove("not-native");
            if (!isNative) {
                b.getStyleClass().add("not-native");
            }
            String what = c.weightOnly() ? c.precision().label() + " weights (" + c.precision().bytesPerValue()
                    + " bytes each), math at BF16" : c.precision().label() + " weights and math ("
                    + c.precision().bytesPerValue() + " bytes per weight)";
            b.getProperties().put("tip", what + (isNative ? ". " + gpu.name() + " runs it natively."
                    : gpu.runsNatively(math) ? ". " + gpu.name() + " runs " + math.label() + " math slower than "
                    + used.label() + ": the math uses " + used.label() + "."
                    : ". " + gpu.name() + " has no " + math.label() + " peak: the math uses " + used.label() + "."));
        }
    }

    /** The slider moves in steps that read well: 3 significant digits. */
    static double roundTo3Significant(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)) - 2);
        return Math.round(v / magnitude) * magnitude;
    }

    public LogSliderField parametersField() {
        return parameters;
    }

    public ComboBox<ModelSpec> modelBox() {
        return modelBox;
    }

    /** The precision toggle with this label (FP32 ... W4A16). */
    public ToggleButton precisionButton(String label) {
        return buttons().stream().filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
    }

    public void dispose() {
        listeners.dispose();
        parameters.dispose();
        draftTokensField.dispose();
        acceptanceField.dispose();
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
}
