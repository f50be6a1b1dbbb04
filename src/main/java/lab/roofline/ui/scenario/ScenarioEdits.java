package lab.roofline.ui.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Speculation;

/**
 * What the controls do to the live scenario: typed text (parsed and checked by {@link ScenarioLimits}, the
 * command line's own rules; bad text never reaches the model and the message says what was wrong), slider
 * moves and choices. Each is one edit of the one inputs value; a value equal to the current one changes
 * nothing.
 */
public final class ScenarioEdits {
    private final ScenarioModel scenario;
    private final ReadOnlyObjectWrapper<String> lastInputError = new ReadOnlyObjectWrapper<>(this, "lastInputError");

    ScenarioEdits(ScenarioModel scenario) {
        this.scenario = scenario;
    }

    private void setSpeculation(Speculation s) {
        scenario.update(e -> e.speculation = s);
    }

    /** The last typed value refused, in words; null after one is taken. */
    public ReadOnlyObjectProperty<String> lastInputErrorProperty() {
        return lastInputError.getReadOnlyProperty();
    }

    void setPreset(ModelSpec model) {
        scenario.update(e -> {
            e.presetName = model == null ? null : model.name();
            e.parameters = model == null ? e.parameters : model.totalParameters();
        });
    }

    /** A parameter count typed or dragged to: the model becomes custom, unless the count is unchanged. */
    public void setParameters(double count) {
        if (count != scenario.scenario().model().totalParameters()) {
            scenario.update(e -> {
                e.presetName = null;
                e.parameters = count;
            });
        }
    }

    /** Moving an efficiency by hand makes the setting the user's own; the other efficiency stays put. */
    public void setComputeEfficiency(double fraction) {
        if (fraction != scenario.scenario().computeEfficiency()) {
            makeCustom(fraction, scenario.scenario().bandwidthEfficiency(), scenario.scenario().layerOverheadSeconds() * 1e6);
        }
    }

    public void setBandwidthEfficiency(double fraction) {
        if (fraction != scenario.scenario().bandwidthEfficiency()) {
            makeCustom(scenario.scenario().computeEfficiency(), fraction, scenario.scenario().layerOverheadSeconds() * 1e6);
        }
    }

    /** A fixed cost per forward pass typed by hand: the setting becomes the user's own, efficiencies kept. */
    public void setLayerOverheadMicroseconds(double microseconds) {
        if (microseconds * 1e-6 != scenario.scenario().layerOverheadSeconds()) {
            makeCustom(scenario.scenario().computeEfficiency(), scenario.scenario().bandwidthEfficiency(), microseconds);
        }
    }

    private void makeCustom(double compute, double bandwidth, double overheadMicroseconds) {
        scenario.update(e -> {
            e.customComputeEfficiency = compute;
            e.customBandwidthEfficiency = bandwidth;
            e.customLayerOverheadMicroseconds = overheadMicroseconds;
            e.realism = RealismMode.CUSTOM;
        });
    }

    /** A price per device-hour for the current GPU; NaN means no price. */
    public void setPrice(double usdPerHour) {
        if (Double.compare(usdPerHour, scenario.scenario().priceUsdPerHour()) != 0) {
            scenario.setPrice(usdPerHour);
        }
    }

    /** Selects a GPU by id; false when no such profile is loaded. */
    public boolean selectGpu(String id) {
        return scenario.findProfile(id).map(p -> {
            scenario.selectGpu(p);
            return true;
        }).orElse(false);
    }

    /** Devices as {@code stages} pipeline stages (1: tensor parallelism only; a split they cannot take is 1). */
    public void setPipelineStages(int stages) {
        scenario.update(e -> e.pipelineStages = stages);
    }

    /** The pipeline depths the current device count and model allow, 1 first. */
    public List<Integer> pipelineChoices() {
        List<Integer> out = new ArrayList<>();
        int devices = scenario.inputs().gpuCount();
        for (int k = 1; k <= devices; k++) {
            if (ScenarioLimits.parallelismProblem(devices, k, scenario.modelOf(scenario.inputs()).layers()) == null) {
                out.add(k);
            }
        }
        return out;
    }

    /** Turns speculative decoding on with a draft (keeping k and a, or 4 and 0.7 the first time), or off (null). */
    public void setDraftModel(ModelSpec draft) {
        Speculation now = scenario.inputs().speculation();
        if (draft == null) {
            setSpeculation(Speculation.NONE);
        } else if (draft != now.draftModel()) {
            setSpeculation(new Speculation(now.isOn() ? now.draftTokens() : Speculation.DEFAULT_DRAFT_TOKENS,
                    now.isOn() ? now.acceptanceRate() : Speculation.DEFAULT_ACCEPTANCE_RATE,
                    draft));
        }
    }

