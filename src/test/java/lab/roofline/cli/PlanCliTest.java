package lab.roofline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import lab.roofline.cli.CliTest.Run;
import org.junit.jupiter.api.Test;

/** Issue 26, item 10: the plan's table says what it assumes, and --distinct lists each device once. */
class PlanCliTest {
    private static List<String> rows(String table) {
        return table.lines().filter(l -> l.matches("^\\d+ .*")).toList();
    }

    @Test
    void theTableSaysItAssumesTheIdealRooflineOrTheMeasuredFractions() throws Exception {
        Run ideal = CliTest.run("plan", "--gpus", "h100_sxm", "--max-gpus", "1", "--model", "Llama-3.1-8B");
        assertThat(ideal.code()).as(ideal.err()).isZero();
        assertThat(ideal.out()).contains("Assumes 100 % of peak compute and bandwidth and no overhead per layer "
                + "(the ideal roofline; --realistic for measured fractions).");
        Run realistic = CliTest.run("plan", "--gpus", "h100_sxm", "--max-gpus", "1", "--model", "Llama-3.1-8B", "--realistic");
        assertThat(realistic.out()).containsPattern("Assumes measured fractions of peak: bandwidth [0-9.]+ %, compute "
                + "[0-9.]+ % \\(h100_sxm\\), an overhead of [0-9.]+ [µm]?s a layer")
                .doesNotContain("100 % of peak");
        JsonNode limits = new ObjectMapper().readTree(CliTest.run("plan", "--json", "--gpus", "h100_sxm", "--max-gpus",
                "1", "--model", "Llama-3.1-8B").out()).path("limits");
        assertThat(limits.path("bandwidthEfficiency").asDouble()).isEqualTo(1.0);
        assertThat(limits.path("computeEfficiency").path("h100_sxm").asDouble()).isEqualTo(1.0);
    }

    @Test
    void distinctListsEachDeviceOnceAtItsCheapest() throws Exception {
        String[] flags = {"plan", "--model", "Llama-3.1-70B", "--ttft-ms", "500", "--tpot-ms", "50"};
        List<String> all = rows(CliTest.run(flags).out());
        // The issue: the top ten was one device in four precisions.
        assertThat(all.stream().map(l -> l.split("\\s+")[3]).distinct().count()).isLessThan(all.size());
        List<String> args = new ArrayList<>(List.of(flags));
        args.add("--distinct");
        Run distinct = CliTest.run(args.toArray(String[]::new));
        assertThat(distinct.code()).as(distinct.err()).isZero();
        List<String> once = rows(distinct.out());
        assertThat(once).hasSize(10);
        List<String> devices = once.stream().map(l -> l.split("\\s+")[3]).toList();
        assertThat(devices).doesNotHaveDuplicates();
        // Each at its cheapest: the first row is the plan's first.
        assertThat(once.get(0)).isEqualTo(all.get(0));
        assertThat(distinct.out()).contains("Each device once, at its cheapest configuration (--distinct).");
        args.add("--json");
        JsonNode j = new ObjectMapper().readTree(CliTest.run(args.toArray(String[]::new)).out());
        List<String> ids = new ArrayList<>();
        j.path("candidates").forEach(c -> ids.add(c.path("gpu").asText()));
        assertThat(ids).doesNotHaveDuplicates().isNotEmpty();
    }
}
