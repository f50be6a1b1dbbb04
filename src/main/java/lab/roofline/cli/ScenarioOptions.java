package lab.roofline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.io.ProfileLoader;
import lab.roofline.io.ScenarioFile;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The scenario flags shared by `report` and `export`. */
public final class ScenarioOptions {
    public static final String DEFAULT_GPU = "h100_sxm";
    public static final String DEFAULT_MODEL = "Llama-3.1-70B";

    @Option(names = "--gpu", paramLabel = "ID", description = "Accelerator id (see list-gpus). Default: ${DEFAULT-VALUE}.",
            defaultValue = DEFAULT_GPU)
    String gpuId;

    @Option(names = "--gpus", paramLabel = "N", description = "Identical devices; each layer pays two all-reduces over "
            + "the device's interconnect (tensor parallel, or see --pipeline-stages). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    String gpuCount;

    @Option(names = "--model", paramLabel = "PRESET", description = "Model preset (see list-models). Default: "
            + DEFAULT_MODEL + ".")
    String modelName;

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "A Hugging Face config.json (Llama, Mistral, Mixtral, Qwen2/3, Qwen3-MoE, Gemma 2/3, "
                    + "DeepSeek-V2/V3, gpt-oss): its architecture, with the parameters computed from the shapes.")
    Path modelConfig;

    /** The model --model-config read, and what it did not read. */
    private lab.roofline.io.ModelConfigLoader.Loaded imported;

    @Option(names = "--params", paramLabel = "COUNT",
            description = "Parameter count of a dense model: 7e9, 7B, 70b, 1.8T.")
    String parameters;

    @Option(names = "--precision", paramLabel = "P", converter = PrecisionConverter.class, defaultValue = "int8",
            description = "Weight precision: fp32, bf16, fp8, int8, int4, fp4. Default: ${DEFAULT-VALUE}.")
    Precision precision;

    @Option(names = "--kv-precision", paramLabel = "P", converter = PrecisionConverter.class, defaultValue = "bf16",
            description = "KV-cache precision. Default: ${DEFAULT-VALUE}.")
    Precision kvPrecision;

    @Option(names = "--weight-only", description = "Keep the math at BF16 (W8A16, W4A16): fewer bytes, same roof.")
    boolean weightOnly;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1", description = "Sequences decoded together. Default: ${DEFAULT-VALUE}.")
    String batch;

    @Option(names = "--prompt", paramLabel = "TOKENS", defaultValue = "1024", description = "Prompt tokens per sequence. Default: ${DEFAULT-VALUE}.")
    String promptTokens;

    @Option(names = "--output", paramLabel = "TOKENS", defaultValue = "256", description = "Generated tokens per sequence. Default: ${DEFAULT-VALUE}.")
    String generatedTokens;

    @Option(names = "--compute-efficiency", paramLabel = "F",
            description = "Achievable fraction of peak FLOP/s, (0, 1]. Default: 1.0 (ideal), or measured with --realistic.")
    String computeEfficiency;

    @Option(names = "--bandwidth-efficiency", paramLabel = "F",
            description = "Achievable fraction of peak bandwidth, (0, 1]. Default: 1.0 (ideal), or measured with --realistic.")
    String bandwidthEfficiency;

    @Option(names = "--layer-overhead-us", paramLabel = "US",
            description = "Fixed time per layer of each forward pass in microseconds (kernel launches, scheduling); makes "
                    + "the realism your own. Default: 0 (ideal), or the fitted 55.5 with --realistic.")
    String layerOverheadMicroseconds;

    @Option(names = "--quantize-embeddings", description = "Store the embedding and output tables at the weights' "
            + "precision too (as llama.cpp's Q8_0 does). Default: they stay at 16 bits.")
    boolean quantizeEmbeddings;

    @Option(names = "--draft-model", paramLabel = "PRESET", description = "Speculative decoding with this preset as "
            + "the draft (see list-models); 'none' turns a file's off.")
    String draftModel;
    @Option(names = "--draft-tokens", paramLabel = "K", description = "Tokens the draft proposes per step, 1 to 16. Default: 4.")
    String draftTokens;
    @Option(names = "--acceptance", paramLabel = "A", description = "Chance the target accepts a draft token, 0 to 1. Default: 0.7.")
    String acceptance;

