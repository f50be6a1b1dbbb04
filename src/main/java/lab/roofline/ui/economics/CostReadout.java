package lab.roofline.ui.economics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import lab.roofline.engine.roofline.BoardPower;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.serving.ServingSettings;

/** The serving window's readout: what the live batch costs and takes under the serving settings, in words. */
final class CostReadout {
    private final GridPane readout;
    private final Label readoutNote;

    CostReadout(GridPane readout, Label readoutNote) {
        this.readout = readout;
        this.readoutNote = readoutNote;
    }

    /** The readout's rows, made once: a change sets their text (new labels each frame would cost a CSS pass). */
    private enum Row { OUTPUT, INPUT, BLENDED, RATIO, FIRST_TOKEN, PER_TOKEN, ENERGY, ELECTRICITY, POOLS }

    private final EnumMap<Row, Label[]> rows = new EnumMap<>(Row.class);

    private void makeRows() {
        String[] names = {"Output tokens", "Input tokens", "Blended", "Output : input", "First token", "Per token",
                "Energy", "Electricity", "Pools"};
        for (Row r : Row.values()) {
            Label n = new Label(names[r.ordinal()]);
            n.getStyleClass().add("control-title");
            n.setMinWidth(Label.USE_PREF_SIZE);
            Label v = new Label();
            v.setWrapText(true);
            v.setId("readout-" + r.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            readout.addRow(r.ordinal(), n, v);
            rows.put(r, new Label[] {n, v});
        }
    }

    private void show(Row r, String value) {
        Label[] pair = rows.get(r);
        boolean shown = value != null;
        for (Label l : pair) {
            l.setVisible(shown);
            l.setManaged(shown);
        }
        if (shown) {
            pair[1].setText(value);
        }
    }

    /** What the live batch costs and takes, under the serving settings. */
    void show(Frontier f) {
        if (rows.isEmpty()) {
            makeRows();
        }
        Frontier.Curve live = f.liveCurve();
        if (live == null || live.operating() == null) {
            for (Row r : Row.values()) {
                show(r, null);
            }
            readoutNote.setText(live == null ? "" : !live.missing().isEmpty() ? "Nothing to cost: " + live.missing() + "."
                    : String.format(Locale.ROOT, "The live batch (%,d) does not fit in memory: at most %,d sequences do.",
                    live.scenario().batchSize(), live.points().get(live.points().size() - 1).batch()));
            return;
        }
        Planner.FrontierPoint p = live.operating();
        ServingSettings s = f.settings();
        boolean priced = live.priced();
        show(Row.OUTPUT, priced ? Units.usd(p.costUsdPerMillionOutput()) + " per million" : "no price");
        show(Row.INPUT, priced ? Units.usd(p.costUsdPerMillionInput()) + " per million"
                + (s.cachedInput() > 0 ? " (" + Units.percent(s.cachedInput()) + " cached, free)" : "") : "no price");
        show(Row.BLENDED, priced ? Units.usd(p.costUsdPerMillionBlended()) + " per million" : null);
        show(Row.RATIO, priced ? Units.times(p.outputToInputRatio()) + " (the ratio a provider would charge)" : null);
        show(Row.FIRST_TOKEN, Units.seconds(p.ttftSeconds()) + (p.ttftSeconds() > s.ttftSeconds() ? " (over the limit)" : ""));
        show(Row.PER_TOKEN, Units.seconds(p.tpotSeconds()) + " = " + Units.sig3(p.tokensPerSecondPerUser())
                + " tokens/s per user" + (p.tpotSeconds() > s.tpotSeconds() ? " (over the limit)" : ""));
        boolean energy = !Double.isNaN(p.joulesPerOutputToken());
        show(Row.ENERGY, energy ? Units.sig3(p.joulesPerOutputToken()) + " J per output token, "
                + Units.sig3(p.joulesPerInputToken()) + " J per input token" : null);
        show(Row.ELECTRICITY, energy ? Units.usd(BoardPower.usdPerMillionTokens(p.joulesPerOutputToken(),
                s.electricityUsdPerKwh())) + " per million output tokens" : null);
        show(Row.POOLS, Double.isNaN(p.prefillDevicesPerDecode()) ? null : "prefill : decode devices = "
                + Units.sig3(p.prefillDevicesPerDecode()) + " : 1 (prompts in batches of "
                + String.format(Locale.ROOT, "%,d", p.prefillBatch()) + ")");
        List<String> notes = new ArrayList<>();
        if (!live.priceNote().isEmpty()) {
            notes.add("Price " + live.priceNote() + ".");
        }
        if (!priced) {
            notes.add("No cost: " + Frontier.noPrice(live) + ".");
        }
        if (!energy) {
            notes.add("No energy: the profile gives no board power.");
        }
        if (!p.withinLimits()) {
            notes.add("The live batch is outside the limits.");
        }
        readoutNote.setText(String.join(" ", notes));
    }
}
