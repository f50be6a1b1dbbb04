package lab.roofline.ui.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.teaching.CommonMistake;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.explain.Explanation.Topic;

/**
 * A learner's run through the exercises: each typed answer checked against the engine's within the
 * exercise's tolerance, with a message that names the common mistake a miss matches (or says roughly how far
 * off it is), and the score kept until reset.
 * No toolkit needed: the panel only shows what this says.
 */
public final class Practice {

    /** The outcome of one check: whether the text was a number, whether it was right, and what to say. */
    public record Check(boolean number, boolean right, String message) {
    }

    /** How an exercise stands: attempts so far and whether one was right (a later miss does not undo it). */
    public record Standing(int attempts, boolean right, boolean answerShown) {
    }

    // A number (thousands grouped with commas, a decimal point, an exponent), then an optional unit or words.
    private static final Pattern ANSWER = Pattern.compile(
            "\\s*([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|[-+]?\\.\\d+(?:[eE][-+]?\\d+)?)"
                    + "\\s*([\\p{L}%×/ .\\-]*)\\s*");

    private final Map<String, Standing> standings = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper rightCount = new ReadOnlyIntegerWrapper(this, "rightCount");
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(this, "changes");

    /** The number in a typed answer ("297", "2.97e2", "1,024 sequences", "30 %"); empty when there is none. */
    public static OptionalDouble parse(String typed) {
        if (typed == null) {
            return OptionalDouble.empty();
        }
        Matcher m = ANSWER.matcher(typed);
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(m.group(1).replace(",", ""));
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /**
     * Checks a typed answer against the engine's, on the evaluation the answer is read from, and records it. A
     * miss that a common mistake explains (2 bytes per weight for 1, GB for GiB, the KV cache left out,
     * prefill for decode) is named, with the mistake's answer computed by the engine on the same evaluation.
     */
    public Check check(Exercise exercise, Evaluation e, String typed) {
        return check(exercise, exercise.answer(e), typed, given -> exercise.mistakesIn(given, e));
    }

    /** Checks a typed answer against a known one, with no mistakes to name. */
    public Check check(Exercise exercise, double answer, String typed) {
        return check(exercise, answer, typed, given -> List.of());
    }

    private Check check(Exercise exercise, double answer, String typed,
                        DoubleFunction<List<CommonMistake.Outcome>> mistakesIn) {
        OptionalDouble given = parse(typed);
        if (given.isEmpty()) {
            String shown = typed == null || typed.isBlank() ? "Nothing typed" : "'" + Units.shortened(typed.strip()) + "' is not a number";
            return new Check(false, false, shown + ": type a number in " + exercise.quantity().unit()
                    + ", such as 42, 0.35 or 1.5e3.");
        }
        boolean right = exercise.accepts(given.getAsDouble(), answer);
        Standing before = standing(exercise);
        standings.put(exercise.id(), new Standing(before.attempts() + 1, before.right() || right, before.answerShown()));
        rightCount.set((int) standings.values().stream().filter(Standing::right).count());
        changes.set(changes.get() + 1);
        String tolerance = "within " + Units.percent(exercise.relativeTolerance()).replace(".00 ", " ").replace(".0 ", " ");
        if (right) {
            return new Check(true, true, "Right. The engine's answer is " + exercise.formatted(answer) + "; yours is "
                    + tolerance + " of it.");
        }
        String number = Units.sig3(given.getAsDouble());
        List<CommonMistake.Outcome> mistakes = mistakesIn.apply(given.getAsDouble());
        if (!mistakes.isEmpty()) {
            return new Check(true, false, "Not quite: " + number + " is what you get if you " + slips(mistakes)
                    + ". An answer " + tolerance + " of the engine's counts: try again.");
        }
        return new Check(true, false, "Not yet: " + number + " is " + howFar(given.getAsDouble() / answer)
                + "; an answer " + tolerance + " counts. Try the hint.");
    }

    /** The nearest mistake, and a second one that gives the same number (to 1 %), since either explains it. */
    private static String slips(List<CommonMistake.Outcome> nearestFirst) {
        CommonMistake.Outcome first = nearestFirst.get(0);
        return nearestFirst.stream().skip(1)
                .filter(o -> o.kind() != first.kind() && Math.abs(o.value() / first.value() - 1) <= 0.01)
                .findFirst().map(o -> first.slip() + ", or if you " + o.slip()).orElse(first.slip());
    }

    /**
     * How far off a miss is, in bands of a factor: not a percentage, from which the answer could be worked
     * back before it is shown.
     */
    static String howFar(double off) {
        if (!(off > 0)) {
            return "on the wrong side of zero";
        }
        double factor = Math.max(off, 1 / off);
        String side = off > 1 ? "too high" : "too low";
        if (factor < 1.5) {
            return side + ", but within a factor of 1.5";
        }
        if (factor < 4) {
            return side + " by a factor of 1.5 to 4";
        }
        return side + (factor < 10 ? " by a factor of 4 to 10" : " by more than a factor of 10");
    }

    /** Marks that the learner asked to see the answer (it is not counted as right). */
    public void showAnswer(Exercise exercise) {
        Standing s = standing(exercise);
        standings.put(exercise.id(), new Standing(s.attempts(), s.right(), true));
        changes.set(changes.get() + 1);
    }

    public Standing standing(Exercise exercise) {
        return standings.getOrDefault(exercise.id(), new Standing(0, false, false));
    }

    /** Exercises answered right so far. */
    public ReadOnlyIntegerProperty rightCountProperty() {
        return rightCount.getReadOnlyProperty();
    }

    /** Counts every recorded check or reveal: a list showing standings refreshes on it. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Forgets every answer: a new learner at the same machine. */
    public void reset() {
        standings.clear();
        rightCount.set(0);
        changes.set(changes.get() + 1);
    }

    /** The chart element that shows what an exercise asks about. */
    static Topic topicOf(Exercise.Quantity q) {
        return switch (q) {
            case RIDGE_FLOPS_PER_BYTE -> Topic.RIDGE;
            case DECODE_TOKENS_PER_SECOND_PER_SEQUENCE, TIME_PER_OUTPUT_TOKEN_MS -> Topic.DECODE;
            case CRITICAL_BATCH -> Topic.BATCHING;
            case MAX_BATCH -> Topic.MEMORY_WALL;
            case KV_CACHE_GB_PER_SEQUENCE -> Topic.KV_CACHE;
            case OUTPUT_INPUT_RATIO, IMPLIED_BATCH -> Topic.COST;
            case PREFILL_COMPUTE_UTILIZATION_PERCENT -> Topic.PREFILL;
        };
    }
}
