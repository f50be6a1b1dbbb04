package lab.roofline.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RealismMode;
import lab.roofline.engine.roofline.ScenarioArbitraries;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.engine.scenario.ScenarioInputs;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Copy as command line, then paste it back through the command line's own options: the same scenario. */
class PastedCommandLineProperties {
    @Provide
    Arbitrary<ScenarioInputs> inputs() {
        return ScenarioArbitraries.inputs(List.of("h100_sxm", "h200_sxm", "mi300x", "t4", "b200", "tpu_v5e"));
    }

    @Property(tries = 500)
    void pastingACopiedLineGivesTheSameScenario(@ForAll("inputs") ScenarioInputs in) {
        PastedCommandLine.Read back = PastedCommandLine.read(ScenarioCommandLine.of(in), Realism.IDEAL);
        assertThat(back.error()).isNull();
        assertThat(back.inputs()).isEqualTo(in);
    }

    @Example
    void aLineFromATerminalWithQuotesAndEqualsReads() {
        var p = PastedCommandLine.read("java -jar target/roofline-lab.jar report --gpu=h200_sxm \\\n"
                + "  --model 'Llama-3.1-8B' --batch \"64\" --price-per-hour none", Realism.IDEAL);
        assertThat(p.error()).isNull();
        assertThat(p.inputs().gpuId()).isEqualTo("h200_sxm");
        assertThat(p.inputs().presetName()).isEqualTo("Llama-3.1-8B");
        assertThat(p.inputs().batchSize()).isEqualTo(64);
        assertThat(p.inputs().priceUsdPerHour()).isNaN();
    }

    /** Each case: a pasted line, and what the message must say (the flag, and what is wrong with it). */
    @Example
    void whatCannotBeReadIsNamed() {
        for (var c : List.of(
                List.of("roofline-lab report --batch 0", "--batch: too small"),
                List.of("roofline-lab report --gpu", "Missing required parameter for option '--gpu'"),
                List.of("roofline-lab report --frobnicate 3", "Unknown options: '--frobnicate', '3' (the scenario flags of "
                        + "roofline-lab report: --gpu, --gpus"),
                List.of("roofline-lab report --json", "Unknown option: '--json'"),
                List.of("roofline-lab report --batch 8 64", "Unmatched argument at index 2: '64'"),
                List.of("rm -rf /", "'rm' is not a roofline-lab report flag"),
                List.of("roofline-lab report --model 'Llama", "a quote (') is not closed"),
                List.of("roofline-lab report --model Llama-9", "--model: unknown preset 'Llama-9' (known: "),
                List.of("roofline-lab report --precision int3", "'--precision': 'int3' is not a precision (use "),
                List.of("roofline-lab report --precision bf16 --weight-only", "--weight-only needs weights narrower"),
                List.of("roofline-lab report --batch 2 --batch 3", "option '--batch' (B) should be specified only once"),
                List.of("roofline-lab report --batch " + "9".repeat(1_000_000), "--batch: too long to be a number"),
                List.of("roofline-lab report --gpus 128 --pipeline-stages 128 --model Llama-3.1-8B",
                        "--pipeline-stages: 128 stages need at least 128 layers; the model has 32"),
                List.of("roofline-lab report --gpus 16 --pipeline-stages 16 --params 1e8",
                        "--pipeline-stages: 16 stages need at least 16 layers; the model has 8"),
                List.of("roofline-lab report --gpus 6 --pipeline-stages 4", "4 stages do not divide 6 GPUs evenly"),
                List.of("roofline-lab report --layer-overhead-us lots", "--layer-overhead-us: 'lots' is not a number"),
                List.of("roofline-lab report --params 70B --model Mistral-7B", "use either --model or --params, not both"),
                List.of("roofline-lab report --acceptance 0.5", "--draft-tokens and --acceptance need --draft-model"),
                List.of("roofline-lab report --draft-model GPT-9", "--draft-model: unknown preset 'GPT-9'"),
                List.of("roofline-lab report --price-per-hour free", "--price-per-hour: 'free' is not a number"),
                List.of("roofline-lab report --peak-scale 8", "--peak-scale: too large (at most 4)"),
                List.of("roofline-lab report @/etc/passwd", "'@/etc/passwd' is not a roofline-lab report flag"),
                List.of("roofline-lab report --gpu h100_sxm @/etc/passwd", "Unmatched argument at index 2: '@/etc/passwd'"),
                List.of("   ", "the line is empty"))) {
            var p = PastedCommandLine.read(c.get(0), Realism.IDEAL);
            assertThat(p.ok()).as(c.get(0)).isFalse();
            assertThat(p.error()).as(c.get(0)).contains(c.get(1));
        }
    }

    @Example
    void anEfficiencyGivenWithRealisticKeepsTheOtherMeasuredFraction() {
        Realism measured = new Realism(0.9, "measured", 0.8, "measured", Map.of(), 50e-6, "fitted");
        var p = PastedCommandLine.read("roofline-lab report --realistic --compute-efficiency 0.5", measured);
        assertThat(p.error()).isNull();
        assertThat(p.inputs().realism()).isEqualTo(RealismMode.CUSTOM);
        assertThat(p.inputs().customComputeEfficiency()).isEqualTo(0.5);
        assertThat(p.inputs().customBandwidthEfficiency()).isEqualTo(0.9);
        assertThat(p.inputs().customLayerOverheadMicroseconds()).isCloseTo(50, within(1e-9));
    }
}
