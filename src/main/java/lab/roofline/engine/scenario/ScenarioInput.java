package lab.roofline.engine.scenario;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Speculation;

/**
 * Every scenario input, once: its key in a scenario file and in the settings, its flag on the command line
 * (and in a pasted line), its limits, how its value reads and prints ({@link InputKind}), and where it sits
 * in {@link ScenarioInputs}. The scenario file, the settings, the picocli options and the printed command
 * line are all walks over this table.
 *
 * <p>Adding an input: a component in {@link ScenarioInputs} (with its bound in {@link ScenarioLimits}); a
 * constant here (key, flag, kind, help, where it reads from the inputs) with its place in {@link #inputsOf}
 * and {@link #DOCUMENT_ORDER}; then the view model's property and the control that shows it. The scenario
 * file, the settings, the flags and a pasted line pick it up from here with no change of their own. Only
 * inputs that combine with others (the model and its parameter count, the realism and its efficiencies, the
 * draft model and its numbers) have rules of their own in each form.
 */
public enum ScenarioInput {
    GPU(row("gpu", "--gpu", "ID", InputKind.NAME, ScenarioInputs::gpuId).requiredInFile()
            .help("Accelerator id (see list-gpus). Default: {default}.")),
    GPU_COUNT(row("gpuCount", "--gpus", "N", InputKind.WHOLE, ScenarioInputs::gpuCount)
            .within(ScenarioLimits.GPU_COUNT).requiredInFile().flagUnlessDefault()
            .help("Identical devices; each layer pays two all-reduces over the device's interconnect (tensor "
                    + "parallel, or see --pipeline-stages). Default: {default}.")),
    PIPELINE_STAGES(row("pipelineStages", "--pipeline-stages", "N", InputKind.WHOLE, ScenarioInputs::pipelineStages)
            .within(ScenarioLimits.PIPELINE_STAGES).flagUnlessDefault().savedUnlessDefault()
            .help("Split the --gpus devices into N pipeline stages of --gpus/N tensor-parallel devices each "
                    + "(N must divide --gpus). Default: 1, tensor parallelism only.")),
    /** A preset's name, or an imported model's; null for a model of {@link #PARAMETERS} parameters. */
    MODEL(row("model", "--model", "PRESET", InputKind.NAME, ScenarioInputs::presetName)
            .flagWhen(in -> ModelPresets.find(in.presetName()).isPresent())
            .help("Model preset (see list-models). Default: {default}.")),
    PARAMETERS(row("parameters", "--params", "COUNT", InputKind.NUMBER, ScenarioInputs::parameters)
            .within(ScenarioLimits.PARAMETERS).flagWhen(in -> ModelPresets.find(in.presetName()).isEmpty())
            .help("Parameter count of a dense model: 7e9, 7B, 70b, 1.8T.")),
    PRECISION(row("precision", "--precision", "P", InputKind.PRECISION, ScenarioInputs::precision).requiredInFile()
            .help("Weight precision: fp32, bf16, fp8, int8, int4, fp4. Default: {default}.")),
    WEIGHT_ONLY(flagOnly("weightOnly", "--weight-only", InputKind.SWITCH, Boolean.TRUE, ScenarioInputs::weightOnly)
            .help("Keep the math at BF16 (W8A16, W4A16): fewer bytes, same roof.")),
    QUANTIZED_EMBEDDINGS(flagOnly("quantizedEmbeddings", "--quantize-embeddings", InputKind.SWITCH, Boolean.TRUE,
            ScenarioInputs::quantizedEmbeddings).savedUnlessDefault()
            .help("Store the embedding and output tables at the weights' precision too (as llama.cpp's Q8_0 "
                    + "does). Default: they stay at 16 bits.")),
    /** The draft model's preset name; null: no speculative decoding. */
    DRAFT_MODEL(row("speculation.draftModel", "--draft-model", "PRESET", InputKind.PRESET,
            in -> in.speculation().isOn() ? in.speculation().draftModel().name() : null)
            .requiredInFile().flagUnlessDefault().example("Llama-3.1-8B").defaultCalled("no speculative decoding")
            .help("Speculative decoding with this preset as the draft (see list-models); 'none' turns a file's off.")),
    /** Tokens the draft proposes; without a draft, the count a draft starts with. */
    DRAFT_TOKENS(row("speculation.draftTokens", "--draft-tokens", "K", InputKind.WHOLE,
            in -> in.speculation().isOn() ? in.speculation().draftTokens() : Speculation.DEFAULT_DRAFT_TOKENS)
            .within(new ScenarioLimits.Range(ScenarioLimits.DRAFT_TOKENS.name(), 1, ScenarioLimits.DRAFT_TOKENS.max(),
                    true, ScenarioLimits.DRAFT_TOKENS.example()))
            .requiredInFile().flagWhen(in -> in.speculation().isOn())
            .help("Tokens the draft proposes per step, 1 to 16. Default: {default}.")),
    /** The chance a draft token is accepted; without a draft, the rate a draft starts with. */
    ACCEPTANCE_RATE(row("speculation.acceptanceRate", "--acceptance", "A", InputKind.NUMBER,
            in -> in.speculation().isOn() ? in.speculation().acceptanceRate() : Speculation.DEFAULT_ACCEPTANCE_RATE)
            .within(ScenarioLimits.ACCEPTANCE_RATE).requiredInFile().flagWhen(in -> in.speculation().isOn())
            .help("Chance the target accepts a draft token, 0 to 1. Default: {default}.")),
    KV_PRECISION(row("kvPrecision", "--kv-precision", "P", InputKind.PRECISION, ScenarioInputs::kvPrecision)
            .requiredInFile().help("KV-cache precision. Default: {default}.")),
    BATCH(row("batch", "--batch", "B", InputKind.WHOLE, ScenarioInputs::batchSize).within(ScenarioLimits.BATCH)
            .requiredInFile().help("Sequences decoded together. Default: {default}.")),
    PROMPT_TOKENS(row("prompt", "--prompt", "TOKENS", InputKind.WHOLE, ScenarioInputs::promptTokens)
            .within(ScenarioLimits.PROMPT_TOKENS).requiredInFile()
            .help("Prompt tokens per sequence. Default: {default}.")),
    GENERATED_TOKENS(row("generated", "--output", "TOKENS", InputKind.WHOLE, ScenarioInputs::generatedTokens)
            .within(ScenarioLimits.GENERATED_TOKENS).requiredInFile()
            .help("Generated tokens per sequence. Default: {default}.")),
    /** As a flag, --realistic; custom is what an efficiency or overhead flag makes it. */
    REALISM(flagOnly("realism", "--realistic", InputKind.REALISM, RealismMode.REALISTIC, ScenarioInputs::realism)
            .defaultCalled(RealismMode.IDEAL.name())
            .help("Use measured achievable fractions of peak (docs/model.md) instead of the ideal roofline; an "
                    + "explicit efficiency flag still wins.")),
    COMPUTE_EFFICIENCY(row("computeEfficiency", "--compute-efficiency", "F", InputKind.NUMBER,
            ScenarioInputs::customComputeEfficiency).within(ScenarioLimits.COMPUTE_EFFICIENCY)
            .flagWhen(ScenarioInput::custom)
            .help("Achievable fraction of peak FLOP/s, (0, 1]. Default: 1.0 (ideal), or measured with --realistic.")),
    BANDWIDTH_EFFICIENCY(row("bandwidthEfficiency", "--bandwidth-efficiency", "F", InputKind.NUMBER,
            ScenarioInputs::customBandwidthEfficiency).within(ScenarioLimits.BANDWIDTH_EFFICIENCY)
            .flagWhen(ScenarioInput::custom)
            .help("Achievable fraction of peak bandwidth, (0, 1]. Default: 1.0 (ideal), or measured with --realistic.")),
    LAYER_OVERHEAD_MICROSECONDS(row("layerOverheadMicroseconds", "--layer-overhead-us", "US", InputKind.NUMBER,
            ScenarioInputs::customLayerOverheadMicroseconds).within(ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS)
            .flagWhen(ScenarioInput::custom).flagUnlessDefault().savedUnlessDefault()
            .help("Fixed time per layer of each forward pass in microseconds (kernel launches, scheduling); makes "
                    + "the realism your own. Default: 0 (ideal), or the fitted 55.5 with --realistic.")),
    /** Null: the profile's price; NaN: no price. */
    PRICE_USD_PER_HOUR(row("pricePerHour", "--price-per-hour", "USD", InputKind.PRICE,
            ScenarioInputs::priceUsdPerHour)
            .within(ScenarioLimits.PRICE_USD_PER_HOUR).settingsKey("price").flagUnlessDefault()
            .defaultCalled("the GPU's own price")
            .help("Price per device-hour (overrides the profile's); none: no price, costs in GPU time.")),
    BANDWIDTH_SCALE(row("whatIf.bandwidth", "--bandwidth-scale", "X", InputKind.NUMBER, in -> in.scales().bandwidth())
            .within(ScenarioLimits.BANDWIDTH_SCALE).flagUnlessDefault()
            .help("What if the device had X times its memory bandwidth (0.5 to 4); named in every output.")),
    PEAK_SCALE(row("whatIf.peak", "--peak-scale", "X", InputKind.NUMBER, in -> in.scales().peak())
            .within(ScenarioLimits.PEAK_SCALE).flagUnlessDefault()
            .help("What if the device had X times its peak FLOP/s at every precision (0.5 to 4).")),
    MEMORY_SCALE(row("whatIf.memory", "--memory-scale", "X", InputKind.NUMBER, in -> in.scales().memory())
            .within(ScenarioLimits.MEMORY_SCALE).flagUnlessDefault()
            .help("What if the device had X times its memory (0.5 to 4)."));

