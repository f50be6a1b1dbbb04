package lab.roofline.engine.roofline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.serving.RentalPrices;

/** Speculative decoding, board power and the disaggregated planner: by hand and by their invariants. */
class ServingLeversTest {
    private static final Scenario ARTICLE = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100)
            .withPrecision(Precision.INT8, false);
    private static final Speculation EIGHT_B = new Speculation(4, 0.7, ModelPresets.LLAMA_3_1_8B);

    @Test
    void expectedTokensPerStepIsTheGeometricSum() {
        // 1 + 0.7 + 0.49 + 0.343 + 0.2401 = 2.7731
        assertThat(EIGHT_B.expectedTokensPerStep()).isCloseTo(2.7731, within(1e-12));
        assertThat(new Speculation(3, 1, ModelPresets.LLAMA_3_1_8B).expectedTokensPerStep()).isEqualTo(4);
        assertThat(new Speculation(5, 0, ModelPresets.LLAMA_3_1_8B).expectedTokensPerStep()).isEqualTo(1);
        assertThat(Speculation.NONE.expectedTokensPerStep()).isEqualTo(1);
    }

    @Test
    void aSpeculativeStepIsTheDraftsStepsThenOneWiderPassByHand() {
        Evaluation plain = RooflineEngine.evaluate(ARTICLE);
        PhaseCost step = RooflineEngine.evaluate(ARTICLE.withSpeculation(EIGHT_B)).decode();
        // The draft: four batch-1 steps of the 8B model in INT8 on the same H100.
        double draftStep = RooflineEngine.decodeStep(ARTICLE.withModel(ModelPresets.LLAMA_3_1_8B), 1,
                ARTICLE.averageDecodeContextTokens()).seconds();
        assertThat(step.draftSeconds()).isCloseTo(4 * draftStep, within(1e-15));
        // The pass checks 5 tokens: 5 times the matmul FLOPs for the same weight bytes.
        assertThat(step.matmul().flops()).isCloseTo(5 * plain.decode().matmul().flops(), within(1e-3));
        assertThat(step.matmul().weightBytes()).isCloseTo(plain.decode().matmul().weightBytes()
                + 4 * ModelPresets.LLAMA_3_1_70B.hiddenSize() * 2.0, within(1.0)); // 4 more embedding rows, BF16
        assertThat(step.attention().kvReadBytes()).isCloseTo(plain.decode().attention().kvReadBytes(), within(1e-3));
        // It yields 2.7731 tokens per sequence: the roofline point moves right, the user sees more tokens/s.
        assertThat(step.tokens()).isCloseTo(2.7731, within(1e-9));
        assertThat(step.arithmeticIntensity()).isGreaterThan(4.9 * plain.decode().arithmeticIntensity());
        assertThat(step.tokensPerSecondPerSequence()).isGreaterThan(1.8 * plain.decode().tokensPerSecondPerSequence());
        // The draft prefills the prompt too: its prefill is its own cause in the prompt's time.
        PhaseCost prefill = RooflineEngine.evaluate(ARTICLE.withSpeculation(EIGHT_B)).prefill();
        assertThat(prefill.draftSeconds()).isCloseTo(RooflineEngine.prefillStep(ARTICLE.withModel(ModelPresets.LLAMA_3_1_8B), 1)
                .seconds(), within(1e-15));
        assertThat(prefill.seconds()).isCloseTo(plain.prefill().seconds() + prefill.draftSeconds(), within(1e-12));
        // The draft's weights and cache take memory beside the target's.
        assertThat(RooflineEngine.evaluate(ARTICLE.withSpeculation(EIGHT_B)).memory().weightBytes())
                .isGreaterThan(plain.memory().weightBytes() + 7e9);
    }

    @Property(tries = 60)
    void speculationWithNothingAcceptedIsNeverFaster(@ForAll @IntRange(min = 1, max = 16) int k,
                                                    @ForAll @IntRange(min = 1, max = 512) int batch) {
        Scenario s = ARTICLE.withBatchSize(batch);
        double plain = RooflineEngine.evaluate(s).decode().tokensPerSecond();
        double spec = RooflineEngine.evaluate(s.withSpeculation(new Speculation(k, 0, ModelPresets.LLAMA_3_1_8B)))
                .decode().tokensPerSecond();
        assertThat(spec).isLessThanOrEqualTo(plain);
    }

    @Property(tries = 40)
    void moreAcceptanceIsNeverSlower(@ForAll @IntRange(min = 1, max = 8) int k,
                                    @ForAll @DoubleRange(min = 0, max = 0.95) double a) {
        double lower = RooflineEngine.evaluate(ARTICLE.withSpeculation(new Speculation(k, a, ModelPresets.LLAMA_3_1_8B)))
                .decode().tokensPerSecond();
        double higher = RooflineEngine.evaluate(ARTICLE.withSpeculation(new Speculation(k, a + 0.05, ModelPresets.LLAMA_3_1_8B)))
                .decode().tokensPerSecond();
        assertThat(higher).isGreaterThanOrEqualTo(lower);
    }

    @Test
    void aSpeculationThatSlowsDecodeIsSaid() {
        assertThat(RooflineEngine.evaluate(ARTICLE.withSpeculation(new Speculation(4, 0, ModelPresets.LLAMA_3_1_8B)))
                .notices()).anySatisfy(n -> assertThat(n).startsWith("Speculative decoding is slower here: 30.9 ms per token "
                + "against 21.2 ms without the draft"));
        assertThat(RooflineEngine.evaluate(ARTICLE.withSpeculation(EIGHT_B)).notices())
                .noneMatch(n -> n.startsWith("Speculative decoding is slower"));
    }

    @Test
    void aSpeculationWithoutADraftOrOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new Speculation(4, 0.7, null)).hasMessageContaining("draft model");
        assertThatThrownBy(() -> new Speculation(17, 0.7, ModelPresets.LLAMA_3_1_8B)).hasMessageContaining("Draft tokens");
        assertThatThrownBy(() -> new Speculation(4, 1.2, ModelPresets.LLAMA_3_1_8B)).hasMessageContaining("Acceptance rate");
    }

    @Test
    void pipelineStagesThatDoNotDivideTheDraftStillWork() {
        // 80 layers in 16 stages: the 8B draft's 32 layers do not split in 16; it runs tensor-parallel instead.
        Scenario s = ARTICLE.withParallelism(16, 16).withSpeculation(EIGHT_B);
        assertThat(RooflineEngine.evaluate(s).decode().seconds()).isPositive();
    }

    @Test
    void powerFollowsTheBusierEngineBetweenIdleAndFullLoad() {
        BoardPower h100 = new BoardPower(700, 70);
        assertThat(h100.wattsAt(0)).isEqualTo(70);
        assertThat(h100.wattsAt(1)).isEqualTo(700);
        assertThat(h100.wattsAt(0.5)).isEqualTo(385);
        assertThat(h100.wattsAt(7)).isEqualTo(700);
        // Batch-1 decode keeps bandwidth busy in the ideal roofline, compute hardly: 0.55 × 1 + 0.0x of the
        // dynamic power, for 21.2 ms per token.
        PhaseCost decode = RooflineEngine.evaluate(ARTICLE).decode();
        double busy = decode.computeUtilization() + 0.55 * decode.bandwidthUtilization();
        assertThat(decode.bandwidthUtilization()).isCloseTo(1, within(1e-9));
        assertThat(BoardPower.busy(decode)).isCloseTo(busy, within(1e-12)).isBetween(0.55, 0.57);
        assertThat(h100.joulesPerToken(decode, 1)).isCloseTo((70 + 630 * busy) * decode.seconds(), within(1e-9));
        // Compute-bound prefill runs near full load.
        assertThat(BoardPower.busy(RooflineEngine.evaluate(ARTICLE).prefill())).isGreaterThan(0.95);
        // 14.8 J per token is 4.1 Wh per thousand: at $0.12/kWh, $0.49 per million tokens.
        assertThat(BoardPower.usdPerMillionTokens(14.8, 0.12)).isCloseTo(14.8 * 1e6 / 3.6e6 * 0.12, within(1e-12));
        assertThatThrownBy(() -> new BoardPower(700, 800)).hasMessageContaining("idle");
    }

    @Property(tries = 30)
    void batchingNeverRaisesEnergyPerToken(@ForAll @IntRange(min = 1, max = 128) int batch) {
        HardwareProfile h = withPower(TestProfiles.H100, new BoardPower(700, 70));
        Scenario s = ARTICLE.withGpu(h).withTokens(512, 128);
        double one = h.power().joulesPerToken(RooflineEngine.evaluate(s.withBatchSize(batch)).decode(), 1);
        double two = h.power().joulesPerToken(RooflineEngine.evaluate(s.withBatchSize(2L * batch)).decode(), 1);
        assertThat(two).isLessThanOrEqualTo(one * (1 + 1e-9));
    }

    @Test
    void disaggregatedPoolsMeetTheFirstTokenLimitWithTheirOwnBatchAndSayTheirRatio() {
        Planner.Limits l = new Planner.Limits(2000, 300, 0, 0.5, 0.05);
        Planner.Options split = new Planner.Options(false, null, Speculation.NONE, true);
        Planner.Candidate c = Planner.candidate(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100, 4, 1, Precision.FP8,
                false, l, split);
        assertThat(c.feasible()).isTrue();
        assertThat(c.ttftSeconds()).isLessThanOrEqualTo(0.5);
        // Brute force: the prefill batch is the largest whose pass and the cache's transfer end within 0.5 s.
        Scenario base = Scenario.of(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100).withParallelism(4, 1)
                .withPrecision(Precision.FP8, false).withTokens(2000, 300);
        double transfer = TestProfiles.H100.link().sendSeconds(ModelPresets.LLAMA_3_1_70B.kvCacheBytes(2000, Precision.BF16) / 4);
        long best = 0;
        for (long b = 1; b <= 64; b++) {
            if (RooflineEngine.prefillStep(base.withBatchSize(b), b).seconds() + transfer <= 0.5) {
                best = b;
            }
        }
        assertThat(c.prefillBatch()).isEqualTo(best);
        // The ratio balances device time: prefill seconds per request over decode seconds per request.
        double prefillPerRequest = RooflineEngine.prefillStep(base.withBatchSize(best), best).seconds() / best;
        double decodePerRequest = c.tpotSeconds() / c.batch() * 300;
        assertThat(c.prefillDevicesPerDecode()).isCloseTo(prefillPerRequest / decodePerRequest, within(1e-9));
        assertThat(Planner.candidate(ModelPresets.LLAMA_3_1_70B, TestProfiles.H100, 4, 1, Precision.FP8, false, l,
                Planner.Options.of(false, null)).prefillDevicesPerDecode()).isNaN();
    }

    @Test
    void aFirstTokenLimitNoSinglePromptMeetsIsSaid() {
        Planner.Limits l = new Planner.Limits(100_000, 300, 0, 0.05, 1);
        Planner.Candidate c = Planner.candidate(ModelPresets.LLAMA_3_1_8B, TestProfiles.H100, 1, 1, Precision.BF16,
                false, l, new Planner.Options(false, null, Speculation.NONE, true));
        assertThat(c.feasible()).isFalse();
        assertThat(c.why()).startsWith("time to first token with one prompt is");
    }

    @Property(tries = 15)
    void speculationWithNothingAcceptedNeverMakesThePlanCheaper(@ForAll @DoubleRange(min = 0.01, max = 0.1) double tpot) {
        Planner.Limits l = new Planner.Limits(2000, 300, 0, 1, tpot);
        List<HardwareProfile> gpus = List.of(TestProfiles.H100);
        double plain = best(Planner.plan(ModelPresets.LLAMA_3_1_70B, gpus, 2, l, Planner.Options.of(false, null)));
        double wasted = best(Planner.plan(ModelPresets.LLAMA_3_1_70B, gpus, 2, l,
                new Planner.Options(false, null, new Speculation(4, 0, ModelPresets.LLAMA_3_1_8B), false)));
        assertThat(wasted).isGreaterThanOrEqualTo(plain * (1 - 1e-9));
    }

    @Test
    void rentalPricesFillOnlyMissingPricesAndSayWhere() {
        RentalPrices table = new RentalPrices(Map.of("a100_40gb_sxm", new RentalPrices.Rate("a100_40gb_sxm", 1.29,
                "cloud on-demand", "2026-09-25", "Lambda"), "h100_sxm", new RentalPrices.Rate("h100_sxm", 9, "market",
                "2026-09-25", "x")));
        List<HardwareProfile> priced = table.priced(List.of(TestProfiles.A100, TestProfiles.H100, TestProfiles.V100));
        assertThat(priced.get(0).priceUsdPerHour()).isEqualTo(1.29);
        assertThat(priced.get(0).sources()).last().asString().startsWith("price from the rental table: $1.29");
        assertThat(priced.get(1).priceUsdPerHour()).isEqualTo(3.49); // the profile's own wins
        assertThat(priced.get(2).price()).isEmpty();
    }

    private static double best(List<Planner.Candidate> ranked) {
        return ranked.stream().filter(Planner.Candidate::feasible).mapToDouble(Planner.Candidate::costUsdPerMillionBlended)
                .min().orElse(Double.POSITIVE_INFINITY);
    }

    static HardwareProfile withPower(HardwareProfile p, BoardPower power) {
        return new HardwareProfile(p.id(), p.name(), p.vendor(), p.peakFlopsPerSecond(), p.memoryBandwidthBytesPerSecond(),
                p.memoryCapacityBytes(), p.priceUsdPerHour(), p.sources(), p.notes(), p.year(), p.whatIf(), p.interconnect(),
                power);
    }
}
