package lab.roofline.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioLimits;
import lab.roofline.engine.roofline.Speculation;
import lab.roofline.engine.roofline.Units;

/**
 * A scenario as the `roofline-lab report` flags that reproduce it, to paste into a terminal, a ticket or
 * a chat, and such a line read back (the app's Paste Command Line). The two are inverse: reading what
 * {@link #of} wrote gives the same inputs. Reading is strict and names what it could not read.
 */
public final class ScenarioCommandLine {
    /** The program and the command a printed line starts with. */
    public static final List<String> COMMAND = List.of("roofline-lab", "report");

    private ScenarioCommandLine() {
    }

    /** What a pasted line gave: the inputs, or why not. */
    public record Parsed(ScenarioInputs inputs, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** The exact flags, in the table's order; numbers written so they read back to the same double. */
    public static String of(ScenarioInputs in) {
        List<String> words = new ArrayList<>(COMMAND);
        for (ScenarioInput input : ScenarioInput.values()) {
            if (input.printedFor(in)) {
                words.add(input.flag());
                if (!input.isSwitch()) {
                    words.add(input.print(input.valueIn(in)));
                }
            }
        }
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            line.append(line.length() == 0 ? "" : " ").append(quoted(w));
        }
        return line.toString();
    }

    /**
     * Reads a pasted line: `roofline-lab report` (or `java -jar roofline-lab.jar report`) is optional;
     * flags as `--batch 8` or `--batch=8`; quotes as a shell reads them. Flags it does not give keep the
     * command line's defaults.
     *
     * @param measured the measured fractions, for an efficiency flag given with --realistic
     */
    public static Parsed parse(String text, Realism measured) {
        List<String> words;
        try {
            words = split(text.strip());
        } catch (IllegalArgumentException e) {
            return new Parsed(null, e.getMessage());
        }
        int i = 0;
        // The program and the command, however it was started.
        while (i < words.size() && !words.get(i).startsWith("--")) {
            String w = words.get(i);
            if (!(w.equals("roofline-lab") || w.equals("report") || w.equals("java") || w.equals("-jar")
                    || w.endsWith(".jar") || w.endsWith("/roofline-lab"))) {
                return new Parsed(null, "'" + Units.shortened(w) + "' is not a roofline-lab report flag "
                        + "(a line such as: roofline-lab report --gpu h100_sxm --batch 64)");
            }
            i++;
        }
        ScenarioInputs d = ScenarioInputs.DEFAULT;
        String gpu = d.gpuId();
        String preset = d.presetName();
        double parameters = d.parameters();
        boolean modelGiven = false;
        Precision precision = d.precision();
        Precision kv = d.kvPrecision();
        boolean weightOnly = false;
        boolean quantizedTables = false;
        ModelSpec draft = null;
        int draftTokens = 4;
        double acceptance = 0.7;
        double batch = d.batchSize();
        double prompt = d.promptTokens();
        double output = d.generatedTokens();
        double gpus = 1;
        boolean realistic = false;
        Double compute = null;
        Double bandwidth = null;
        Double overhead = null;
        int stages = 1;
        Double price = null;
        double[] scale = {1, 1, 1}; // bandwidth, peak, memory
        java.util.Set<String> given = new java.util.HashSet<>();
        for (; i < words.size(); i++) {
            String flag = words.get(i);
            String value = null;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            }
            if (flag.equals("--weight-only") || flag.equals("--realistic") || flag.equals("--quantize-embeddings")) {
                if (value != null) {
                    return new Parsed(null, flag + " takes no value");
                }
                if (flag.equals("--weight-only")) {
                    weightOnly = true;
                } else if (flag.equals("--quantize-embeddings")) {
                    quantizedTables = true;
                } else {
                    realistic = true;
                }
                continue;
            }
            if (!flag.startsWith("--")) {
                return new Parsed(null, "'" + Units.shortened(flag) + "' is not a flag");
            }
            if (value == null) {
                if (i + 1 >= words.size()) {
                    return new Parsed(null, flag + " needs a value");
                }
                value = words.get(++i);
            }
            if (!given.add(flag)) {
                return new Parsed(null, flag + " is given twice");
            }
            ScenarioLimits.Parsed number;
            switch (flag) {
                case "--gpu" -> gpu = value.strip();
                case "--model" -> {
                    ModelSpec m = ModelPresets.find(value).orElse(null);
                    if (m == null) {
                        return new Parsed(null, "--model: unknown preset '" + Units.shortened(value) + "'");
                    }
                    if (modelGiven) {
                        return new Parsed(null, "use either --model or --params, not both");
                    }
                    modelGiven = true;
                    preset = m.name();
                    parameters = m.totalParameters();
                }
                case "--params" -> {
                    if (modelGiven) {
                        return new Parsed(null, "use either --model or --params, not both");
                    }
                    number = ScenarioLimits.PARAMETERS.parse(value);
                    if (!number.ok()) {
                        return new Parsed(null, "--params: " + number.reason());
                    }
                    modelGiven = true;
                    preset = null;
                    parameters = number.value();
                }
                case "--precision", "--kv-precision" -> {
                    Precision p = Precision.parse(value).orElse(null);
                    if (p == null) {
                        return new Parsed(null, flag + ": '" + Units.shortened(value) + "' is not a precision (use "
                                + Precision.acceptedKeys() + ")");
                    }
                    if (flag.equals("--precision")) {
                        precision = p;
                    } else {
                        kv = p;
                    }
                }
                case "--batch", "--prompt", "--output", "--gpus", "--compute-efficiency", "--bandwidth-efficiency",
                     "--pipeline-stages", "--layer-overhead-us" -> {
                    ScenarioLimits.Range range = switch (flag) {
                        case "--batch" -> ScenarioLimits.BATCH;
                        case "--prompt" -> ScenarioLimits.PROMPT_TOKENS;
                        case "--output" -> ScenarioLimits.GENERATED_TOKENS;
                        case "--gpus" -> ScenarioLimits.GPU_COUNT;
                        case "--pipeline-stages" -> ScenarioLimits.PIPELINE_STAGES;
                        case "--layer-overhead-us" -> ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS;
                        case "--compute-efficiency" -> ScenarioLimits.COMPUTE_EFFICIENCY;
                        default -> ScenarioLimits.BANDWIDTH_EFFICIENCY;
                    };
                    number = range.parse(value);
                    if (!number.ok()) {
                        return new Parsed(null, flag + ": " + number.reason());
                    }
                    switch (flag) {
                        case "--batch" -> batch = number.value();
                        case "--prompt" -> prompt = number.value();
                        case "--output" -> output = number.value();
                        case "--gpus" -> gpus = number.value();
                        case "--pipeline-stages" -> stages = (int) number.value();
                        case "--layer-overhead-us" -> overhead = number.value();
                        case "--compute-efficiency" -> compute = number.value();
                        default -> bandwidth = number.value();
                    }
                }
                case "--bandwidth-scale", "--peak-scale", "--memory-scale" -> {
                    int which = flag.equals("--bandwidth-scale") ? 0 : flag.equals("--peak-scale") ? 1 : 2;
                    number = new ScenarioLimits.Range[] {ScenarioLimits.BANDWIDTH_SCALE, ScenarioLimits.PEAK_SCALE,
                            ScenarioLimits.MEMORY_SCALE}[which].parse(value);
                    if (!number.ok()) {
                        return new Parsed(null, flag + ": " + number.reason());
                    }
                    scale[which] = number.value();
                }
                case "--draft-model" -> {
                    draft = ModelPresets.find(value).orElse(null);
                    if (draft == null) {
                        return new Parsed(null, "--draft-model: unknown preset '" + Units.shortened(value) + "'");
                    }
                }
                case "--draft-tokens" -> {
                    number = new ScenarioLimits.Range("Draft tokens", 1, ScenarioLimits.DRAFT_TOKENS.max(), true, "4").parse(value);
                    if (!number.ok()) {
                        return new Parsed(null, "--draft-tokens: " + number.reason());
                    }
                    draftTokens = (int) number.value();
                }
                case "--acceptance" -> {
                    number = ScenarioLimits.ACCEPTANCE_RATE.parse(value);
                    if (!number.ok()) {
                        return new Parsed(null, "--acceptance: " + number.reason());
                    }
                    acceptance = number.value();
                }
                case "--price-per-hour" -> {
                    if (value.strip().equalsIgnoreCase("none")) {
                        price = Double.NaN;
                    } else {
                        number = ScenarioLimits.PRICE_USD_PER_HOUR.parse(value);
                        if (!number.ok()) {
                            return new Parsed(null, "--price-per-hour: " + number.reason());
                        }
                        price = number.value();
                    }
                }
                default -> {
                    return new Parsed(null, "unknown flag " + Units.shortened(flag) + " (the scenario flags of "
                            + "roofline-lab report: --gpu, --gpus, --model, --params, --precision, --kv-precision, "
                            + "--weight-only, --quantize-embeddings, --batch, --prompt, --output, --compute-efficiency, "
                            + "--bandwidth-efficiency, --layer-overhead-us, --realistic, --price-per-hour, --pipeline-stages, "
                            + "--bandwidth-scale, --peak-scale, --memory-scale, --draft-model, --draft-tokens, --acceptance)");
                }
            }
        }
        if (weightOnly && precision.bytesPerValue() >= Precision.BF16.bytesPerValue()) {
            return new Parsed(null, "--weight-only needs weights narrower than BF16, got " + precision.label());
        }
        if (draft == null && (given.contains("--draft-tokens") || given.contains("--acceptance"))) {
            return new Parsed(null, "--draft-tokens and --acceptance need --draft-model PRESET");
        }
        Speculation speculation = draft == null ? Speculation.NONE : new Speculation(draftTokens, acceptance, draft);
        ScenarioInputs.Efficiencies realism = ScenarioInputs.efficiencies(new ScenarioInputs.Efficiencies(
                realistic ? RealismMode.REALISTIC : RealismMode.IDEAL, 1, 1), compute, bandwidth, overhead, gpu,
                () -> measured);
        String layout = ScenarioLimits.parallelismProblem((int) gpus, stages, ModelPresets.layersOf(preset, parameters));
        if (layout != null) {
            return new Parsed(null, "--pipeline-stages: " + layout.substring(layout.indexOf(": ") + 2));
        }
        return new Parsed(new ScenarioInputs(gpu, preset, parameters, precision, weightOnly, kv, (int) batch,
                (int) prompt, (int) output, (int) gpus, realism.mode(), realism.compute(), realism.bandwidth(), price,
                new HardwareScales(scale[0], scale[1], scale[2]), stages, realism.layerOverheadMicroseconds(),
                quantizedTables, speculation), null);
    }

    /** A word as a shell reads it back: quoted when it holds anything but plain characters. */
    static String quoted(String w) {
        if (!w.isEmpty() && w.matches("[A-Za-z0-9_./:=+-]+")) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }

    /** Splits a line as a POSIX shell would: single and double quotes, backslash escapes outside single ones. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote == '\'') {
                if (ch == '\'') {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (quote == '"') {
                if (ch == '"') {
                    quote = 0;
                } else if (ch == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (ch == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                if (next != '\n') { // a line continuation joins the lines
                    word.append(next);
                    inWord = true;
                }
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote (" + quote + ") is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the line is empty");
        }
        return words;
    }
}
