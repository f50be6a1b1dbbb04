package lab.roofline.render.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Derivations;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.GridShares;
import lab.roofline.fx.PulseRefresh;

/**
 * The numbers that matter, and plain-word warnings. It only reads the evaluation: it marks itself dirty on
 * a change and refreshes once, just before the next layout pass, so a drag costs one refresh per frame.
 */
public final class SummaryStrip extends VBox {
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    private static final PseudoClass NARROW = PseudoClass.getPseudoClass("narrow");
    private static final PseudoClass INFEASIBLE = PseudoClass.getPseudoClass("infeasible");
    private static final double NARROW_WIDTH = 760;
    /** Below this width (at 100 %) a tile's 12 px detail line no longer fits on one line: it wraps. */
    private static final double ONE_LINE_WIDTH = 880;
    private static final double TWO_COLUMN_WIDTH = 620;
    @FXML SummaryTile ridge;
    @FXML SummaryTile decode;
    @FXML SummaryTile utilization;
    @FXML SummaryTile timePerToken;
    @FXML SummaryTile inputCost;
    @FXML SummaryTile outputCost;
    @FXML SummaryTile ratio;
    @FXML SummaryTile memory;
    private final ProgressBar memoryBar = new ProgressBar();
    @FXML VBox warnings;
    @FXML GridPane grid;
    /** The text zoom (1 = 100 %): the widths below which the tiles re-flow grow with it. */
    private final DoubleProperty textScale = new SimpleDoubleProperty(1);
    /** Shows every tile's substituted formula under its number. */
    private final BooleanProperty showWork = new SimpleBooleanProperty(this, "showWork");
    private final ObservableValue<Evaluation> source;
    private final PulseRefresh refresher;
    private List<String> shownNotices = List.of();

    /** Where a scenario's price comes from, in words ("" when it is the profile's): the window's one price rule. */
    private Function<Evaluation, String> priceSource = e -> "";

    /**
     * Says on the input-cost tile where the price comes from, when not from the profile (the rental table, a
     * typed price): the dashboard and the planner then name the same source for the same number.
     */
    public void setPriceSource(Function<Evaluation, String> source) {
        priceSource = source == null ? e -> "" : source;
        refresher.markDirty();
    }

    public SummaryStrip(ObservableValue<Evaluation> source) {
        this.source = source;
        Fxml.loadInto(this);
        memoryBar.setMaxWidth(Double.MAX_VALUE);
        memoryBar.getStyleClass().add("memory-bar");
        memory.getChildren().add(memoryBar);
        for (SummaryTile t : tiles()) {
            t.connect(showWork, q -> Derivations.of(source.getValue()).get(q));
        }
        refresher = new PulseRefresh(this, this::refresh, () -> true, source, showWork);
        // Narrow (the explanation open on a small screen): smaller type, so no headline number is cut off.
        widthProperty().addListener(obs -> reflow());
        textScale.addListener(obs -> reflow());
    }

