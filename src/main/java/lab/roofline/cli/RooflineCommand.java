package lab.roofline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.Comparison;
import lab.roofline.engine.scenario.CurveCsv;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.io.BuildInfo;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.files.AtomicFiles;
import lab.roofline.io.scenario.ScenarioFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** `roofline-lab` with no arguments opens the app; the subcommands work with no display. */
@Command(name = "roofline-lab", mixinStandardHelpOptions = true, versionProvider = RooflineCommand.Version.class,
        description = "The economics of LLM inference on the roofline model.",
        subcommands = {RooflineCommand.Report.class, RooflineCommand.Compare.class, ExportCommand.class, PlanCommand.class, ExercisesCommand.class, LessonCommand.class,
                RooflineCommand.ListGpus.class,
                RooflineCommand.ListModels.class, CommandLine.HelpCommand.class})
public final class RooflineCommand {

    /** Runs the command line; bad flags print one line and return 2. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RooflineCommand());
        cl.setOut(out);
        cl.setErr(err);
        // No @file expansion: "report @/etc/passwd" would read any file and echo its lines in the error.
        cl.setExpandAtFiles(false);
        cl.registerConverter(Path.class, PathNames::of); // a name the locale cannot take: one line, no Java text
        cl.setParameterExceptionHandler((ex, a) -> {
            String badName = PathNames.message(ex);
            ex.getCommandLine().getErr().println("roofline-lab: " + printable(badName != null ? badName : ex.getMessage())
                    + " (see: roofline-lab " + commandName(ex.getCommandLine()) + "--help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            commandLine.getErr().println("roofline-lab: " + printable(message));
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        if (out.checkError() && code == 0) {
            // A full disk or a closed pipe: a script must not take an empty file for a report.
            err.println("roofline-lab: the output could not be written (disk full or pipe closed)");
            code = 1;
        }
        err.flush();
        return code;
    }

    /** One line without control characters (typed escapes, newlines): what reaches the terminal. */
    static String printable(String message) {
        String line = Units.oneLine(message);
        return line.length() > 1000 ? line.substring(0, 997) + "…" : line;
    }

    private static String commandName(CommandLine cl) {
        return cl.getParent() == null ? "" : cl.getCommandName() + " ";
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Print the prefill/decode cost of one scenario as a table, or JSON with --json.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        ScenarioOptions scenario;
        @Option(names = "--json", description = "Print JSON in SI units (FLOP, bytes, seconds, USD).")
        boolean json;
        @Option(names = "--save-scenario", paramLabel = "FILE",
                description = "Also write the scenario the flags describe to FILE (*.roofline.json), for the app or --scenario.")
        Path saveTo;
        @Option(names = "--curve-csv", paramLabel = "FILE",
                description = "Also write the batch curve (batch, tokens/s, utilization, step time, costs, memory) as CSV.")
        Path curveCsv;

        @Override
        public Integer call() throws IOException {
            checkOutputs();
            ProfileLoader.Result profiles = scenario.loadProfiles(spec);
            Scenario s = scenario.toScenario(spec, profiles);
            scenario.modelConfigNotes().forEach(n -> spec.commandLine().getErr().println("roofline-lab: note: " + n));
            if (saveTo != null) {
                save(scenario.profile(spec, profiles, scenario.toInputs(spec)));
            }
            Evaluation e = RooflineEngine.evaluate(s);
            if (curveCsv != null) {
                try {
                    AtomicFiles.writeString(curveCsv, ".roofline-csv-", CurveCsv.of(e));
                } catch (IOException failed) {
                    throw new IOException("--curve-csv: " + failed.getMessage(), failed);
                }
            }
            spec.commandLine().getOut().print(json ? ReportJson.render(e) + "\n" : ReportTable.render(e));
            return 0;
        }

        /**
         * Writes the inputs, with a copy of the profile when it is not a bundled one (the file travels): the
         * device as its profile describes it, never a what-if's scaled copy (the file's whatIf scales it).
         */
        private void save(HardwareProfile gpu) throws IOException {
            boolean bundled = ProfileLoader.isBundled(gpu);
            String file = saveTo.getFileName() == null ? "scenario" : saveTo.getFileName().toString();
            String name = file.endsWith(ScenarioFile.EXTENSION)
                    ? file.substring(0, file.length() - ScenarioFile.EXTENSION.length()) : file;
            // A --scenario file's name, note and pins are kept: only what the flags changed is new.
            NamedScenario read = scenario.document(spec);
            NamedScenario d = new NamedScenario(read != null && !read.name().isBlank() ? read.name() : name,
                    read == null ? "" : read.note(), scenario.toInputs(spec), bundled ? null : gpu,
                    read == null ? List.of() : read.pins(), scenario.importedModels());
            try {
                ScenarioFile.save(d, saveTo);
            } catch (IOException failed) {
                throw new IOException("--save-scenario: " + failed.getMessage(), failed);
            }
        }

        /** Each output named, its flag and the reason when it cannot or must not be written, before any work. */
        private void checkOutputs() {
            Map<String, Path> read = new LinkedHashMap<>();
            read.put("--scenario", scenario.scenarioFile);
            read.put("--model-config", scenario.modelConfig);
            if (saveTo != null) {
                OutputTargets.check(spec.commandLine(), "--save-scenario", saveTo, OutputTargets.Kind.SCENARIO, read,
                        scenario.scenarioFile);
            }
            if (curveCsv != null) {
                read.put("--save-scenario", saveTo);
                OutputTargets.check(spec.commandLine(), "--curve-csv", curveCsv, OutputTargets.Kind.CURVE_CSV, read, null);
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare scenario files side by side: every summary number, its ratio to the first, the best. "
                    + "A file's pinned scenarios follow its own.")
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files (*.roofline.json).")
        List<Path> files;
        @Option(names = "--json", description = "A JSON array of the objects report --json prints, each with its name.")
        boolean json;
        @Option(names = "--csv", description = "One CSV row per scenario (SI units, USD).")
        boolean csv;
        @Option(names = "--profiles", paramLabel = "DIR", description = "Extra folder of hardware profiles (repeatable).")
        List<Path> folders = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            if (json && csv) {
                throw new CommandLine.ParameterException(cl, "use either --json or --csv, not both");
            }
            ScenarioOptions.checkProfileFolders(cl, folders);
            ProfileLoader.Result profiles = ProfileLoader.loadAll(folders);
            profiles.problems().forEach(cl.getErr()::println);
            List<String> names = new ArrayList<>();
            List<Evaluation> evaluations = new ArrayList<>();
            RentalPrices rental = ScenarioOptions.loadRentalPrices(cl);
            for (Path file : files) {
                NamedScenario d;
                try {
                    d = ScenarioFile.read(file);
                } catch (ScenarioFile.ScenarioFileException e) {
                    throw new CommandLine.ParameterException(cl, e.getMessage());
                }
                ScenarioOptions.profileNote(file, "hardware", d.hardware(), profiles)
                        .ifPresent(n -> cl.getErr().println("roofline-lab: note: " + n));
                HardwareProfile gpu = d.profileAmong(profiles.profiles()).orElseThrow(() ->
                        new CommandLine.ParameterException(cl, file + ": field 'scenario.gpu': unknown accelerator '"
                                + Units.shortened(d.inputs().gpuId()) + "'"));
                evaluations.add(RooflineEngine.evaluate(ScenarioOptions.pricedSaying(cl, rental, d.inputs(),
                        d.inputs().toScenario(gpu, ScenarioOptions.realismFor(d.inputs()), d.modelOf(d.inputs())))));
                String name = d.name().isBlank() ? String.valueOf(file.getFileName()) : d.name();
                names.add(name);
                // A file that holds pins compares them too, each after its file's own scenario.
                for (int i = 0; i < d.pins().size(); i++) {
                    evaluations.add(RooflineEngine.evaluate(ScenarioOptions.pinScenario(cl, file, d, i, profiles, rental)));
                    names.add(name + " / " + d.pins().get(i).name());
                }
            }
            Comparison comparison = new Comparison(names, evaluations);
            PrintWriter out = cl.getOut();
            if (json) {
                ArrayNode array = ReportJson.mapper().createArrayNode();
                for (int i = 0; i < names.size(); i++) {
                    ObjectNode named = ReportJson.mapper().createObjectNode();
                    named.put("name", names.get(i));
                    named.setAll(ReportJson.tree(evaluations.get(i)));
                    array.add(named);
                }
                out.print(ReportJson.mapper().writeValueAsString(array) + "\n");
            } else if (csv) {
                out.print(comparison.csv());
            } else {
                out.print(comparison.markdown());
            }
            return 0;
        }
    }