    /**
     * The order a scenario file lists its inputs in, as files have always been written (the constants above
     * are in the order the flags print).
     */
    public static final List<ScenarioInput> DOCUMENT_ORDER = List.of(GPU, MODEL, PARAMETERS, PRECISION, WEIGHT_ONLY,
            QUANTIZED_EMBEDDINGS, DRAFT_MODEL, DRAFT_TOKENS, ACCEPTANCE_RATE, KV_PRECISION, BATCH, PROMPT_TOKENS,
            GENERATED_TOKENS, GPU_COUNT, PIPELINE_STAGES, REALISM, COMPUTE_EFFICIENCY, BANDWIDTH_EFFICIENCY,
            LAYER_OVERHEAD_MICROSECONDS, BANDWIDTH_SCALE, PEAK_SCALE, MEMORY_SCALE, PRICE_USD_PER_HOUR);

    private final Row row;

    ScenarioInput(Row row) {
        this.row = row;
    }

    /** The key in a scenario file; a dot nests it in an object ("whatIf.bandwidth"). */
    public String key() {
        return row.key;
    }

    /** The object a file nests this input in ("whatIf"), or null at the top level. */
    public String group() {
        int dot = row.key.indexOf('.');
        return dot < 0 ? null : row.key.substring(0, dot);
    }

