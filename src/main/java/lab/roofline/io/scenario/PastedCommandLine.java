package lab.roofline.io.scenario;

import java.util.List;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.engine.scenario.ScenarioInput;
import lab.roofline.engine.scenario.ScenarioInputs;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A `roofline-lab report` line pasted into the app (Edit ▸ Paste Command Line, File ▸ Open Command Line),
 * read by the same picocli options as the command line itself ({@link ScenarioFlags}), so a line copied
 * from the app or a terminal means the same scenario in both. Reading is strict and names what it could
 * not read; nothing is run.
 */
public final class PastedCommandLine {
    private PastedCommandLine() {
    }

    /** What a pasted line gave: the inputs, or why not. */
    public record Read(ScenarioInputs inputs, String error) {
        public boolean ok() {
            return error == null;
        }

        static Read refused(String why) {
            return new Read(null, why);
        }
    }

    /**
     * Reads a pasted line: `roofline-lab report` (or `java -jar roofline-lab.jar report`) is optional;
     * flags as `--batch 8` or `--batch=8`; quotes as a shell reads them. Flags it does not give keep the
     * defaults ({@link ScenarioInputs#DEFAULT}).
     *
     * @param measured the measured fractions, for an efficiency flag given with --realistic
     */
    public static Read read(String text, Realism measured) {
        List<String> words;
        try {
            words = ScenarioCommandLine.split(text.strip());
        } catch (IllegalArgumentException e) {
            return Read.refused(e.getMessage());
        }
        int first = 0;
        while (first < words.size() && !words.get(first).startsWith("--")) {
            if (!isProgramOrCommand(words.get(first))) {
                return Read.refused("'" + Units.shortened(words.get(first)) + "' is not a roofline-lab report flag "
                        + "(a line such as: roofline-lab report --gpu h100_sxm --batch 64)");
            }
            first++;
        }
        CommandLine flags = new CommandLine(ScenarioFlags.mixin());
        flags.setExpandAtFiles(false); // "@/etc/passwd" is a word, never a file to read
        ParseResult parsed;
        try {
            parsed = flags.parseArgs(words.subList(first, words.size()).toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            return Read.refused(e.getMessage() + " (the scenario flags of roofline-lab report: "
                    + ScenarioFlags.flagList() + ")");
        } catch (CommandLine.ParameterException e) {
            return Read.refused(e.getMessage());
        }
        try {
            ScenarioInputs in = ScenarioFlags.over(ScenarioInputs.DEFAULT, ScenarioFlags.typed(parsed), () -> measured);
            // The model is known here (a preset or a parameter count): the stages must fit its layers too.
            String layout = ScenarioLimits.parallelismProblem(in.gpuCount(), in.pipelineStages(),
                    ModelPresets.layersOf(in.presetName(), in.parameters()));
            if (layout != null) {
                return Read.refused(ScenarioInput.PIPELINE_STAGES.flag() + ": "
                        + layout.substring(layout.indexOf(": ") + 2));
            }
            return new Read(in, null);
        } catch (ScenarioFlags.FlagException e) {
            return Read.refused(e.getMessage());
        }
    }

    /** The words before the flags, however the program was started. */
    /** Whether text starts as a command line does (the program, a launcher's path, or java -jar), for a dialog's first guess. */
    public static boolean looksLikeOne(String text) {
        try {
            List<String> words = ScenarioCommandLine.split(text.strip());
            return !words.isEmpty() && !words.get(0).startsWith("--") && isProgramOrCommand(words.get(0));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isProgramOrCommand(String word) {
        return ScenarioCommandLine.COMMAND.contains(word) || word.equals("java") || word.equals("-jar")
                || word.endsWith(".jar") || word.endsWith("/" + ScenarioCommandLine.COMMAND.get(0));
    }
}
