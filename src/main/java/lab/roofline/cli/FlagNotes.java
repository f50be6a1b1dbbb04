package lab.roofline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInput;
import lab.roofline.engine.scenario.ScenarioInputs;

/**
 * What a typed flag dropped or left meaningless, one note each, never in silence (issue 26 item 6): a
 * --scenario file's value a flag made stale (its pipeline stages, a price set for its device, weight-only,
 * quantized tables, a preset's architecture, its own efficiencies), and a flag that means nothing beside
 * another (--quantize-embeddings with 16-bit weights). Each note names the flag and what changed.
 */
final class FlagNotes {
    private FlagNotes() {
    }

    /**
     * The notes for inputs {@code result} that the typed flags made over a file's (or, with no file, the
     * defaults'). {@code document} is null without a --scenario file.
     */
    static List<String> of(Path file, NamedScenario document, Map<ScenarioInput, String> typed, ScenarioInputs result) {
        List<String> notes = new ArrayList<>();
        if (document != null) {
            ScenarioInputs read = document.inputs();
            stages(file, read, typed, result).ifPresent(notes::add);
            price(file, read, typed, result).ifPresent(notes::add);
            weightOnly(file, read, typed, result).ifPresent(notes::add);
            tables(file, read, typed, result).ifPresent(notes::add);
            parameters(file, read, typed).ifPresent(notes::add);
            realism(file, read, typed).ifPresent(notes::add);
        }
        if (typed.containsKey(ScenarioInput.QUANTIZED_EMBEDDINGS) && sixteenBitsOrMore(result.precision())) {
            notes.add(ScenarioInput.QUANTIZED_EMBEDDINGS.flag() + " has no effect with " + result.precision().label()
                    + " weights: the embedding and output tables are at 16 bits or the weights' precision anyway");
        }
        return notes;
    }

    private static String typed(Map<ScenarioInput, String> typed, ScenarioInput input) {
        return input.flag() + " " + Units.shortened(typed.get(input).strip());
    }

    private static boolean sixteenBitsOrMore(Precision p) {
        return p.bytesPerValue() >= Precision.BF16.bytesPerValue();
    }

    /** The file's pipeline stages a typed device count no longer divides: one stage instead. */
    private static Optional<String> stages(Path file, ScenarioInputs read, Map<ScenarioInput, String> typed,
                                                     ScenarioInputs result) {
        if (read.pipelineStages() == result.pipelineStages() || typed.containsKey(ScenarioInput.PIPELINE_STAGES)) {
            return Optional.empty();
        }
        return Optional.of(ScenarioInput.GPU_COUNT.flag() + " " + result.gpuCount()
                + " is not a multiple of the " + read.pipelineStages() + " pipeline stages in " + file + "; using "
                + result.pipelineStages() + " stage (give " + ScenarioInput.PIPELINE_STAGES.flag() + " to choose)");
    }

    /** A price the file set for its own device, dropped when --gpu names another (the new device's own is used). */
    private static Optional<String> price(Path file, ScenarioInputs read, Map<ScenarioInput, String> typed,
                                                    ScenarioInputs result) {
        if (read.priceUsdPerHour() == null || result.priceUsdPerHour() != null || !typed.containsKey(ScenarioInput.GPU)) {
            return Optional.empty();
        }
        String was = read.priceUsdPerHour().isNaN() ? "'no price'"
                : "the price $" + ScenarioInput.PRICE_USD_PER_HOUR.print(read.priceUsdPerHour()) + " per device-hour";
        return Optional.of(typed(typed, ScenarioInput.GPU) + ": " + was + " that " + file + " set for "
                + read.gpuId() + " is dropped; using " + Units.shortened(result.gpuId()) + "'s own price (give "
                + ScenarioInput.PRICE_USD_PER_HOUR.flag() + " to set one)");
    }

    /** The file's weight-only, dropped when --precision names weights it cannot stand beside. */
    private static Optional<String> weightOnly(Path file, ScenarioInputs read,
                                                         Map<ScenarioInput, String> typed, ScenarioInputs result) {
        if (!read.weightOnly() || result.weightOnly() || !typed.containsKey(ScenarioInput.PRECISION)) {
            return Optional.empty();
        }
        return Optional.of(typed(typed, ScenarioInput.PRECISION) + ": the weight-only setting in " + file
                + " is dropped (" + ScenarioInput.WEIGHT_ONLY.flag() + " needs weights narrower than BF16)");
    }

    /** The file's quantized tables, kept but meaning nothing once --precision names 16-bit weights or wider. */
    private static Optional<String> tables(Path file, ScenarioInputs read, Map<ScenarioInput, String> typed,
                                                     ScenarioInputs result) {
        if (!read.quantizedEmbeddings() || !typed.containsKey(ScenarioInput.PRECISION)
                || typed.containsKey(ScenarioInput.QUANTIZED_EMBEDDINGS) || !sixteenBitsOrMore(result.precision())) {
            return Optional.empty();
        }
        return Optional.of(typed(typed, ScenarioInput.PRECISION) + ": the quantized embeddings in " + file
                + " have no effect with " + result.precision().label() + " weights (kept, for a narrower precision)");
    }

    /** --params over a file's preset or imported model: a dense model of that count, without its architecture. */
    private static Optional<String> parameters(Path file, ScenarioInputs read, Map<ScenarioInput, String> typed) {
        if (read.presetName() == null || !typed.containsKey(ScenarioInput.PARAMETERS)) {
            return Optional.empty();
        }
        return Optional.of(typed(typed, ScenarioInput.PARAMETERS) + ": a dense model of that many "
                + "parameters replaces the model '" + read.presetName() + "' in " + file + " (its architecture is "
                + "not used)");
    }

    /** --realistic over the file's own efficiencies: the measured ones replace those not typed beside it. */
    private static Optional<String> realism(Path file, ScenarioInputs read, Map<ScenarioInput, String> typed) {
        if (read.realism() != RealismMode.CUSTOM || !typed.containsKey(ScenarioInput.REALISM)) {
            return Optional.empty();
        }
        List<String> dropped = new ArrayList<>();
        if (!typed.containsKey(ScenarioInput.COMPUTE_EFFICIENCY)) {
            dropped.add("compute efficiency " + ScenarioInput.COMPUTE_EFFICIENCY.print(read.customComputeEfficiency()));
        }
        if (!typed.containsKey(ScenarioInput.BANDWIDTH_EFFICIENCY)) {
            dropped.add("bandwidth efficiency "
                    + ScenarioInput.BANDWIDTH_EFFICIENCY.print(read.customBandwidthEfficiency()));
        }
        if (!typed.containsKey(ScenarioInput.LAYER_OVERHEAD_MICROSECONDS)) {
            dropped.add(ScenarioInput.LAYER_OVERHEAD_MICROSECONDS.print(read.customLayerOverheadMicroseconds())
                    + " µs a layer");
        }
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ScenarioInput.REALISM.flag() + ": the measured values replace the file's own "
                + String.join(", ", dropped) + " in " + file);
    }
}
