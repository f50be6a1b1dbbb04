package lab.roofline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.roofline.engine.Exercise;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.Units;
import lab.roofline.io.ProfileLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `exercises`: the built-in exercises, each a question whose answer the engine computes from its own
 * scenario; `--answers` adds the answers (for the teacher).
 */
@Command(name = "exercises", mixinStandardHelpOptions = true,
        description = "List the built-in exercises (questions with answers computed from their scenarios).")
final class ExercisesCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--answers", description = "Include the answers, their units and tolerances (for the teacher).")
    boolean answers;
    @Option(names = "--json", description = "As a JSON array of {id, text, quantity, unit, tolerance, scenario[, answer]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<HardwareProfile> profiles = ProfileLoader.loadAll(List.of()).profiles();
        lab.roofline.engine.Realism measured = ScenarioOptions.measuredRealism();
        CommandLine cl = spec.commandLine();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode all = mapper.createArrayNode();
            for (Exercise e : Exercise.BUILT_IN) {
                ObjectNode n = all.addObject();
                n.put("id", e.id());
                n.put("text", e.text());
                n.put("quantity", e.quantity().name().toLowerCase(Locale.ROOT));
                n.put("unit", e.quantity().unit());
                n.put("tolerance", e.relativeTolerance());
                n.put("scenario", lab.roofline.engine.ScenarioCommandLine.of(e.scenario()));
                if (answers) {
                    n.put("answer", e.answer(profile(profiles, e), measured));
                }
            }
            cl.getOut().println(mapper.writeValueAsString(all));
            return 0;
        }
        int i = 0;
        for (Exercise e : Exercise.BUILT_IN) {
            cl.getOut().printf(Locale.ROOT, "%2d. [%s] %s%n", ++i, e.id(), e.text());
            if (answers) {
                cl.getOut().printf(Locale.ROOT, "    answer: %s %s (accepted within %s)%n",
                        Units.sig3(e.answer(profile(profiles, e), measured)), e.quantity().unit(),
                        Units.percent(e.relativeTolerance()));
            }
        }
        return 0;
    }

    private static HardwareProfile profile(List<HardwareProfile> profiles, Exercise e) {
        return profiles.stream().filter(p -> p.id().equals(e.scenario().gpuId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("exercise " + e.id() + " names no loaded profile"));
    }
}
