package lab.roofline.engine.scenario;

import java.util.Locale;
import java.util.TreeSet;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.RooflineEngine;

/**
 * The live scenario's batch curve as CSV (RFC 4180, a header row, SI units and USD): the utilization
 * chart's points, each evaluated in full, so every row agrees with `report` at that batch.
 */
public final class CurveCsv {
    private CurveCsv() {
    }

    public static final String HEADER = "batch,fits,tokens_per_second,tokens_per_second_per_sequence,"
            + "compute_utilization,step_seconds,input_usd_per_million_tokens,output_usd_per_million_tokens,"
            + "memory_bytes,memory_capacity_bytes";

    /** One row per batch of the utilization chart's curve, and the scenario's own batch. */
    public static String of(Evaluation e) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        TreeSet<Long> batches = new TreeSet<>();
        e.utilizationCurve().forEach(p -> batches.add(p.batchSize()));
        batches.add(e.scenario().batchSize());
        for (long b : batches) {
            Evaluation at = b == e.scenario().batchSize() ? e : RooflineEngine.evaluate(e.scenario().withBatchSize(b));
            Evaluation.Cost c = at.cost();
            csv.append(b).append(',')
                    .append(at.memory().fits()).append(',')
                    .append(number(at.decode().tokensPerSecond())).append(',')
                    .append(number(at.decode().tokensPerSecondPerSequence())).append(',')
                    .append(number(at.decode().computeUtilization())).append(',')
                    .append(number(at.decode().seconds())).append(',')
                    .append(c.hasPrice() ? number(c.inputUsdPerMillionTokens()) : "").append(',')
                    .append(c.hasPrice() ? number(c.outputUsdPerMillionTokens()) : "").append(',')
                    .append(number(at.memory().totalBytes())).append(',')
                    .append(number(at.memory().capacityBytes())).append("\r\n");
        }
        return csv.toString();
    }

    /** Full precision, no grouping, a dot for the decimal point whatever the locale. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Double.toString(v);
    }
}