    /** Four tiles to a row while they have room for their text, else two, so no headline number is cut off. */
    private void reflow() {
        double width = getWidth();
        double z = textScale.get();
        int columns = width >= TWO_COLUMN_WIDTH * z ? 4 : 2;
        // Smaller headline numbers while a column is narrower than a quarter of the comfortable width.
        pseudoClassStateChanged(NARROW, width / columns < NARROW_WIDTH / 4 * z);
        // The detail lines stay 12 px at least (styles/app.css): short of room they wrap rather than end in "…".
        boolean wrap = z > 1.05 || columns < 4 || width / columns < ONE_LINE_WIDTH / 4 * z;
        boolean reshaped = wrap != wrapping || grid.getColumnConstraints().size() != columns;
        if (wrap != wrapping) {
            wrapping = wrap;
            tiles().forEach(t -> t.setWrapping(wrap));
        }
        if (reshaped) {
            // The width arrives while the window's column lays out, and a layout pass ignores the new height
            // its children ask for: without another pass the charts would be laid over the wrapped lines.
            Platform.runLater(() -> {
                if (getParent() != null) {
                    getParent().requestLayout();
                }
            });
        }
        if (grid.getColumnConstraints().size() != columns) {
            List<ColumnConstraints> constraints = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                constraints.add(GridShares.column(100.0 / columns));
            }
            grid.getColumnConstraints().setAll(constraints);
            List<SummaryTile> tiles = tiles();
            for (int i = 0; i < tiles.size(); i++) {
                GridPane.setConstraints(tiles.get(i), i % columns, i / columns);
            }
        }
    }

    private boolean wrapping;

    /** Text zoom, 1 = 100 %. */
    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** Tiles to a row now (4, or 2 when narrow for the text size). */
    public int columns() {
        return grid.getColumnConstraints().size();
    }

    /**
     * "71.0 / 80.0 GB" when both read in one unit, else each in its own, as the warning writes them:
     * "1.79 TB / 80.0 GB", never "1.79 / 0.0800 TB".
     */
    static String usedOfCapacity(double usedBytes, double capacityBytes) {
        String used = Units.si(usedBytes, "B");
        String capacity = Units.si(capacityBytes, "B");
        String usedUnit = used.substring(used.lastIndexOf(' ') + 1);
        String capacityUnit = capacity.substring(capacity.lastIndexOf(' ') + 1);
        return usedUnit.equals(capacityUnit) ? used.substring(0, used.lastIndexOf(' ')) + " / " + capacity
                : used + " / " + capacity;
    }

    private List<SummaryTile> tiles() {
        return List.of(ridge, decode, utilization, timePerToken, inputCost, outputCost, ratio, memory);
    }

    /**
     * Shows or hides the tiles, the warnings staying (a window short of room gives the tiles' height to the
     * charts, never the plain-word warning that the model does not fit).
     */
    public void showTiles(boolean shown) {
        grid.setVisible(shown);
        grid.setManaged(shown);
    }

    public boolean tilesShown() {
        return grid.isVisible();
    }

    /** The tiles' height at a width (what giving them up returns to the charts). */
    public double tilesHeight(double width) {
        return grid.prefHeight(width);
    }

    public BooleanProperty showWorkProperty() {
        return showWork;
    }

    /**
     * Whether an empty line stays reserved for warnings (in the window, so the charts do not jump when one
     * comes and goes mid-drag). An export has no drag: without warnings it gives the line to the charts.
     */
    public void reserveWarningLine(boolean reserve) {
        reserveLine = reserve;
        sizeWarnings();
        warnings.managedProperty().unbind();
        if (!reserve) {
            warnings.managedProperty().bind(Bindings.isNotEmpty(warnings.getChildren()));
        } else {
            warnings.setManaged(true);
        }
    }

    /** Updates now, if anything changed (tests and export call it; normally the pulse does). */
    public void refreshIfDirty() {
        refresher.refreshIfDirty();
    }

    private void refresh() {
        Evaluation e = source.getValue();
        showSpeeds(e);
        showCosts(e);
        if (!e.memory().fits()) {
            showWouldBe();
        }
        for (SummaryTile t : List.of(inputCost, outputCost, decode, timePerToken, utilization, ratio)) {
            t.pseudoClassStateChanged(INFEASIBLE, !e.memory().fits());
        }
        showMemory(e);
        // Formulas only while they are shown: formatting them on every frame of a drag costs time nobody sees.
        if (showWork.get()) {
            Map<Derivations.Quantity, Derivations.Derivation> work = Derivations.of(e);
            for (SummaryTile t : tiles()) {
                t.showWork(work.get(t.quantity()));
            }
        }
        if (e.notices().equals(shownNotices)) {
            return; // rebuilding labels costs CSS and layout on every frame of a drag
        }
        shownNotices = e.notices();
        showNotices(e.notices());
    }

    /** The ridge, the decode speed, the utilization and the time per token. */
    private void showSpeeds(Evaluation e) {
        ridge.set(Units.sig3(e.ridgeFlopsPerByte()) + " FLOP/byte",
                Units.sig3(e.ridgeFlopsPerValue()) + " FLOPs per " + e.scenario().weightPrecision().label() + " value");
        decode.set(Units.sig3(e.decode().tokensPerSecond()) + " tok/s",
                Units.sig3(e.decode().tokensPerSecondPerSequence()) + " tok/s per sequence");
        utilization.set(Units.percent(e.decode().computeUtilization()),
                e.decode().limiter().shortLabel() + " · prefill " + Units.percent(e.prefill().computeUtilization()));
        boolean drafted = e.scenario().speculation().isOn();
        timePerToken.set(Units.seconds(1 / e.decode().tokensPerSecondPerSequence()), drafted
                ? String.format(Locale.ROOT, "batch %,d · %s tokens per %s step", e.scenario().batchSize(),
                Units.sig3(e.scenario().speculation().expectedTokensPerStep()), Units.seconds(e.decode().seconds()))
                : String.format(Locale.ROOT, "batch %,d · %,.0f-token context",
                e.scenario().batchSize(), e.decode().contextTokens()));
    }

    /** The input and output costs (GPU time when there is no price) and their ratio. */
    private void showCosts(Evaluation e) {
        Evaluation.Cost c = e.cost();
        inputCost.setTitle(c.hasPrice() ? "Input, per 1M tokens" : "Input, GPU time per token");
        outputCost.setTitle(c.hasPrice() ? "Output, per 1M tokens" : "Output, GPU time per token");
        if (c.hasPrice()) {
            String from = priceSource.apply(e);
            inputCost.set(Units.usd(c.inputUsdPerMillionTokens()), "at " + Units.usd(c.priceUsdPerHour()) + " per hour"
                    + (from.isEmpty() ? "" : " · " + from));
            outputCost.set(Units.usd(c.outputUsdPerMillionTokens()), String.format(Locale.ROOT, "decode at batch %,d", e.scenario().batchSize()));
        } else {
            inputCost.set(Units.seconds(c.inputGpuSecondsPerToken()), "GPU time, no price: type one for dollars");
            outputCost.set(Units.seconds(c.outputGpuSecondsPerToken()), c.devices() > 1
                    ? "step × " + c.devices() + " GPUs ÷ batch (no price)" : "step time ÷ batch (no price)");
        }
        ratio.set(Units.times(c.outputToInputRatio()), "output tokens cost more");
    }

    /** A scenario that does not fit: its figures are what it would be, said the same way on every tile. */
    private void showWouldBe() {
        // A scenario that cannot run has no cost, only the one it would have.
        inputCost.set(inputCost.valueText(), "would be: does not fit in memory");
        outputCost.set(outputCost.valueText(), "would be: does not fit in memory");
        // Speeds of a scenario that cannot run are what it would do, said as the costs say it.
        decode.set(decode.valueText(), "would be: does not fit in memory");
        timePerToken.set(timePerToken.valueText(), "would be: does not fit in memory");
        // Every figure of a scenario that cannot run is what it would be, the same way on every tile.
        utilization.set(utilization.valueText(), "would be: does not fit in memory");
        ratio.set(ratio.valueText(), "would be: does not fit in memory");
    }

    /** The memory used of the capacity, its bar, and what limits the batch. */
    private void showMemory(Evaluation e) {
        Evaluation.MemoryUse m = e.memory();
        memory.set(usedOfCapacity(m.totalBytes(), m.capacityBytes()),
                !m.weightsFit() ? "weights need ≥ " + m.minDevicesForWeights() + " devices"
                        : m.maxBatch() == 0 ? "one sequence needs " + String.format(Locale.ROOT, "%,d", e.devicesToFit()) + " devices"
                        : (e.scenario().gpuCount() > 1
                        ? Units.si(m.totalBytes() / e.scenario().gpuCount(), "B") + "/device · " : "")
                        + "max batch " + String.format(Locale.ROOT, "%,d", m.maxBatch()));
        memoryBar.setProgress(Math.min(1, m.totalBytes() / m.capacityBytes()));
        memory.pseudoClassStateChanged(OVER, !m.fits());
    }

    /** A line for each warning. */
    private void showNotices(List<String> notices) {
        List<Label> lines = new ArrayList<>();
        for (String w : notices) {
            Label l = new Label("⚠  " + w);
            l.getStyleClass().add("warning");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE); // every warning whole, never a sliver
            lines.add(l);
        }
        warnings.getChildren().setAll(lines);
        sizeWarnings();
    }

    private boolean reserveLine = true;

    /**
     * The warnings' least height: every line whole (two warnings are never squeezed into the reserved line
     * when the charts below need the room), and the one reserved line for none or one, if reserved.
     */
    private void sizeWarnings() {
        // One line (or none) takes the reserved line, so the charts never jump as a warning comes and goes.
        warnings.setMinHeight(reserveLine && warnings.getChildren().size() <= 1 ? 28
                : Region.USE_PREF_SIZE);
    }

    /** The tile that shows a quantity. */
    public SummaryTile tile(Derivations.Quantity quantity) {
        refreshIfDirty();
        return tiles().stream().filter(t -> t.quantity() == quantity).findFirst().orElseThrow();
    }

    /** The warning lines shown now (for tests of their layout). */
    public List<Label> warningLabels() {
        refreshIfDirty();
        return warnings.getChildren().stream().map(n -> (Label) n).toList();
    }

    /** Texts of the warnings shown now. */
    public List<String> warningTexts() {
        refreshIfDirty();
        return warnings.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    public void dispose() {
        refresher.dispose();
    }
}