    /** The key within its group ("bandwidth"), or the whole key. */
    public String field() {
        return row.key.substring(row.key.indexOf('.') + 1);
    }

    /** The key in the settings file. */
    public String settingsKey() {
        return row.settingsKey;
    }

    public String flag() {
        return row.flag;
    }

    /** The flag's value as the help names it ("B"); null for a flag that takes none. */
    public String paramLabel() {
        return row.paramLabel;
    }

    /** The value a flag that takes none sets (true, or realistic); null for a flag with a value. */
    public Object switchValue() {
        return row.switchValue;
    }

    public boolean isSwitch() {
        return row.switchValue != null;
    }

    /** The flag's help, with its default as the flag would print it. */
    public String help() {
        return row.help.replace("{default}", String.valueOf(row.kind.print(defaultValue())));
    }

    public InputKind kind() {
        return row.kind;
    }

    /** The input's range (numbers and prices), else null. */
    public ScenarioLimits.Range range() {
        return row.range;
    }

    /** Reads typed text as this input's value, or says why not (without the input's name). */
    public InputKind.Parsed parse(String text) {
        return row.kind.parse(text, row.range);
    }

    /** The value as text that {@link #parse} reads back; null for no value. */
    public String print(Object value) {
        return row.kind.print(value);
    }

    /** This input's value in the inputs. */
    public Object valueIn(ScenarioInputs in) {
        return row.value.apply(in);
    }

    /** The value in {@link ScenarioInputs#DEFAULT}: what a form uses when it holds none. */
    public Object defaultValue() {
        return valueIn(ScenarioInputs.DEFAULT);
    }

    /** The default as a message names it: "using 100 %", "using the GPU's own price". */
    public String defaultDescribed() {
        if (row.defaultCalled != null) {
            return row.defaultCalled;
        }
        Object value = defaultValue();
        return row.range != null && value instanceof Number n ? row.range.format(n.doubleValue()) : print(value);
    }

    /** Whether a file must hold it (within its group, when the group is there). */
    public boolean requiredInFile() {
        return row.requiredInFile;
    }

    /** Whether a file writes it only when it is not the default. */
    public boolean savedUnlessDefault() {
        return row.savedUnlessDefault;
    }

    /** An example value for a file's message, as text: the range's, or the row's own. */
    public String example() {
        return row.range != null ? row.range.example() : row.example;
    }

    /** Whether the printed command line gives this flag for these inputs. */
    public boolean printedFor(ScenarioInputs in) {
        Object value = valueIn(in);
        if (isSwitch()) {
            return row.switchValue.equals(value);
        }
        return row.flagWhen.test(in) && (!row.flagUnlessDefault || !Objects.equals(value, defaultValue()));
    }

