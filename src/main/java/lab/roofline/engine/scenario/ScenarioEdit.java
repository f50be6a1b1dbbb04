package lab.roofline.engine.scenario;

import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Speculation;

/**
 * A changed copy of a {@link ScenarioInputs}: set the fields that change, then {@link #done()}. One input
 * changed from a control, the lesson or a file is one edit of the one inputs value, so no derived number
 * can miss it.
 */
public final class ScenarioEdit {
    public String gpuId;
    public String presetName;
    public double parameters;
    public Precision precision;
    public boolean weightOnly;
    public Precision kvPrecision;
    public int batchSize;
    public int promptTokens;
    public int generatedTokens;
    public int gpuCount;
    public RealismMode realism;
    public double customComputeEfficiency;
    public double customBandwidthEfficiency;
    public Double priceUsdPerHour;
    public HardwareScales scales;
    public int pipelineStages;
    public double customLayerOverheadMicroseconds;
    public boolean quantizedEmbeddings;
    public Speculation speculation;

    public ScenarioEdit(ScenarioInputs from) {
        gpuId = from.gpuId();
        presetName = from.presetName();
        parameters = from.parameters();
        precision = from.precision();
        weightOnly = from.weightOnly();
        kvPrecision = from.kvPrecision();
        batchSize = from.batchSize();
        promptTokens = from.promptTokens();
        generatedTokens = from.generatedTokens();
        gpuCount = from.gpuCount();
        realism = from.realism();
        customComputeEfficiency = from.customComputeEfficiency();
        customBandwidthEfficiency = from.customBandwidthEfficiency();
        priceUsdPerHour = from.priceUsdPerHour();
        scales = from.scales();
        pipelineStages = from.pipelineStages();
        customLayerOverheadMicroseconds = from.customLayerOverheadMicroseconds();
        quantizedEmbeddings = from.quantizedEmbeddings();
        speculation = from.speculation();
    }

    /** The inputs as edited; checked by the record like any other (a value out of range throws). */
    public ScenarioInputs done() {
        return new ScenarioInputs(gpuId, presetName, parameters, precision, weightOnly, kvPrecision, batchSize,
                promptTokens, generatedTokens, gpuCount, realism, customComputeEfficiency, customBandwidthEfficiency,
                priceUsdPerHour, scales, pipelineStages, customLayerOverheadMicroseconds, quantizedEmbeddings, speculation);
    }
}
