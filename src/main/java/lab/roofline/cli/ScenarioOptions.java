package lab.roofline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.ModelPresets;
import lab.roofline.engine.ModelSpec;
import lab.roofline.engine.Precision;
import lab.roofline.engine.Scenario;
import lab.roofline.engine.ScenarioLimits;
import lab.roofline.engine.Units;
import lab.roofline.io.ProfileLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The scenario flags shared by `report` and `export`. */
public final class ScenarioOptions {
    public static final String DEFAULT_GPU = "h100_sxm";
    public static final String DEFAULT_MODEL = "Llama-3.1-70B";

    @Option(names = "--gpu", paramLabel = "ID", description = "Accelerator id (see list-gpus). Default: ${DEFAULT-VALUE}.",
            defaultValue = DEFAULT_GPU)
    String gpuId;

    @Option(names = "--gpus", paramLabel = "N", description = "Identical devices in tensor parallel. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    String gpuCount;

    @Option(names = "--model", paramLabel = "PRESET", description = "Model preset (see list-models). Default: "
            + DEFAULT_MODEL + ".")
    String modelName;

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

    @Option(names = "--realistic", description = "Use measured achievable fractions of peak (docs/model.md) "
            + "instead of the ideal roofline; an explicit efficiency flag still wins.")
    boolean realistic;

    @Option(names = "--price-per-hour", paramLabel = "USD", description = "Price per device-hour (overrides the profile's).")
    String pricePerHour;

    @Option(names = "--profiles", paramLabel = "DIR", description = "Extra folder of hardware profiles (repeatable).")
    List<Path> profileFolders = new ArrayList<>();

    /** Loads profiles, reporting skipped files on stderr. */
    ProfileLoader.Result loadProfiles(CommandLine.Model.CommandSpec spec) {
        checkProfileFolders(spec.commandLine(), profileFolders);
        ProfileLoader.Result result = ProfileLoader.loadAll(profileFolders);
        result.problems().forEach(p -> spec.commandLine().getErr().println(p));
        return result;
    }

    /** Builds the scenario, or throws a ParameterException naming the bad flag. */
    Scenario toScenario(CommandLine.Model.CommandSpec spec, ProfileLoader.Result profiles) {
        CommandLine cl = spec.commandLine();
        HardwareProfile gpu = profiles.find(gpuId).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--gpu: unknown accelerator '" + Units.shortened(gpuId) + "' (known: "
                        + profiles.profiles().stream().map(HardwareProfile::id).collect(Collectors.joining(", ")) + ")"));
        if (modelName != null && parameters != null) {
            throw new CommandLine.ParameterException(cl, "use either --model or --params, not both");
        }
        ModelSpec model;
        if (parameters != null) {
            model = ModelSpec.fromParameterCount(value(cl, "--params", ScenarioLimits.PARAMETERS, parameters));
        } else {
            String name = modelName == null ? DEFAULT_MODEL : modelName;
            model = ModelPresets.find(name).orElseThrow(() -> new CommandLine.ParameterException(cl,
                    "--model: unknown preset '" + Units.shortened(name) + "' (known: "
                            + ModelPresets.ALL.stream().map(ModelSpec::name).collect(Collectors.joining(", ")) + ")"));
        }
        if (weightOnly && precision.bytesPerValue() >= Precision.BF16.bytesPerValue()) {
            throw new CommandLine.ParameterException(cl, "--weight-only needs weights narrower than BF16 "
                    + "(int8, int4, fp8 or fp4), got " + precision.label());
        }
        int devices = (int) value(cl, "--gpus", ScenarioLimits.GPU_COUNT, gpuCount);
        long sequences = (long) value(cl, "--batch", ScenarioLimits.BATCH, batch);
        long prompt = (long) value(cl, "--prompt", ScenarioLimits.PROMPT_TOKENS, promptTokens);
        long generated = (long) value(cl, "--output", ScenarioLimits.GENERATED_TOKENS, generatedTokens);
        lab.roofline.engine.Realism realism = realistic ? measuredRealism() : lab.roofline.engine.Realism.IDEAL;
        double compute = computeEfficiency != null
                ? value(cl, "--compute-efficiency", ScenarioLimits.COMPUTE_EFFICIENCY, computeEfficiency)
                : realism.computeFraction(gpu.id());
        double bandwidth = bandwidthEfficiency != null
                ? value(cl, "--bandwidth-efficiency", ScenarioLimits.BANDWIDTH_EFFICIENCY, bandwidthEfficiency)
                : realism.bandwidthFraction();
        double price = pricePerHour != null
                ? value(cl, "--price-per-hour", ScenarioLimits.PRICE_USD_PER_HOUR, pricePerHour)
                : gpu.priceUsdPerHour();
        return new Scenario(model, gpu, devices, precision, weightOnly, kvPrecision, sequences, prompt,
                generated, compute, bandwidth, price);
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
    private static lab.roofline.engine.Realism measuredRealism() {
        return measuredRealism(lab.roofline.io.RealismLoader.loadBundled());
    }

    static lab.roofline.engine.Realism measuredRealism(lab.roofline.io.RealismLoader.Result loaded) {
        if (loaded.realism() == lab.roofline.engine.Realism.IDEAL) {
            throw new IllegalStateException("--realistic: the measured fractions could not be read ("
                    + String.join("; ", loaded.problems()) + ")");
        }
        return loaded.realism();
    }

    /** Parses a flag's text by the input's limits; a bad value names the flag and says why. */
    private static double value(CommandLine cl, String flag, ScenarioLimits.Range range, String text) {
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