    @Option(names = "--pipeline-stages", paramLabel = "N",
            description = "Split the --gpus devices into N pipeline stages of --gpus/N tensor-parallel devices each "
                    + "(N must divide --gpus). Default: 1, tensor parallelism only.")
    String pipelineStages;

    @Option(names = "--realistic", description = "Use measured achievable fractions of peak (docs/model.md) "
            + "instead of the ideal roofline; an explicit efficiency flag still wins.")
    boolean realistic;

    @Option(names = "--price-per-hour", paramLabel = "USD",
            description = "Price per device-hour (overrides the profile's); none: no price, costs in GPU time.")
    String pricePerHour;

    @Option(names = "--bandwidth-scale", paramLabel = "X",
            description = "What if the device had X times its memory bandwidth (0.5 to 4); named in every output.")
    String bandwidthScale;

    @Option(names = "--peak-scale", paramLabel = "X",
            description = "What if the device had X times its peak FLOP/s at every precision (0.5 to 4).")
    String peakScale;

    @Option(names = "--memory-scale", paramLabel = "X",
            description = "What if the device had X times its memory (0.5 to 4).")
    String memoryScale;

    @Option(names = "--profiles", paramLabel = "DIR", description = "Extra folder of hardware profiles (repeatable).")
    List<Path> profileFolders = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Start from a scenario file (*.roofline.json); the other flags given override its values.")
    Path scenarioFile;

    /** The scenario file read by {@link #toInputs}, when one was given. */
    private lab.roofline.engine.scenario.NamedScenario document;

    /** Loads profiles, reporting skipped files on stderr. */
    ProfileLoader.Result loadProfiles(CommandLine.Model.CommandSpec spec) {
        checkProfileFolders(spec.commandLine(), profileFolders);
        ProfileLoader.Result result = ProfileLoader.loadAll(profileFolders);
        result.problems().forEach(p -> spec.commandLine().getErr().println(p));
        return result;
    }

    /** Builds the scenario, or throws a ParameterException naming the bad flag (or the file's bad field). */
    Scenario toScenario(CommandLine.Model.CommandSpec spec, ProfileLoader.Result profiles) {
        ScenarioInputs in = toInputs(spec);
        HardwareProfile gpu = profile(spec, profiles, in);
        try {
            return imported != null ? in.toScenario(gpu, realismFor(in), imported.model())
                    : in.toScenario(gpu, realismFor(in));
        } catch (IllegalArgumentException e) {
            // Only the model can refuse now: more pipeline stages than it has layers. Name where each came from.
            String stages = pipelineStages != null ? "--pipeline-stages" : scenarioFile + ": field 'scenario.pipelineStages'";
            String model = imported != null ? "--model-config" : parameters != null ? "--params" : modelName != null
                    ? "--model" : document != null ? "the scenario file's model" : "the default model";
            throw new CommandLine.ParameterException(spec.commandLine(), stages + " with " + model + ": "
                    + e.getMessage().replaceFirst("^Pipeline stages: ", ""));
        }
    }

