package lab.roofline.io.scenario;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.scenario.InputKind;
import lab.roofline.engine.scenario.ScenarioInput;
import lab.roofline.engine.scenario.ScenarioInputs;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The scenario flags as picocli options, one per row of {@link ScenarioInput}: `report`, `export` and
 * `lesson` take them (cli.ScenarioOptions adds them as a mixin) and a line pasted into the app is read by
 * the very same options ({@link PastedCommandLine}). What the user typed is then put over a starting
 * scenario, the defaults or a scenario file's, by {@link #over}.
 */
public final class ScenarioFlags {
    /** Inputs with rules of their own in {@link #over}: read there, not by the loop over the table. */
    private static final Set<ScenarioInput> OWN_RULES = Set.of(ScenarioInput.MODEL, ScenarioInput.PARAMETERS,
            ScenarioInput.DRAFT_MODEL);

    private ScenarioFlags() {
    }

    /** A flag the inputs cannot take: the message names the flag and says why. */
    public static final class FlagException extends Exception {
        private static final long serialVersionUID = 1L;

        public FlagException(String message) {
            super(message);
        }
    }

    /** The scenario flags as a mixin (a command with no name of its own): a fresh set each call. */
    public static CommandSpec mixin() {
        CommandSpec flags = CommandSpec.create();
        for (ScenarioInput input : ScenarioInput.values()) {
            flags.addOption(option(input));
        }
        return flags;
    }

    /** Every scenario flag, in the table's order, for a message listing them. */
    public static String flagList() {
        return Arrays.stream(ScenarioInput.values()).map(ScenarioInput::flag).collect(Collectors.joining(", "));
    }

    /** A flag's value is kept as typed, to be read by the table after parsing; a switch is a boolean. */
    private static OptionSpec option(ScenarioInput input) {
        OptionSpec.Builder option = OptionSpec.builder(input.flag()).description(input.help());
        if (input.isSwitch()) {
            return option.type(boolean.class).build();
        }
        option.paramLabel(input.paramLabel()).type(String.class);
        if (input.kind() == InputKind.PRECISION) {
            // A precision is one of a few words: refused while the line is read, in picocli's words.
            CommandLine.ITypeConverter<String> checked = text -> {
                InputKind.Parsed parsed = input.parse(text);
                if (!parsed.ok()) {
                    throw new CommandLine.TypeConversionException(parsed.reason());
                }
                return text;
            };
            option.converters(checked);
        }
        return option.build();
    }

    /** What the user typed for each scenario flag given (a switch given as "true"), by input. */
    public static Map<ScenarioInput, String> typed(ParseResult parsed) {
        Map<ScenarioInput, String> typed = new EnumMap<>(ScenarioInput.class);
        for (ScenarioInput input : ScenarioInput.values()) {
            OptionSpec option = parsed == null ? null : parsed.matchedOption(input.flag());
            if (option == null) {
                continue;
            }
            if (!input.isSwitch()) {
                typed.put(input, option.getValue());
            } else if (Boolean.TRUE.equals(option.getValue())) {
                typed.put(input, "true");
            }
        }
        return typed;
    }

    /** --model and --params name the same thing two ways: one of them. */
    public static void checkModelFlags(Map<ScenarioInput, String> typed) throws FlagException {
        if (typed.containsKey(ScenarioInput.MODEL) && typed.containsKey(ScenarioInput.PARAMETERS)) {
            throw new FlagException("use either " + ScenarioInput.MODEL.flag() + " or " + ScenarioInput.PARAMETERS.flag()
                    + ", not both");
        }
    }

