package lab.roofline.io.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.Units;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.files.JsonText;
import lab.roofline.io.files.PrintableText;
import lab.roofline.io.files.TextFiles;

/**
 * A teacher's exercises as a JSON file, loaded like profiles from a folder in the user's home
 * ({@link AppHome#exercisesDirectory()}). The format is the one {@code exercises --json} prints, so a teacher
 * starts from a copy of the built-in ones:
 *
 * <pre>
 * {"format": "roofline-lab exercises", "version": 1,
 *  "exercises": [{"id": "critical-batch-h100", "text": "At what batch ...?", "quantity": "critical_batch",
 *                 "tolerance": 0.1, "scenario": { the inputs, as in a scenario file }},
 *                {"id": "...", "quantity": "implied_batch", "priceRatio": 4, ...}]}
 * </pre>
 * The answer is never in the file: the engine computes it from the scenario. A file is refused whole, with
 * the field and the reason, when any exercise in it is wrong, and an exercise whose scenario has no answer
 * (a model that does not fit, a GPU no profile has) is refused on loading, not when a learner asks.
 */
public final class ExerciseFile {
    public static final String FORMAT = "roofline-lab exercises";
    public static final int VERSION = 1;
    static final long MAX_BYTES = 1 << 20;
    static final int MAX_EXERCISES = 500;
    static final int MAX_TEXT_CHARS = 2_000;
    static final int MAX_FILES = 1_000;

    /** The scenario file's reader: its scenarios are read by the same rules, numbers exactly as written. */
    private static final ObjectMapper JSON = ScenarioFile.JSON;
    private static final Set<String> FIELDS = Set.of("id", "text", "quantity", "tolerance", "priceRatio", "scenario");

    private ExerciseFile() {
    }

    /** A file that could not be read as exercises: the message names the field and the reason. */
    public static final class ExerciseFileException extends Exception {
        private static final long serialVersionUID = 1L;

        public ExerciseFileException(String message) {
            super(message);
        }
    }

    /** The exercises that loaded, in order, and one line per file (or exercise) that did not. */
    public record Result(List<Exercise> exercises, List<String> problems) {
    }

    // ---- writing ----

