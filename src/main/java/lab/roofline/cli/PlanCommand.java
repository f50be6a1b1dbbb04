package lab.roofline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.serving.OwnedHardware;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.io.data.ModelConfigLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RentalPriceLoader;
import lab.roofline.io.files.AppHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `plan`: every configuration of the devices, counts, splits and precisions, ranked by the blended cost
 * per million tokens under the service-level limits (engine.Planner).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Rank every way to serve a model (GPU, count, tensor/pipeline split, precision) by cost per "
                + "million tokens within time-to-first-token and time-per-output-token limits.")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--model", paramLabel = "PRESET", description = "Model preset (see list-models). Default: Llama-3.1-70B.")
    String modelName;
    @Option(names = "--model-config", paramLabel = "FILE", description = "A Hugging Face config.json instead of a preset.")
    Path modelConfig;
    @Option(names = "--input-tokens", paramLabel = "T", defaultValue = "2000", description = "Prompt tokens per request. Default: ${DEFAULT-VALUE}.")
    String inputTokens;
    @Option(names = "--output-tokens", paramLabel = "T", defaultValue = "300", description = "Generated tokens per request. Default: ${DEFAULT-VALUE}.")
    String outputTokens;
    @Option(names = "--cached-input", paramLabel = "F", defaultValue = "0", description = "Share of input tokens served from a prefix cache, 0 to 0.99. Default: ${DEFAULT-VALUE}.")
    String cachedInput;
    @Option(names = "--ttft-ms", paramLabel = "MS", description = "Time-to-first-token limit in milliseconds. Default: none.")
    String ttftMs;
    @Option(names = "--tpot-ms", paramLabel = "MS", description = "Time-per-output-token limit in milliseconds. Default: none.")
    String tpotMs;
    @Option(names = "--gpus", paramLabel = "ID,ID", split = ",", description = "The devices to consider. Default: every priced profile.")
    List<String> gpuIds;
    @Option(names = "--max-gpus", paramLabel = "N", defaultValue = "8", description = "Most devices per configuration (1, 2, 4 … up to N). Default: ${DEFAULT-VALUE}.")
    String maxGpus;
    @Option(names = "--owned-price", paramLabel = "USD", description = "You own the (one) --gpus device: its purchase "
            + "price; with --lifetime-years, --power-watts and --electricity it becomes the hourly price.")
    String ownedPrice;
    @Option(names = "--lifetime-years", paramLabel = "Y", defaultValue = "4", description = "Years an owned device serves. Default: ${DEFAULT-VALUE}.")
    String lifetimeYears;
    @Option(names = "--power-watts", paramLabel = "W", defaultValue = "0", description = "Power an owned device draws at work, with its share of the server and cooling. Default: ${DEFAULT-VALUE}.")
    String powerWatts;
    @Option(names = "--electricity", paramLabel = "USD_PER_KWH", defaultValue = "0.12", description = "Price of electricity per kWh. Default: ${DEFAULT-VALUE}.")
    String electricity;
    @Option(names = "--realistic", description = "Measured fractions of peak and the fitted overhead (docs/validation.md).")
    boolean realistic;
    @Option(names = "--disaggregated", description = "Prefill on a pool of devices of its own, decode on another "
            + "(each at its own batch); prints the prefill : decode device ratio. Default: prefill interleaved with decode.")
    boolean disaggregated;
    @Option(names = "--draft-model", paramLabel = "PRESET", description = "Speculative decoding with this preset as the draft (see list-models).")
    String draftModel;
    @Option(names = "--draft-tokens", paramLabel = "K", defaultValue = "4", description = "Tokens the draft proposes per step, with --draft-model. Default: ${DEFAULT-VALUE}.")
    String draftTokens;
    @Option(names = "--acceptance", paramLabel = "A", defaultValue = "0.7", description = "Chance the target accepts a draft token, 0 to 1, with --draft-model. Default: ${DEFAULT-VALUE}.")
    String acceptance;
    @Option(names = "--rental-prices", paramLabel = "FILE", description = "A rental-price table of your own (as "
            + "data/rental-prices.json) over the bundled one, for profiles without a price. Default: "
            + "~/.roofline-lab/rental-prices.json when it exists.")
    Path rentalPrices;
    @Option(names = "--json", description = "{\"limits\": …, \"candidates\": […], \"best\": …} in SI units and USD.")
    boolean json;
    @Option(names = "--csv", description = "One CSV row per candidate.")
    boolean csv;
    @Option(names = "--frontier", description = "Instead of the ranking: the latency-cost curve (batch 1 to the largest "
            + "that fits) of each of the --top cheapest configurations within the limits, as CSV.")
    boolean frontier;
    @Option(names = "--distinct", description = "Each device once, at its cheapest configuration (in the table, "
            + "JSON, CSV and --frontier).")
    boolean distinct;
    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows of the table (JSON and CSV list all). Default: ${DEFAULT-VALUE}.")
    int top;
    @Option(names = "--profiles", paramLabel = "DIR", description = "Extra folder of hardware profiles (repeatable).")
    List<Path> folders = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (json && csv) {
            throw new CommandLine.ParameterException(cl, "use either --json or --csv, not both");
        }
        if (frontier && json) {
            throw new CommandLine.ParameterException(cl, "--frontier writes CSV: leave out --json");
        }
        if (frontier && csv) {
            throw new CommandLine.ParameterException(cl, "--frontier writes CSV already: leave out --csv");
        }
        refuseIgnoredOwnedFlags(cl);
        ModelSpec model = model(cl);
        long input = (long) ScenarioOptions.value(cl, "--input-tokens", ScenarioLimits.PROMPT_TOKENS, inputTokens);
        long output = (long) ScenarioOptions.value(cl, "--output-tokens", ScenarioLimits.GENERATED_TOKENS, outputTokens);
        ScenarioLimits.Range share = new ScenarioLimits.Range("Cached input", 0, 0.99, false, "0.5");
        double cached = ScenarioOptions.value(cl, "--cached-input", share, cachedInput);
        double ttft = ScenarioOptions.limitSeconds(cl, "--ttft-ms", ttftMs, Double.POSITIVE_INFINITY, "500");
        double tpot = ScenarioOptions.limitSeconds(cl, "--tpot-ms", tpotMs, Double.POSITIVE_INFINITY, "50");
        int most = (int) ScenarioOptions.value(cl, "--max-gpus", new ScenarioLimits.Range("Max GPUs", 1, 64, true, "8"), maxGpus);
        if (top < 1) {
            throw new CommandLine.ParameterException(cl, "--top must be at least 1, got " + top);
        }
        // Every flag is checked before anything is said about the devices: a bad one is the only line printed.
        Speculation speculation = speculation(cl, model);
        usdPerKwh = ScenarioOptions.value(cl, "--electricity", ScenarioLimits.ELECTRICITY_USD_PER_KWH, electricity);
        RentalPriceLoader.Result rental = rentalPrices(cl);
        ScenarioOptions.checkProfileFolders(cl, folders);
        ProfileLoader.Result profiles = ProfileLoader.loadAll(folders);
        List<HardwareProfile> gpus = devices(cl, profiles);
        // Checked; now what is said about the inputs.
        profiles.problems().forEach(problem -> cl.getErr().println("roofline-lab: note: " + problem));
        if (ownedNote != null) {
            cl.getErr().println("roofline-lab: note: " + ownedNote);
        }
        rental.problems().forEach(problem -> cl.getErr().println("roofline-lab: note: " + problem));
        if (model.maxContextTokens() > 0 && input + output > model.maxContextTokens()) {
            cl.getErr().println(String.format(Locale.ROOT, "roofline-lab: note: %s takes at most %,d tokens of context; "
                    + "these requests have %,d", model.name(), model.maxContextTokens(), input + output));
        }
        gpus = priced(cl, rental, gpus);
        Planner.Limits limits = new Planner.Limits(input, output, cached, ttft, tpot);
        options = new Planner.Options(realistic, realistic ? ScenarioOptions.measuredRealism() : null, speculation,
                disaggregated);
        List<Planner.Candidate> ranked = Planner.plan(model, gpus, most, limits, options);
        print(cl, model, gpus, limits, ranked);
        return 0;
    }

    private Planner.Options options;
    private double usdPerKwh;
    private String ownedNote;

    /** Flags about an owned device without --owned-price would be ignored without a word: refused, named. */
    private void refuseIgnoredOwnedFlags(CommandLine cl) {
        if (ownedPrice != null) {
            return;
        }
        List<String> given = new ArrayList<>();
        for (String flag : List.of("--lifetime-years", "--power-watts")) {
            if (cl.getParseResult().hasMatchedOption(flag)) {
                given.add(flag);
            }
        }
        if (!given.isEmpty()) {
            throw new CommandLine.ParameterException(cl, String.join(" and ", given) + " only appl"
                    + (given.size() == 1 ? "ies" : "y") + " to an owned device: add --owned-price USD (and --gpus ID)");
        }
        if (!json && cl.getParseResult().hasMatchedOption("--electricity")) {
            throw new CommandLine.ParameterException(cl, "--electricity only applies to an owned device (--owned-price "
                    + "USD) or to --json's electricity cost per million tokens");
        }
    }

    /** The rental prices (--rental-prices, checked before it is read, or the user's own table). */
    private RentalPriceLoader.Result rentalPrices(CommandLine cl) {
        if (rentalPrices != null && (rentalPrices.toString().isBlank() || !Files.isRegularFile(rentalPrices))) {
            throw new CommandLine.ParameterException(cl, "--rental-prices: " + (rentalPrices.toString().isBlank()
                    ? "give a file name" : rentalPrices + " is not a file"));
        }
        // The user's own table (the app's Rental prices dialog writes it), unless a file is named.
        RentalPriceLoader.Result rental = RentalPriceLoader.load(
                rentalPrices != null ? rentalPrices : AppHome.rentalPricesFile());
        if (rentalPrices != null) {
            // A table named on the command line must read cleanly: its problems are errors, not notes.
            List<String> mine = RentalPriceLoader.read(rentalPrices).problems();
            if (!mine.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--rental-prices: " + mine.get(0)
                        + (mine.size() > 1 ? " (and " + (mine.size() - 1) + " more)" : ""));
            }
        }
        return rental;
    }

    /** The devices --gpus names (each once), or every profile; with --owned-price the one device at its hourly cost. */
    private List<HardwareProfile> devices(CommandLine cl, ProfileLoader.Result profiles) {
        List<HardwareProfile> gpus = new ArrayList<>();
        if (gpuIds == null) {
            gpus.addAll(profiles.profiles());
        } else {
            for (String id : gpuIds) {
                HardwareProfile g = profiles.find(id).orElseThrow(() -> new CommandLine.ParameterException(cl,
                        "--gpus: unknown accelerator '" + Units.shortened(id) + "' (see list-gpus)"));
                if (!gpus.contains(g)) {
                    gpus.add(g); // a device named twice is planned once
                }
            }
        }
        if (ownedPrice != null) {
            if (gpus.size() != 1) {
                throw new CommandLine.ParameterException(cl, "--owned-price: name the one device you own with --gpus ID");
            }
            OwnedHardware owned = new OwnedHardware(
                    ScenarioOptions.value(cl, "--owned-price", new ScenarioLimits.Range("Purchase price", 1, 1e8, false, "30000"), ownedPrice),
                    ScenarioOptions.value(cl, "--lifetime-years", new ScenarioLimits.Range("Lifetime", 0.1, 30, false, "4"), lifetimeYears),
                    ScenarioOptions.value(cl, "--power-watts", new ScenarioLimits.Range("Power", 0, 100_000, false, "700"), powerWatts),
                    usdPerKwh);
            double hourly = owned.usdPerHour();
            if (!ScenarioLimits.PRICE_USD_PER_HOUR.allows(hourly)) {
                throw new CommandLine.ParameterException(cl, "--owned-price: " + Units.usd(hourly) + " an hour is outside "
                        + "what a price may be ($0.01 to $10,000)");
            }
            ownedNote = gpus.get(0).id() + " owned: " + Units.usd(hourly) + " an hour";
            gpus.set(0, gpus.get(0).withPrice(hourly));
        }
        return gpus;
    }

    /** The devices with a price, from their profile or the rental table (which says so); none at all is an error. */
    private static List<HardwareProfile> priced(CommandLine cl, RentalPriceLoader.Result rental,
                                                List<HardwareProfile> devices) {
        List<HardwareProfile> gpus = new ArrayList<>(rental.prices().priced(devices));
        List<String> fromTable = gpus.stream().filter(g -> RentalPrices.tableSource(g).isPresent())
                .map(g -> {
                    RentalPrices.Rate r = rental.prices().find(g.id()).orElseThrow();
                    return g.id() + " " + Units.usd(r.usdPerHour()) + "/h (" + r.kind() + ", " + r.date() + ")";
                }).toList();
        if (!fromTable.isEmpty()) {
            cl.getErr().println("roofline-lab: note: priced from the rental table: " + String.join(", ", fromTable));
        }
        List<String> unpriced = gpus.stream().filter(g -> g.price().isEmpty()).map(HardwareProfile::id).toList();
        if (!unpriced.isEmpty() && unpriced.size() == gpus.size()) {
            throw new CommandLine.ParameterException(cl, "--gpus: nothing to rank, no price in the profile or the rental "
                    + "table for " + String.join(", ", unpriced) + " (give one with --rental-prices FILE, or --owned-price)");
        }
        if (!unpriced.isEmpty()) {
            cl.getErr().println("roofline-lab: note: skipped, no price in the profile or the rental table: " + String.join(", ", unpriced));
        }
        return gpus;
    }

    /** The ranking as asked: the frontier's curves, JSON, CSV or the table. */
    private void print(CommandLine cl, ModelSpec model, List<HardwareProfile> gpus, Planner.Limits limits,
                       List<Planner.Candidate> ranked) throws Exception {
        List<Planner.Candidate> shown = distinct ? Planner.distinctDevices(ranked) : ranked;
        if (frontier) {
            if (ranked.stream().noneMatch(Planner.Candidate::feasible)) {
                cl.getErr().println("roofline-lab: note: no configuration meets the limits: no curve to write "
                        + "(loosen --ttft-ms or --tpot-ms; plan without --frontier lists the nearest misses)");
            }
            cl.getOut().print(PlanOutput.frontierCsv(model, gpus, limits, options, shown, top));
        } else if (json) {
            cl.getOut().println(PlanOutput.json(model, limits, options, usdPerKwh, gpus, shown));
        } else if (csv) {
            cl.getOut().print(PlanOutput.csv(shown));
        } else {
            cl.getOut().print(PlanOutput.table(model, limits, options, ranked, top, distinct));
        }
    }

    /** --draft-model and its two numbers, or none. */
    private Speculation speculation(CommandLine cl, ModelSpec target) {
        if (draftModel == null || draftModel.strip().equalsIgnoreCase("none")) {
            if (cl.getParseResult().hasMatchedOption("--draft-tokens") || cl.getParseResult().hasMatchedOption("--acceptance")) {
                throw new CommandLine.ParameterException(cl, "--draft-tokens and --acceptance need --draft-model PRESET");
            }
            return Speculation.NONE;
        }
        ModelSpec draft = ModelPresets.find(draftModel).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--draft-model: unknown preset '" + Units.shortened(draftModel) + "' (see list-models)"));
        int k = (int) ScenarioOptions.value(cl, "--draft-tokens", new ScenarioLimits.Range("Draft tokens", 1,
                ScenarioLimits.DRAFT_TOKENS.max(), true, "4"), draftTokens);
        double a = ScenarioOptions.value(cl, "--acceptance", ScenarioLimits.ACCEPTANCE_RATE, acceptance);
        if (draft.totalParameters() >= target.totalParameters()) {
            cl.getErr().println("roofline-lab: note: the draft " + draft.name() + " is not smaller than " + target.name()
                    + ": speculative decoding only pays with a much smaller draft");
        }
        if (draft.vocabSize() > 0 && target.vocabSize() > 0 && draft.vocabSize() != target.vocabSize()) {
            cl.getErr().println("roofline-lab: note: the draft " + draft.name() + " has another vocabulary than "
                    + target.name() + " (" + String.format(Locale.ROOT, "%,d", draft.vocabSize()) + " and "
                    + String.format(Locale.ROOT, "%,d", target.vocabSize()) + " tokens): a draft must share the target's tokenizer");
        }
        return new Speculation(k, a, draft);
    }

    private ModelSpec model(CommandLine cl) {
        if (modelConfig != null && modelName != null) {
            throw new CommandLine.ParameterException(cl, "use either --model-config or --model, not both");
        }
        if (modelConfig != null) {
            try {
                ModelConfigLoader.Loaded loaded = ModelConfigLoader.read(modelConfig);
                loaded.notes().forEach(n -> cl.getErr().println("roofline-lab: note: " + n));
                return loaded.model();
            } catch (ModelConfigLoader.ModelConfigException e) {
                throw new CommandLine.ParameterException(cl, "--model-config: " + modelConfig + ": " + e.getMessage());
            }
        }
        String name = modelName == null ? "Llama-3.1-70B" : modelName;
        return ModelPresets.find(name).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--model: unknown preset '" + Units.shortened(name) + "' (see list-models)"));
    }
}