    /**
     * A scenario file's pin as a scenario, on its own profile: a loaded one, else the copy the file carries;
     * a pin whose GPU is neither is refused, naming the file and its field.
     */
    static Scenario pinScenario(CommandLine cl, Path file, int index, lab.roofline.engine.scenario.NamedScenario.Pinned pin,
                                ProfileLoader.Result profiles) {
        HardwareProfile gpu = pin.profileAmong(profiles.profiles()).orElseThrow(() ->
                new CommandLine.ParameterException(cl, file + ": field 'pins[" + index
                        + "].scenario.gpu': unknown accelerator '" + Units.shortened(pin.inputs().gpuId()) + "'"));
        try {
            return pin.inputs().toScenario(gpu, realismFor(pin.inputs()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, file + ": field 'pins[" + index + "].scenario.pipelineStages': "
                    + e.getMessage().replaceFirst("^Pipeline stages: ", ""));
        }
    }

    /** The --scenario file's pin at an index as a scenario (see {@link #pinScenario}). */
    Scenario pinScenario(CommandLine.Model.CommandSpec spec, ProfileLoader.Result profiles, int index) {
        return pinScenario(spec.commandLine(), scenarioFile, index, pins(spec).get(index), profiles);
    }

    /** The scenario file's pins as read (none without a file). */
    List<lab.roofline.engine.scenario.NamedScenario.Pinned> pins(CommandLine.Model.CommandSpec spec) {
        toInputs(spec);
        return document == null ? List.of() : document.pins();
    }

    /** The profile the inputs name: a loaded one, else the scenario file's embedded copy. */
    HardwareProfile profile(CommandLine.Model.CommandSpec spec, ProfileLoader.Result profiles, ScenarioInputs in) {
        CommandLine cl = spec.commandLine();
        Optional<HardwareProfile> found = profiles.find(in.gpuId());
        if (found.isEmpty() && document != null && !given(spec, "--gpu")) {
            found = document.profileAmong(profiles.profiles());
        }
        String known = profiles.profiles().stream().map(HardwareProfile::id).collect(Collectors.joining(", "));
        return found.orElseThrow(() -> new CommandLine.ParameterException(cl, (given(spec, "--gpu") || document == null
                ? "--gpu" : scenarioFile + ": field 'scenario.gpu'")
                + ": unknown accelerator '" + Units.shortened(in.gpuId()) + "' (known: " + known + ")"));
    }

    /** The measured fractions, read only when the inputs use them ("realistic"); else the ideal roofline's. */
    static lab.roofline.engine.roofline.Realism realismFor(ScenarioInputs in) {
        return in.realism() == RealismMode.REALISTIC ? measuredRealism() : lab.roofline.engine.roofline.Realism.IDEAL;
    }

    /**
     * The inputs as chosen: the scenario file's (when --scenario is given) with every flag the user typed
     * put over them; without a file, the flags and their defaults. What --save-scenario writes.
     */
    ScenarioInputs toInputs(CommandLine.Model.CommandSpec spec) {
        CommandLine cl = spec.commandLine();
        if (scenarioFile != null && document == null) {
            try {
                document = ScenarioFile.read(scenarioFile);
            } catch (ScenarioFile.ScenarioFileException e) {
                throw new CommandLine.ParameterException(cl, "--scenario: " + e.getMessage());
            }
        }
        ScenarioInputs base = document == null ? null : document.inputs();
        if (modelName != null && parameters != null) {
            throw new CommandLine.ParameterException(cl, "use either --model or --params, not both");
        }
        if (modelConfig != null && (modelName != null || parameters != null)) {
            throw new CommandLine.ParameterException(cl, "use either --model-config or --model/--params, not both");
        }
        if (modelConfig != null && imported == null) {
            try {
                imported = lab.roofline.io.ModelConfigLoader.read(modelConfig);
            } catch (lab.roofline.io.ModelConfigLoader.ModelConfigException e) {
                throw new CommandLine.ParameterException(cl, "--model-config: " + modelConfig + ": " + e.getMessage());
            }
        }
        String gpu = base == null || given(spec, "--gpu") ? gpuId.trim() : base.gpuId();
        String preset;
        double count;
        if (imported != null) {
            preset = imported.model().name();
            count = imported.model().totalParameters();
        } else if (parameters != null) {
            preset = null;
            count = value(cl, "--params", ScenarioLimits.PARAMETERS, parameters);
        } else if (modelName != null || base == null) {
            String name = modelName == null ? DEFAULT_MODEL : modelName;
            ModelSpec model = ModelPresets.find(name).orElseThrow(() -> new CommandLine.ParameterException(cl,
                    "--model: unknown preset '" + Units.shortened(name) + "' (known: "
                            + ModelPresets.ALL.stream().map(ModelSpec::name).collect(Collectors.joining(", ")) + ")"));
            preset = model.name();
            count = model.totalParameters();
        } else {
            preset = base.presetName();
            count = base.parameters();
        }
        Precision weights = base == null || given(spec, "--precision") ? precision : base.precision();
        boolean onlyWeights = base == null || given(spec, "--weight-only") ? weightOnly : base.weightOnly();
        if (onlyWeights && weights.bytesPerValue() >= Precision.BF16.bytesPerValue()) {
            throw new CommandLine.ParameterException(cl, "--weight-only needs weights narrower than BF16 "
                    + "(int8, int4, fp8 or fp4), got " + weights.label());
        }
        Precision kv = base == null || given(spec, "--kv-precision") ? kvPrecision : base.kvPrecision();
        int devices = base == null || given(spec, "--gpus")
                ? (int) value(cl, "--gpus", ScenarioLimits.GPU_COUNT, gpuCount) : base.gpuCount();
        int sequences = base == null || given(spec, "--batch")
                ? (int) value(cl, "--batch", ScenarioLimits.BATCH, batch) : base.batchSize();
        int prompt = base == null || given(spec, "--prompt")
                ? (int) value(cl, "--prompt", ScenarioLimits.PROMPT_TOKENS, promptTokens) : base.promptTokens();
        int generated = base == null || given(spec, "--output")
                ? (int) value(cl, "--output", ScenarioLimits.GENERATED_TOKENS, generatedTokens) : base.generatedTokens();
        // Realism: --realistic, else the file's; an efficiency flag makes it the user's own (custom), the
        // other fraction kept from the setting it came from.
        ScenarioInputs.Efficiencies setting = realistic || base == null
                ? new ScenarioInputs.Efficiencies(realistic ? RealismMode.REALISTIC : RealismMode.IDEAL, 1, 1)
                : new ScenarioInputs.Efficiencies(base.realism(), base.customComputeEfficiency(),
                        base.customBandwidthEfficiency(), base.customLayerOverheadMicroseconds());
        ScenarioInputs.Efficiencies realism = ScenarioInputs.efficiencies(setting,
                computeEfficiency == null ? null
                        : value(cl, "--compute-efficiency", ScenarioLimits.COMPUTE_EFFICIENCY, computeEfficiency),
                bandwidthEfficiency == null ? null
                        : value(cl, "--bandwidth-efficiency", ScenarioLimits.BANDWIDTH_EFFICIENCY, bandwidthEfficiency),
                layerOverheadMicroseconds == null ? null
                        : value(cl, "--layer-overhead-us", ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS, layerOverheadMicroseconds),
                gpu, ScenarioOptions::measuredRealism);
        // A count of devices given without stages is tensor-parallel; stages given are checked against it.
        // Stages from the flag, else the file's while they still divide the devices, else tensor parallel only.
        int stages = pipelineStages != null
                ? (int) value(cl, "--pipeline-stages", ScenarioLimits.PIPELINE_STAGES, pipelineStages)
                : base == null || devices % base.pipelineStages() != 0 ? 1 : base.pipelineStages();
        String layout = ScenarioLimits.parallelismProblem(devices, stages, Integer.MAX_VALUE);
        if (layout != null) {
            throw new CommandLine.ParameterException(cl, "--pipeline-stages: " + layout.substring(layout.indexOf(": ") + 2));
        }
        // "none": no price (costs in GPU time), as the app's cleared price field.
        Double price;
        if (pricePerHour == null) {
            price = base == null ? null : base.priceUsdPerHour();
        } else if (pricePerHour.strip().equalsIgnoreCase("none")) {
            price = Double.NaN;
        } else {
            price = value(cl, "--price-per-hour", ScenarioLimits.PRICE_USD_PER_HOUR, pricePerHour);
        }
        // A what-if on the device: each factor from its flag, else the file's, else none.
        lab.roofline.engine.roofline.HardwareScales baseScales = base == null ? lab.roofline.engine.roofline.HardwareScales.NONE : base.scales();
        lab.roofline.engine.roofline.HardwareScales scales = new lab.roofline.engine.roofline.HardwareScales(
                bandwidthScale == null ? baseScales.bandwidth() : value(cl, "--bandwidth-scale", ScenarioLimits.BANDWIDTH_SCALE, bandwidthScale),
                peakScale == null ? baseScales.peak() : value(cl, "--peak-scale", ScenarioLimits.PEAK_SCALE, peakScale),
                memoryScale == null ? baseScales.memory() : value(cl, "--memory-scale", ScenarioLimits.MEMORY_SCALE, memoryScale));
        boolean tables = base == null || given(spec, "--quantize-embeddings") ? quantizeEmbeddings
                : base.quantizedEmbeddings();
        return new ScenarioInputs(gpu, preset, count, weights, onlyWeights, kv, sequences, prompt, generated, devices,
                realism.mode(), realism.compute(), realism.bandwidth(), price, scales, stages,
                realism.layerOverheadMicroseconds(), tables, speculation(cl, base));
    }

    /** --draft-model and its numbers over a file's speculation (each flag given wins, the rest is kept). */
    private lab.roofline.engine.roofline.Speculation speculation(CommandLine cl, ScenarioInputs base) {
        lab.roofline.engine.roofline.Speculation from = base == null ? lab.roofline.engine.roofline.Speculation.NONE : base.speculation();
        if (draftModel != null && draftModel.strip().equalsIgnoreCase("none")) {
            return lab.roofline.engine.roofline.Speculation.NONE;
        }
        lab.roofline.engine.roofline.ModelSpec draft = draftModel == null ? from.draftModel()
                : lab.roofline.engine.roofline.ModelPresets.find(draftModel).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--draft-model: unknown preset '" + lab.roofline.engine.roofline.Units.shortened(draftModel) + "' (see list-models)"));
        if (draft == null) {
            if (draftTokens != null || acceptance != null) {
                throw new CommandLine.ParameterException(cl, "--draft-tokens and --acceptance need --draft-model PRESET");
            }
            return lab.roofline.engine.roofline.Speculation.NONE;
        }
        int k = draftTokens != null ? (int) value(cl, "--draft-tokens", new ScenarioLimits.Range("Draft tokens", 1,
                ScenarioLimits.DRAFT_TOKENS.max(), true, "4"), draftTokens) : from.isOn() ? from.draftTokens() : 4;
        double a = acceptance != null ? value(cl, "--acceptance", ScenarioLimits.ACCEPTANCE_RATE, acceptance)
                : from.isOn() ? from.acceptanceRate() : 0.7;
        return new lab.roofline.engine.roofline.Speculation(k, a, draft);
    }

    /** What --model-config did not read (keys, the vision encoder, quantization): for a note on stderr. */
    List<String> modelConfigNotes() {
        return imported == null ? List.of() : imported.notes();
    }

    /** Whether the user typed this flag (a default value does not override a scenario file). */
    private static boolean given(CommandLine.Model.CommandSpec spec, String flag) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(flag);
    }

