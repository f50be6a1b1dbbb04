package lab.roofline.explain;

import lab.roofline.engine.Evaluation;
import lab.roofline.engine.Scenario;

/** One line naming the scenario, under every exported chart, so a picture always says what it shows. */
public final class Captions {
    private Captions() {
    }

    public static String of(Evaluation e) {
        Scenario s = e.scenario();
        String precisionText = s.weightOnly()
                ? s.weightPrecision().label() + " weights, BF16 math" : s.weightPrecision().label();
        return devices(s) + "  ·  " + s.model().name() + "  ·  " + precisionText + "  ·  batch "
                + String.format(java.util.Locale.ROOT, "%,d", s.batchSize())
                + "  ·  " + String.format(java.util.Locale.ROOT, "%,d prompt + %,d generated tokens", s.promptTokens(),
                s.generatedTokens()) + "  ·  Roofline Lab";
    }

    /** "H100 SXM" or "8 × H100 SXM". */
    public static String devices(Scenario s) {
        return (s.gpuCount() > 1 ? s.gpuCount() + " × " : "") + s.gpu().name();
    }
}
