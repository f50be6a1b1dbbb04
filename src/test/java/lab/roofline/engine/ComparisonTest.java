package lab.roofline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.io.ProfileLoader;
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
        // At batch 64 the H100 does not fit (max batch 22): it wins nothing, even where its number is better.
        Comparison tight = new Comparison(List.of("H100", "H200"), List.of(on("h100_sxm", 64), on("h200_sxm", 64)));
        assertThat(row(tight, Comparison.Metric.INPUT_COST).best()).isEqualTo(1);
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
}
