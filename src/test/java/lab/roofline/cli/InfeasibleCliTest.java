package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.roofline.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, item 9: a number that cannot happen (the scenario does not fit, the configuration misses the
 * limits) never looks real: "would be" in tables, {@code feasible: false} beside it in JSON, never the best.
 */
class InfeasibleCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String line(String table, String label) {
        return table.lines().filter(l -> l.startsWith("| " + label + " |")).findFirst().orElseThrow();
    }

    /** The README's example: the H100 at batch 64 does not fit (max batch 29); the H200 does. */
    @Test
    void theReadmesCompareMarksTheH100sNumbersAsWouldBeAndBoldsNothingAgainstThem(@TempDir Path dir) throws Exception {
        Path h100 = CompareCliTest.save(dir, "h100", "--gpu", "h100_sxm", "--batch", "64");
        Path h200 = CompareCliTest.save(dir, "h200", "--gpu", "h200_sxm", "--batch", "64");
        Run r = CliTest.run("compare", h100.toString(), h200.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // The issue: "$0.0899" was bold over the H100's "$0.0684", a cost it cannot have.
        assertThat(line(r.out(), "Input, per 1M tokens")).isEqualTo("| Input, per 1M tokens | would be $0.0684 | $0.0899 (1.32×) |");
        assertThat(line(r.out(), "Decode throughput")).startsWith("| Decode throughput | would be 2,260 tok/s |");
        // One scenario that fits beats nothing: no bold anywhere.
        assertThat(r.out()).doesNotContain("**");
        // The README shows this comparison as it prints.
        String readme = Files.readString(Path.of("README.md"));
        for (String label : List.of("Fits in memory", "Input, per 1M tokens", "Output, per 1M tokens")) {
            assertThat(readme).contains("    " + line(r.out(), label) + "\n");
        }
        // Two that fit and one that does not: the best of the two that fit, the other never bold.
        Path h200at32 = CompareCliTest.save(dir, "h200-32", "--gpu", "h200_sxm", "--batch", "32");
        String three = CliTest.run("compare", h100.toString(), h200.toString(), h200at32.toString()).out();
        assertThat(line(three, "Output, per 1M tokens")).startsWith("| Output, per 1M tokens | would be $0.429 | **$0.394");
        assertThat(three.lines().filter(l -> l.contains("**would be"))).isEmpty();
        // JSON: feasible beside the numbers; CSV: fits beside the name.
        JsonNode array = JSON.readTree(CliTest.run("compare", h100.toString(), h200.toString(), "--json").out());
        for (String part : List.of("cost", "decode", "prefill", "energy")) {
            assertThat(array.get(0).path(part).path("feasible").isBoolean()).as(part).isTrue();
            assertThat(array.get(0).path(part).path("feasible").asBoolean()).as(part).isFalse();
            assertThat(array.get(1).path(part).path("feasible").asBoolean()).as(part).isTrue();
        }
        String[] csv = CliTest.run("compare", h100.toString(), h200.toString(), "--csv").out().split("\r\n");
        assertThat(csv[1]).startsWith("h100,false,");
        assertThat(csv[2]).startsWith("h200,true,");
    }

    @Test
    void aReportThatDoesNotFitSaysItsNumbersWouldBe() throws Exception {
        Run r = CliTest.run("report", "--gpu", "h100_sxm", "--batch", "64");
        assertThat(r.out()).contains("Cost per 1M tokens   would be input $0.0684, output $0.429 at $3.49/hour")
                .contains("does not fit: every time, speed and cost below is what it would be with enough memory");
        assertThat(CliTest.run("report", "--gpu", "h100_sxm", "--batch", "8").out())
                .contains("Cost per 1M tokens   input $").doesNotContain("would be");
        JsonNode j = JSON.readTree(CliTest.run("report", "--gpu", "h100_sxm", "--batch", "64", "--json").out());
        assertThat(j.path("cost").path("feasible").asBoolean(true)).isFalse();
        assertThat(j.path("decode").path("feasible").asBoolean(true)).isFalse();
    }

    /** Llama-3.1-70B with 500 ms / 50 ms limits on H100s and T4s: misses that fit and those that do not. */
    @Test
    void aPlansMissesCarryNoRealLookingNumbers() throws Exception {
        String[] flags = {"--model", "Llama-3.1-70B", "--gpus", "h100_sxm,t4", "--max-gpus", "8", "--ttft-ms", "500",
                "--tpot-ms", "50"};
        Run json = CliTest.run(concat("plan", "--json", flags));
        assertThat(json.code()).as(json.err()).isZero();
        int misses = 0;
        int nearMisses = 0;
        for (JsonNode c : JSON.readTree(json.out()).path("candidates")) {
            if (c.path("feasible").asBoolean()) {
                assertThat(c.path("costUsdPerMillionOutput").asDouble()).isPositive();
                assertThat(c.has("wouldBe")).isFalse();
                continue;
            }
            misses++;
            // No time or cost where a script reads a real one.
            for (String key : List.of("batch", "ttftSeconds", "tpotSeconds", "costUsdPerMillionOutput",
                    "costUsdPerMillionBlended", "costUsdPerMillionInput", "tokensPerSecondPerUser")) {
                assertThat(c.path(key).isMissingNode() || c.path(key).isNull()).as(key + " of " + c).isTrue();
            }
            if (c.path("why").asText().startsWith("does not fit")) {
                assertThat(c.has("wouldBe")).isFalse();
            } else {
                nearMisses++;
                assertThat(c.path("wouldBe").path("feasible").asBoolean(true)).isFalse();
                assertThat(c.path("wouldBe").path("costUsdPerMillionOutput").asDouble()).isPositive();
            }
        }
        assertThat(misses).isPositive();
        assertThat(nearMisses).isPositive();
        // CSV: feasible beside the configuration, no numbers for what does not fit.
        String[] csv = CliTest.run(concat("plan", "--csv", flags)).out().split("\n");
        assertThat(csv[0]).startsWith("gpu,gpus,parallelism,precision,feasible,batch,");
        assertThat(List.of(csv).stream().filter(l -> l.contains("does not fit")))
                .isNotEmpty().allMatch(l -> l.matches("^[^,]+,\\d+,[^,]+,[^,]+,false,,,,.*"));
        // The table: "would be" on every miss shown.
        String table = CliTest.run(concat("plan", flags, "--top", "2000")).out();
        List<String> rows = table.lines().filter(l -> l.matches("^\\d+ .*")).toList();
        assertThat(rows).anyMatch(l -> l.contains("does not fit"));
        assertThat(rows.stream().filter(l -> l.contains("above"))).isNotEmpty().allMatch(l -> l.contains("would be"));
    }

    private static String[] concat(String first, String second, String... rest) {
        String[] out = new String[rest.length + 2];
        out[0] = first;
        out[1] = second;
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }

    private static String[] concat(String first, String[] middle, String... rest) {
        String[] out = new String[middle.length + rest.length + 1];
        out[0] = first;
        System.arraycopy(middle, 0, out, 1, middle.length);
        System.arraycopy(rest, 0, out, 1 + middle.length, rest.length);
        return out;
    }
}
