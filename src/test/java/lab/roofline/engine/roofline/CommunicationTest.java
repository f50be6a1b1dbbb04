package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tensor- and pipeline-parallel communication against hand-computed ring all-reduce times. */
class CommunicationTest {
    /** 100 GB/s per direction and 5 µs a hop: round numbers to compute by hand. */
    static final Interconnect LINK = new Interconnect("Test link", 100e9, 5e-6, "");
    static final HardwareProfile DEVICE = new HardwareProfile("linked", "Linked H100", "Test",
            Map.of(Precision.BF16, 989.5e12, Precision.INT8, 1979e12), 3.35e12, 80e9, 2.0, List.of("test"), "", 2022,
            HardwareScales.NONE, LINK);

    private static Scenario llama70(int devices, int stages) {
        return Scenario.of(ModelPresets.LLAMA_3_1_70B, DEVICE).withParallelism(devices, stages);
    }

    @Test
    void ringAllReduceIsTwoNMinusOneHopsOfAnNthEach() {
        // 4 devices, 16,384 bytes: 2 x 3 / 4 x 16384 / 1e11 + 6 x 5e-6 = 2.4576e-7 + 3e-5 s.
        assertThat(LINK.allReduceSeconds(16384, 4)).isCloseTo(2.4576e-7 + 3e-5, within(1e-15));
        assertThat(LINK.allReduceSeconds(16384, 1)).isZero();
        assertThat(LINK.sendSeconds(16384)).isCloseTo(1.6384e-7 + 5e-6, within(1e-15));
    }

    @Test
    void tensorParallelDecodePaysTwoAllReducesPerLayer() {
        PhaseCost step = RooflineEngine.decodeStep(llama70(4, 1), 1, 0);
        // One token's residual stream: 8192 x 2 bytes; 80 layers x 2 all-reduces over 4 devices.
        double perAllReduce = 2 * 3 / 4.0 * 16384 / 100e9 + 6 * 5e-6;
        assertThat(step.communicationSeconds()).isCloseTo(160 * perAllReduce, within(1e-12));
        assertThat(step.communicationBytes()).isCloseTo(160 * 1.5 * 16384, within(1e-6));
        // The roofline terms split four ways, as before: 141 GB of BF16 weights at 4 x 3.35 TB/s, and more.
        assertThat(step.roofSeconds()).isCloseTo(
                RooflineEngine.decodeStep(llama70(1, 1), 1, 0).seconds() / 4, within(1e-12));
        assertThat(step.seconds()).isCloseTo(step.roofSeconds() + 160 * perAllReduce, within(1e-12));
        assertThat(step.timeSplit().communicationSeconds()).isEqualTo(step.communicationSeconds());
        assertThat(step.timeSplit().totalSeconds()).isCloseTo(step.seconds(), within(1e-12));
    }

    @Test
    void prefillAllReducesCarryEveryPromptToken() {
        Evaluation e = RooflineEngine.evaluate(llama70(8, 1).withTokens(1024, 256));
        // 1,024 tokens x 8192 x 2 bytes per all-reduce over 8 devices.
        double message = 1024 * 8192 * 2.0;
        double perAllReduce = 2 * 7 / 8.0 * message / 100e9 + 14 * 5e-6;
        assertThat(e.prefill().communicationSeconds()).isCloseTo(160 * perAllReduce, within(1e-12));
    }

    @Test
    void pipelineStagesAtBatchOneWorkOneAfterAnother() {
        PhaseCost tp2pp2 = RooflineEngine.decodeStep(llama70(4, 2), 1, 0);
        PhaseCost tp2 = RooflineEngine.decodeStep(llama70(2, 1), 1, 0);
        // One micro-batch: each stage reads its half of the weights at 2 devices' bandwidth, one after the
        // other, so the roofline terms take as long as on the two devices of one stage.
        assertThat(tp2pp2.roofSeconds()).isCloseTo(tp2.roofSeconds(), within(1e-12));
        // Both stages all-reduce their 40 layers twice over 2 devices, and stage 1 sends to stage 2 once.
        double allReduce = 2 * 1 / 2.0 * 16384 / 100e9 + 2 * 5e-6;
        double send = 16384 / 100e9 + 5e-6;
        assertThat(tp2pp2.communicationSeconds()).isCloseTo(160 * allReduce + send, within(1e-12));
    }

