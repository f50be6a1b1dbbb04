package lab.roofline.engine.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import lab.roofline.engine.roofline.BatchApi;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.PhaseCost;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.roofline.Scenario;

/**
 * A slip people make working an answer out by hand (issue 25, practice that teaches): it pictures the
 * scenario a little wrong, and the engine computes what that picture gives. A wrong answer that lands on
 * one is named ("that is what you get if you take 2 bytes per weight instead of 1"), which teaches more
 * than "too high". Nothing here is a number typed in: every value comes from an evaluation.
 *
 * @param kind     which slip
 * @param slip     what the learner did, to follow "if you": "take 2 bytes per weight instead of 1 (INT8)"
 * @param pictured the evaluation as the slip pictures it, made by the engine from any evaluation of the
 *                 scenario (a lesson's before and after alike)
 */
public record CommonMistake(Kind kind, String slip, UnaryOperator<Evaluation> pictured) {

    public enum Kind {
        /** Weights or KV cache taken at 2 or 4 times (or a half, a quarter of) the bytes per value they have. */
        BYTES_PER_VALUE,
        /** GB (10^9 bytes) and GiB (2^30 bytes, 7.4 % more) mixed up. */
        GB_VERSUS_GIB,
        /** The KV cache each sequence reads every decode step left out. */
        KV_CACHE_LEFT_OUT,
        /** Prefill's numbers taken for decode's, or the other way round. */
        PREFILL_DECODE_SWAPPED
    }

    /** A slip and the answer it leads to. */
    public record Outcome(Kind kind, String slip, double value) {
    }

    /** GiB over GB: 2^30 / 10^9 = 1.0737. */
    public static final double GIB_PER_GB = HardwareProfile.GIB / 1e9;

    /** One precision for each byte width a value can have: 4, 2, 1 and 0.5 bytes. */
    private static final List<Precision> WIDTHS = List.of(Precision.FP32, Precision.BF16, Precision.INT8, Precision.INT4);

    /**
     * The slips that picture the scenario of {@code e} differently: the KV cache left out, prefill and decode
     * swapped, the weights or the KV cache at another byte width (2 or 4 times apart).
     */
    public static List<CommonMistake> picturedOn(Evaluation e) {
        Scenario s = e.scenario();
        List<CommonMistake> all = new ArrayList<>();
        // The ideas first, then the arithmetic: a choice names the first mistake that lands in it.
        all.add(new CommonMistake(Kind.KV_CACHE_LEFT_OUT, "leave out the KV cache each sequence reads every decode step",
                CommonMistake::withoutKvCache));
        all.add(new CommonMistake(Kind.PREFILL_DECODE_SWAPPED, "swap prefill and decode (prompt and output tokens)",
                CommonMistake::phasesSwapped));
        for (Precision width : WIDTHS) {
            if (twoOrFourTimesApart(width, s.weightPrecision())) {
                all.add(new CommonMistake(Kind.BYTES_PER_VALUE, "take " + bytes(width) + " per weight instead of "
                        + instead(s.weightPrecision()),
                        x -> RooflineEngine.evaluate(weightsStoredAt(x, width))));
            }
            if (twoOrFourTimesApart(width, s.kvPrecision())) {
                all.add(new CommonMistake(Kind.BYTES_PER_VALUE, "take " + bytes(width) + " per KV-cache value instead of "
                        + instead(s.kvPrecision()),
                        x -> RooflineEngine.evaluate(x.scenario().withKvPrecision(width))));
            }
        }
        return all;
    }

    /**
     * Every slip's answer to an exercise, on the evaluation its answer is read from. A slip whose answer the
     * exercise would accept as right (or that gives no positive number) is left out: it explains no miss.
     */
    public static List<Outcome> outcomes(Exercise exercise, Evaluation e) {
        List<Outcome> all = new ArrayList<>();
        for (CommonMistake m : picturedOn(e)) {
            all.add(new Outcome(m.kind(), m.slip(), exercise.answer(m.pictured().apply(e))));
        }
        all.addAll(gigabyteSlips(exercise, e));
        double answer = exercise.answer(e);
        all.removeIf(o -> !(o.value() > 0 && Double.isFinite(o.value())) || exercise.accepts(o.value(), answer));
        return all;
    }

