package lab.roofline.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.roofline.Units;

/**
 * Several named scenarios side by side: every summary number per scenario, its ratio to the first, and
 * which is best. Pure: the command line prints it, and the app's comparison table reads the same rows.
 */
public final class Comparison {
    /** A summary number: its name, unit, and whether more is better (throughput) or less (cost, time). */
    public enum Metric {
        DECODE_TOKENS_PER_SECOND("Decode throughput", "tokens/s", true, e -> e.decode().tokensPerSecond()),
        TOKENS_PER_SECOND_PER_SEQUENCE("Per sequence", "tokens/s", true, e -> e.decode().tokensPerSecondPerSequence()),
        TIME_PER_OUTPUT_TOKEN("Time per output token", "s", false, e -> 1 / e.decode().tokensPerSecondPerSequence()),
        COMPUTE_UTILIZATION("Compute utilization", "fraction", true, e -> e.decode().computeUtilization()),
        INPUT_COST("Input, per 1M tokens", "USD", false, e -> e.cost().hasPrice()
                ? e.cost().inputUsdPerMillionTokens() : Double.NaN),
        OUTPUT_COST("Output, per 1M tokens", "USD", false, e -> e.cost().hasPrice()
                ? e.cost().outputUsdPerMillionTokens() : Double.NaN),
        OUTPUT_TO_INPUT("Output ÷ input", "×", false, e -> e.cost().outputToInputRatio()),
        RIDGE("Ridge point", "FLOP/byte", null, Evaluation::ridgeFlopsPerByte),
        MEMORY("Memory used", "bytes", null, e -> e.memory().totalBytes()),
        MAX_BATCH("Max batch that fits", "sequences", true, e -> e.memory().maxBatch());

        private final String label;
        private final String unit;
        /** True: more is better; false: less is; null: neither (a property, not a score). */
        private final Boolean higherIsBetter;
        private final ToDoubleFunction<Evaluation> value;

        Metric(String label, String unit, Boolean higherIsBetter, ToDoubleFunction<Evaluation> value) {
            this.label = label;
            this.unit = unit;
            this.higherIsBetter = higherIsBetter;
            this.value = value;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        public Boolean higherIsBetter() {
            return higherIsBetter;
        }

        public double of(Evaluation e) {
            return value.applyAsDouble(e);
        }
    }

    /** One metric across the scenarios: values, each one's ratio to the first, and the best one's index (-1: none). */
    public record Row(Metric metric, double[] values, double[] ratioToFirst, int best) {
    }

    private final List<String> names;
    private final List<Evaluation> evaluations;

    public Comparison(List<String> names, List<Evaluation> evaluations) {
        if (names.size() != evaluations.size() || names.isEmpty()) {
            throw new IllegalArgumentException("one name per scenario, at least one");
        }
        this.names = List.copyOf(names);
        this.evaluations = List.copyOf(evaluations);
    }

    public List<String> names() {
        return names;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            int n = evaluations.size();
            double[] v = new double[n];
            double[] ratio = new double[n];
            int best = -1;
            for (int i = 0; i < n; i++) {
                v[i] = m.of(evaluations.get(i));
                ratio[i] = v[i] / v[0];
                // A scenario that does not fit wins nothing: its numbers are what it would do.
                if (m.higherIsBetter() != null && Double.isFinite(v[i]) && evaluations.get(i).memory().fits()
                        && (best < 0 || (m.higherIsBetter() ? v[i] > v[best] : v[i] < v[best]))) {
                    best = i;
                }
            }
            // A tie is no win: bold would single out one of equals. Nor is the one scenario that fits a winner
            // over numbers that cannot happen: a best needs two that fit.
            int rivals = 0;
            for (int i = 0; i < n && best >= 0; i++) {
                if (evaluations.get(i).memory().fits() && Double.isFinite(v[i])) {
                    rivals++;
                }
                if (i != best && v[i] == v[best] && evaluations.get(i).memory().fits()) {
                    best = -1;
                }
            }
            rows.add(new Row(m, v, ratio, rivals > 1 ? best : -1));
        }
        return rows;
    }

    /**
     * Whether a scenario fits in memory, in words: "yes", "no: max batch 22", "no: needs 7 × NVIDIA T4". The
     * numbers of one that does not are what it would do, and it wins nothing.
     */
    public String fits(int index) {
        Evaluation e = evaluations.get(index);
        if (e.memory().fits()) {
            return "yes";
        }
        return e.memory().maxBatch() > 0 ? String.format(Locale.ROOT, "no: max batch %,d", e.memory().maxBatch())
                : String.format(Locale.ROOT, "no: needs %,d × %s", e.devicesToFit(), Units.oneLine(e.scenario().gpu().name()));
    }