    /** Each --profiles names an existing folder: a typo is a bad flag, not a silently empty source. */
    static void checkProfileFolders(CommandLine cl, List<Path> folders) {
        for (Path folder : folders) {
            if (folder.toString().isBlank()) {
                throw new CommandLine.ParameterException(cl, "--profiles: empty folder name");
            }
            if (!java.nio.file.Files.exists(folder)) {
                throw new CommandLine.ParameterException(cl, "--profiles: the folder " + folder + " does not exist");
            }
            if (!java.nio.file.Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(cl, "--profiles: " + folder + " is a file, not a folder");
            }
        }
    }

    /** The measured fractions; with none to read, --realistic fails rather than silently meaning ideal. */
    static lab.roofline.engine.roofline.Realism measuredRealism() {
        if (measured == null) { // read once: a compare of many realistic files reads it once
            measured = measuredRealism(lab.roofline.io.RealismLoader.loadBundled());
        }
        return measured;
    }

    private static lab.roofline.engine.roofline.Realism measured;

    static lab.roofline.engine.roofline.Realism measuredRealism(lab.roofline.io.RealismLoader.Result loaded) {
        if (loaded.realism() == lab.roofline.engine.roofline.Realism.IDEAL) {
            throw new IllegalStateException("--realistic: the measured fractions could not be read ("
                    + String.join("; ", loaded.problems()) + ")");
        }
        return loaded.realism();
    }

