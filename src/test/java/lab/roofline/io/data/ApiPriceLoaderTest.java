package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import lab.roofline.engine.serving.ApiPrice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiPriceLoaderTest {

    @Test
    void theBundledPricesLoadDatedAndSourced() {
        ApiPriceLoader.Result r = ApiPriceLoader.loadBundled();
        assertThat(r.problems()).isEmpty();
        assertThat(r.prices()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(r.prices()).allSatisfy(p -> {
            assertThat(p.date()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(p.source()).isNotBlank();
        });
        ApiPrice gpt41 = r.prices().stream().filter(p -> p.model().equals("GPT-4.1")).findFirst().orElseThrow();
        assertThat(gpt41.outputToInputRatio()).isEqualTo(4.0);
        assertThat(r.batchDiscount()).isEqualTo(0.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed | {\"prices\": [ | not valid JSON",
            "no list | {\"about\": \"x\"} | missing list 'prices'",
            "missing output | {\"prices\": [{\"provider\": \"A\", \"model\": \"M\", \"inputUsdPerMillion\": 1, \"date\": \"2026-01-01\", \"source\": \"s\"}]} | price 1 (M): missing field 'outputUsdPerMillion'",
            "zero input | {\"prices\": [{\"provider\": \"A\", \"model\": \"M\", \"inputUsdPerMillion\": 0, \"outputUsdPerMillion\": 4, \"date\": \"2026-01-01\", \"source\": \"s\"}]} | field 'inputUsdPerMillion' must be a number above zero, got 0",
            "text price | {\"prices\": [{\"provider\": \"A\", \"model\": \"M\", \"inputUsdPerMillion\": \"cheap\", \"outputUsdPerMillion\": 4, \"date\": \"2026-01-01\", \"source\": \"s\"}]} | must be a number above zero, got \"cheap\"",
            "bad date | {\"prices\": [{\"provider\": \"A\", \"model\": \"M\", \"inputUsdPerMillion\": 1, \"outputUsdPerMillion\": 4, \"date\": \"April\", \"source\": \"s\"}]} | field 'date' must look like 2026-04-06",
            "no source | {\"prices\": [{\"provider\": \"A\", \"model\": \"M\", \"inputUsdPerMillion\": 1, \"outputUsdPerMillion\": 4, \"date\": \"2026-01-01\"}]} | missing field 'source'",
            "typo ratio | {\"prices\": [{\"provider\": \"A\", \"model\": \"M\", \"inputUsdPerMillion\": 1000, \"outputUsdPerMillion\": 4, \"date\": \"2026-01-01\", \"source\": \"s\"}]} | output ÷ input = 0.00400 is outside 0.1 to 1000 (a typo?); row skipped",
            "bad discount | {\"prices\": [], \"batchApiDiscount\": {\"fraction\": 2}} | 'fraction' must be a number between 0 and 1",
    })
    void aBrokenFileOrEntryGivesOneClearLine(String what, String json, String expected) {
        ApiPriceLoader.Result r = ApiPriceLoader.parse("api-prices.json", json);
        assertThat(r.problems()).singleElement().asString().startsWith("api-prices.json").contains(expected);
    }

    @Test
    void aBrokenEntryDoesNotTakeTheOthersWithIt() {
        String json = """
                {"prices": [
                  {"provider": "A", "model": "Good", "inputUsdPerMillion": 1, "outputUsdPerMillion": 4, "date": "2026-01-01", "source": "s"},
                  {"provider": "B", "model": "Bad", "inputUsdPerMillion": -1, "outputUsdPerMillion": 4, "date": "2026-01-01", "source": "s"}
                ]}
                """;
        ApiPriceLoader.Result r = ApiPriceLoader.parse("api-prices.json", json);
        assertThat(r.prices()).extracting(ApiPrice::model).containsExactly("Good");
        assertThat(r.problems()).singleElement().asString().contains("price 2 (Bad)");
    }
}
