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
import lab.roofline.engine.Units;
import lab.roofline.io.ProfileLoader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The scenario flags shared by `report` and `export`. */
public final class ScenarioOptions {
    public static final String DEFAULT_GPU = "h100_sxm";
    public static final String DEFAULT_MODEL = "Llama-3.1-70B";

    @Option(names = "--gpu", paramLabel = "ID", description = "Accelerator id (see list-gpus). Default: ${DEFAULT-VALUE}.",
            defaultValue = DEFAULT_GPU)
    String gpuId;

    @Option(names = "--gpus", paramLabel = "N", description = "Identical devices in tensor parallel. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    int gpuCount;

    @Option(names = "--model", paramLabel = "PRESET", description = "Model preset (see list-models). Default: "
            + DEFAULT_MODEL + ".")
    String modelName;

    @Option(names = "--params", paramLabel = "COUNT", converter = ParameterCountConverter.class,
            description = "Parameter count of a dense model: 7e9, 7B, 70b, 1.8T.")
    Double parameters;

    @Option(names = "--precision", paramLabel = "P", converter = PrecisionConverter.class, defaultValue = "bf16",
            description = "Weight precision: fp32, bf16, fp8, int8, int4, fp4. Default: ${DEFAULT-VALUE}.")
    Precision precision;

    @Option(names = "--kv-precision", paramLabel = "P", converter = PrecisionConverter.class, defaultValue = "bf16",
            description = "KV-cache precision. Default: ${DEFAULT-VALUE}.")
    Precision kvPrecision;

    @Option(names = "--weight-only", description = "Keep the math at BF16 (W8A16, W4A16): fewer bytes, same roof.")
    boolean weightOnly;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "1", description = "Sequences decoded together. Default: ${DEFAULT-VALUE}.")
    long batch;

    @Option(names = "--prompt", paramLabel = "TOKENS", defaultValue = "1024", description = "Prompt tokens per sequence. Default: ${DEFAULT-VALUE}.")
    long promptTokens;

    @Option(names = "--output", paramLabel = "TOKENS", defaultValue = "256", description = "Generated tokens per sequence. Default: ${DEFAULT-VALUE}.")
    long generatedTokens;

    @Option(names = "--compute-efficiency", paramLabel = "F",
            description = "Achievable fraction of peak FLOP/s, (0, 1]. Default: 1.0 (ideal), or measured with --realistic.")
    Double computeEfficiency;

    @Option(names = "--bandwidth-efficiency", paramLabel = "F",
            description = "Achievable fraction of peak bandwidth, (0, 1]. Default: 1.0 (ideal), or measured with --realistic.")
    Double bandwidthEfficiency;

    @Option(names = "--realistic", description = "Use measured achievable fractions of peak (docs/model.md) "
            + "instead of the ideal roofline; an explicit efficiency flag still wins.")
    boolean realistic;

    @Option(names = "--price-per-hour", paramLabel = "USD", description = "Price per device-hour (overrides the profile's).")
    Double pricePerHour;

    @Option(names = "--profiles", paramLabel = "DIR", description = "Extra folder of hardware profiles (repeatable).")
    List<Path> profileFolders = new ArrayList<>();

    /** Loads profiles, reporting skipped files on stderr. */
    ProfileLoader.Result loadProfiles(CommandLine.Model.CommandSpec spec) {
        ProfileLoader.Result result = ProfileLoader.loadAll(profileFolders);
        result.problems().forEach(p -> spec.commandLine().getErr().println(p));
        return result;
    }

    /** Builds the scenario, or throws a ParameterException naming the bad flag. */
    Scenario toScenario(CommandLine.Model.CommandSpec spec, ProfileLoader.Result profiles) {
        CommandLine cl = spec.commandLine();
        HardwareProfile gpu = profiles.find(gpuId).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--gpu: unknown accelerator '" + gpuId + "' (known: "
                        + profiles.profiles().stream().map(HardwareProfile::id).collect(Collectors.joining(", ")) + ")"));
        if (modelName != null && parameters != null) {
            throw new CommandLine.ParameterException(cl, "use either --model or --params, not both");
        }
        ModelSpec model;
        if (parameters != null) {
            model = ModelSpec.fromParameterCount(parameters);
        } else {
            String name = modelName == null ? DEFAULT_MODEL : modelName;
            model = ModelPresets.find(name).orElseThrow(() -> new CommandLine.ParameterException(cl,
                    "--model: unknown preset '" + name + "' (known: "
                            + ModelPresets.ALL.stream().map(ModelSpec::name).collect(Collectors.joining(", ")) + ")"));
        }
        require(cl, gpuCount >= 1 && gpuCount <= 65536, "--gpus must be between 1 and 65536, got " + gpuCount);
        require(cl, batch >= 1 && batch <= Scenario.MAX_BATCH,
                "--batch must be between 1 and " + Scenario.MAX_BATCH + ", got " + batch);
        require(cl, promptTokens >= 1 && promptTokens <= Scenario.MAX_TOKENS,
                "--prompt must be between 1 and " + Scenario.MAX_TOKENS + " tokens, got " + promptTokens);
        require(cl, generatedTokens >= 1 && generatedTokens <= Scenario.MAX_TOKENS,
                "--output must be between 1 and " + Scenario.MAX_TOKENS + " tokens, got " + generatedTokens);
        lab.roofline.engine.Realism realism = realistic
                ? lab.roofline.io.RealismLoader.loadBundled().realism() : lab.roofline.engine.Realism.IDEAL;
        double compute = computeEfficiency != null ? computeEfficiency : realism.computeFraction(gpu.id());
        double bandwidth = bandwidthEfficiency != null ? bandwidthEfficiency : realism.bandwidthFraction();
        require(cl, compute > 0 && compute <= 1,
                "--compute-efficiency must be above 0 and at most 1, got " + computeEfficiency);
        require(cl, bandwidth > 0 && bandwidth <= 1,
                "--bandwidth-efficiency must be above 0 and at most 1, got " + bandwidthEfficiency);
        double price = pricePerHour != null ? pricePerHour : gpu.priceUsdPerHour();
        require(cl, pricePerHour == null || (pricePerHour > 0 && !pricePerHour.isInfinite()),
                "--price-per-hour must be a positive number of dollars, got " + pricePerHour);
        return new Scenario(model, gpu, gpuCount, precision, weightOnly, kvPrecision, batch, promptTokens,
                generatedTokens, compute, bandwidth, price);
    }

    private static void require(CommandLine cl, boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(cl, message);
        }
    }

    /** 7e9, 7B, 70b, 1.8T. */
    public static final class ParameterCountConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Units.parseCount(value).stream().boxed().findFirst().orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + value
                            + "' is not a parameter count (try 7B, 70e9 or 1.8T)"));
        }
    }

    public static final class PrecisionConverter implements CommandLine.ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            return Precision.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a precision (use " + Precision.acceptedKeys() + ")"));
        }
    }
}