    @Command(name = "list-gpus", mixinStandardHelpOptions = true, description = "List the hardware profiles.")
    static final class ListGpus implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--profiles", paramLabel = "DIR", description = "Extra folder of hardware profiles.")
        List<Path> folders = new ArrayList<>();

        @Override
        public Integer call() {
            ScenarioOptions.checkProfileFolders(spec.commandLine(), folders);
            ProfileLoader.Result result = ProfileLoader.loadAll(folders);
            result.problems().forEach(spec.commandLine().getErr()::println);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-16s %-40s %12s %10s %8s %9s%n", "ID", "NAME", "BF16 TFLOP/s", "TB/s", "GB",
                    "USD/hour");
            for (HardwareProfile p : result.profiles()) {
                Double bf16 = p.peakFlopsPerSecond().get(Precision.BF16);
                out.printf(Locale.ROOT, "%-16s %-40s %12s %10.2f %8.0f %9s%n", p.id(), p.name(),
                        bf16 == null ? "-" : String.format(Locale.ROOT, "%.1f", bf16 / 1e12), p.memoryBandwidthBytesPerSecond() / 1e12,
                        p.memoryCapacityBytes() / 1e9,
                        p.price().isPresent() ? String.format(Locale.ROOT, "%.2f", p.priceUsdPerHour()) : "-");
            }
            return 0;
        }
    }

    @Command(name = "list-models", mixinStandardHelpOptions = true, description = "List the model presets.")
    static final class ListModels implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-16s %8s %8s %7s %7s %6s %8s  %s%n", "NAME", "PARAMS", "ACTIVE", "LAYERS",
                    "HIDDEN", "HEADS", "KV HEADS", "SOURCE");
            for (ModelSpec m : ModelPresets.ALL) {
                out.printf(Locale.ROOT, "%-16s %8s %8s %7d %7d %6d %8d  %s%n", m.name(),
                        Units.parameterCount(m.totalParameters()), Units.parameterCount(m.activeParameters()),
                        m.layers(), m.hiddenSize(), m.attentionHeads(), m.kvHeads(), m.source());
            }
            return 0;
        }
    }

    /** --version: this build's version and date (BuildInfo), as the About dialog says. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"Roofline Lab " + build.version() + " (built " + build.built() + ")"};
        }
    }
}
