package lab.roofline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Copy as command line, then paste it back: the same scenario, over random scenarios. */
class ScenarioCommandLineProperties {
    @Provide
    Arbitrary<ScenarioInputs> inputs() {
        Arbitrary<ModelSpec> presets = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(ModelPresets.ALL));
        Arbitrary<Double> parameters = Arbitraries.doubles().between(ScenarioLimits.PARAMETERS.min(),
                ScenarioLimits.PARAMETERS.max());
        Arbitrary<Precision> precisions = Arbitraries.of(Precision.class);
        Arbitrary<Integer> batch = Arbitraries.integers().between(1, (int) ScenarioLimits.MAX_BATCH);
        Arbitrary<Integer> tokens = Arbitraries.integers().between(1, 10_000_000);
        Arbitrary<Integer> gpus = Arbitraries.integers().between(1, 4096);
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0.01, 1);
        Arbitrary<Double> price = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(Double.NaN),
                Arbitraries.doubles().between(0.01, 10_000));
        Arbitrary<String> gpuIds = Arbitraries.of("h100_sxm", "h200_sxm", "mi300x", "t4", "b200", "tpu_v5e");
        return Combinators.combine(presets, parameters, precisions, precisions, batch, tokens, tokens, gpus)
                .as((m, p, w, kv, b, pr, g, n) -> new Object[] {m, p, w, kv, b, pr, g, n})
                .flatMap(a -> Combinators.combine(gpuIds, Arbitraries.of(RealismMode.class), fraction, fraction, price,
                        Arbitraries.of(true, false)).as((id, r, c, bw, usd, only) -> {
                    ModelSpec m = (ModelSpec) a[0];
                    Precision w = (Precision) a[2];
                    return new ScenarioInputs(id, m == null ? null : m.name(),
                            m == null ? (Double) a[1] : m.totalParameters(), w,
                            only && w.bytesPerValue() < Precision.BF16.bytesPerValue(), (Precision) a[3],
                            (Integer) a[4], (Integer) a[5], (Integer) a[6], (Integer) a[7], r,
                            r == RealismMode.CUSTOM ? c : 1, r == RealismMode.CUSTOM ? bw : 1, usd);
                }));
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
                List.of("   ", "the line is empty"))) {
            var p = ScenarioCommandLine.parse(c.get(0), Realism.IDEAL);
            assertThat(p.ok()).as(c.get(0)).isFalse();
            assertThat(p.error()).as(c.get(0)).contains(c.get(1));
        }
    }
}