    /** Draft tokens per step, 1 to 16 (with a draft chosen). */
    public Optional<String> setDraftTokensText(String text) {
        Speculation now = scenario.inputs().speculation();
        ScenarioLimits.Parsed p = new ScenarioLimits.Range("Draft tokens", 1, ScenarioLimits.DRAFT_TOKENS.max(), true,
                "4").parse(text);
        if (!p.ok()) {
            return Optional.of(p.error());
        }
        if (now.isOn()) {
            setSpeculation(new Speculation((int) p.value(), now.acceptanceRate(), now.draftModel()));
        }
        return Optional.empty();
    }

    /** The chance the target accepts a draft token, 0 to 1 ("0.7" or "70 %"). */
    public Optional<String> setAcceptanceText(String text) {
        Speculation now = scenario.inputs().speculation();
        String t = text.strip();
        boolean percent = t.endsWith("%");
        ScenarioLimits.Parsed p = percent
                ? new ScenarioLimits.Range("Acceptance rate", 0, 100, false, "70").parse(t.replaceFirst("\\s*%$", ""))
                : ScenarioLimits.ACCEPTANCE_RATE.parse(t);
        if (!p.ok()) {
            return Optional.of(p.error() + " (a fraction such as 0.7, or 70 %)");
        }
        if (now.isOn()) {
            setSpeculation(new Speculation(now.draftTokens(), percent ? p.value() / 100 : p.value(), now.draftModel()));
        }
        return Optional.empty();
    }

    /**
     * Adds an imported model and makes it live. One of the same name as another import replaces it; one named
     * like a preset is called "… (imported)", so the preset is never hidden.
     */
    public void importModel(ModelSpec imported) {
        setPreset(addImportedModel(imported));
    }

    /** Lists an imported model (as {@link #importModel} names it) without making it live; returns it as listed. */
    public ModelSpec addImportedModel(ModelSpec imported) {
        ModelSpec model = ModelPresets.find(imported.name()).isPresent()
                ? imported.withName(imported.name() + " (imported)") : imported;
        scenario.findModel(model.name()).ifPresent(scenario.models()::remove);
        scenario.models().add(model);
        return model;
    }

    // ---- typed text: bad text never reaches the model; the message says what was wrong ----

    /** Accepts 70B, 7e9, 1.8T. Returns the error, or empty when applied. */
    public Optional<String> setParametersText(String text) {
        return parsed(ScenarioLimits.PARAMETERS, text, this::setParameters);
    }

    public Optional<String> setBatchSizeText(String text) {
        return parsed(ScenarioLimits.BATCH, text, v -> scenario.update(e -> e.batchSize = (int) v));
    }

    public Optional<String> setPromptTokensText(String text) {
        return parsed(ScenarioLimits.PROMPT_TOKENS, text, v -> scenario.update(e -> e.promptTokens = (int) v));
    }

    public Optional<String> setGeneratedTokensText(String text) {
        return parsed(ScenarioLimits.GENERATED_TOKENS, text, v -> scenario.update(e -> e.generatedTokens = (int) v));
    }

    public Optional<String> setGpuCountText(String text) {
        return parsed(ScenarioLimits.GPU_COUNT, text, v -> scenario.update(e -> e.gpuCount = (int) v));
    }

    /** An overhead per layer typed in µs ("55.5", "0.5"). */
    public Optional<String> setLayerOverheadText(String text) {
        return parsed(ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS, text, this::setLayerOverheadMicroseconds);
    }

    /** Dollars per device-hour ("3.49", "$3.49"); empty text means no price. */
    public Optional<String> setPriceText(String text) {
        if (text == null || text.isBlank()) {
            setPrice(Double.NaN);
            lastInputError.set(null);
            return Optional.empty();
        }
        return parsed(ScenarioLimits.PRICE_USD_PER_HOUR, text, this::setPrice);
    }

    private Optional<String> parsed(ScenarioLimits.Range range, String text, DoubleConsumer set) {
        ScenarioLimits.Parsed p = range.parse(text);
        lastInputError.set(p.ok() ? null : p.error());
        if (!p.ok()) {
            return Optional.of(p.error());
        }
        set.accept(p.value());
        return Optional.empty();
    }
}