    /**
     * The devices a scenario runs on, as named: "2 × NVIDIA H100 SXM5 80GB", or "… with 2× bandwidth" for a
     * what-if, so a comparison never passes a what-if off as a real device.
     */
    public String device(int index) {
        Scenario s = evaluations.get(index).scenario();
        return (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + Units.oneLine(s.gpu().name())
                + (s.pipelineStages() > 1 ? " as " + Scenario.layoutName(s.gpuCount(), s.pipelineStages()) : "");
    }

    /** The label of the row that names each scenario's devices. */
    public static final String DEVICE_LABEL = "Devices";

    /** The label of the row that says whether each scenario fits. */
    public static final String FITS_LABEL = "Fits in memory";

    /** One line per scenario: its name, whether it fits, then each metric (SI units, USD). RFC 4180. */
    public String csv() {
        StringBuilder out = new StringBuilder("name,fits");
        for (Metric m : Metric.values()) {
            out.append(',').append(m.name().toLowerCase(Locale.ROOT));
        }
        out.append(",devices\r\n");
        for (int i = 0; i < names.size(); i++) {
            out.append(quoted(Units.oneLine(names.get(i)))).append(',').append(evaluations.get(i).memory().fits());
            for (Metric m : Metric.values()) {
                double v = m.of(evaluations.get(i));
                out.append(',').append(Double.isNaN(v) ? "" : CurveCsv.number(v));
            }
            out.append(',').append(quoted(device(i))).append("\r\n");
        }
        return out.toString();
    }

    /** A Markdown table: metrics down, scenarios across, each value with its ratio to the first, the best in bold. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| |");
        names.forEach(n -> out.append(' ').append(Units.oneLine(n).replace("|", "\\|")).append(" |"));
        out.append("\n|---|");
        names.forEach(n -> out.append("---:|"));
        out.append('\n');
        out.append("| ").append(DEVICE_LABEL).append(" |");
        for (int i = 0; i < names.size(); i++) {
            out.append(' ').append(device(i).replace("|", "\\|")).append(" |");
        }
        out.append('\n');
        out.append("| ").append(FITS_LABEL).append(" |");
        for (int i = 0; i < names.size(); i++) {
            out.append(' ').append(fits(i)).append(" |");
        }
        out.append('\n');
        for (Row r : rows()) {
            out.append("| ").append(r.metric().label()).append(" |");
            for (int i = 0; i < names.size(); i++) {
                String cell = shown(r.metric(), r.values()[i]);
                // A scenario that does not fit cannot run: its numbers are what it would do with enough memory.
                if (!evaluations.get(i).memory().fits() && !Double.isNaN(r.values()[i]) && wouldBe(r.metric())) {
                    cell = WOULD_BE + cell;
                }
                if (i > 0 && Double.isFinite(r.ratioToFirst()[i])) {
                    cell += " (" + Units.times(r.ratioToFirst()[i]) + ")";
                }
                out.append(' ').append(i == r.best() ? "**" + cell + "**" : cell).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** What a number that cannot happen (its scenario does not fit) is prefixed with in a table. */
    public static final String WOULD_BE = "would be ";

    /**
     * Whether a metric of a scenario that does not fit is a number that cannot happen (a speed, a time, a cost):
     * the ridge, the memory used and the largest batch that fits are what they are.
     */
    public static boolean wouldBe(Metric m) {
        return m != Metric.RIDGE && m != Metric.MEMORY && m != Metric.MAX_BATCH;
    }

    /** Whether the scenario at an index fits in memory (its numbers can happen). */
    public boolean feasible(int index) {
        return evaluations.get(index).memory().fits();
    }

    /** A value as the summary shows it. */
    public static String shown(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return switch (m) {
            case DECODE_TOKENS_PER_SECOND, TOKENS_PER_SECOND_PER_SEQUENCE -> Units.sig3(v) + " tok/s";
            case TIME_PER_OUTPUT_TOKEN -> Units.seconds(v);
            case COMPUTE_UTILIZATION -> Units.percent(v);
            case INPUT_COST, OUTPUT_COST -> Units.usd(v);
            case OUTPUT_TO_INPUT -> Units.times(v);
            case RIDGE -> Units.sig3(v) + " FLOP/byte";
            case MEMORY -> Units.si(v, "B");
            case MAX_BATCH -> String.format(Locale.ROOT, "%,d", (long) v);
        };
    }

    private static String quoted(String s) {
        // A name a spreadsheet would run as a formula (=HYPERLINK(...)) is kept as text.
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.matches(".*[,\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
