package lab.roofline.engine.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.teaching.CommonMistake.Kind;
import lab.roofline.engine.teaching.CommonMistake.Outcome;
import lab.roofline.io.data.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * The common mistakes a wrong answer is checked against: for each kind, the number a learner gets by making
 * it is worked out here by hand (datasheet figures, the model's shape, the simplest form of the formula),
 * and typing it must name that mistake. A right answer, or a wrong one no mistake explains, names none.
 */
class CommonMistakeTest {
    private static final List<HardwareProfile> PROFILES = ProfileLoader.loadAll(List.of()).profiles();
    private static final double GIB = 1L << 30;
    private static final double P70 = 70.554e9;
    /** Llama-3.1-70B's embedding table (= its output head, untied): vocabulary × hidden. */
    private static final double TABLE70 = 128256.0 * 8192;
    private static final double CONTEXT = 1024 + 256 / 2.0;

    private static Exercise exercise(String id) {
        return Exercise.BUILT_IN.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static Evaluation evaluation(Exercise e) {
        HardwareProfile g = PROFILES.stream().filter(p -> p.id().equals(e.scenario().gpuId())).findFirst().orElseThrow();
        return e.evaluate(g, Realism.IDEAL);
    }

    /** The mistakes typing {@code given} names, nearest first. */
    private static List<Outcome> named(String id, double given) {
        Exercise e = exercise(id);
        return e.mistakesIn(given, evaluation(e));
    }

    /** KV bytes per token of Llama-3.1-70B (80 layers, 8 KV heads of 128) at a byte width: K and V. */
    private static double kvPerToken(double bytes) {
        return 2.0 * 80 * 8 * 128 * bytes;
    }

    @Test
    void twoBytesPerWeightForAnInt8ModelDoublesTheCriticalBatch() {
        // b* ≈ ridge × bytes per weight ÷ 2 FLOPs: the INT8 ridge (1979 TOPS ÷ 3.35 TB/s) with 2 bytes, not 1.
        double slip = 1979e12 / 3.35e12 * 2 / 2;
        List<Outcome> named = named("critical-batch-70b-int8-h100", slip);
        assertThat(named).isNotEmpty();
        assertThat(named.get(0).kind()).isEqualTo(Kind.BYTES_PER_VALUE);
        assertThat(named.get(0).slip()).isEqualTo("take 2 bytes per weight instead of 1 (INT8)");
        assertThat(exercise("critical-batch-70b-int8-h100").accepts(slip, named.get(0).value())).isTrue();
        // Forgetting the bytes of a BF16 weight (1 byte each) halves the BF16 one: 989.5 TFLOP/s ÷ 3.35 TB/s × 1 ÷ 2.
        assertThat(named("critical-batch-70b-bf16-h100", 989.5e12 / 3.35e12 * 1 / 2))
                .extracting(Outcome::slip).first().isEqualTo("take 1 byte per weight instead of 2 (BF16/FP16)");
    }

    @Test
    void oneBytePerKvValueHalvesTheKvCacheAndGibInsteadOfGbShrinksItBy7Percent() {
        // 1,280 tokens × 2 (K and V) × 80 layers × 8 heads × 128 values.
        List<Outcome> oneByte = named("kv-per-sequence-70b", kvPerToken(1) * 1280 / 1e9);
        assertThat(oneByte).extracting(Outcome::slip).first()
                .isEqualTo("take 1 byte per KV-cache value instead of 2 (BF16/FP16)");
        List<Outcome> inGib = named("kv-per-sequence-70b", kvPerToken(2) * 1280 / GIB);
        assertThat(inGib).extracting(Outcome::kind).first().isEqualTo(Kind.GB_VERSUS_GIB);
        assertThat(inGib.get(0).slip()).contains("GiB (2^30 bytes)", "GB (10^9 bytes)");
    }

    @Test
    void gbAndGibMixedUpMoveTheDecodeSpeedBy7PercentAndEightyGibTakenAsGbHalvesTheBatchThatFits() {
        // Weights (the input table looked up a row at a time, the output head at 16 bits) and the KV cache, over
        // the bandwidth; the bytes counted in GiB but the bandwidth in GB/s gives 2^30 / 10^9 = 1.0737 times more.
        double bytesRead = (P70 - 2 * TABLE70) + 2 * TABLE70 + kvPerToken(2) * CONTEXT;
        double slip = 3.35e12 / bytesRead * GIB / 1e9;
        assertThat(named("decode-70b-int8-h100", slip)).extracting(Outcome::kind).first().isEqualTo(Kind.GB_VERSUS_GIB);
        // 80 GiB taken as 80 GB: (80 GB − 1 GiB kept for the runtime − weights with the two 16-bit tables) ÷ one
        // sequence's KV cache. On an H100 that is also what 4 bytes per KV value gives: both are named.
        double weights = (P70 - 2 * TABLE70) + 2 * 2 * TABLE70;
        double fits = Math.floor((80e9 - GIB - weights) / (kvPerToken(2) * 1280));
        List<Outcome> named = named("max-batch-70b-int8-h100", fits);
        assertThat(named).extracting(Outcome::slip).contains("take the memory's 80 GiB for 80 GB (10^9 bytes each)",
                "take 4 bytes per KV-cache value instead of 2 (BF16/FP16)");
    }

    @Test
    void leavingOutTheKvCacheOfSixtyFourSequencesMakesOutputTokensLookCheaper() {
        // At batch 64 in INT4: the weights (16-bit output head) once per step, shared by 64 tokens, and nothing
        // for the KV cache; an input token is 2 FLOPs per weight at the INT8 peak the INT4 math runs at.
        double output = ((P70 - 2 * TABLE70) * 0.5 + 2 * TABLE70) / 3.35e12 / 64;
        double input = 2 * (P70 - 2 * TABLE70) / 1979e12;
        List<Outcome> named = named("ratio-batch-64", output / input);
        assertThat(named).extracting(Outcome::kind).first().isEqualTo(Kind.KV_CACHE_LEFT_OUT);
        assertThat(named.get(0).slip()).isEqualTo("leave out the KV cache each sequence reads every decode step");
    }

    @Test
    void prefillAndDecodeSwappedTurnTheOutputToInputRatioUpsideDown() {
        // Input ÷ output: 2 FLOPs per weight at 1979 TOPS over a memory-bound step reading every weight and the KV cache.
        double input = 2 * (P70 - 2 * TABLE70) / 1979e12;
        double output = (P70 + kvPerToken(2) * CONTEXT) / 3.35e12;
        List<Outcome> named = named("ratio-batch-1", input / output);
        assertThat(named).extracting(Outcome::kind).first().isEqualTo(Kind.PREFILL_DECODE_SWAPPED);
    }

    @Test
    void aRightAnswerOrAWrongOneNoMistakeExplainsNamesNone() {
        Exercise decode = exercise("decode-70b-int8-h100"); // 47.2 tokens/s, 5 %
        Evaluation e = evaluation(decode);
        assertThat(decode.mistakesIn(47, e)).isEmpty();
        assertThat(decode.mistakesIn(70, e)).isEmpty(); // 48 % too high: neither 2 bytes nor GiB
        assertThat(decode.mistakesIn(-24, e)).isEmpty();
        // Leaving out the KV cache of one sequence changes 47.2 by 0.5 %: that slip would count as right, so it
        // is never offered; nor is one that does not change the answer (the ridge has no bytes per weight in it).
        assertThat(CommonMistake.outcomes(decode, e)).extracting(Outcome::kind).doesNotContain(Kind.KV_CACHE_LEFT_OUT);
        Exercise ridge = exercise("ridge-h100-bf16");
        assertThat(CommonMistake.outcomes(ridge, evaluation(ridge))).isEmpty();
        // Within a slip's tolerance but nearer the truth: a near miss (5.1 % off for a 5 % tolerance), not that slip.
        List<Outcome> slip = List.of(new Outcome(Kind.GB_VERSUS_GIB, "x", 110.5));
        assertThat(CommonMistake.explaining(105.1, 100, 0.05, slip)).isEmpty();
        assertThat(CommonMistake.explaining(108, 100, 0.05, slip)).isEqualTo(slip);
    }
}
