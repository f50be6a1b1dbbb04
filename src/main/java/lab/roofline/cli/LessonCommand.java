package lab.roofline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.serving.RatioReference;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.teaching.Misconception;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.FileGroup;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.scenario.ExerciseFile;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.export.Handout;
import lab.roofline.render.theme.Theme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `lesson --html DIR`: the lesson as a handout for the scenario the flags describe (handout.html, with every
 * step's text and chart, the misconception cards and the exercises) and its answer key (answer-key.html).
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Write the lesson as a handout: every step with this scenario's numbers and chart, the "
                + "misconception cards and the exercises (handout.html), and the answer key (answer-key.html).")
final class LessonCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Option(names = "--html", required = true, paramLabel = "DIR",
            description = "The folder to write handout.html and answer-key.html into (made if missing); both are "
                    + "written or neither, and a page there that Roofline Lab did not write is not replaced without --force.")
    Path folder;
    @Option(names = "--force", description = "Replace a handout.html or answer-key.html in DIR that Roofline Lab did "
            + "not write (by default such a file is left alone and nothing is written).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (folder.toString().isBlank()) {
            throw new CommandLine.ParameterException(cl, "--html: give a folder");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(cl, "--html: " + RooflineCommand.printable(folder.toString())
                    + " is a file; name a folder");
        }
        ProfileLoader.Result profiles = scenario.loadProfiles(spec);
        Scenario s = scenario.toScenario(spec, profiles);
        scenario.modelConfigNotes().forEach(n -> cl.getErr().println("roofline-lab: note: " + n));
        Evaluation chosen = RooflineEngine.evaluate(s);
        List<RatioReference> references = RatioReference.forPrices(s.withBatchSize(1),
                BundledData.apiPrices(cl, "the handout"));
        Realism measured = BundledData.measuredRealismFor("the handout's exercises");
        ExerciseFile.Result exercises = ExerciseFile.loadAll(AppHome.exercisesDirectory(), profiles.profiles(), measured);
        exercises.problems().forEach(p -> cl.getErr().println("roofline-lab: note: " + p));
        // Every number is computed here; the toolkit only draws the charts.
        Map<ScenarioInputs, Evaluation> evaluated = new HashMap<>();
        Function<ScenarioInputs, Evaluation> evaluate = in -> evaluated.computeIfAbsent(in, i -> {
            HardwareProfile g = profiles.find(i.gpuId()).orElse(null);
            return g == null ? null : RooflineEngine.evaluate(i.toScenario(g, measured));
        });
        exercises.exercises().forEach(x -> evaluate.apply(x.scenario()));
        Misconception.BUILT_IN.forEach(m -> {
            evaluate.apply(m.before());
            evaluate.apply(m.after());
        });
        String commandLine = ScenarioCommandLine.of(scenario.toInputs(spec));
        List<Path> written;
        try {
            written = Handout.writeHeadless(chosen, references, commandLine, exercises.exercises(), evaluate,
                    Theme.LIGHT.stylesheets(), LocalDate.now().toString(), folder, force);
        } catch (FileGroup.NotOurs e) {
            throw new CommandLine.ParameterException(cl, "--html: " + RooflineCommand.printable(e.getMessage())
                    + " (add --force to replace it)");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "--html: " + RooflineCommand.printable(folder.toString())
                    + " cannot be written (" + IoReasons.of(e) + ")");
        }
        for (Path p : written) {
            cl.getOut().println("Wrote " + RooflineCommand.printable(p.toAbsolutePath().toString()));
        }
        return 0;
    }
}
