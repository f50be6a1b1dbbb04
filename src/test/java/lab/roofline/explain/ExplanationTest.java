package lab.roofline.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelPresets;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.TestProfiles;
import lab.roofline.engine.roofline.Units;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The explanation, show-your-work and captions state the engine's numbers, formatted as shown. */
class ExplanationTest {
    private static final Scenario LLAMA_8B = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100);

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
            assertThat(e.decodeAtBatchOne()).isEqualTo(one);
            assertThat(Explanation.paragraph(Explanation.Topic.DECODE, e))
                    .contains(Units.si(one.matmul().weightBytes(), "B") + " of weights")
                    .contains("the step takes " + Units.seconds(one.seconds()))
                    .contains(Units.sig3(one.tokensPerSecond()) + " tokens/s");
            assertThat(Explanation.paragraph(Explanation.Topic.PREFILL, e))
                    .contains(Units.seconds(e.prefill().seconds())).contains(e.prefill().limiter().label());
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
                .startsWith("GPU time per output token");
    }

    @Test
    void theArticlesSentenceComesOutWithItsNumbers() {
        Scenario article = Scenario.of(ModelSpec.fromParameterCount(70e9), TestProfiles.H100)
                .withPrecision(Precision.INT8, false).withTokens(1, 1);
        String decode = Explanation.paragraph(Explanation.Topic.DECODE, RooflineEngine.evaluate(article));
        assertThat(decode).startsWith("At batch 1 each decode step reads 70.0 GB of weights at 3.35 TB/s, and the step "
                + "takes 20.9 ms.")
                .contains("47.9 tokens/s");
    }

    @Test
    void theCaptionNamesAnOverheadAndNeverCallsItIdeal() {
        Scenario s = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100);
        assertThat(Captions.of(RooflineEngine.evaluate(s))).contains("ideal (100 % of peak)");
        String withOverhead = Captions.of(RooflineEngine.evaluate(s.withLayerOverhead(5e-6)));
        assertThat(withOverhead).doesNotContain("ideal").contains("100 % of peak + 5.00 µs a layer of overhead");
        assertThat(Captions.of(RooflineEngine.evaluate(s.withEfficiency(0.8, 0.84).withLayerOverhead(55.5e-6))))
                .contains("derated to 80.0 % of peak FLOP/s, 84.0 % of bandwidth + 55.5 µs a layer of overhead");
    }

    @Test
    void severalDevicesAreExplainedWithTheirCommunication() {
        Scenario one = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100);
        assertThat(Explanation.paragraph(Explanation.Topic.COMMUNICATION, RooflineEngine.evaluate(one)))
                .startsWith("On one device no activations cross a link");
        Evaluation eight = RooflineEngine.evaluate(one.withParallelism(8, 2));
        assertThat(Explanation.paragraph(Explanation.Topic.COMMUNICATION, eight))
                .contains("As 2 pipeline stages of 4 devices in tensor parallel")
                .contains(Units.seconds(eight.decode().communicationSeconds()))
                .contains("not overlapped with compute")
                .contains("prefill waits 2 stage-times to fill and drain the pipeline");
    }

    @Test
    void gpuTimePerTokenCountsEveryDeviceAndTheExplanationAddsUp() {
        Scenario one = Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100).withPrice(Double.NaN)
                .withLayerOverhead(55.5e-6);
        Evaluation e1 = RooflineEngine.evaluate(one);
        Evaluation e4 = RooflineEngine.evaluate(one.withGpuCount(4));
        // Four GPUs for a shorter step: their GPU time per token is 4 x the step time per token.
        assertThat(e4.cost().outputGpuSecondsPerToken()).isEqualTo(4 * e4.decode().seconds() / e4.decode().tokens());
        assertThat(e4.cost().outputGpuSecondsPerToken()).isGreaterThan(e1.cost().outputGpuSecondsPerToken());
        assertThat(e4.costByCause().output().totalSeconds()).isCloseTo(e4.cost().outputGpuSecondsPerToken(),
                Assertions.within(1e-15));
        assertThat(Derivations.of(e4).get(Derivations.Quantity.OUTPUT_COST).formula())
                .isEqualTo("GPU time per output token = step time × devices ÷ batch");
        // The parts of a step the explanation names add up to the step.
        String several = Explanation.paragraph(Explanation.Topic.COMMUNICATION, e4);
        PhaseCost d = e4.decode();
        assertThat(several).contains(Units.seconds(d.seconds()) + " decode step")
                .contains(Units.seconds(d.communicationSeconds())).contains(Units.seconds(d.roofSeconds()))
                .contains(Units.seconds(d.overheadSeconds()) + " of fixed overhead");
        assertThat(Explanation.paragraph(Explanation.Topic.DECODE, e4)).contains("these 4 GPUs finish")
                .contains("of communication and").doesNotContain("waits on memory");
        Evaluation pp = RooflineEngine.evaluate(one.withParallelism(8, 8));
        assertThat(Explanation.paragraph(Explanation.Topic.BATCHING, pp))
                .contains("× 16.2 B moved per weight used ÷ 2 FLOPs): more than BF16/FP16's 2 B, for each of the 8 "
                        + "micro-batches reading the weights and each sequence's embedding row, activations and new KV "
                        + "entries.");
    }

    @Test
    void aTensorParallelWidthTheHeadsCannotTakeIsSaid() {
        Scenario s = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100);
        assertThat(RooflineEngine.evaluate(s.withGpuCount(3)).notices())
                .contains("TP3 does not divide Llama-3.1-70B's 64 attention heads evenly: serving engines need it to");
        assertThat(RooflineEngine.evaluate(s.withGpuCount(16)).notices()).contains("TP16 is more devices than "
                + "Llama-3.1-70B's 8 KV heads: engines then copy KV heads onto several devices, which is not counted here");
        assertThat(RooflineEngine.evaluate(s.withGpuCount(8)).notices()).noneMatch(n -> n.startsWith("TP"));
    }

    @Test
    void theHoverCardsTimeAddsUpWithEveryTermOfARealisticStep() {
        Scenario s = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100).withGpuCount(8).withEfficiency(0.8, 0.84)
                .withLayerOverhead(55.5e-6).withUnfusedElementwise(true);
        Evaluation e = RooflineEngine.evaluate(s);
        PhaseCost p = e.prefill();
        assertThat(Derivations.roofTime(p).result()).isEqualTo(Units.seconds(p.roofSeconds()));
        assertThat(Derivations.roofTime(p).substituted()).contains(Units.seconds(p.elementwiseSeconds()) + " elementwise");
        assertThat(p.roofSeconds() + p.communicationSeconds() + p.overheadSeconds()).isCloseTo(p.seconds(),
                Assertions.within(1e-15));
        List<String> card = HoverLines.phase(e, true);
        assertThat(card).contains("  + " + Units.seconds(p.communicationSeconds()) + " communication + "
                + Units.seconds(p.overheadSeconds()) + " overhead = " + Units.seconds(p.seconds()));
    }
}
