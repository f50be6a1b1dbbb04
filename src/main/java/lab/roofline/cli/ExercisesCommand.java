package lab.roofline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.ExerciseHints;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.scenario.ExerciseFile;
import lab.roofline.io.data.ProfileLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `exercises`: questions whose answers the engine computes from each one's own scenario. The built-in ones
 * and a teacher's files in ~/.roofline-lab/exercises, or one file with {@code --file}; {@code --json} prints
 * them in the file format (a teacher starts from a copy), {@code --answers} adds the answers.
 */
@Command(name = "exercises", mixinStandardHelpOptions = true,
        description = "List exercises: the built-in ones and those in ~/.roofline-lab/exercises/*.json, or one file's.")
final class ExercisesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--file", paramLabel = "FILE", description = "Only the exercises of this file (the format --json prints).")
    Path file;
    @Option(names = "--answers", description = "Include the answers, their units and tolerances (for the teacher); with "
            + "--json an array of {id, text, answer, unit, tolerance}.")
    boolean answers;
    @Option(names = "--hints", description = "Include each exercise's hint: the formula with the scenario's values.")
    boolean hints;
    @Option(names = "--json", description = "In the exercise file's own format, to copy and edit.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ProfileLoader.Result loaded = ProfileLoader.loadAll(List.of());
        // A profile that did not load is said: an exercise on it has no answer, and says why.
        loaded.problems().forEach(p -> cl.getErr().println("roofline-lab: note: " + RooflineCommand.printable(p)));
        List<HardwareProfile> profiles = loaded.profiles();
        Realism measured = BundledData.measuredRealismFor("the exercises");
        List<Exercise> exercises;
        if (file != null) {
            List<Exercise> read;
            try {
                read = ExerciseFile.read(file); // its messages name the file
            } catch (ExerciseFile.ExerciseFileException e) {
                throw new CommandLine.ParameterException(cl, "--file: " + e.getMessage());
            }
            try {
                exercises = ExerciseFile.checked(read, List.of(), profiles, measured);
            } catch (ExerciseFile.ExerciseFileException e) {
                throw new CommandLine.ParameterException(cl, "--file: " + RooflineCommand.printable(file.toString()) + ": "
                        + e.getMessage());
            }
        } else {
            ExerciseFile.Result all = ExerciseFile.loadAll(AppHome.exercisesDirectory(), profiles, measured);
            all.problems().forEach(p -> cl.getErr().println("roofline-lab: note: " + p));
            exercises = all.exercises();
        }
        if (json && answers) {
            cl.getOut().println(answersJson(exercises, profiles, measured));
            return 0;
        }
        if (json) {
            cl.getOut().print(ExerciseFile.toJson(exercises));
            return 0;
        }
        int i = 0;
        for (Exercise e : exercises) {
            cl.getOut().printf(Locale.ROOT, "%2d. [%s] %s%n", ++i, e.id(), Units.oneLine(e.text()));
            if (hints) {
                cl.getOut().printf(Locale.ROOT, "    hint: %s%n", hint(e, profiles, measured).replace("\n", "\n          "));
            }
            if (answers && ExerciseFile.profile(e, profiles) == null) {
                cl.getOut().printf(Locale.ROOT, "    answer: %s%n", notComputed(e));
            } else if (answers) {
                cl.getOut().printf(Locale.ROOT, "    answer: %s (accepted within %s)%n",
                        e.answerText(e.evaluate(ExerciseFile.profile(e, profiles), measured)),
                        Units.percent(e.relativeTolerance()));
            }
        }
        return 0;
    }

    /** The exercises with their answers (and hints) as JSON; an exercise whose accelerator did not load says so. */
    private String answersJson(List<Exercise> exercises, List<HardwareProfile> profiles, Realism measured)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode out = mapper.createArrayNode();
        for (Exercise e : exercises) {
            ObjectNode n = out.addObject();
            n.put("id", e.id());
            n.put("text", e.text());
            HardwareProfile gpu = ExerciseFile.profile(e, profiles);
            if (gpu == null) {
                n.putNull("answer");
                n.put("problem", notComputed(e));
            } else {
                n.put("answer", e.answer(gpu, measured));
            }
            n.put("unit", e.quantity().unit());
            n.put("tolerance", e.relativeTolerance());
            if (hints) {
                n.put("hint", hint(e, profiles, measured));
            }
        }
        return mapper.writeValueAsString(out);
    }

    private static String hint(Exercise e, List<HardwareProfile> profiles, Realism measured) {
        HardwareProfile gpu = ExerciseFile.profile(e, profiles);
        return gpu == null ? notComputed(e) : ExerciseHints.of(e, e.evaluate(gpu, measured)).text();
    }

    /** An exercise whose accelerator did not load (its profile broken or gone): said, never a null pointer. */
    private static String notComputed(Exercise e) {
        return "not computed: accelerator '" + Units.shortened(e.scenario().gpuId()) + "' is not loaded";
    }
}
