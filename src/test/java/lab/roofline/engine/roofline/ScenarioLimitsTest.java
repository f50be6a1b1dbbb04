package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One parser and one set of limits for every typed number: fields, settings and flags. */
class ScenarioLimitsTest {
    static ScenarioLimits.Range range(String name) {
        return switch (name) {
            case "batch" -> ScenarioLimits.BATCH;
            case "params" -> ScenarioLimits.PARAMETERS;
            case "gpus" -> ScenarioLimits.GPU_COUNT;
            case "prompt" -> ScenarioLimits.PROMPT_TOKENS;
            case "efficiency" -> ScenarioLimits.COMPUTE_EFFICIENCY;
            case "price" -> ScenarioLimits.PRICE_USD_PER_HOUR;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "batch | 64 | 64",
            "batch | +8 | 8",
            "batch | 2,048 | 2048",
            "batch | 1_000 | 1000",
            "batch | 8k | 8000",
            "batch | 1e3 | 1000",
            "batch | 1.0 | 1",
            "batch | 1048576 | 1048576",
            "gpus | 4096 | 4096",
            "params | 70B | 7.0E10",
            "params | 2T | 2.0E12",
            "params | 100M | 1.0E8",
            "efficiency | 0.01 | 0.01",
            "price | $3.49 | 3.49",
            "price | 10000 | 10000",
    })
    void acceptsWhatPeopleType(String input, String text, double expected) {
        ScenarioLimits.Parsed p = range(input).parse(text);
        assertThat(p.error()).isNull();
        assertThat(p.value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "batch | . | Batch size: '.' is not a whole number (try 64)",
            "batch | e5 | Batch size: 'e5' is not a whole number (try 64)",
            "batch | k | Batch size: 'k' is not a whole number (try 64)",
            "batch | - | Batch size: '-' is not a whole number (try 64)",
            "params | B | Parameters: 'B' is not a number (try 70B, 7e9 or 1.8T)",
            "batch | 0 | Batch size: too small (at least 1)",
            "batch | +0 | Batch size: too small (at least 1)",
            "batch | -3 | Batch size: too small (at least 1)",
            "batch | 1e-400 | Batch size: too small (at least 1)",
            "params | 1e-400 | Parameters: too small (at least 100M)",
            "batch | 1e309 | Batch size: too large (at most 1,048,576)",
            "batch | 1e999999999999 | Batch size: too large (at most 1,048,576)",
            "efficiency | 1e309 | Compute efficiency: too large (at most 100 %)",
            "batch | 1048577 | Batch size: too large (at most 1,048,576)",
            "gpus | 4097 | GPU count: too large (at most 4,096)",
            "batch | 2.0000001 | Batch size: '2.0000001' is not a whole number (try 64)",
            "batch | 1.0005k | Batch size: '1.0005k' is not a whole number (try 64)",
            "batch | 1.5 | Batch size: '1.5' is not a whole number (try 64)",
            "price | $$3 | Price: '$$3' is not a number (try 3.49)",
            "price | 3.49$ | Price: '3.49$' is not a number (try 3.49)",
            "price | $1,5 | Price: '$1,5' is ambiguous: write $1.5 for a decimal, or group thousands in threes (2,048)",
            "params | 7,5B | Parameters: '7,5B' is ambiguous: write 7.5B for a decimal, or group thousands in threes (2,048)",
            "batch | ١٢٣ | Batch size: '١٢٣' is not a whole number (try 64)",
            "batch | ８ | Batch size: '８' is not a whole number (try 64)",
            "batch | 0x10 | Batch size: '0x10' is not a whole number (try 64)",
            "batch | NaN | Batch size: 'NaN' is not a whole number (try 64)",
            "batch | Infinity | Batch size: 'Infinity' is not a whole number (try 64)",
    })
    void refusesWithOneClearReason(String input, String text, String message) {
        ScenarioLimits.Parsed p = range(input).parse(text);
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).isEqualTo(message);
        assertThat(Double.isNaN(p.value())).isTrue();
    }

    @Test
    void aVeryLongInputIsQuotedShort() {
        String digits = "9".repeat(500) + "x";
        String message = ScenarioLimits.BATCH.parse(digits).error();
        assertThat(message).hasSizeLessThan(80).contains("too long to be a number (501 characters");
        // Refused before it is read exactly (which takes seconds for a pasted megabyte of digits).
        assertThat(ScenarioLimits.BATCH.parse("9".repeat(1_000_000)).error()).contains("1000000 characters");
    }

    /** Whatever is typed, the parser answers: a value inside the range, or a message naming the input. */
    @Property(tries = 3000)
    void anyTextGetsAnAllowedValueOrAMessage(@ForAll("typed") String text) {
        for (ScenarioLimits.Range r : new ScenarioLimits.Range[] {ScenarioLimits.BATCH, ScenarioLimits.PARAMETERS,
                ScenarioLimits.COMPUTE_EFFICIENCY, ScenarioLimits.PRICE_USD_PER_HOUR}) {
            ScenarioLimits.Parsed p = r.parse(text);
            if (p.ok()) {
                assertThat(r.allows(p.value())).as(text).isTrue();
            } else {
                assertThat(p.error()).startsWith(r.name() + ": ").doesNotContain("Exception", "null", "NaN")
                        .hasSizeLessThan(160); // one readable line
            }
        }
    }

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789.,eE+-_ kKmMbBtT$xX٣８").ofMaxLength(30);
        Arbitrary<String> numbers = Arbitraries.doubles().map(d -> Double.toString(d));
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.oneOf(noise, numbers, any);
    }
}
