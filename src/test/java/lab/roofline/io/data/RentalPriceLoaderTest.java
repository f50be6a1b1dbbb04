package lab.roofline.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.serving.RentalPrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rental-price table: every bundled row dated and sourced, every bad row one line, a user's copy on top. */
class RentalPriceLoaderTest {
    @Test
    void theBundledTablePricesOnlyProfilesWithoutAPriceAndEachRowIsDatedAndSourced() {
        RentalPriceLoader.Result r = RentalPriceLoader.loadBundled();
        assertThat(r.problems()).isEmpty();
        assertThat(r.prices().byGpuId()).isNotEmpty();
        var profiles = ProfileLoader.loadAll(List.of()).profiles();
        r.prices().byGpuId().values().forEach(rate -> {
            HardwareProfile p = profiles.stream().filter(x -> x.id().equals(rate.gpuId())).findFirst().orElseThrow(
                    () -> new AssertionError("no profile " + rate.gpuId()));
            assertThat(p.price()).as(rate.gpuId() + " has a price of its own: the table would be ignored").isEmpty();
            assertThat(rate.date()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(rate.source()).hasSizeGreaterThan(20);
        });
    }

    @Test
    void everyBadRowIsOneLineAndTheGoodRowsStay() {
        RentalPriceLoader.Result r = RentalPriceLoader.parse("t.json", """
                {"prices": [
                  {"gpu": "a", "usdPerHour": 1.5, "kind": "market", "date": "2026-01-02", "source": "x"},
                  {"gpu": "b", "usdPerHour": "cheap", "kind": "market", "date": "2026-01-02", "source": "x"},
                  {"gpu": "c", "usdPerHour": -1, "kind": "market", "date": "2026-01-02", "source": "x"},
                  {"gpu": "d", "usdPerHour": 1, "kind": "market", "date": "yesterday", "source": "x"},
                  {"gpu": "e", "usdPerHour": 1, "kind": "market", "date": "2026-01-02"},
                  {"gpu": "a", "usdPerHour": 9, "kind": "market", "date": "2026-01-02", "source": "x"},
                  42
                ]}""");
        assertThat(r.prices().byGpuId()).containsOnlyKeys("a");
        assertThat(r.prices().find("a").orElseThrow().usdPerHour()).isEqualTo(1.5);
        assertThat(r.problems()).hasSize(6).allSatisfy(p -> assertThat(p).startsWith("t.json: price "));
        assertThat(r.problems().get(0)).contains("(b)").contains("'usdPerHour' must be a number");
        assertThat(r.problems().get(1)).contains("(c)").contains("Price");
        assertThat(r.problems().get(2)).contains("'date' must look like 2026-09-25");
        assertThat(r.problems().get(3)).contains("missing field 'source'");
        assertThat(r.problems().get(4)).contains("a second row");
        assertThat(RentalPriceLoader.parse("t.json", "{\"prices\": [").problems().get(0)).startsWith("t.json: not valid JSON");
        assertThat(RentalPriceLoader.parse("t.json", "[]").problems()).containsExactly("t.json: not a JSON object");
        assertThat(RentalPriceLoader.parse("t.json", "{}").problems()).containsExactly("t.json: missing list 'prices'");
    }

    @Test
    void aUsersCopyReplacesRowsGpuByGpuAndRoundTrips(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("rental-prices.json");
        Files.writeString(mine, """
                {"prices": [{"gpu": "mi300x", "usdPerHour": 1.23, "kind": "my contract", "date": "2026-11-01", "source": "our invoice"}]}""");
        RentalPriceLoader.Result r = RentalPriceLoader.load(mine);
        assertThat(r.prices().find("mi300x").orElseThrow().usdPerHour()).isEqualTo(1.23);
        assertThat(r.prices().find("tpu_v6e")).isPresent(); // the bundled rows stay
        assertThat(RentalPriceLoader.parse("x", RentalPriceLoader.toJson(r.prices())).prices()).isEqualTo(r.prices());
        // A null price leaves a bundled device out; the file the app writes reads back the same.
        RentalPriceLoader.save(mine, new RentalPrices(Map.of()), List.of("tpu_v6e"));
        assertThat(RentalPriceLoader.load(mine).prices().find("tpu_v6e")).isEmpty();
        assertThat(RentalPriceLoader.load(mine).prices().find("mi300x")).isPresent();
        Files.write(mine, new byte[(int) RentalPriceLoader.MAX_FILE_BYTES + 1]);
        assertThat(RentalPriceLoader.load(mine).problems()).anySatisfy(p -> assertThat(p).contains("too large"));
        assertThat(RentalPriceLoader.load(dir.resolve("absent.json")).problems()).isEmpty();
    }
}
