package lab.roofline.engine.roofline;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import lab.roofline.engine.scenario.ScenarioInputs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random scenario inputs as a user could choose them, for the properties of files and command lines. */
public final class ScenarioArbitraries {
    private ScenarioArbitraries() {
    }

    /** Every input over its whole range; a preset carries its own parameter count, as the app shows it. */
    public static Arbitrary<ScenarioInputs> inputs(List<String> gpuIds) {
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
        // A what-if on the device: mostly none, else any factors in range (0.5 to 4, as typed: exact decimals).
        Arbitrary<Double> factor = Arbitraries.oneOf(Arbitraries.just(1.0), Arbitraries.of(0.5, 0.75, 1.25, 2.0, 4.0),
                Arbitraries.bigDecimals().between(BigDecimal.valueOf(0.5), BigDecimal.valueOf(4))
                        .ofScale(3).map(BigDecimal::doubleValue));
        Arbitrary<HardwareScales> scales = Combinators.combine(factor, factor, factor).as(HardwareScales::new);
        Arbitrary<Double> overhead = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.of(54.0, 0.5, 10_000.0),
                Arbitraries.doubles().between(0, ScenarioLimits.LAYER_OVERHEAD_MICROSECONDS.max()));
        return Combinators.combine(presets, parameters, precisions, precisions, batch, tokens, tokens, gpus)
                .as((m, p, w, kv, b, pr, g, n) -> new Object[] {m, p, w, kv, b, pr, g, n})
                .flatMap(a -> Combinators.combine(Arbitraries.of(gpuIds), Arbitraries.of(RealismMode.class), fraction,
                        fraction, price, Arbitraries.of(true, false), scales, overhead).as((id, r, c, bw, usd, only, sc, o) -> {
                    ModelSpec m = (ModelSpec) a[0];
                    Precision w = (Precision) a[2];
                    return new ScenarioInputs(id, m == null ? null : m.name(),
                            m == null ? (Double) a[1] : m.totalParameters(), w,
                            only && w.bytesPerValue() < Precision.BF16.bytesPerValue(), (Precision) a[3],
                            (Integer) a[4], (Integer) a[5], (Integer) a[6], (Integer) a[7], r,
                            r == RealismMode.CUSTOM ? c : 1, r == RealismMode.CUSTOM ? bw : 1, usd, sc, 1,
                            r == RealismMode.CUSTOM ? o : 0);
                }))
                // Pipeline stages: a divisor of the devices that the model's layers allow.
                .flatMap(in -> {
                    int layers = in.presetName() == null ? ModelSpec.fromParameterCount(in.parameters()).layers()
                            : ModelPresets.find(in.presetName()).orElseThrow().layers();
                    List<Integer> stages = IntStream.rangeClosed(1, Math.min(in.gpuCount(), layers))
                            .filter(k -> in.gpuCount() % k == 0).boxed().toList();
                    return Arbitraries.of(stages).map(k -> in.withParallelism(in.gpuCount(), k));
                })
                .flatMap(in -> Arbitraries.of(false, true).map(in::withQuantizedEmbeddings))
                // Speculative decoding: mostly off, else any preset draft, 1-16 tokens, an acceptance as typed.
                .flatMap(in -> Arbitraries.oneOf(Arbitraries.just(Speculation.NONE), Combinators.combine(
                        Arbitraries.integers().between(1, 16),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3)
                                .map(BigDecimal::doubleValue),
                        Arbitraries.of(ModelPresets.ALL)).as(Speculation::new)).map(in::withSpeculation));
    }
}