    /**
     * The inputs the typed flags describe over a starting scenario: each flag given replaces its input, the
     * others stay the base's. An efficiency or overhead flag makes the realism the user's own (custom),
     * keeping the rest from the setting it came from ({@code measured} for realistic, read only then);
     * pipeline stages not given stay the base's while they still divide the devices.
     */
    public static ScenarioInputs over(ScenarioInputs base, Map<ScenarioInput, String> typed, Supplier<Realism> measured)
            throws FlagException {
        checkModelFlags(typed);
        Map<ScenarioInput, Object> values = ScenarioInput.valuesOf(base);
        model(values, typed);
        for (ScenarioInput input : ScenarioInput.values()) {
            if (typed.containsKey(input) && !OWN_RULES.contains(input)) {
                values.put(input, input.isSwitch() ? input.switchValue() : read(input, typed.get(input)));
            }
        }
        staleOnTheBase(base, values, typed);
        Precision weights = (Precision) values.get(ScenarioInput.PRECISION);
        if ((Boolean) values.get(ScenarioInput.WEIGHT_ONLY) && weights.bytesPerValue() >= Precision.BF16.bytesPerValue()) {
            throw new FlagException(ScenarioInput.WEIGHT_ONLY.flag() + " needs weights narrower than BF16 "
                    + "(int8, int4, fp8 or fp4), got " + weights.label());
        }
        realism(base, values, typed, measured);
        pipelineStages(base, values, typed);
        speculation(values, typed);
        return ScenarioInput.inputsOf(values);
    }

    /**
     * What the base held that a typed flag leaves meaningless, dropped (cli.FlagNotes says so): a price set
     * for the base's device when --gpu names another (as the window's device list does), and weight-only
     * when --precision names weights of 16 bits or more. Typed alongside, they stay, to be refused or used.
     */
    private static void staleOnTheBase(ScenarioInputs base, Map<ScenarioInput, Object> values,
                                       Map<ScenarioInput, String> typed) {
        if (typed.containsKey(ScenarioInput.GPU) && !typed.containsKey(ScenarioInput.PRICE_USD_PER_HOUR)
                && !base.gpuId().equalsIgnoreCase((String) values.get(ScenarioInput.GPU))) {
            values.put(ScenarioInput.PRICE_USD_PER_HOUR, null);
        }
        if (typed.containsKey(ScenarioInput.PRECISION) && !typed.containsKey(ScenarioInput.WEIGHT_ONLY)
                && ((Precision) values.get(ScenarioInput.PRECISION)).bytesPerValue() >= Precision.BF16.bytesPerValue()) {
            values.put(ScenarioInput.WEIGHT_ONLY, false);
        }
    }

    /** One flag's value by the table, or the flag and why not. */
    private static Object read(ScenarioInput input, String text) throws FlagException {
        InputKind.Parsed parsed = input.parse(text);
        if (!parsed.ok()) {
            throw new FlagException(input.flag() + ": " + parsed.reason());
        }
        return parsed.value();
    }

    /** --model: a preset, with its parameter count; --params: a dense model of that many (no preset). */
    private static void model(Map<ScenarioInput, Object> values, Map<ScenarioInput, String> typed) throws FlagException {
        if (typed.containsKey(ScenarioInput.PARAMETERS)) {
            values.put(ScenarioInput.MODEL, null);
            values.put(ScenarioInput.PARAMETERS, read(ScenarioInput.PARAMETERS, typed.get(ScenarioInput.PARAMETERS)));
        } else if (typed.containsKey(ScenarioInput.MODEL)) {
            InputKind.Parsed preset = InputKind.PRESET.parse(typed.get(ScenarioInput.MODEL), null);
            if (!preset.ok()) {
                throw new FlagException(ScenarioInput.MODEL.flag() + ": " + preset.reason() + " (known: "
                        + ModelPresets.ALL.stream().map(ModelSpec::name).collect(Collectors.joining(", ")) + ")");
            }
            values.put(ScenarioInput.MODEL, preset.value());
            values.put(ScenarioInput.PARAMETERS, InputKind.preset((String) preset.value()).totalParameters());
        }
    }