    /**
     * GB for GiB, where the quantity counts bytes of memory: a KV cache given in GiB, a memory of 80 GiB
     * taken as 80 GB, or the bytes read counted in one unit and the bandwidth in the other.
     */
    private static List<Outcome> gigabyteSlips(Exercise exercise, Evaluation e) {
        Scenario s = e.scenario();
        HardwareProfile gpu = s.gpu();
        long gib = Math.round(gpu.memoryCapacityBytes() / HardwareProfile.GIB);
        return switch (exercise.quantity()) {
            case KV_CACHE_GB_PER_SEQUENCE -> List.of(new Outcome(Kind.GB_VERSUS_GIB,
                    "give GiB (2^30 bytes) where the question asks for GB (10^9 bytes)",
                    e.memory().kvCacheBytes() / s.batchSize() / HardwareProfile.GIB));
            case MAX_BATCH -> List.of(new Outcome(Kind.GB_VERSUS_GIB, "take the memory's "
                    + gib + " GiB for " + gib + " GB (10^9 bytes each)",
                    exercise.answer(RooflineEngine.evaluate(s.withGpu(withMemory(gpu, 1 / GIB_PER_GB))))));
            case DECODE_TOKENS_PER_SECOND_PER_SEQUENCE, TIME_PER_OUTPUT_TOKEN_MS -> {
                String slip = "mix up GB (10^9 bytes) and GiB (2^30 bytes) between the bytes read and the bandwidth";
                yield List.of(new Outcome(Kind.GB_VERSUS_GIB, slip,
                                exercise.answer(RooflineEngine.evaluate(s.withGpu(withBandwidth(gpu, GIB_PER_GB))))),
                        new Outcome(Kind.GB_VERSUS_GIB, slip,
                                exercise.answer(RooflineEngine.evaluate(s.withGpu(withBandwidth(gpu, 1 / GIB_PER_GB))))));
            }
            default -> List.of();
        };
    }

    /**
     * The slips a wrong answer is explained by, nearest first: each within the tolerance of the slip's answer
     * and nearer to it than to the right one. Empty for a right answer, or one no slip explains. (Two slips
     * can land on the same number: on an H100, 4 bytes per KV value and 80 GiB taken as 80 GB both halve the
     * batch that fits.)
     */
    public static List<Outcome> explaining(double given, double answer, double relativeTolerance,
                                           List<Outcome> outcomes) {
        if (!(given > 0) || !(answer > 0) || Math.abs(given - answer) <= relativeTolerance * answer) {
            return List.of();
        }
        return outcomes.stream()
                .filter(o -> Math.abs(given - o.value()) <= relativeTolerance * o.value()
                        && distance(given, o.value()) < distance(given, answer))
                .sorted(Comparator.comparingDouble(o -> distance(given, o.value())))
                .toList();
    }

    /** How far apart two positive numbers are, as a factor either way. */
    private static double distance(double a, double b) {
        return Math.abs(Math.log(a / b));
    }

    private static boolean twoOrFourTimesApart(Precision a, Precision b) {
        double ratio = Math.max(a.bytesPerValue(), b.bytesPerValue()) / Math.min(a.bytesPerValue(), b.bytesPerValue());
        return ratio == 2 || ratio == 4;
    }

    /** "2 bytes", "1 byte", "0.5 bytes". */
    private static String bytes(Precision p) {
        return count(p.bytesPerValue()) + (p.bytesPerValue() == 1 ? " byte" : " bytes");
    }

    /** What the slip replaced: "1 (INT8)". */
    private static String instead(Precision p) {
        return count(p.bytesPerValue()) + " (" + p.label() + ")";
    }

    private static String count(double bytes) {
        return bytes == Math.rint(bytes) ? String.valueOf((int) bytes) : String.valueOf(bytes);
    }

