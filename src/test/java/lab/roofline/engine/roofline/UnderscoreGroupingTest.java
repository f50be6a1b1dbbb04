package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 26, item 13: an underscore groups thousands in threes, as a comma does; anywhere else it is refused. */
class UnderscoreGroupingTest {
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1_000 | 1000",
            "10_000 | 10000",
            "1_048_576 | 1048576",
            "2_048.5 | 2048.5",
            "8_000k | 8000000",
    })
    void groupsOfThreeAreRead(String text, double expected) {
        ScenarioLimits.Parsed p = new ScenarioLimits.Range("Price", 0, 1e8, false, "1").parse(text.replace("k", ""));
        assertThat(p.error()).isNull();
        assertThat(p.value()).isEqualTo(text.endsWith("k") ? expected / 1000 : expected);
        assertThat(ScenarioLimits.PROMPT_TOKENS.parse("8_000k").value()).isEqualTo(8e6);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "6_4", "_64", "64_", "1__000", "1_00", "10000_000", "1_000_00", "1.000_5", "1e1_0", "1,000_000",
    })
    void anUnderscoreAnywhereElseIsRefused(String text) {
        ScenarioLimits.Parsed p = ScenarioLimits.BATCH.parse(text);
        assertThat(p.ok()).as(text).isFalse();
        assertThat(p.error()).startsWith("Batch size: '" + text + "'").containsAnyOf("an underscore only groups thousands", "a comma only groups thousands");
    }
}
