package lab.roofline.ui.lesson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import lab.roofline.engine.teaching.Exercise;
import lab.roofline.engine.roofline.Units;

/**
 * A learner's run through the exercises: each typed answer checked against the engine's within the
 * exercise's tolerance, with a message that says how far off a miss is, and the score kept until reset.
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

    /** Checks a typed answer against the engine's and records it. */
    public Check check(Exercise exercise, double answer, String typed) {
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
        double off = given.getAsDouble() / answer;
        String how = off > 1 ? Units.sig3(off) + " times too high" : off > 0 ? Units.sig3(1 / off) + " times too low"
                : "on the wrong side of zero";
        if (off > 0.5 && off < 2) {
            how = Units.percent(Math.abs(off - 1)).replace(".0 ", " ") + (off > 1 ? " too high" : " too low");
        }
        return new Check(true, false, "Not yet: " + Units.sig3(given.getAsDouble()) + " is " + how + "; an answer "
                + tolerance + " counts. Try the hint.");
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
}
