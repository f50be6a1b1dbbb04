package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.explain.Captions;
import lab.roofline.io.data.ProfileLoader;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** A what-if on the device: the figures scaled, the name saying so, the limits of the command line. */
class HardwareScalesTest {
    private static final HardwareProfile H100 = ProfileLoader.load(true, List.of()).find("h100_sxm").orElseThrow();

    @Test
    void eachFigureIsScaledAndTheNameSaysSo() {
        HardwareProfile twice = new HardwareScales(2, 0.5, 1.5).apply(H100);
        assertThat(twice.id()).isEqualTo("h100_sxm");
        assertThat(twice.memoryBandwidthBytesPerSecond()).isEqualTo(6.7e12);
        assertThat(twice.peakFlopsPerSecond().get(Precision.BF16)).isEqualTo(989.5e12 * 0.5);
        assertThat(twice.peakFlopsPerSecond().get(Precision.FP8)).isEqualTo(1979e12 * 0.5);
        assertThat(twice.memoryCapacityBytes()).isEqualTo(H100.memoryCapacityBytes() * 1.5);
        assertThat(twice.priceUsdPerHour()).isEqualTo(H100.priceUsdPerHour());
        assertThat(twice.name()).isEqualTo("NVIDIA H100 SXM5 80GB with 2× bandwidth, 0.5× peak FLOP/s, 1.5× memory");
        assertThat(twice.whatIf()).isEqualTo(new HardwareScales(2, 0.5, 1.5));
        assertThat(HardwareScales.NONE.apply(H100)).isSameAs(H100);
    }

    @Test
    void twiceTheBandwidthHalvesTheBatchOneDecodeStepAndTheRidgeAndSaysItIsAWhatIf() {
        ScenarioInputs real = ScenarioInputs.DEFAULT;
        Evaluation as = RooflineEngine.evaluate(real.toScenario(H100, Realism.IDEAL));
        Evaluation what = RooflineEngine.evaluate(real.withScales(new HardwareScales(2, 1, 1)).toScenario(H100, Realism.IDEAL));
        // Batch 1 is memory-bound: every byte read twice as fast.
        assertThat(what.decode().seconds()).isCloseTo(as.decode().seconds() / 2, Offset.offset(1e-12));
        assertThat(what.ridgeFlopsPerByte()).isCloseTo(as.ridgeFlopsPerByte() / 2, Offset.offset(1e-9));
        assertThat(what.notices()).anyMatch(n -> n.equals("What-if: NVIDIA H100 SXM5 80GB with 2× bandwidth is not a real device (priced as the real one)"));
        assertThat(as.notices()).noneMatch(n -> n.startsWith("What-if"));
        assertThat(Captions.of(what)).startsWith("NVIDIA H100 SXM5 80GB with 2× bandwidth  ·");
    }

    @Test
    void factorsOutsideHalfToFourAreRefusedNamingTheKnob() {
        assertThatThrownBy(() -> new HardwareScales(5, 1, 1)).hasMessage("Bandwidth scale: too large (at most 4)");
        assertThatThrownBy(() -> new HardwareScales(1, 0.25, 1)).hasMessage("Peak scale: too small (at least 0.5)");
        assertThatThrownBy(() -> new HardwareScales(1, 1, Double.NaN)).hasMessage("Memory scale: not a number");
    }
}
