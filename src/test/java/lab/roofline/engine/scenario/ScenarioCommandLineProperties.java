package lab.roofline.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.ScenarioArbitraries;

/** Copy as command line, then paste it back: the same scenario, over random scenarios. */
class ScenarioCommandLineProperties {
    @Provide
    Arbitrary<ScenarioInputs> inputs() {
        return ScenarioArbitraries.inputs(List.of("h100_sxm", "h200_sxm", "mi300x", "t4", "b200", "tpu_v5e"));
    }

    @Property(tries = 500)
    void pastingACopiedLineGivesTheSameScenario(@ForAll("inputs") ScenarioInputs in) {
        ScenarioCommandLine.Parsed back = ScenarioCommandLine.parse(ScenarioCommandLine.of(in), Realism.IDEAL);
        assertThat(back.error()).isNull();
        assertThat(back.inputs()).isEqualTo(in);
    }

    @Example
    void aLineFromATerminalWithQuotesAndEqualsReads() {
        var p = ScenarioCommandLine.parse("java -jar target/roofline-lab.jar report --gpu=h200_sxm \\\n"
                + "  --model 'Llama-3.1-8B' --batch \"64\" --price-per-hour none", Realism.IDEAL);
        assertThat(p.error()).isNull();
        assertThat(p.inputs().gpuId()).isEqualTo("h200_sxm");
        assertThat(p.inputs().presetName()).isEqualTo("Llama-3.1-8B");
        assertThat(p.inputs().batchSize()).isEqualTo(64);
        assertThat(p.inputs().priceUsdPerHour()).isNaN();
    }

    @Example
    void whatCannotBeReadIsNamed() {
        for (var c : List.of(
                List.of("roofline-lab report --batch 0", "--batch: too small"),
                List.of("roofline-lab report --gpu", "--gpu needs a value"),
                List.of("roofline-lab report --frobnicate 3", "unknown flag --frobnicate"),
                List.of("rm -rf /", "'rm' is not a roofline-lab report flag"),
                List.of("roofline-lab report --model 'Llama", "a quote (') is not closed"),
                List.of("roofline-lab report --precision int3", "--precision: 'int3' is not a precision"),
                List.of("roofline-lab report --precision bf16 --weight-only", "--weight-only needs weights narrower"),
                List.of("roofline-lab report --batch 2 --batch 3", "--batch is given twice"),
                List.of("roofline-lab report --batch " + "9".repeat(1_000_000), "--batch: too long to be a number"),
                List.of("roofline-lab report --gpus 128 --pipeline-stages 128 --model Llama-3.1-8B",
                        "--pipeline-stages: 128 stages need at least 128 layers; the model has 32"),
                List.of("roofline-lab report --gpus 16 --pipeline-stages 16 --params 1e8",
                        "--pipeline-stages: 16 stages need at least 16 layers; the model has 8"),
                List.of("roofline-lab report --gpus 6 --pipeline-stages 4", "4 stages do not divide 6 GPUs evenly"),
                List.of("roofline-lab report --layer-overhead-us lots", "--layer-overhead-us: 'lots' is not a number"),
                List.of("   ", "the line is empty"))) {
            var p = ScenarioCommandLine.parse(c.get(0), Realism.IDEAL);
            assertThat(p.ok()).as(c.get(0)).isFalse();
            assertThat(p.error()).as(c.get(0)).contains(c.get(1));
        }
    }
}