    /** Whether the inputs differ from the default here. */
    public boolean differsFromDefault(ScenarioInputs in) {
        return !Objects.equals(valueIn(in), defaultValue());
    }

    /** Every input's value in the inputs, in table order. */
    public static Map<ScenarioInput, Object> valuesOf(ScenarioInputs in) {
        Map<ScenarioInput, Object> values = new EnumMap<>(ScenarioInput.class);
        for (ScenarioInput input : values()) {
            values.put(input, input.valueIn(in));
        }
        return values;
    }

    /** The inputs a value per input describes (the inverse of {@link #valuesOf}); throws as the record does. */
    public static ScenarioInputs inputsOf(Map<ScenarioInput, Object> v) {
        String draft = (String) v.get(DRAFT_MODEL);
        Speculation speculation = draft == null ? Speculation.NONE : new Speculation((Integer) v.get(DRAFT_TOKENS),
                (Double) v.get(ACCEPTANCE_RATE), InputKind.preset(draft));
        HardwareScales scales = new HardwareScales((Double) v.get(BANDWIDTH_SCALE), (Double) v.get(PEAK_SCALE),
                (Double) v.get(MEMORY_SCALE));
        return new ScenarioInputs((String) v.get(GPU), (String) v.get(MODEL), (Double) v.get(PARAMETERS),
                (Precision) v.get(PRECISION), (Boolean) v.get(WEIGHT_ONLY), (Precision) v.get(KV_PRECISION),
                (Integer) v.get(BATCH), (Integer) v.get(PROMPT_TOKENS), (Integer) v.get(GENERATED_TOKENS),
                (Integer) v.get(GPU_COUNT), (RealismMode) v.get(REALISM), (Double) v.get(COMPUTE_EFFICIENCY),
                (Double) v.get(BANDWIDTH_EFFICIENCY), (Double) v.get(PRICE_USD_PER_HOUR), scales,
                (Integer) v.get(PIPELINE_STAGES), (Double) v.get(LAYER_OVERHEAD_MICROSECONDS),
                (Boolean) v.get(QUANTIZED_EMBEDDINGS), speculation);
    }

    private static boolean custom(ScenarioInputs in) {
        return in.realism() == RealismMode.CUSTOM;
    }

    private static Row row(String key, String flag, String paramLabel, InputKind kind, Function<ScenarioInputs, ?> value) {
        return new Row(key, flag, paramLabel, kind, value, null);
    }

    /** An input whose flag takes no value: given, it sets {@code sets}. */
    private static Row flagOnly(String key, String flag, InputKind kind, Object sets, Function<ScenarioInputs, ?> value) {
        return new Row(key, flag, null, kind, value, sets);
    }

    /** One row of the table, built by name so each constant reads as a line of it. */
    private static final class Row {
        final String key;
        final String flag;
        final String paramLabel;
        final InputKind kind;
        final Function<ScenarioInputs, ?> value;
        final Object switchValue;
        String settingsKey;
        String help = "";
        ScenarioLimits.Range range;
        boolean requiredInFile;
        boolean savedUnlessDefault;
        boolean flagUnlessDefault;
        Predicate<ScenarioInputs> flagWhen = in -> true;
        String example;
        String defaultCalled;

        Row(String key, String flag, String paramLabel, InputKind kind, Function<ScenarioInputs, ?> value,
            Object switchValue) {
            this.key = key;
            this.settingsKey = key;
            this.flag = flag;
            this.paramLabel = paramLabel;
            this.kind = kind;
            this.value = value;
            this.switchValue = switchValue;
        }

        Row within(ScenarioLimits.Range limits) {
            range = limits;
            return this;
        }

        Row settingsKey(String name) {
            settingsKey = name;
            return this;
        }

        Row help(String text) {
            help = text;
            return this;
        }

        Row requiredInFile() {
            requiredInFile = true;
            return this;
        }

        Row savedUnlessDefault() {
            savedUnlessDefault = true;
            return this;
        }

        /** The printed command line leaves the flag out at its default. */
        Row flagUnlessDefault() {
            flagUnlessDefault = true;
            return this;
        }

        /** The printed command line gives the flag only for inputs it means something for. */
        Row flagWhen(Predicate<ScenarioInputs> meaningful) {
            flagWhen = meaningful;
            return this;
        }

        Row example(String text) {
            example = text;
            return this;
        }

        Row defaultCalled(String words) {
            defaultCalled = words;
            return this;
        }
    }
}