    @Test
    void aFullPipelineKeepsEveryStageBusy() {
        // Batch 64 on 2 stages of 1 device: two micro-batches of 32, each reading its stage's weights.
        PhaseCost pp2 = RooflineEngine.decodeStep(llama70(2, 2), 64, 0);
        PhaseCost one = RooflineEngine.decodeStep(llama70(1, 1), 64, 0);
        double rows = 64 * 8192 * 2.0; // each token's embedding row, looked up once
        assertThat(pp2.matmul().weightBytes() - rows).isCloseTo(2 * (one.matmul().weightBytes() - rows), within(1.0));
        assertThat(pp2.matmul().peakFlopsPerSecond()).isCloseTo(2 * one.matmul().peakFlopsPerSecond(), within(1.0));
        // Memory-bound: each stage reads half the weights twice, so the step takes as long as on one device.
        assertThat(pp2.roofSeconds()).isCloseTo(one.roofSeconds(), within(one.roofSeconds() * 1e-3));
        // Compute-bound (batch 4096): the two stages do the work of two devices.
        PhaseCost big2 = RooflineEngine.decodeStep(llama70(2, 2), 4096, 0);
        PhaseCost big1 = RooflineEngine.decodeStep(llama70(1, 1), 4096, 0);
        assertThat(big2.matmul().seconds()).isCloseTo(big1.matmul().seconds() / 2, within(big1.seconds() * 1e-9));
    }

    @Test
    void prefillFillsAndDrainsThePipeline() {
        // Batch 4 on 4 stages of one device: 4 micro-batches finish after 4 + 4 - 1 = 7 stage-times, each
        // a quarter of one device's work on a quarter of the batch: 7/16 of one device's time.
        Scenario pp4 = llama70(4, 4).withBatchSize(4);
        Scenario one = llama70(1, 1).withBatchSize(4);
        double compute4 = RooflineEngine.evaluate(pp4).prefill().roofSeconds();
        double compute1 = RooflineEngine.evaluate(one).prefill().roofSeconds();
        assertThat(compute4).isCloseTo(compute1 * 7 / 16, within(compute1 * 1e-9));
    }

    @Test
    void aProfileWithoutAnInterconnectIsSaidToAssumePcie() {
        Evaluation e = RooflineEngine.evaluate(Scenario.of(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100).withGpuCount(2));
        assertThat(e.notices()).anyMatch(n -> n.contains("names no interconnect") && n.contains("PCIe Gen4"));
        assertThat(RooflineEngine.evaluate(llama70(2, 1)).notices()).noneMatch(n -> n.contains("interconnect"));
    }

    @Test
    void stagesMustDivideTheDevicesAndHaveALayerEach() {
        assertThatThrownBy(() -> llama70(6, 4)).hasMessage("Pipeline stages: 4 stages do not divide 6 GPUs evenly");
        assertThatThrownBy(() -> Scenario.of(ModelPresets.LLAMA_3_1_8B, DEVICE).withParallelism(64, 64))
                .hasMessage("Pipeline stages: 64 stages need at least 64 layers; the model has 32");
        assertThatThrownBy(() -> llama70(4, 0)).hasMessageStartingWith("Pipeline stages: too small");
    }

    @Test
    void communicationMakesTheLimitingCauseWhenItIsTheLongest() {
        Interconnect slow = new Interconnect("Slow", 1e9, 1e-3, "");
        HardwareProfile g = new HardwareProfile("slow", "Slow", "Test", DEVICE.peakFlopsPerSecond(), 3.35e12, 80e9,
                2.0, List.of("test"), "", 2022, HardwareScales.NONE, slow);
        PhaseCost step = RooflineEngine.decodeStep(Scenario.of(ModelPresets.LLAMA_3_1_70B, g).withGpuCount(8), 1, 0);
        assertThat(step.limiter()).isEqualTo(Bound.COMMUNICATION);
        assertThat(RooflineEngine.decodeStep(llama70(2, 1), 1, 0).limiter()).isEqualTo(Bound.MEMORY);
    }
}