    /** Parses a flag's text by the input's limits; a bad value names the flag and says why. */
    /**
     * A service-level limit in ms from its flag, in seconds: "none" is no limit (infinity), no flag the
     * fallback; a bad value is the flag's one line, with the example to try.
     */
    static double limitSeconds(CommandLine cl, String flag, String text, double fallbackSeconds, String example) {
        if (text == null) {
            return fallbackSeconds;
        }
        if (text.strip().equalsIgnoreCase("none")) {
            return Double.POSITIVE_INFINITY;
        }
        return value(cl, flag, new ScenarioLimits.Range(ScenarioLimits.LIMIT_MILLISECONDS.name(),
                ScenarioLimits.LIMIT_MILLISECONDS.min(), ScenarioLimits.LIMIT_MILLISECONDS.max(), false, example), text) / 1e3;
    }

    static double value(CommandLine cl, String flag, ScenarioLimits.Range range, String text) {
        ScenarioLimits.Parsed parsed = range.parse(text);
        if (!parsed.ok()) {
            throw new CommandLine.ParameterException(cl, flag + ": " + parsed.reason());
        }
        return parsed.value();
    }

    public static final class PrecisionConverter implements CommandLine.ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            return Precision.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a precision (use " + Precision.acceptedKeys() + ")"));
        }
    }
}
