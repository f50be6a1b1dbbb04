package lab.roofline.engine.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.HardwareScales;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.data.RealismLoader;
import org.junit.jupiter.api.Test;

/** Every misconception card's two scenarios really break its claim, and its evidence says so in numbers. */
class MisconceptionTest {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.loadAll(List.of()).profiles();
    private static final Realism MEASURED = RealismLoader.loadBundled().realism();

    private static Evaluation evaluate(ScenarioInputs in) {
        HardwareProfile g = PROFILES.stream().filter(p -> p.id().equals(in.gpuId())).findFirst().orElseThrow();
        return RooflineEngine.evaluate(in.toScenario(g, MEASURED));
    }

    @Test
    void eachCardsScenariosBreakItsClaim() {
        assertThat(Misconception.BUILT_IN).extracting(Misconception::id).doesNotHaveDuplicates().hasSize(5);
        for (Misconception m : Misconception.BUILT_IN) {
            Evaluation before = evaluate(m.before());
            Evaluation after = evaluate(m.after());
            assertThat(before.memory().fits() && after.memory().fits()).as(m.id() + " fits").isTrue();
            assertThat(m.breaks().test(before, after)).as(m.id() + ": " + m.evidence().apply(before, after)).isTrue();
            assertThat(m.evidence().apply(before, after)).as(m.id()).matches(".*\\d.*");
        }
    }

    @Test
    void theEvidenceIsTheEnginesNumbers() {
        Misconception batch = Misconception.BUILT_IN.get(0);
        String said = batch.evidence().apply(evaluate(batch.before()), evaluate(batch.after()));
        assertThat(said).startsWith("Batch 1: " + Units.sig3(evaluate(batch.before()).decode().tokensPerSecondPerSequence()));
        // Twice the FLOP/s leaves batch-1 decode where it was; twice the bandwidth nearly doubles it.
        Misconception flops = Misconception.BUILT_IN.get(1);
        Evaluation twiceBandwidth = evaluate(flops.before().withScales(new HardwareScales(2, 1, 1)));
        assertThat(twiceBandwidth.decode().tokensPerSecond()).isGreaterThan(1.9 * evaluate(flops.before()).decode().tokensPerSecond());
    }
}
