package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import lab.roofline.engine.teaching.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checking typed answers, with no toolkit: what counts as a number, what is right, what a miss says. */
class PracticeTest {
    private static final Exercise RIDGE = Exercise.BUILT_IN.get(0); // tolerance 2 %

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "295| 295", "  295.4 | 295.4", "2.95e2| 295", "1,024| 1024", "1,024,000 sequences| 1024000",
            "30 %| 30", "300×| 300", "47.2 tokens/s| 47.2", ".5| 0.5", "-3| -3", "295 FLOP/byte| 295"})
    void numbersAreReadWithTheirUnitsAndThousandsSeparators(String typed, double value) {
        assertThat(Practice.parse(typed)).hasValueCloseTo(value, within(1e-9));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"abc", "'  '", "2,5", "1e400", "295 295", "NaN", "Infinity", "0x1F", "12;drop"})
    void whatIsNotANumberIsSaidToBeNone(String typed) {
        assertThat(Practice.parse(typed)).isEmpty();
    }

    @Test
    void anAnswerWithinTheToleranceIsRightAndAMissSaysHowFarOff() {
        Practice p = new Practice();
        double answer = 989.5 / 3.35;
        Practice.Check miss = p.check(RIDGE, answer, "350");
        assertThat(miss.number()).isTrue();
        assertThat(miss.right()).isFalse();
        assertThat(miss.message()).contains("350 is 18.5 % too high", "within 2 %");
        assertThat(p.check(RIDGE, answer, "30").message()).contains("9.85 times too low");
        assertThat(p.rightCountProperty().get()).isZero();
        Practice.Check hit = p.check(RIDGE, answer, "290");
        assertThat(hit.right()).isTrue();
        assertThat(hit.message()).contains("Right", "295 FLOP/byte");
        assertThat(p.standing(RIDGE)).isEqualTo(new Practice.Standing(3, true, false));
        assertThat(p.rightCountProperty().get()).isEqualTo(1);
        // A later miss does not undo a right answer; a reset forgets everything.
        p.check(RIDGE, answer, "1");
        assertThat(p.rightCountProperty().get()).isEqualTo(1);
        p.reset();
        assertThat(p.rightCountProperty().get()).isZero();
        assertThat(p.standing(RIDGE).attempts()).isZero();
    }

    @Test
    void textThatIsNotANumberIsNotCountedAsAnAttempt() {
        Practice p = new Practice();
        Practice.Check c = p.check(RIDGE, 295, "about three hundred");
        assertThat(c.number()).isFalse();
        assertThat(c.message()).contains("'about three hundred' is not a number", "FLOP/byte");
        assertThat(p.check(RIDGE, 295, "").message()).startsWith("Nothing typed");
        assertThat(p.standing(RIDGE).attempts()).isZero();
    }
}