    /** --realistic, else the base's realism; then the efficiency and overhead flags over it. */
    private static void realism(ScenarioInputs base, Map<ScenarioInput, Object> values, Map<ScenarioInput, String> typed,
                                Supplier<Realism> measured) {
        ScenarioInputs.Efficiencies setting = typed.containsKey(ScenarioInput.REALISM)
                ? new ScenarioInputs.Efficiencies(RealismMode.REALISTIC, 1, 1)
                : new ScenarioInputs.Efficiencies(base.realism(), base.customComputeEfficiency(),
                        base.customBandwidthEfficiency(), base.customLayerOverheadMicroseconds());
        ScenarioInputs.Efficiencies realism = ScenarioInputs.efficiencies(setting,
                given(values, typed, ScenarioInput.COMPUTE_EFFICIENCY),
                given(values, typed, ScenarioInput.BANDWIDTH_EFFICIENCY),
                given(values, typed, ScenarioInput.LAYER_OVERHEAD_MICROSECONDS),
                (String) values.get(ScenarioInput.GPU), measured);
        values.put(ScenarioInput.REALISM, realism.mode());
        values.put(ScenarioInput.COMPUTE_EFFICIENCY, realism.compute());
        values.put(ScenarioInput.BANDWIDTH_EFFICIENCY, realism.bandwidth());
        values.put(ScenarioInput.LAYER_OVERHEAD_MICROSECONDS, realism.layerOverheadMicroseconds());
    }

    private static Double given(Map<ScenarioInput, Object> values, Map<ScenarioInput, String> typed, ScenarioInput input) {
        return typed.containsKey(input) ? (Double) values.get(input) : null;
    }

    /** Stages given are checked against the devices; not given, the base's while they still divide them, else 1. */
    private static void pipelineStages(ScenarioInputs base, Map<ScenarioInput, Object> values,
                                       Map<ScenarioInput, String> typed) throws FlagException {
        int devices = (Integer) values.get(ScenarioInput.GPU_COUNT);
        if (!typed.containsKey(ScenarioInput.PIPELINE_STAGES)) {
            values.put(ScenarioInput.PIPELINE_STAGES, devices % base.pipelineStages() == 0 ? base.pipelineStages() : 1);
        }
        // The model's layers are checked where the model is known (an imported one only when it is read).
        String layout = ScenarioLimits.parallelismProblem(devices, (Integer) values.get(ScenarioInput.PIPELINE_STAGES),
                Integer.MAX_VALUE);
        if (layout != null) {
            throw new FlagException(ScenarioInput.PIPELINE_STAGES.flag() + ": "
                    + layout.substring(layout.indexOf(": ") + 2));
        }
    }

    /** --draft-model (none: off) over the base's draft; its numbers need a draft. */
    private static void speculation(Map<ScenarioInput, Object> values, Map<ScenarioInput, String> typed)
            throws FlagException {
        String draft = typed.get(ScenarioInput.DRAFT_MODEL);
        if (draft != null && draft.strip().equalsIgnoreCase("none")) {
            values.put(ScenarioInput.DRAFT_MODEL, null);
            return;
        }
        if (draft != null) {
            InputKind.Parsed preset = ScenarioInput.DRAFT_MODEL.parse(draft);
            if (!preset.ok()) {
                throw new FlagException(ScenarioInput.DRAFT_MODEL.flag() + ": " + preset.reason()
                        + " (see list-models)");
            }
            values.put(ScenarioInput.DRAFT_MODEL, preset.value());
        }
        if (values.get(ScenarioInput.DRAFT_MODEL) == null
                && (typed.containsKey(ScenarioInput.DRAFT_TOKENS) || typed.containsKey(ScenarioInput.ACCEPTANCE_RATE))) {
            throw new FlagException(ScenarioInput.DRAFT_TOKENS.flag() + " and " + ScenarioInput.ACCEPTANCE_RATE.flag()
                    + " need " + ScenarioInput.DRAFT_MODEL.flag() + " PRESET");
        }
    }
}
