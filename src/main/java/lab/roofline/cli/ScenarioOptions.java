package lab.roofline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInput;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.io.data.ModelConfigLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RentalPriceLoader;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.data.RealismLoader;
import lab.roofline.io.scenario.ScenarioFile;
import lab.roofline.io.scenario.ScenarioFlags;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The scenario flags shared by `report`, `export` and `lesson`: the table's (io.ScenarioFlags, one option per
 * engine.scenario.ScenarioInput, added to each command by {@link WithScenarioFlags}) and the files a scenario
 * is read from (a --scenario file, a --model-config, --profiles folders).
 */
@Command(modelTransformer = ScenarioOptions.WithScenarioFlags.class)
public final class ScenarioOptions {
    /** Adds the scenario flags to a command that takes these options, before anything is parsed. */
    public static final class WithScenarioFlags implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            command.addMixin("scenarioFlags", ScenarioFlags.mixin());
            return command;
        }
    }

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "A Hugging Face config.json (Llama, Mistral, Mixtral, Qwen2/3, Qwen3-MoE, Gemma 2/3, "
                    + "DeepSeek-V2/V3, gpt-oss): its architecture, with the parameters computed from the shapes.")
    Path modelConfig;

    /** The model --model-config read, and what it did not read. */
    private ModelConfigLoader.Loaded imported;

    @Option(names = "--profiles", paramLabel = "DIR", description = "Extra folder of hardware profiles (repeatable).")
    List<Path> profileFolders = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Start from a scenario file (*.roofline.json); the other flags given override its values.")
    Path scenarioFile;

    /** The scenario file read by {@link #toInputs}, when one was given. */
    private NamedScenario document;
    /** The inputs {@link #toInputs} last gave, and the flags typed: for the notes. */
    private ScenarioInputs inputs;
    private Map<ScenarioInput, String> typedFlags = Map.of();
    /** Said once each: a file's own profile copy used over a differing loaded one. */
    private final List<String> profileNotes = new ArrayList<>();
    /** The pins' notes said so far: a pin evaluated twice (checked, then drawn) says its note once. */
    private final Set<String> pinNotesSaid = new HashSet<>();

    /** Loads profiles, reporting skipped files on stderr. */
    ProfileLoader.Result loadProfiles(CommandSpec spec) {
        checkProfileFolders(spec.commandLine(), profileFolders);
        ProfileLoader.Result result = ProfileLoader.loadAll(profileFolders);
        result.problems().forEach(p -> spec.commandLine().getErr().println("roofline-lab: note: " + RooflineCommand.printable(p)));
        return result;
    }

    /** Builds the scenario, or throws a ParameterException naming the bad flag (or the file's bad field). */
    Scenario toScenario(CommandSpec spec, ProfileLoader.Result profiles) {
        ScenarioInputs in = toInputs(spec);
        HardwareProfile gpu = profile(spec, profiles, in);
        // Every pin is checked whether this command shows it or not: a file one command takes, all take.
        for (int i = 0; i < pins(spec).size(); i++) {
            pinScenario(spec, profiles, i);
        }
        try {
            Scenario s = in.toScenario(gpu, realismFor(in), model(in));
            return in.priceUsdPerHour() != null ? s : pricedSaying(spec.commandLine(), rentalPrices(spec.commandLine()), in, s);
        } catch (IllegalArgumentException e) {
            // Only the model can refuse now: more pipeline stages than it has layers. Name where each came from.
            String stages = given(spec, ScenarioInput.PIPELINE_STAGES) ? ScenarioInput.PIPELINE_STAGES.flag()
                    : scenarioFile + ": field 'scenario.pipelineStages'";
            String model = imported != null ? "--model-config" : given(spec, ScenarioInput.PARAMETERS)
                    ? ScenarioInput.PARAMETERS.flag() : given(spec, ScenarioInput.MODEL) ? ScenarioInput.MODEL.flag()
                    : document != null ? "the scenario file's model" : "the default model";
            throw new CommandLine.ParameterException(spec.commandLine(), stages + " with " + model + ": "
                    + e.getMessage().replaceFirst("^Pipeline stages: ", ""));
        }
    }

    /** The rental table (bundled, with the user's rows over it), read once per command; its problems said then. */
    RentalPrices rentalPrices(CommandLine cl) {
        if (rental == null) {
            rental = loadRentalPrices(cl);
        }
        return rental;
    }

    private RentalPrices rental;

    /** Reads the rental table, saying its problems. */
    static RentalPrices loadRentalPrices(CommandLine cl) {
        RentalPriceLoader.Result loaded = RentalPriceLoader.load(AppHome.rentalPricesFile());
        loaded.problems().forEach(problem -> cl.getErr().println("roofline-lab: note: " + problem));
        return loaded.prices();
    }

    /**
     * The one price rule, as in the window and the planner ({@link RentalPrices#priced}); when the rental
     * table gives the scenario's price, a note says so.
     */
    static Scenario pricedSaying(CommandLine cl, RentalPrices rental, ScenarioInputs in, Scenario s) {
        if (in.priceUsdPerHour() == null) {
            rental.rateFor(s.gpu()).ifPresent(r -> cl.getErr().println("roofline-lab: note: " + s.gpu().name() + ": "
                    + r.describe() + " (--price-per-hour sets another)"));
        }
        return rental.priced(s, in.priceUsdPerHour() != null);
    }

    /** The model the inputs name: --model-config's, the --scenario file's imported one, a preset or a count. */
    ModelSpec model(ScenarioInputs in) {
        if (imported != null) {
            return imported.model();
        }
        return document != null ? document.modelOf(in) : new NamedScenario("", "", in, null).modelOf(in);
    }

    /** The imported models a document saved now carries: the file's, with --model-config's over one of its name. */
    List<ModelSpec> importedModels() {
        List<ModelSpec> models = new ArrayList<>(document == null ? List.of() : document.models());
        if (imported != null) {
            models.removeIf(m -> m.name().equalsIgnoreCase(imported.model().name()));
            models.add(imported.model());
        }
        return models;
    }

    /**
     * A scenario file's pin as a scenario, on its own profile: a loaded one, else the copy the file carries;
     * a pin whose GPU is neither is refused, naming the file and its field.
     */
    static Scenario pinScenario(CommandLine cl, Path file, NamedScenario d, int index, ProfileLoader.Result profiles,
                                RentalPrices rental) {
        NamedScenario.Pinned pin = d.pins().get(index);
        profileNote(file, "pins[" + index + "].hardware", pin.hardware(), profiles)
                .filter(n -> !pin.hardware().equals(d.hardware())) // the document's own copy: said with it
                .ifPresent(n -> cl.getErr().println("roofline-lab: note: " + n));
        return pinOnItsProfile(cl, file, d, index, profiles, rental);
    }

    /** The pin as a scenario, saying nothing (see {@link #pinScenario}). */
    private static Scenario pinOnItsProfile(CommandLine cl, Path file, NamedScenario d, int index,
                                            ProfileLoader.Result profiles, RentalPrices rental) {
        NamedScenario.Pinned pin = d.pins().get(index);
        HardwareProfile gpu = pin.profileAmong(profiles.profiles()).orElseThrow(() ->
                new CommandLine.ParameterException(cl, file + ": field 'pins[" + index
                        + "].scenario.gpu': unknown accelerator '" + Units.shortened(pin.inputs().gpuId()) + "'"));
        try {
            return rental.priced(pin.inputs().toScenario(gpu, realismFor(pin.inputs()), d.modelOf(pin.inputs())),
                    pin.inputs().priceUsdPerHour() != null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, file + ": field 'pins[" + index + "].scenario.pipelineStages': "
                    + e.getMessage().replaceFirst("^Pipeline stages: ", ""));
        }
    }

    /**
     * The --scenario file's pin at an index as a scenario (see {@link #pinScenario}); its own profile's note is
     * said once however often the pin is evaluated, and left to the scenario's only when that one was said.
     */
    Scenario pinScenario(CommandSpec spec, ProfileLoader.Result profiles, int index) {
        NamedScenario d = document(spec);
        HardwareProfile carried = d.pins().get(index).hardware();
        boolean saidWithTheScenario = carried != null && carried.equals(d.hardware()) && !profileNotes.isEmpty();
        profileNote(scenarioFile, "pins[" + index + "].hardware", carried, profiles)
                .filter(n -> !saidWithTheScenario && pinNotesSaid.add(n))
                .ifPresent(n -> spec.commandLine().getErr().println("roofline-lab: note: " + n));
        return pinOnItsProfile(spec.commandLine(), scenarioFile, d, index, profiles, rentalPrices(spec.commandLine()));
    }

    /** The --scenario file as read, or null without one. */
    NamedScenario document(CommandSpec spec) {
        toInputs(spec);
        return document;
    }

    /** The scenario file's pins as read (none without a file). */
    List<NamedScenario.Pinned> pins(CommandSpec spec) {
        toInputs(spec);
        return document == null ? List.of() : document.pins();
    }

    /** The profile the inputs name: a loaded one, else the scenario file's embedded copy. */
    HardwareProfile profile(CommandSpec spec, ProfileLoader.Result profiles, ScenarioInputs in) {
        CommandLine cl = spec.commandLine();
        Optional<HardwareProfile> found = profiles.find(in.gpuId());
        boolean typed = given(spec, ScenarioInput.GPU);
        // --gpu naming the file's own device again is that device: the file's copy of it still wins.
        boolean filesDevice = document != null && (!typed || in.gpuId().equalsIgnoreCase(document.inputs().gpuId()));
        if (filesDevice && (found.isEmpty() || document.hardware() != null)) {
            // The file's own copy wins: it is what the file's numbers were made with.
            found = document.profileAmong(profiles.profiles());
            profileNote(scenarioFile, "hardware", document.hardware(), profiles).ifPresent(profileNotes::add);
        }
        String known = profiles.profiles().stream().map(HardwareProfile::id).collect(Collectors.joining(", "));
        if (found.isEmpty() && !typed && document == null) { // not a flag the user gave: the default's profile broke
            throw new CommandLine.ParameterException(cl, "the default accelerator '" + Units.shortened(in.gpuId())
                    + "' is not loaded (see the note above): choose one with --gpu ID (see list-gpus)");
        }
        return found.orElseThrow(() -> new CommandLine.ParameterException(cl, (typed || document == null
                ? ScenarioInput.GPU.flag() : scenarioFile + ": field 'scenario.gpu'")
                + ": unknown accelerator '" + Units.shortened(in.gpuId()) + "' (known: " + known + ")"));
    }

    /**
     * A note when a file's own copy of a profile differs from the loaded profile of that id: the copy is used,
     * and the reader is told so.
     */
    static Optional<String> profileNote(Path file, String at, HardwareProfile carried, ProfileLoader.Result profiles) {
        return NamedScenario.differingLoaded(carried, profiles.profiles()).map(loaded -> file + ": field '" + at
                + "': the file's own copy of profile '" + carried.id() + "' differs from the loaded one with that id; "
                + "the file's copy is used");
    }

    /** The measured fractions, read only when the inputs use them ("realistic"); else the ideal roofline's. */
    static Realism realismFor(ScenarioInputs in) {
        return in.realism() == RealismMode.REALISTIC ? measuredRealism() : Realism.IDEAL;
    }

    /**
     * The inputs as chosen: the scenario file's (when --scenario is given) with every flag the user typed
     * put over them; without a file, the flags over the defaults. What --save-scenario writes.
     */
    ScenarioInputs toInputs(CommandSpec spec) {
        CommandLine cl = spec.commandLine();
        if (scenarioFile != null && document == null) {
            try {
                document = ScenarioFile.read(scenarioFile);
            } catch (ScenarioFile.ScenarioFileException e) {
                throw new CommandLine.ParameterException(cl, "--scenario: " + e.getMessage());
            }
        }
        Map<ScenarioInput, String> typed = ScenarioFlags.typed(cl.getParseResult());
        try {
            ScenarioFlags.checkModelFlags(typed);
            boolean modelTyped = typed.containsKey(ScenarioInput.MODEL) || typed.containsKey(ScenarioInput.PARAMETERS);
            if (modelConfig != null && modelTyped) {
                throw new CommandLine.ParameterException(cl, "use either --model-config or "
                        + ScenarioInput.MODEL.flag() + "/" + ScenarioInput.PARAMETERS.flag() + ", not both");
            }
            if (modelConfig != null && imported == null) {
                imported = ModelConfigLoader.read(modelConfig);
                // Named like a preset, it would be saved (and reopened) as the preset: "… (imported)", as the app.
                if (ModelPresets.find(imported.model().name()).isPresent()) {
                    imported = new ModelConfigLoader.Loaded(imported.model().withName(imported.model().name()
                            + " (imported)"), imported.notes(), imported.text());
                }
            }
            ScenarioInputs base = document == null ? ScenarioInputs.DEFAULT : document.inputs();
            ScenarioInputs in = ScenarioFlags.over(base, typed, ScenarioOptions::measuredRealism);
            typedFlags = typed;
            inputs = imported == null ? in : in.withModel(imported.model().name(), imported.model().totalParameters());
            return inputs;
        } catch (ScenarioFlags.FlagException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        } catch (ModelConfigLoader.ModelConfigException e) {
            throw new CommandLine.ParameterException(cl, "--model-config: " + modelConfig + ": " + e.getMessage());
        }
    }

    /**
     * Notes for stderr: what --model-config did not read (keys, the vision encoder, quantization), a file's
     * own profile used over a differing loaded one, and what a typed flag dropped or left meaningless
     * ({@link FlagNotes}), never dropped silently.
     */
    List<String> modelConfigNotes() {
        List<String> notes = new ArrayList<>(imported == null ? List.of() : imported.notes());
        profileNotes.stream().distinct().forEach(notes::add);
        if (inputs != null) {
            notes.addAll(FlagNotes.of(scenarioFile, document, typedFlags, inputs));
        }
        return notes;
    }

    /** Whether the user typed this input's flag. */
    private static boolean given(CommandSpec spec, ScenarioInput input) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(input.flag());
    }

    /** Each --profiles names an existing folder: a typo is a bad flag, not a silently empty source. */
    static void checkProfileFolders(CommandLine cl, List<Path> folders) {
        for (Path folder : folders) {
            if (folder.toString().isBlank()) {
                throw new CommandLine.ParameterException(cl, "--profiles: empty folder name");
            }
            if (!Files.exists(folder)) {
                throw new CommandLine.ParameterException(cl, "--profiles: the folder " + folder + " does not exist");
            }
            if (!Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(cl, "--profiles: " + folder + " is a file, not a folder");
            }
        }
    }

    /** The measured fractions; with none to read, --realistic fails rather than silently meaning ideal. */
    static Realism measuredRealism() {
        if (measured == null) { // read once: a compare of many realistic files reads it once
            measured = measuredRealism(RealismLoader.loadBundled());
        }
        return measured;
    }

    private static Realism measured;

    static Realism measuredRealism(RealismLoader.Result loaded) {
        if (loaded.realism() == Realism.IDEAL) {
            throw new IllegalStateException("--realistic: the measured fractions could not be read ("
                    + String.join("; ", loaded.problems()) + ")");
        }
        return loaded.realism();
    }

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

    /** Parses a flag's text by the input's limits; a bad value names the flag and says why. */
    static double value(CommandLine cl, String flag, ScenarioLimits.Range range, String text) {
        ScenarioLimits.Parsed parsed = range.parse(text);
        if (!parsed.ok()) {
            throw new CommandLine.ParameterException(cl, flag + ": " + parsed.reason());
        }
        return parsed.value();
    }
}
