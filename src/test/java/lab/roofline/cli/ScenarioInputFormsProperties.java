package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.ScenarioArbitraries;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.engine.scenario.ScenarioInput;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.scenario.PastedCommandLine;
import lab.roofline.io.scenario.ScenarioFile;
import lab.roofline.io.scenario.ScenarioSettings;
import lab.roofline.io.scenario.Settings;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/**
 * Every row of the table of scenario inputs survives each of the four forms it is written in: a scenario
 * file, the saved settings, the flags printed and read back by the `report` command's picocli options, and
 * the same line pasted into the app. A failure names the form and the input.
 */
class ScenarioInputFormsProperties {
    @Provide
    Arbitrary<ScenarioInputs> inputs() {
        return ScenarioArbitraries.inputs(List.of("h100_sxm", "h200_sxm", "mi300x", "t4", "b200"));
    }

    @Property(tries = 300)
    void everyInputSurvivesEveryForm(@ForAll("inputs") ScenarioInputs in) throws Exception {
        sameInEveryInput("file", in, ScenarioFile.parse(ScenarioFile.toJson(new NamedScenario("n", "", in, null))).inputs());

        Settings settings = Settings.load(Path.of("/nonexistent", "settings.properties")); // never saved
        ScenarioSettings.write(settings, in);
        List<String> notes = new ArrayList<>();
        sameInEveryInput("settings", in, ScenarioSettings.read(settings, notes));
        assertThat(notes).as("settings notes").isEmpty();

        String line = ScenarioCommandLine.of(in);
        sameInEveryInput("flags of `report` (" + line + ")", in, reportInputs(line));

        PastedCommandLine.Read pasted = PastedCommandLine.read(line, Realism.IDEAL);
        assertThat(pasted.error()).as("pasted " + line).isNull();
        sameInEveryInput("pasted line (" + line + ")", in, pasted.inputs());
    }

    /** The generator gives every input values other than its default, so the property covers each row. */
    @Example
    void everyInputIsVariedByTheGenerator() {
        Set<ScenarioInput> varied = EnumSet.noneOf(ScenarioInput.class);
        inputs().sampleStream().limit(2_000).forEach(in -> {
            for (ScenarioInput input : ScenarioInput.values()) {
                if (input.differsFromDefault(in)) {
                    varied.add(input);
                }
            }
        });
        assertThat(varied).containsExactlyInAnyOrder(ScenarioInput.values());
    }

    /** The inputs the `report` command reads from these flags, through its own options (nothing is run). */
    private static ScenarioInputs reportInputs(String printed) {
        List<String> words = new ArrayList<>(ScenarioCommandLine.split(printed));
        assertThat(words.subList(0, 2)).isEqualTo(ScenarioCommandLine.COMMAND);
        words.remove(0); // the program; "report" names the command
        CommandLine.ParseResult parsed = new CommandLine(new RooflineCommand()).parseArgs(words.toArray(String[]::new));
        CommandLine report = parsed.subcommand().commandSpec().commandLine();
        RooflineCommand.Report command = report.getCommand();
        return command.scenario.toInputs(command.spec);
    }

    private static void sameInEveryInput(String form, ScenarioInputs expected, ScenarioInputs actual) {
        for (ScenarioInput input : ScenarioInput.values()) {
            assertThat(input.valueIn(actual)).as(form + ": " + input).isEqualTo(input.valueIn(expected));
        }
        assertThat(actual).as(form).isEqualTo(expected);
    }
}
