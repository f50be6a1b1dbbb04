package lab.roofline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Implied batch, the Batch API argument and the explanation's numbers. */
class EconomicsTest {
    private static final Scenario LLAMA_8B = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100);

    @ParameterizedTest
    @ValueSource(doubles = {4, 5, 8, 20, 100})
    void theImpliedBatchInvertsTheCostRatio(double target) {
        double batch = RooflineEngine.impliedBatch(LLAMA_8B, target);
        assertThat(batch).isGreaterThan(1);
        assertThat(RooflineEngine.outputToInputRatio(LLAMA_8B, batch)).isCloseTo(target, within(target * 1e-6));
        assertThat(RooflineEngine.outputToInputRatio(LLAMA_8B, batch * 0.99)).isGreaterThan(target);
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
        long topUp = BatchApi.naturalTopUp(e);
        assertThat(topUp).isLessThanOrEqualTo(e.memory().maxBatch()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theExplanationStatesTheEnginesNumbers() {
        for (Scenario s : List.of(
                Scenario.of(ModelSpec.fromParameterCount(70e9), TestProfiles.H100).withPrecision(Precision.INT8, false)
                        .withTokens(1, 1),
                LLAMA_8B.withBatchSize(64),
                Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.TPU_V5E).withGpuCount(16).withBatchSize(32),
                Scenario.of(ModelPresets.MIXTRAL_8X7B, TestProfiles.A100).withGpuCount(4)
                        .withPrecision(Precision.FP8, false).withPrice(Double.NaN))) {
            Evaluation e = RooflineEngine.evaluate(s);
            String ridge = Explanation.paragraph(Explanation.Topic.RIDGE, e);
            assertThat(ridge).contains(Units.sig3(e.ridgeFlopsPerByte()) + " FLOP/byte")
                    .contains(Units.sig3(e.ridgeFlopsPerValue()) + " FLOPs for every");
            PhaseCost one = RooflineEngine.decodeStep(s, 1, e.decode().contextTokens());
            assertThat(Explanation.paragraph(Explanation.Topic.DECODE, e))
                    .contains(Units.si(one.matmul().weightBytes(), "B") + " of weights")
                    .contains(Units.seconds(one.matmul().memorySeconds()))
                    .contains(Units.sig3(one.tokensPerSecond()) + " tokens/s");
            assertThat(Explanation.paragraph(Explanation.Topic.PREFILL, e))
                    .contains(Units.seconds(e.prefill().seconds())).contains(e.prefill().bound().label());
            assertThat(Explanation.paragraph(Explanation.Topic.BATCHING, e))
                    .contains("batch ≈ " + Explanation.batch(e.criticalBatchNoContext()))
                    .contains(Units.sig3(e.decode().tokensPerSecond()) + " tokens/s");
            assertThat(Explanation.paragraph(Explanation.Topic.COST, e))
                    .contains(Units.sig3(e.cost().outputToInputRatio()) + "×");
            if (e.memory().maxBatch() > 0) {
                assertThat(Explanation.paragraph(Explanation.Topic.MEMORY_WALL, e))
                        .contains("largest batch that fits is " + e.memory().maxBatch());
            } else {
                assertThat(Explanation.paragraph(Explanation.Topic.MEMORY_WALL, e))
                        .contains("at least " + e.memory().minDevicesForWeights());
            }
            assertThat(Explanation.of(e)).hasSize(Explanation.Topic.values().length)
                    .allSatisfy(p -> assertThat(p.text()).doesNotContain("NaN").doesNotContain("Infinity"));
        }
    }

    @Test
    void showYourWorkSubstitutesTheNumbersItUses() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelSpec.fromParameterCount(70e9), TestProfiles.H100)
                .withPrecision(Precision.INT8, false).withTokens(1, 1));
        var work = Derivations.of(e);
        assertThat(work.get(Derivations.Quantity.RIDGE).substituted()).isEqualTo("1.98 PFLOP/s ÷ 3.35 TB/s");
        assertThat(work.get(Derivations.Quantity.RIDGE).result()).startsWith("591 FLOP/byte");
        assertThat(work.get(Derivations.Quantity.DECODE_THROUGHPUT).substituted()).isEqualTo("1 ÷ 20.9 ms");
        assertThat(work.get(Derivations.Quantity.DECODE_THROUGHPUT).result()).startsWith("47.9 tokens/s");
        assertThat(work.get(Derivations.Quantity.TIME_PER_OUTPUT_TOKEN).result()).isEqualTo("20.9 ms");
        assertThat(work.get(Derivations.Quantity.OUTPUT_COST).result())
                .isEqualTo(Units.usd(e.cost().outputUsdPerMillionTokens()));
        assertThat(work.get(Derivations.Quantity.MEMORY).substituted()).startsWith("70B × 1 B + 1 × 2 × ");
        assertThat(work.values()).allSatisfy(d -> assertThat(d.text()).doesNotContain("NaN"));
        Evaluation unpriced = RooflineEngine.evaluate(LLAMA_8B.withPrice(Double.NaN));
        assertThat(Derivations.of(unpriced).get(Derivations.Quantity.OUTPUT_COST).formula())
                .startsWith("time per output token");
    }

    @Test
    void theArticlesSentenceComesOutWithItsNumbers() {
        Scenario article = Scenario.of(ModelSpec.fromParameterCount(70e9), TestProfiles.H100)
                .withPrecision(Precision.INT8, false).withTokens(1, 1);
        String decode = Explanation.paragraph(Explanation.Topic.DECODE, RooflineEngine.evaluate(article));
        assertThat(decode).startsWith("At batch 1 each decode step reads 70.0 GB of weights at 3.35 TB/s: 20.9 ms.")
                .contains("47.9 tokens/s");
    }
}
