package lab.roofline.engine.scenario;

import java.util.function.Supplier;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Speculation;

/**
 * What a user chose, as they chose it: the GPU and preset by name, the realism setting rather than the
 * efficiencies it implies, and a price only when they typed one. A lesson step, a restored session and
 * (later) a scenario file are each one of these, applied in one call.
 *
 * @param presetName           a preset's name, or null for a custom model of {@code parameters}
 * @param customComputeEfficiency   used when {@code realism} is CUSTOM
 * @param customBandwidthEfficiency used when {@code realism} is CUSTOM
 * @param priceUsdPerHour      null: the profile's price; NaN: no price; else the user's price
 * @param scales               a what-if on the device (bandwidth, peaks, memory scaled), or none
 * @param pipelineStages       pipeline stages the devices form (1: tensor parallelism only)
 * @param customLayerOverheadMicroseconds fixed cost per layer of a forward pass, used when {@code realism} is CUSTOM
 * @param quantizedEmbeddings  the embedding and output tables quantized like the other weights (else 16 bits)
 * @param speculation          speculative decoding with a preset draft model, or {@link Speculation#NONE}
 */
public record ScenarioInputs(
        String gpuId,
        String presetName,
        double parameters,
        Precision precision,
        boolean weightOnly,
        Precision kvPrecision,
        int batchSize,
        int promptTokens,
        int generatedTokens,
        int gpuCount,
        RealismMode realism,
        double customComputeEfficiency,
        double customBandwidthEfficiency,
        Double priceUsdPerHour,
        HardwareScales scales,
        int pipelineStages,
        double customLayerOverheadMicroseconds,
        boolean quantizedEmbeddings,
        Speculation speculation) {

    /** No speculative decoding. */
    public ScenarioInputs(String gpuId, String presetName, double parameters, Precision precision, boolean weightOnly,
                          Precision kvPrecision, int batchSize, int promptTokens, int generatedTokens, int gpuCount,
                          RealismMode realism, double customComputeEfficiency, double customBandwidthEfficiency,
                          Double priceUsdPerHour, HardwareScales scales, int pipelineStages,
                          double customLayerOverheadMicroseconds, boolean quantizedEmbeddings) {
        this(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency, priceUsdPerHour,
                scales, pipelineStages, customLayerOverheadMicroseconds, quantizedEmbeddings, Speculation.NONE);
    }

    /** The same inputs with another speculative-decoding setting. */
    public ScenarioInputs withSpeculation(Speculation other) {
        return new ScenarioInputs(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, scales, pipelineStages, customLayerOverheadMicroseconds, quantizedEmbeddings, other);
    }

    /** Tables at 16 bits. */
    public ScenarioInputs(String gpuId, String presetName, double parameters, Precision precision, boolean weightOnly,
                          Precision kvPrecision, int batchSize, int promptTokens, int generatedTokens, int gpuCount,
                          RealismMode realism, double customComputeEfficiency, double customBandwidthEfficiency,
                          Double priceUsdPerHour, HardwareScales scales, int pipelineStages,
                          double customLayerOverheadMicroseconds) {
        this(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency, priceUsdPerHour,
                scales, pipelineStages, customLayerOverheadMicroseconds, false);
    }

    /**
     * A preset model on a profile, as the lesson, the exercises and the cards set it: a BF16 KV cache, the
     * efficiencies the realism mode gives, the profile's own price, the device as it is.
     */
    public static ScenarioInputs ofPreset(String gpuId, ModelSpec model, Precision precision, boolean weightOnly,
                                          int batchSize, int promptTokens, int generatedTokens, int gpuCount,
                                          RealismMode realism) {
        return new ScenarioInputs(gpuId, model.name(), model.totalParameters(), precision, weightOnly, Precision.BF16,
                batchSize, promptTokens, generatedTokens, gpuCount, realism, 1, 1, null);
    }

    /** The article's case: a 70B model in INT8 on one H100, ideal roofline, the profile's price. */
    public static final ScenarioInputs DEFAULT = new ScenarioInputs("h100_sxm", ModelPresets.LLAMA_3_1_70B.name(),
            ModelPresets.LLAMA_3_1_70B.totalParameters(), Precision.INT8, false, Precision.BF16, 1, 1024, 256, 1,
            RealismMode.IDEAL, 1.0, 1.0, null);

    /** Inputs on the device as it is (no what-if). */
    public ScenarioInputs(String gpuId, String presetName, double parameters, Precision precision, boolean weightOnly,
                          Precision kvPrecision, int batchSize, int promptTokens, int generatedTokens, int gpuCount,
                          RealismMode realism, double customComputeEfficiency, double customBandwidthEfficiency,
                          Double priceUsdPerHour) {
        this(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency, priceUsdPerHour,
                HardwareScales.NONE);
    }

    /** Inputs with a what-if, tensor-parallel only, no custom overhead. */
    public ScenarioInputs(String gpuId, String presetName, double parameters, Precision precision, boolean weightOnly,
                          Precision kvPrecision, int batchSize, int promptTokens, int generatedTokens, int gpuCount,
                          RealismMode realism, double customComputeEfficiency, double customBandwidthEfficiency,
                          Double priceUsdPerHour, HardwareScales scales) {
        this(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency, priceUsdPerHour,
                scales, 1, 0);
    }

    /** The same inputs on another model: a preset's or an imported model's name, or null with a parameter count. */
    public ScenarioInputs withModel(String otherPresetName, double otherParameters) {
        return new ScenarioInputs(gpuId, otherPresetName, otherParameters, precision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, scales, pipelineStages, customLayerOverheadMicroseconds, quantizedEmbeddings, speculation);
    }

    /** The same inputs on another device layout. */
    public ScenarioInputs withParallelism(int devices, int stages) {
        return new ScenarioInputs(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, devices, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, scales, stages, customLayerOverheadMicroseconds, quantizedEmbeddings, speculation);
    }

    /** The same inputs with the embedding and output tables quantized too, or kept at 16 bits. */
    public ScenarioInputs withQuantizedEmbeddings(boolean quantized) {
        return new ScenarioInputs(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, scales, pipelineStages, customLayerOverheadMicroseconds, quantized, speculation);
    }

    /** The same inputs with the user's own overhead per layer (used when the realism is custom). */
    public ScenarioInputs withCustomLayerOverhead(double microseconds) {
        return new ScenarioInputs(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, scales, pipelineStages, microseconds, quantizedEmbeddings, speculation);
    }

    /** The same inputs with other prompt and generated tokens per sequence. */
    public ScenarioInputs withTokens(int prompt, int generated) {
        return new ScenarioInputs(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize,
                prompt, generated, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, scales, pipelineStages, customLayerOverheadMicroseconds, quantizedEmbeddings, speculation);
    }

    /** The same inputs with another what-if on the device. */
    public ScenarioInputs withScales(HardwareScales other) {
        return new ScenarioInputs(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, other, pipelineStages, customLayerOverheadMicroseconds, quantizedEmbeddings, speculation);
    }

    public ScenarioInputs {
        scales = scales == null ? HardwareScales.NONE : scales;
        speculation = speculation == null ? Speculation.NONE : speculation;
        if (gpuId == null || precision == null || kvPrecision == null || realism == null) {
            throw new IllegalArgumentException("gpu, precisions and realism are required");
        }
        if (presetName == null) {
            ScenarioLimits.check(ScenarioLimits.PARAMETERS, parameters);
        }
        ScenarioLimits.checkWorkload(gpuCount, batchSize, promptTokens, generatedTokens, customComputeEfficiency,
                customBandwidthEfficiency, priceUsdPerHour == null ? Double.NaN : priceUsdPerHour);
        // The model's layer count is checked when it is known (toScenario).
        ScenarioLimits.checkParallelism(gpuCount, pipelineStages, Integer.MAX_VALUE);
        ScenarioLimits.check(ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS, customLayerOverheadMicroseconds);
    }

    /**
     * The scenario these inputs describe on a given profile (the one {@code gpuId} names) with the
     * measured fractions that "realistic" means: what the app's controls show and the CLI evaluates.
     */
    public Scenario toScenario(HardwareProfile gpu, Realism measured) {
        ModelSpec model = presetName == null ? ModelSpec.fromParameterCount(parameters)
                : ModelPresets.find(presetName).orElseGet(() -> ModelSpec.fromParameterCount(parameters));
        return toScenario(gpu, measured, model);
    }

    /** The scenario on a given model (one imported from a config.json, which no preset name finds). */
    public Scenario toScenario(HardwareProfile gpu, Realism measured, ModelSpec model) {
        double compute = switch (realism) {
            case IDEAL -> 1;
            case REALISTIC -> measured.computeFraction(gpu.id());
            case CUSTOM -> customComputeEfficiency;
        };
        double bandwidth = switch (realism) {
            case IDEAL -> 1;
            case REALISTIC -> measured.bandwidthFraction();
            case CUSTOM -> customBandwidthEfficiency;
        };
        double price = priceUsdPerHour == null ? gpu.priceUsdPerHour() : priceUsdPerHour;
        double overhead = switch (realism) {
            case IDEAL -> 0;
            case REALISTIC -> measured.layerOverheadSeconds();
            case CUSTOM -> customLayerOverheadMicroseconds * 1e-6;
        };
        return new Scenario(model, scales.apply(gpu), gpuCount, precision, weightOnly, kvPrecision, batchSize, promptTokens,
                generatedTokens, compute, bandwidth, price, pipelineStages, overhead, quantizedEmbeddings,
                realism != RealismMode.IDEAL, speculation);
    }

    /** A realism setting with the efficiencies and overhead per layer it carries (used only when the mode is CUSTOM). */
    public record Efficiencies(RealismMode mode, double compute, double bandwidth, double layerOverheadMicroseconds) {
        public Efficiencies(RealismMode mode, double compute, double bandwidth) {
            this(mode, compute, bandwidth, 0);
        }
    }

    /**
     * Efficiency and overhead flags (null when not given) over a realism setting, as the command line and a
     * pasted line read them: any flag makes the setting the user's own (custom), and what is not given is
     * kept from the setting it came from (the measured one for "realistic", read only then).
     */
    public static Efficiencies efficiencies(Efficiencies setting, Double compute, Double bandwidth, String gpuId,
                                            Supplier<Realism> measured) {
        return efficiencies(setting, compute, bandwidth, null, gpuId, measured);
    }

    public static Efficiencies efficiencies(Efficiencies setting, Double compute, Double bandwidth,
                                            Double layerOverheadMicroseconds, String gpuId,
                                            Supplier<Realism> measured) {
        if (compute == null && bandwidth == null && layerOverheadMicroseconds == null) {
            return setting;
        }
        double c = setting.compute();
        double b = setting.bandwidth();
        double o = setting.layerOverheadMicroseconds();
        if (setting.mode() != RealismMode.CUSTOM) {
            Realism from = setting.mode() == RealismMode.REALISTIC ? measured.get() : Realism.IDEAL;
            c = from.computeFraction(gpuId);
            b = from.bandwidthFraction();
            o = from.layerOverheadSeconds() * 1e6;
        }
        return new Efficiencies(RealismMode.CUSTOM, compute != null ? compute : c, bandwidth != null ? bandwidth : b,
                layerOverheadMicroseconds != null ? layerOverheadMicroseconds : o);
    }
}
