package lab.roofline.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.explain.Captions;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/** The comparison's rows: ratios to the first, the best, ties and scenarios that do not fit. */
class ComparisonTest {
    private static final List<HardwareProfile> GPUS = ProfileLoader.load(true, List.of()).profiles();

    private static Evaluation on(String gpu, long batch) {
        HardwareProfile p = GPUS.stream().filter(g -> g.id().equals(gpu)).findFirst().orElseThrow();
        return RooflineEngine.evaluate(ScenarioInputs.DEFAULT.toScenario(p, Realism.IDEAL).withBatchSize(batch));
    }

    private static Comparison.Row row(Comparison c, Comparison.Metric m) {
        return c.rows().stream().filter(r -> r.metric() == m).findFirst().orElseThrow();
    }

    @Test
    void ratiosAreToTheFirstAndTheBestIsTheFasterOneThatFits() {
        Evaluation h100 = on("h100_sxm", 8);
        Evaluation h200 = on("h200_sxm", 8);
        Comparison c = new Comparison(List.of("H100", "H200"), List.of(h100, h200));
        Comparison.Row speed = row(c, Comparison.Metric.DECODE_TOKENS_PER_SECOND);
        assertThat(speed.ratioToFirst()[1]).isEqualTo(h200.decode().tokensPerSecond() / h100.decode().tokensPerSecond());
        assertThat(speed.best()).isEqualTo(1);
        assertThat(row(c, Comparison.Metric.RIDGE).best()).as("a property, not a score").isEqualTo(-1);
        // At batch 64 the H100 does not fit (max batch 29): it wins nothing, even where its number is better; nor
        // is the H200, the one that fits, the best over a number that cannot happen (issue 26: it was bold).
        Comparison tight = new Comparison(List.of("H100", "H200"), List.of(on("h100_sxm", 64), on("h200_sxm", 64)));
        assertThat(row(tight, Comparison.Metric.INPUT_COST).best()).isEqualTo(-1);
        Comparison three = new Comparison(List.of("H100", "H200", "H200 at 32"),
                List.of(on("h100_sxm", 64), on("h200_sxm", 64), on("h200_sxm", 32)));
        assertThat(row(three, Comparison.Metric.OUTPUT_COST).best()).isEqualTo(1);
    }

    @Test
    void aNameCannotBreakTheTableOrTheTerminal() {
        Evaluation a = on("h100_sxm", 8);
        Comparison c = new Comparison(List.of("evil\nname\u001b[31m|pipe", "B"), List.of(a, on("h200_sxm", 8)));
        String header = c.markdown().lines().findFirst().orElseThrow();
        assertThat(header).contains("evil name [31m\\|pipe").doesNotContain("\u001b");
        assertThat(c.csv().split("\r\n")).hasSize(3);
    }

    @Test
    void aTieSinglesOutNoOne() {
        Evaluation a = on("h100_sxm", 8);
        Comparison c = new Comparison(List.of("A", "B"), List.of(a, a));
        assertThat(c.rows()).allMatch(r -> r.best() == -1);
        assertThat(c.markdown()).doesNotContain("**");
    }

    @Test
    void eachScenarioSaysWhetherItFitsAndHowManyDevicesWouldHoldIt() {
        Evaluation t4 = on("t4", 64); // 70B INT8: weights 70.6 GB and a KV cache at batch 64, on 16 GiB cards
        double perDevice = 16 * 0.95 * (1L << 30); // 16 GiB less the runtime reserve: a twentieth of a small card
        long byHand = (long) Math.ceil(t4.memory().totalBytes() / perDevice);
        assertThat(t4.memory().totalBytes()).isGreaterThan(5 * perDevice).as("5 T4s hold the weights alone, not the cache");
        assertThat(t4.memory().minDevicesForWeights()).isEqualTo(5);
        assertThat(t4.devicesToFit()).isEqualTo(byHand).isEqualTo(7);
        Comparison c = new Comparison(List.of("H100 at 8", "H100 at 64", "T4"), List.of(on("h100_sxm", 8), on("h100_sxm", 64), t4));
        assertThat(c.fits(0)).isEqualTo("yes");
        // 79 GiB usable (84.8e9 bytes) less 72.7 GB of weights (tables at 16 bits), 419 MB of cache a sequence: 29.
        assertThat(c.fits(1)).isEqualTo("no: max batch 29");
        assertThat(c.fits(2)).isEqualTo("no: needs 7 × NVIDIA T4");
        assertThat(c.markdown().lines().skip(3).findFirst().orElseThrow())
                .isEqualTo("| Fits in memory | yes | no: max batch 29 | no: needs 7 × NVIDIA T4 |");
        // Which devices each runs on, a what-if named as such, in the table and in every CSV line.
        Evaluation what = RooflineEngine.evaluate(ScenarioInputs.DEFAULT.withScales(new HardwareScales(2, 1, 1))
                .toScenario(GPUS.stream().filter(g -> g.id().equals("h100_sxm")).findFirst().orElseThrow(), Realism.IDEAL));
        Comparison named = new Comparison(List.of("real", "what-if"), List.of(on("h100_sxm", 1), what));
        assertThat(named.markdown().lines().skip(2).findFirst().orElseThrow())
                .isEqualTo("| Devices | NVIDIA H100 SXM5 80GB | NVIDIA H100 SXM5 80GB with 2× bandwidth |");
        assertThat(named.csv().split("\r\n")[0]).endsWith(",devices");
        assertThat(named.csv().split("\r\n")[2]).endsWith(",NVIDIA H100 SXM5 80GB with 2× bandwidth");
        assertThat(Captions.doesNotFit(t4)).isEqualTo("does not fit: needs 7 × NVIDIA T4");
    }

    @Test
    void aNameASpreadsheetWouldRunIsWrittenAsText() {
        Comparison c = new Comparison(List.of("=HYPERLINK(\"x\")", "+1", "plain"), List.of(on("h100_sxm", 1),
                on("h100_sxm", 2), on("h100_sxm", 4)));
        String[] lines = c.csv().split("\r\n");
        assertThat(lines[1]).startsWith("\"'=HYPERLINK(\"\"x\"\")\",");
        assertThat(lines[2]).startsWith("'+1,");
        assertThat(lines[3]).startsWith("plain,");
    }
}
