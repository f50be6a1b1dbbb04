package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Implied batch and the Batch API argument. */
class EconomicsTest {
    private static final Scenario LLAMA_8B = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100);

    @ParameterizedTest
    @ValueSource(doubles = {5, 8, 20, 100})
    void theImpliedBatchInvertsTheCostRatio(double target) {
        double batch = RooflineEngine.impliedBatch(LLAMA_8B, target);
        assertThat(batch).isGreaterThan(1);
        assertThat(RooflineEngine.outputToInputRatio(LLAMA_8B, batch)).isCloseTo(target, within(target * 1e-6));
        assertThat(RooflineEngine.outputToInputRatio(LLAMA_8B, batch * 0.99)).isGreaterThan(target);
    }

    @Test
    void atItsAverageContextLlama8bNeverGetsDownToFourTimes() {
        // The KV cache keeps output tokens at least 4.19x input ones at 1,152 tokens of context (docs/model.md).
        assertThat(RooflineEngine.outputToInputRatio(LLAMA_8B, 1 << 20)).isCloseTo(4.19, within(0.005));
        assertThat(RooflineEngine.impliedBatch(LLAMA_8B, 4)).isNaN();
    }

    @Test
    void theRatioAtTheScenariosOwnBatchIsTheEvaluationsRatio() {
        Scenario s = LLAMA_8B.withBatchSize(48);
        assertThat(RooflineEngine.outputToInputRatio(s, 48))
                .isCloseTo(RooflineEngine.evaluate(s).cost().outputToInputRatio(), within(1e-9));
    }

    @Test
    void anUnreachableRatioHasNoImpliedBatchAndAnEasyOneIsBatch1() {
        assertThat(RooflineEngine.impliedBatch(LLAMA_8B, 0.01)).isNaN();
        // At 1,152 tokens of context the KV cache keeps output tokens at least 3.7x input at any batch.
        assertThat(RooflineEngine.impliedBatch(LLAMA_8B, 2)).isNaN();
        assertThat(RooflineEngine.impliedBatch(LLAMA_8B, 1e6)).isEqualTo(1);
        assertThatThrownBy(() -> RooflineEngine.impliedBatch(LLAMA_8B, 0)).hasMessageContaining("positive");
    }

    @Test
    void toppingUpTheBatchRaisesUtilizationAndCutsTheCostPerOutputToken() {
        BatchApi b = BatchApi.compare(RooflineEngine.evaluate(LLAMA_8B), 8, 256);
        assertThat(b.utilizationAfter()).isGreaterThan(b.utilizationBefore());
        assertThat(b.outputSecondsAfter()).isLessThan(b.outputSecondsBefore());
        assertThat(b.discountRoom()).isBetween(0.5, 1.0);
        PhaseCost at8 = RooflineEngine.decodeStep(LLAMA_8B, 8, LLAMA_8B.averageDecodeContextTokens());
        assertThat(b.outputSecondsBefore()).isCloseTo(at8.seconds() / 8, within(1e-15));
        assertThatThrownBy(() -> BatchApi.compare(RooflineEngine.evaluate(LLAMA_8B), 8, 4)).hasMessageContaining("online batch");
    }

    @Test
    void theNaturalTopUpStopsAtTheMemoryWall() {
        Evaluation e = RooflineEngine.evaluate(LLAMA_8B.withBatchSize(4));
        long topUp = e.batchApi().toppedUpBatch();
        assertThat(topUp).isLessThanOrEqualTo(e.memory().maxBatch()).isGreaterThanOrEqualTo(4);
        assertThat(e.batchApi().topsUp()).isTrue();
        // The evaluation's comparison is the one compare() gives for the same two batches.
        assertThat(e.batchApi()).isEqualTo(BatchApi.compare(e, 4, topUp));
    }
}
