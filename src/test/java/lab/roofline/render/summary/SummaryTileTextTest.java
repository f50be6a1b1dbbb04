package lab.roofline.render.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A wrapped tile's detail never leaves a unit or a number alone on its line (review: "91.8" / "%", "max batch" / "68"). */
class SummaryTileTextTest {
    private static final char NO_BREAK = '\u00A0';

    @Test
    void numbersKeepTheirUnitsAndNamesKeepTheirNumbers() {
        assertThat(SummaryTile.keptTogether("memory-bound · prefill 85.8 %"))
                .isEqualTo("memory-bound · prefill" + NO_BREAK + "85.8" + NO_BREAK + "%");
        assertThat(SummaryTile.keptTogether("39.7 GB/device · max batch 231"))
                .isEqualTo("39.7" + NO_BREAK + "GB/device · max" + NO_BREAK + "batch" + NO_BREAK + "231");
        assertThat(SummaryTile.keptTogether("at $6.98 per hour")).isEqualTo("at" + NO_BREAK + "$6.98" + NO_BREAK + "per hour");
    }

    @Test
    void wordsWithoutNumbersStillWrap() {
        assertThat(SummaryTile.keptTogether("would be: does not fit in memory"))
                .isEqualTo("would be: does not fit in memory");
    }
}
