package lab.roofline.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.roofline.engine.Derivations;
import lab.roofline.engine.Evaluation;
import lab.roofline.engine.Units;

/**
 * The numbers that matter, and plain-word warnings. It marks itself dirty on a change and refreshes once,
 * just before the next layout pass, so a drag costs one refresh per frame.
 */
final class SummaryStrip extends VBox {
    private final RooflineViewModel vm;
    /** Shows every tile's substituted formula under its number (declared before the tiles that bind it). */
    final javafx.beans.property.BooleanProperty showWork = new javafx.beans.property.SimpleBooleanProperty(this, "showWork");
    final Tile ridge = new Tile("Ridge point");
    final Tile decode = new Tile("Decode throughput");
    final Tile utilization = new Tile("Compute utilization");
    final Tile timePerToken = new Tile("Time per output token");
    final Tile inputCost = new Tile("Input, per 1M tokens");
    final Tile outputCost = new Tile("Output, per 1M tokens");
    final Tile ratio = new Tile("Output ÷ input");
    final Tile memory = new Tile("Memory");
    private final Tile[] tiles = {ridge, decode, utilization, timePerToken, inputCost, outputCost, ratio, memory};
    private final ProgressBar memoryBar = new ProgressBar();
    final VBox warnings = new VBox(4);
    private final PulseRefresh refresher;
    private List<String> shownNotices = List.of();

    SummaryStrip(RooflineViewModel vm) {
        this.vm = vm;
        getStyleClass().add("summary");
        GridPane tiles = new GridPane();
        tiles.getStyleClass().add("summary-tiles");
        Tile[] all = {ridge, decode, utilization, timePerToken, inputCost, outputCost, ratio, memory};
        for (int i = 0; i < all.length; i++) {
            tiles.add(all[i], i % 4, i / 4);
            all[i].setMaxWidth(Double.MAX_VALUE);
        }
        for (int c = 0; c < 4; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(25);
            col.setHgrow(Priority.ALWAYS);
            tiles.getColumnConstraints().add(col);
        }
        memoryBar.setMaxWidth(Double.MAX_VALUE);
        memoryBar.getStyleClass().add("memory-bar");
        memory.getChildren().add(memoryBar);
        warnings.getStyleClass().add("warnings");
        // One line is always reserved, so the charts do not jump when a warning comes and goes mid-drag.
        warnings.setMinHeight(28);
        getChildren().addAll(tiles, warnings);
        setSpacing(8);
        refresher = new PulseRefresh(this, this::refresh, () -> true, vm.resultProperty(), showWork);
        ridge.setAbout("peak FLOP/s ÷ bandwidth: below this intensity work waits on memory.");
        decode.setAbout("Tokens per second for the whole batch, and for one sequence (one user).");
        utilization.setAbout("Decode step: attained FLOP/s ÷ peak FLOP/s of the compute precision.");
        timePerToken.setAbout("One decode step: every sequence in the batch gets one token.");
        inputCost.setAbout("Price per hour × prefill time ÷ prompt tokens × 1M.");
        outputCost.setAbout("Price per hour × decode step time ÷ batch × 1M.");
        ratio.setAbout("How much more an output token costs than an input token (the price cancels).");
        memory.setAbout("Weights + KV cache at batch × (prompt + generated) tokens, against capacity.");

    }

    /** Updates now, if anything changed (tests call it; normally the pulse does). */
    void refreshIfDirty() {
        refresher.refreshIfDirty();
    }

