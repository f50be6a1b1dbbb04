package lab.roofline.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.ToDoubleBiFunction;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.teaching.CommonMistake;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.Units;

/**
 * Predict, then reveal: a lesson step asks before it shows. The learner commits to a guess (a point on the
 * roofline, a number, or one of three choices); the step then makes its change and the guess is set beside
 * the truth the engine computes, with the formula that explains the gap. No toolkit: the lesson bar and the
 * chart only show what this says.
 */
public final class Prediction {
    private Prediction() {
    }

    public enum Kind {
        /** Drag a hollow marker to where the decode point will be. */
        POINT,
        /** Type a number. */
        NUMBER,
        /** Pick one of three. */
        CHOICE
    }

    /** A choice that is right when the truth lies in [low, high). */
    public record Choice(String label, double low, double high) {
        boolean holds(double truth) {
            return truth >= low && truth < high;
        }
    }

    /**
     * A step's question.
     *
     * @param before      the scenario shown while asking (null: the step's own, when nothing changes on reveal)
     * @param unit        the unit of a typed number
     * @param tolerance   how far a typed number may be off and still count, as a fraction of the truth
     * @param truth       the number asked (or the one the choices bracket), from the evaluations before and after
     * @param explanation the formula with the scenario's values, shown beside the guess
     */
    public record Question(Kind kind, String prompt, ScenarioInputs before, String unit, double tolerance,
                           List<Choice> choices, ToDoubleBiFunction<Evaluation, Evaluation> truth,
                           BiFunction<Evaluation, Evaluation, String> explanation) {
        public Question {
            if (kind == Kind.CHOICE && choices.size() != 3) {
                throw new IllegalArgumentException("a choice question has three choices");
            }
        }

        /** The index of the choice the truth falls in (-1 when none: a lesson test rules that out). */
        public int rightChoice(Evaluation before, Evaluation after) {
            double t = truth.applyAsDouble(before, after);
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).holds(t)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** What the learner committed to. */
    public sealed interface Guess permits NumberGuess, ChoiceGuess, PointGuess {
    }

    public record NumberGuess(double value) implements Guess {
    }

    public record ChoiceGuess(int index) implements Guess {
    }

    /** A point on the roofline: arithmetic intensity (FLOP/byte) and attainable FLOP/s. */
    public record PointGuess(double flopsPerByte, double flopsPerSecond) implements Guess {
    }

    /**
     * The guess beside the truth.
     *
     * @param right   within the tolerance, the right choice, or within a factor of two on both axes
     * @param verdict one sentence: the guess, the truth and how far apart they are (and the common mistake a
     *                wrong number or choice matches)
     * @param formula the formula that explains the truth, with the scenario's values
     * @param mistake the common mistake a wrong guess matches, as it follows "if you"; "" when none
     */
    public record Result(Kind kind, Guess guess, boolean right, String verdict, String formula, String mistake) {
    }

    /** How far a point may be off on each axis and still count: a factor of two (a log chart's eye). */
    public static final double POINT_FACTOR = 2;

    public static Result score(Question q, Guess guess, Evaluation before, Evaluation after) {
        String formula = q.explanation().apply(before, after);
        if (guess instanceof NumberGuess n) {
            double t = q.truth().applyAsDouble(before, after);
            boolean right = Math.abs(n.value() - t) <= q.tolerance() * Math.abs(t);
            List<CommonMistake.Outcome> slips = right ? List.of()
                    : CommonMistake.explaining(n.value(), t, q.tolerance(), mistakes(q, before, after));
            String mistake = slips.isEmpty() ? "" : slips.get(0).slip();
            return new Result(q.kind(), guess, right, "Your guess: " + number(n.value(), q.unit()) + ". The engine: "
                    + number(t, q.unit()) + " — " + (right ? "well predicted (a guess within "
                    + Units.percent(q.tolerance()).replace(".0 ", " ") + " counts)." : off(n.value(), t) + ".")
                    + (mistake.isEmpty() ? "" : " Your number is what you get if you " + mistake + "."), formula, mistake);
        }
        if (guess instanceof ChoiceGuess c) {
            int rightIndex = q.rightChoice(before, after);
            boolean right = c.index() == rightIndex;
            Choice chosen = q.choices().get(c.index());
            String mistake = right ? "" : mistakes(q, before, after).stream().filter(o -> chosen.holds(o.value()))
                    .map(CommonMistake.Outcome::slip).findFirst().orElse("");
            return new Result(q.kind(), guess, right, right ? "You chose “" + chosen.label() + "”: right."
                    : "You chose “" + chosen.label() + "”; it is “" + (rightIndex < 0 ? "none of these"
                    : q.choices().get(rightIndex).label()) + "”." + (mistake.isEmpty() ? ""
                    : " “" + chosen.label() + "” is what you get if you " + mistake + "."), formula, mistake);
        }
        PointGuess p = (PointGuess) guess;
        double ti = after.decode().arithmeticIntensity();
        double tf = after.decode().achievedFlopsPerSecond();
        boolean right = within(p.flopsPerByte(), ti) && within(p.flopsPerSecond(), tf);
        return new Result(q.kind(), guess, right, "Your guess: " + Units.sig3(p.flopsPerByte()) + " FLOP/byte at "
                + Units.si(p.flopsPerSecond(), "FLOP/s") + ". The decode step: " + Units.sig3(ti) + " FLOP/byte at "
                + Units.si(tf, "FLOP/s") + (right ? " — within a factor of 2 on both axes, well predicted."
                : " — intensity " + off(p.flopsPerByte(), ti) + ", FLOP/s " + off(p.flopsPerSecond(), tf) + "."),
                formula, "");
    }

    /**
     * What each common mistake makes of the question's number: the truth read from the evaluations before and
     * after as the mistake pictures them (the engine computes both). A mistake that changes nothing is left out.
     */
    static List<CommonMistake.Outcome> mistakes(Question q, Evaluation before, Evaluation after) {
        double t = q.truth().applyAsDouble(before, after);
        List<CommonMistake.Outcome> all = new ArrayList<>();
        for (CommonMistake m : CommonMistake.picturedOn(after)) {
            double v = q.truth().applyAsDouble(m.pictured().apply(before), m.pictured().apply(after));
            if (v > 0 && Double.isFinite(v) && Math.abs(v - t) > 1e-9 * Math.abs(t)) {
                all.add(new CommonMistake.Outcome(m.kind(), m.slip(), v));
            }
        }
        return all;
    }

    private static boolean within(double guess, double truth) {
        return guess > 0 && truth > 0 && Math.abs(Math.log(guess / truth)) <= Math.log(POINT_FACTOR);
    }

    /** "3.2× too high", "40 % too low". */
    static String off(double guess, double truth) {
        if (!(guess > 0) || !(truth > 0)) {
            return "not comparable";
        }
        double r = guess / truth;
        if (Math.abs(r - 1) < 0.05) {
            return "about right";
        }
        if (r > 0.5 && r < 2) {
            return Units.percent(Math.abs(r - 1)).replace(".0 ", " ") + (r >= 1 ? " too high" : " too low");
        }
        return (r >= 1 ? Units.sig3(r) : Units.sig3(1 / r)) + "× too " + (r >= 1 ? "high" : "low");
    }

    private static String number(double v, String unit) {
        String n = Math.abs(v) >= 1000 || (v == Math.rint(v) && unit.equals("sequences"))
                ? String.format(Locale.ROOT, "%,.0f", v) : Units.sig3(v);
        return unit.isEmpty() ? n : unit.equals("×") ? n + "×" : n + " " + unit;
    }
}