    /** The exercises in the file format (ends with a newline). */
    public static String toJson(List<Exercise> exercises) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("exercises");
        for (Exercise e : exercises) {
            ObjectNode n = list.addObject();
            n.put("id", e.id());
            n.put("text", e.text());
            n.put("quantity", e.quantity().key());
            n.put("tolerance", e.relativeTolerance());
            if (e.quantity() == Exercise.Quantity.IMPLIED_BATCH) {
                n.put("priceRatio", e.priceRatio());
            }
            ScenarioInputsJson.write(n.putObject("scenario"), e.scenario());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    // ---- reading ----

    /** Parses a file's text; every message names the field ("exercises[2].tolerance") and the reason. */
    public static List<Exercise> parse(String jsonText) throws ExerciseFileException {
        JsonNode root;
        try {
            root = JsonText.readObject(JSON, jsonText);
        } catch (JsonText.InvalidJson e) {
            throw new ExerciseFileException(e.getMessage().startsWith("not valid JSON") ? e.getMessage()
                    : "not an exercise file (a JSON object was expected)");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new ExerciseFileException("not a Roofline Lab exercise file (field 'format' should be '" + FORMAT + "')");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw new ExerciseFileException("field 'version' must be a whole number from 1");
        }
        if (version.asInt() > VERSION) {
            throw new ExerciseFileException("written by a newer Roofline Lab (version " + version.asInt()
                    + "; this one reads version " + VERSION + ")");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("format", "version", "exercises").contains(name)) {
                throw new ExerciseFileException("field '" + PrintableText.clean(Units.shortened(name))
                        + "' is not part of an exercise file (format, version, exercises)");
            }
        }
        JsonNode list = root.get("exercises");
        if (list == null || !list.isArray()) {
            throw new ExerciseFileException("missing field 'exercises' (a list of exercises)");
        }
        if (list.isEmpty()) {
            throw new ExerciseFileException("field 'exercises' is empty");
        }
        if (list.size() > MAX_EXERCISES) {
            throw new ExerciseFileException("field 'exercises' has " + list.size() + " exercises; at most " + MAX_EXERCISES);
        }
        List<Exercise> out = new ArrayList<>();
        Map<String, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Exercise e = exercise(list.get(i), "exercises[" + i + "]");
            Integer earlier = indexOfId.putIfAbsent(e.id(), i);
            if (earlier != null) {
                throw new ExerciseFileException("field 'exercises[" + i + "].id': '" + e.id()
                        + "' is already the id of exercises[" + earlier + "]");
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    private static Exercise exercise(JsonNode n, String at) throws ExerciseFileException {
        if (!n.isObject()) {
            throw new ExerciseFileException("field '" + at + "' must be an object with an id, a text, a quantity, "
                    + "a tolerance and a scenario");
        }
        // A misspelt "tolerence" would otherwise silently be missing: said instead.
        refuseUnknown(n, FIELDS, at + ".", "an exercise field");
        JsonNode rawId = n.get("id");
        String id = text(n, at, "id", 60);
        // Checked as written: an invisible character in an id is refused, not silently dropped.
        if (!rawId.asText().equals(id) || !id.matches(Exercise.ID_PATTERN)) {
            throw new ExerciseFileException("field '" + at + ".id': '" + id + "' must be lower-case letters, digits or '-'");
        }
        String text = text(n, at, "text", MAX_TEXT_CHARS);
        String quantityName = text(n, at, "quantity", 60);
        Exercise.Quantity quantity = null;
        for (Exercise.Quantity q : Exercise.Quantity.values()) {
            if (q.key().equalsIgnoreCase(quantityName.replace('-', '_'))) {
                quantity = q;
            }
        }
        if (quantity == null) {
            throw new ExerciseFileException("field '" + at + ".quantity': unknown quantity '" + quantityName + "' (known: "
                    + String.join(", ", Stream.of(Exercise.Quantity.values()).map(Exercise.Quantity::key).toList()) + ")");
        }
        double tolerance = number(n, at, "tolerance");
        if (!(tolerance >= Exercise.MIN_TOLERANCE && tolerance <= Exercise.MAX_TOLERANCE)) {
            throw new ExerciseFileException("field '" + at + ".tolerance': " + tolerance + " is not a tolerance (a fraction "
                    + "of the answer from " + Exercise.MIN_TOLERANCE + " to " + Exercise.MAX_TOLERANCE + ", e.g. 0.1 for 10 %)");
        }
        double ratio = Double.NaN;
        if (quantity == Exercise.Quantity.IMPLIED_BATCH) {
            ratio = number(n, at, "priceRatio");
            if (!(ratio > 0 && ratio < 1e6)) {
                throw new ExerciseFileException("field '" + at + ".priceRatio': the API's output : input price ratio must "
                        + "be above 0 and below 1,000,000, e.g. 4");
            }
        } else if (n.has("priceRatio")) {
            throw new ExerciseFileException("field '" + at + ".priceRatio': only an implied_batch exercise takes a price ratio");
        }
        JsonNode s = n.get("scenario");
        if (s == null || !s.isObject()) {
            throw new ExerciseFileException("missing field '" + at + ".scenario' (an object with the inputs, as in a "
                    + "scenario file)");
        }
        // A misspelt "pipelineStage" would otherwise be answered on another scenario without a word.
        refuseUnknown(s, ScenarioInputsJson.FIELDS, at + ".scenario.", "a scenario field");
        ScenarioInputs inputs;
        try {
            inputs = ScenarioInputsJson.read(s, at + ".scenario");
        } catch (ScenarioFile.ScenarioFileException e) {
            throw new ExerciseFileException(e.getMessage());
        }
        try {
            return new Exercise(id, text, inputs, quantity, tolerance, ratio);
        } catch (IllegalArgumentException e) {
            throw new ExerciseFileException("field '" + at + "': " + e.getMessage());
        }
    }

    private static void refuseUnknown(JsonNode object, Set<String> known, String at, String what)
            throws ExerciseFileException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ExerciseFileException("field '" + at + PrintableText.clean(Units.shortened(name)) + "' is not "
                        + what + " (" + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode n, String at, String field, int maxChars) throws ExerciseFileException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new ExerciseFileException("missing field '" + at + "." + field + "'");
        }
        if (!v.isTextual()) {
            throw new ExerciseFileException("field '" + at + "." + field + "' must be text");
        }
        if (v.asText().length() > maxChars) {
            throw new ExerciseFileException("field '" + at + "." + field + "' is too long (" + v.asText().length()
                    + " characters; at most " + maxChars + ")");
        }
        // Line breaks are kept in a question's text, tabs become spaces; other control and invisible format
        // characters never reach a label or a terminal. What is left must say something.
        String cleaned = v.asText().replace('\t', ' ').replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}&&[^\\n]]", "").strip();
        if (cleaned.isEmpty()) {
            throw new ExerciseFileException("field '" + at + "." + field + "' must be text (it has no visible characters)");
        }
        return cleaned;
    }

    private static double number(JsonNode n, String at, String field) throws ExerciseFileException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new ExerciseFileException("missing field '" + at + "." + field + "'");
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new ExerciseFileException("field '" + at + "." + field + "' must be a number");
        }
        return v.doubleValue();
    }

    /** Reads one file; every message names the file. */
    public static List<Exercise> read(Path file) throws ExerciseFileException {
        String shown = PrintableText.clean(file.toString());
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ExerciseFileException(shown + ": " + (Files.isDirectory(file) ? "a folder, not a file"
                        : Files.exists(file) ? "not a regular file (a device or pipe), so not read" : "it does not exist"));
            }
            text = TextFiles.readUtf8(file, MAX_BYTES);
        } catch (TextFiles.TooLarge e) {
            throw new ExerciseFileException(shown + ": too large for an exercise file (at most " + MAX_BYTES / 1024 + " kB)");
        } catch (CharacterCodingException e) {
            throw new ExerciseFileException(shown + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ExerciseFileException(shown + ": " + IoReasons.of(e));
        }
        try {
            return parse(text);
        } catch (ExerciseFileException e) {
            throw new ExerciseFileException(shown + ": " + e.getMessage());
        }
    }

    /**
     * Checks that each exercise can be answered: its GPU is a loaded profile and its answer is a positive
     * number. Returns the reason it cannot, or null.
     */
    public static String unanswerable(Exercise e, List<HardwareProfile> profiles, Realism measured) {
        HardwareProfile gpu = profile(e, profiles);
        if (gpu == null) {
            return "exercise '" + e.id() + "' runs on GPU '" + PrintableText.clean(e.scenario().gpuId())
                    + "', which no loaded profile has";
        }
        double answer;
        Evaluation evaluation;
        try {
            evaluation = e.evaluate(gpu, measured);
            answer = e.answer(evaluation);
        } catch (IllegalArgumentException ex) {
            return "exercise '" + e.id() + "': " + ex.getMessage();
        }
        if (e.quantity().needsTheModelToFit() && evaluation.memory().maxBatch() < 1) {
            // A speed or cost of a scenario that cannot run would teach a number no device produces; a ridge
            // point or a cache size needs no fit.
            return "exercise '" + e.id() + "' has no answer on its scenario (the model does not fit: "
                    + Units.si(evaluation.memory().weightBytes(), "B") + " of weights and one sequence's KV cache need more "
                    + "than the " + Units.si(evaluation.memory().capacityBytes(), "B") + " of memory)";
        }
        if (!(answer > 0) || !Double.isFinite(answer)) {
            return "exercise '" + e.id() + "' has no answer on its scenario (" + (e.quantity() == Exercise.Quantity.MAX_BATCH
                    ? "not one sequence fits" : e.quantity() == Exercise.Quantity.IMPLIED_BATCH
                    ? "no batch brings the ratio down to " + Units.sig3(e.priceRatio())
                    : e.quantity() == Exercise.Quantity.CRITICAL_BATCH ? "decode never turns compute-bound"
                    : "the engine gives " + answer) + ")";
        }
        return null;
    }

    /** The profile an exercise's scenario names (ids match without regard to case), or null. */
    public static HardwareProfile profile(Exercise e, List<HardwareProfile> profiles) {
        return profiles.stream().filter(p -> p.id().equalsIgnoreCase(e.scenario().gpuId())).findFirst().orElse(null);
    }

    /**
     * The built-in exercises, then every *.json file of the folder in name order. A file that fails, or
     * whose exercise cannot be answered or reuses an id already taken, is skipped whole with a line naming it.
     */
    public static Result loadAll(Path folder, List<HardwareProfile> profiles, Realism measured) {
        List<Exercise> all = new ArrayList<>(Exercise.BUILT_IN);
        List<String> problems = new ArrayList<>();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            problems.add("Exercises folder " + PrintableText.clean(folder.toString()) + " is not a folder");
        } else if (Files.isDirectory(folder)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted()
                        .limit(MAX_FILES + 1L).toList();
            } catch (IOException | UncheckedIOException e) {
                problems.add("Exercises folder " + PrintableText.clean(folder.toString()) + " cannot be read ("
                        + IoReasons.of(e) + ")");
                files = List.of();
            }
            if (files.size() > MAX_FILES) {
                problems.add("Exercises folder " + PrintableText.clean(folder.toString()) + ": only the first " + MAX_FILES
                        + " files (by name) are read; " + PrintableText.clean(files.get(MAX_FILES).getFileName().toString())
                        + " and later ones are skipped");
                files = files.subList(0, MAX_FILES);
            }
            for (Path f : files) {
                try {
                    List<Exercise> read = read(f);
                    try {
                        all.addAll(checked(read, all, profiles, measured));
                    } catch (ExerciseFileException e) {
                        throw new ExerciseFileException(PrintableText.clean(f.toString()) + ": " + e.getMessage());
                    }
                } catch (ExerciseFileException e) {
                    problems.add("Skipped exercise file " + e.getMessage());
                } catch (RuntimeException e) {
                    // Never the reason the app or a command does not start: the file is skipped, said so.
                    problems.add("Skipped exercise file " + PrintableText.clean(f.toString()) + ": it could not be read ("
                            + PrintableText.clean(String.valueOf(e.getMessage())) + ")");
                }
            }
        }
        return new Result(List.copyOf(all), List.copyOf(problems));
    }

    /** One file's exercises, each answerable and with an id not yet taken; else the whole file is refused. */
    public static List<Exercise> checked(List<Exercise> read, List<Exercise> taken, List<HardwareProfile> profiles,
                                         Realism measured) throws ExerciseFileException {
        for (Exercise e : read) {
            if (taken.stream().anyMatch(t -> t.id().equals(e.id()))) {
                throw new ExerciseFileException("exercise id '" + e.id() + "' is already taken (by a built-in exercise "
                        + "or an earlier file)");
            }
            String why = unanswerable(e, profiles, measured);
            if (why != null) {
                throw new ExerciseFileException(why);
            }
        }
        return read;
    }
}