    /**
     * The scenario with each weight stored at {@code width}'s bytes and the math as fast as it was: the device
     * is pictured with {@code width}'s peak equal to the peak the math ran at, so only the bytes change (the
     * learner's slip is in the bytes, not in the FLOP/s).
     */
    static Scenario weightsStoredAt(Evaluation e, Precision width) {
        Scenario s = e.scenario();
        double mathPeak = s.gpu().peakFlopsPerSecond().get(e.computePrecision());
        Map<Precision, Double> peaks = new EnumMap<>(s.gpu().peakFlopsPerSecond());
        peaks.put(width, mathPeak);
        // A wider format no faster than that, so the device does not run the math there instead (INT4 on INT8).
        for (Precision wider : width.fallbacks()) {
            peaks.computeIfPresent(wider, (p, peak) -> Math.min(peak, mathPeak));
        }
        HardwareProfile g = s.gpu();
        HardwareProfile sameMath = new HardwareProfile(g.id(), g.name(), g.vendor(), peaks,
                g.memoryBandwidthBytesPerSecond(), g.memoryCapacityBytes(), g.priceUsdPerHour(), g.sources(), g.notes(),
                g.year(), g.whatIf(), g.interconnect(), g.power());
        return s.withGpu(sameMath).withPrice(s.priceUsdPerHour()).withPrecision(width, false);
    }

    private static HardwareProfile withBandwidth(HardwareProfile g, double factor) {
        return new HardwareProfile(g.id(), g.name(), g.vendor(), g.peakFlopsPerSecond(),
                g.memoryBandwidthBytesPerSecond() * factor, g.memoryCapacityBytes(), g.priceUsdPerHour(), g.sources(),
                g.notes(), g.year(), g.whatIf(), g.interconnect(), g.power());
    }

    private static HardwareProfile withMemory(HardwareProfile g, double factor) {
        return new HardwareProfile(g.id(), g.name(), g.vendor(), g.peakFlopsPerSecond(),
                g.memoryBandwidthBytesPerSecond(), g.memoryCapacityBytes() * factor, g.priceUsdPerHour(), g.sources(),
                g.notes(), g.year(), g.whatIf(), g.interconnect(), g.power());
    }

    /**
     * The evaluation with decode reading no KV cache: each step (the live one and the Batch API's two) at a
     * context of 0 tokens, and the output cost per token that follows (step seconds over the batch, as the
     * engine counts it). Prefill is as it was.
     */
    static Evaluation withoutKvCache(Evaluation e) {
        Scenario s = e.scenario();
        PhaseCost decode = RooflineEngine.decodeStep(s, s.batchSize(), 0);
        BatchApi api = e.batchApi();
        PhaseCost online = RooflineEngine.decodeStep(s, api.onlineBatch(), 0);
        PhaseCost toppedUp = RooflineEngine.decodeStep(s, api.toppedUpBatch(), 0);
        BatchApi noKv = new BatchApi(api.onlineBatch(), api.toppedUpBatch(), online.computeUtilization(),
                toppedUp.computeUtilization(), online.seconds() / online.tokens(), toppedUp.seconds() / toppedUp.tokens(),
                api.fitsAfter());
        Evaluation.Cost c = e.cost();
        return with(e, e.prefill(), decode, new Evaluation.Cost(c.priceUsdPerHour(), c.inputSecondsPerToken(),
                decode.seconds() / decode.tokens(), c.devices()), noKv);
    }

    /** The evaluation with prefill read as decode and decode as prefill, input cost as output and back. */
    static Evaluation phasesSwapped(Evaluation e) {
        Evaluation.Cost c = e.cost();
        return with(e, e.decode(), e.prefill(), new Evaluation.Cost(c.priceUsdPerHour(), c.outputSecondsPerToken(),
                c.inputSecondsPerToken(), c.devices()), e.batchApi());
    }

    private static Evaluation with(Evaluation e, PhaseCost prefill, PhaseCost decode, Evaluation.Cost cost, BatchApi api) {
        return new Evaluation(e.scenario(), e.computePrecision(), e.attentionPrecision(), e.ridgeFlopsPerByte(),
                e.ridgeFlopsPerValue(), e.roofs(), prefill, decode, e.criticalBatchNoContext(), e.criticalBatch(),
                e.memory(), cost, e.utilizationCurve(), e.memoryWall(), e.decodeAtBatchOne(), e.criticalStep(), api,
                e.costByCause(), e.notices());
    }
}