    private void refresh() {
        Evaluation e = vm.result();
        ridge.set(Units.sig3(e.ridgeFlopsPerByte()) + " FLOP/byte",
                Units.sig3(e.ridgeFlopsPerValue()) + " FLOPs per " + e.scenario().weightPrecision().label() + " value");
        decode.set(Units.sig3(e.decode().tokensPerSecond()) + " tok/s",
                Units.sig3(e.decode().tokensPerSecondPerSequence()) + " tok/s per sequence");
        utilization.set(Units.percent(e.decode().computeUtilization()),
                "decode is " + e.decode().bound().label() + "; prefill " + Units.percent(e.prefill().computeUtilization()));
        timePerToken.set(Units.seconds(e.decode().seconds()), "batch " + e.scenario().batchSize() + " at "
                + String.format(Locale.ROOT, "%,.0f", e.decode().contextTokens()) + " tokens of context");
        Evaluation.Cost c = e.cost();
        if (c.hasPrice()) {
            inputCost.set(Units.usd(c.inputUsdPerMillionTokens()), "at " + Units.usd(c.priceUsdPerHour()) + " per hour");
            outputCost.set(Units.usd(c.outputUsdPerMillionTokens()), "decode at batch " + e.scenario().batchSize());
        } else {
            inputCost.set(Units.seconds(c.inputSecondsPerToken()), "device time per token (no price)");
            outputCost.set(Units.seconds(c.outputSecondsPerToken()), "device time per token (no price)");
        }
        ratio.set(Units.times(c.outputToInputRatio()), "output tokens cost more");
        Evaluation.MemoryUse m = e.memory();
        double unit = m.capacityBytes() >= 1e12 ? 1e12 : 1e9;
        memory.set(Units.sig3(m.totalBytes() / unit) + " / " + Units.sig3(m.capacityBytes() / unit)
                        + (unit == 1e12 ? " TB" : " GB"),
                m.maxBatch() == 0 ? "weights need ≥ " + m.minDevicesForWeights() + " devices"
                        : (e.scenario().gpuCount() > 1
                        ? Units.si(m.totalBytes() / e.scenario().gpuCount(), "B") + " per device · " : "")
                        + "largest batch that fits: " + m.maxBatch());
        memoryBar.setProgress(Math.min(1, m.totalBytes() / m.capacityBytes()));
        memory.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over"), !m.fits());

        showWork(e);
        if (e.notices().equals(shownNotices)) {
            return; // rebuilding labels costs CSS and layout on every frame of a drag
        }
        shownNotices = e.notices();
        List<Label> lines = new ArrayList<>();
        for (String w : e.notices()) {
            Label l = new Label("⚠  " + w);
            l.getStyleClass().add("warning");
            l.setWrapText(true);
            lines.add(l);
        }
        warnings.getChildren().setAll(lines);
    }

    /**
     * "Show your work" lines under each number, only while they are shown: formatting every formula on
     * every frame of a drag would cost time nobody sees. Tooltips build theirs when they open.
     */
    private void showWork(Evaluation e) {
        if (!showWork.get()) {
            return;
        }
        var work = Derivations.of(e);
        for (int i = 0; i < tiles.length; i++) {
            tiles[i].work.setText("= " + work.get(QUANTITIES[i]).substituted());
        }
    }

    private static final Derivations.Quantity[] QUANTITIES = {Derivations.Quantity.RIDGE,
            Derivations.Quantity.DECODE_THROUGHPUT, Derivations.Quantity.COMPUTE_UTILIZATION,
            Derivations.Quantity.TIME_PER_OUTPUT_TOKEN, Derivations.Quantity.INPUT_COST,
            Derivations.Quantity.OUTPUT_COST, Derivations.Quantity.RATIO, Derivations.Quantity.MEMORY};

    private Derivations.Derivation derivationFor(Tile tile) {
        for (int i = 0; i < tiles.length; i++) {
            if (tiles[i] == tile) {
                return Derivations.of(vm.result()).get(QUANTITIES[i]);
            }
        }
        throw new IllegalArgumentException("not a tile of this strip");
    }

    /** Texts of the warnings shown now. */
    List<String> warningTexts() {
        refreshIfDirty();
        return warnings.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    void dispose() {
        refresher.dispose();
    }

    /** One number with its title and a line of context. */
    final class Tile extends VBox {
        final Label value = new Label();
        final Label detail = new Label();
        final Label work = new Label();
        String about = "";
        private final Label title;

        Tile(String titleText) {
            title = new Label(titleText);
            title.getStyleClass().add("tile-title");
            value.getStyleClass().add("tile-value");
            detail.getStyleClass().add("tile-detail");
            getStyleClass().add("tile");
            work.getStyleClass().add("tile-work");
            work.setWrapText(true);
            work.visibleProperty().bind(showWork);
            work.managedProperty().bind(showWork);
            Tips.install(this, this::tooltipText);
            getChildren().addAll(title, value, detail, work);
            setAlignment(Pos.TOP_LEFT);
            HBox.setHgrow(this, Priority.ALWAYS);
        }

        void set(String v, String d) {
            value.setText(v);
            detail.setText(d);
        }

        void setAbout(String text) {
            about = text;
        }

        /** What the tooltip says when it opens: what the number means, and the work behind it. */
        String tooltipText() {
            return about + "\n\n" + derivationFor(this).text();
        }
    }
}
