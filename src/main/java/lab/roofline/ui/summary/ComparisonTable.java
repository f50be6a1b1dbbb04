package lab.roofline.ui.summary;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.Comparison;
import lab.roofline.fx.Viewports;
import lab.roofline.render.layout.PinStyle;
import lab.roofline.ui.scenario.PinsModel.Pin;
import lab.roofline.ui.scenario.PinsModel;
import lab.roofline.ui.scenario.RooflineViewModel;
import org.controlsfx.control.action.Action;
import javafx.scene.control.Labeled;
import javafx.scene.text.TextAlignment;

/**
 * The live scenario beside the pinned ones: every summary number per scenario, its ratio to the live one,
 * the best in bold. Shown only while something is pinned. Each pin's menu renames, unpins or makes it
 * live; the table copies itself as CSV or Markdown.
 */
public final class ComparisonTable extends VBox {
    private final RooflineViewModel vm;
    private final GridPane grid = new GridPane();
    private final FlowPane header;
    private final InvalidationListener changed = obs -> markDirty();
    private boolean dirty = true;
    /** The cells of the current pin set, updated in place while the live scenario changes. */
    private List<List<Label>> cells = List.of();
    private List<Pin> shownPins = List.of();

    public ComparisonTable(RooflineViewModel vm) {
        this.vm = vm;
        getStyleClass().add("comparison");
        setId("comparison");
        Label title = new Label("Compare");
        title.getStyleClass().add("comparison-title");
        Button copyCsv = new Button("Copy CSV");
        copyCsv.setOnAction(e -> copy(vm.pinsModel().comparison().csv(), "CSV"));
        Button copyMarkdown = new Button("Copy Markdown");
        copyMarkdown.setOnAction(e -> copy(vm.pinsModel().comparison().markdown(), "Markdown"));
        exportCsv.setId("comparison-export");
        exportCsv.setVisible(false);
        exportCsv.managedProperty().bind(exportCsv.visibleProperty());
        // The title and the buttons whole, on one line when there is room, wrapped when not (a large zoom).
        for (Region r : new Region[] {title, copyCsv, copyMarkdown, exportCsv}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        title.setPadding(new Insets(0, 10, 0, 0));
        header = new FlowPane(8, 4, title, copyCsv, copyMarkdown, exportCsv);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("comparison-header");
        grid.getStyleClass().add("comparison-grid");
        grid.setHgap(10);
        grid.setVgap(3);
        // Wider than the window (four pins, a large zoom): it scrolls sideways rather than cut numbers short.
        gridScroll.getStyleClass().add("comparison-scroll");
        gridScroll.setFitToHeight(true);
        gridScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        gridScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        Viewports.uncache(gridScroll);
        // The wheel scrolls the page, not the table: only a sideways scroll (Shift+wheel, a trackpad) moves it.
        gridScroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (Math.abs(e.getDeltaX()) < Math.abs(e.getDeltaY()) && !e.isShiftDown() && getParent() != null) {
                e.consume();
                Event.fireEvent(getParent(), e.copyFor(getParent(), getParent()));
            }
        });
        getChildren().addAll(header, gridScroll);
        setSpacing(6);
        visibleProperty().bind(Bindings.isNotEmpty(vm.pinsModel().pins()));
        managedProperty().bind(visibleProperty());
        vm.resultProperty().addListener(changed);
        vm.pinsModel().pins().addListener(changed);
    }

    private final Button exportCsv = new Button("Export CSV…");
    private final ScrollPane gridScroll = new ScrollPane(grid);
    /** The row that says whether each scenario fits in memory (its numbers are what it would do if not). */
    private List<Label> fitsCells = List.of();
    /** The row that names each scenario's devices (a what-if says so). */
    private List<Label> deviceCells = List.of();

    /** The command that writes the comparison to a CSV file (the window's File menu has it too). */
    public void setOnExportCsv(Action export) {
        exportCsv.setText("Export CSV…");
        exportCsv.setOnAction(e -> export.handle(e));
        exportCsv.disableProperty().bind(export.disabledProperty());
        exportCsv.setVisible(true);
    }

    /** Stops listening to the view model. */
    public void dispose() {
        vm.resultProperty().removeListener(changed);
        vm.pinsModel().pins().removeListener(changed);
        visibleProperty().unbind();
    }

    private String lastCopied;

    /** What the last Copy put on the clipboard (for tests). */
    public String lastCopied() {
        return lastCopied;
    }

    private void copy(String text, String what) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        lastCopied = text;
    }

    private void markDirty() {
        dirty = true;
        if (!vm.pinsModel().pins().isEmpty()) {
            requestLayout(); // with nothing pinned the table is hidden: a slider step costs it nothing
        }
    }

    /** The rows are made before the height is asked for: a card measured before them would cut them off. */
    @Override
    protected double computePrefHeight(double width) {
        refreshIfDirty();
        fitScrollHeight();
        return super.computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (dirty && isVisible()) {
            dirty = false;
            refresh();
        }
        fitScrollHeight();
        super.layoutChildren();
    }

    /** The table's whole height, and room for the sideways scroll bar when it is wider than the card. */
    private void fitScrollHeight() {
        double gridHeight = grid.prefHeight(-1);
        double bar = grid.prefWidth(-1) > gridScroll.getWidth() - 2 && gridScroll.getWidth() > 0
                ? getFont().getSize() * 1.4 : 0;
        if (gridScroll.getPrefHeight() != gridHeight + bar + 2) {
            gridScroll.setPrefHeight(gridHeight + bar + 2);
            gridScroll.setMinHeight(gridHeight + bar + 2);
        }
    }

    private Font getFont() {
        return header.getChildren().isEmpty() || !(header.getChildren().get(0) instanceof Label l)
                ? Font.getDefault() : l.getFont();
    }

    /** The table's texts now (rows of cells; the first row the names), for tests. */
    public List<List<String>> texts() {
        refreshIfDirty();
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(""));
        names.addAll(vm.pinsModel().comparison().names());
        rows.add(names);
        rows.add(deviceCells.stream().map(Label::getText).toList());
        rows.add(fitsCells.stream().map(Label::getText).toList());
        for (List<Label> row : cells) {
            rows.add(row.stream().map(Label::getText).toList());
        }
        return rows;
    }

    public void refreshIfDirty() {
        if (dirty && !vm.pinsModel().pins().isEmpty()) {
            dirty = false;
            refresh();
        }
    }

    private void refresh() {
        if (vm.pinsModel().pins().isEmpty()) {
            return;
        }
        Comparison comparison = vm.pinsModel().comparison();
        if (!shownPins.equals(List.copyOf(vm.pinsModel().pins()))) {
            rebuild(comparison);
        }
        for (int i = 0; i + 1 < deviceCells.size(); i++) {
            deviceCells.get(i + 1).setText(comparison.device(i));
        }
        for (int i = 0; i + 1 < fitsCells.size(); i++) {
            Label cell = fitsCells.get(i + 1);
            cell.setText(comparison.fits(i));
            cell.pseudoClassStateChanged(UNFIT, !"yes".equals(cell.getText()));
        }
        List<Comparison.Row> rows = comparison.rows();
        for (int r = 0; r < rows.size(); r++) {
            Comparison.Row row = rows.get(r);
            List<Label> line = cells.get(r);
            for (int i = 0; i < row.values().length; i++) {
                String text = Comparison.shown(row.metric(), row.values()[i]);
                // A scenario that does not fit: what it would do, said so (and never the best).
                if (!comparison.feasible(i) && Comparison.wouldBe(row.metric()) && !Double.isNaN(row.values()[i])) {
                    text = Comparison.WOULD_BE + text;
                }
                if (i > 0 && Double.isFinite(row.ratioToFirst()[i])) {
                    text += "  (" + Units.times(row.ratioToFirst()[i]) + ")";
                }
                Label cell = line.get(i + 1);
                cell.setText(text);
                cell.pseudoClassStateChanged(BEST, i == row.best());
            }
        }
    }

    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    private static final PseudoClass UNFIT = PseudoClass.getPseudoClass("unfit");

    /** New columns for a new set of pins: a header with each pin's menu, then one label per cell. */
    private void rebuild(Comparison comparison) {
        shownPins = List.copyOf(vm.pinsModel().pins());
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        ColumnConstraints metricColumn = new ColumnConstraints();
        metricColumn.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().add(metricColumn);
        Label live = new Label("Live");
        live.getStyleClass().add("comparison-name");
        grid.add(live, 1, 0);
        for (int i = 0; i < shownPins.size(); i++) {
            grid.add(pinMenu(shownPins.get(i)), i + 2, 0);
        }
        for (int c = 1; c <= shownPins.size() + 1; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHalignment(HPos.RIGHT);
            grid.getColumnConstraints().add(column);
        }
        deviceCells = row(Comparison.DEVICE_LABEL, 1);
        fitsCells = row(Comparison.FITS_LABEL, 2);
        List<List<Label>> all = new ArrayList<>();
        List<Comparison.Row> rows = comparison.rows();
        for (int r = 0; r < rows.size(); r++) {
            all.add(row(rows.get(r).metric().label(), r + 3));
        }
        cells = all;
    }

    /**
     * A row of the grid: its label, then an empty cell per scenario. Never shortened with "…": in a card
     * beside the charts a long name or value wraps instead, so a scenario's column stays narrow.
     */
    private List<Label> row(String label, int gridRow) {
        List<Label> line = new ArrayList<>();
        Label metric = wrapping(new Label(label), 7.5);
        metric.setTextAlignment(TextAlignment.LEFT);
        metric.setAlignment(Pos.CENTER_LEFT);
        metric.getStyleClass().add("comparison-metric");
        grid.add(metric, 0, gridRow);
        line.add(metric);
        for (int i = 0; i <= shownPins.size(); i++) {
            Label cell = wrapping(new Label(), 6.5);
            cell.getStyleClass().add("comparison-value");
            grid.add(cell, i + 1, gridRow);
            line.add(cell);
        }
        return line;
    }

    /** Wraps at a width of about {@code ems} characters' room (the root text size, so it follows the zoom). */
    private static <L extends Labeled> L wrapping(L label, double ems) {
        label.setWrapText(true);
        label.setStyle("-fx-max-width: " + ems + "em;");
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setTextAlignment(TextAlignment.RIGHT);
        label.setAlignment(Pos.CENTER_RIGHT);
        return label;
    }

    private MenuButton pinMenu(Pin pin) {
        PinStyle style = PinStyle.of(pin.colour());
        MenuButton menu = wrapping(new MenuButton(style.glyph() + " " + Units.oneLine(pin.name())), 7);
        menu.getStyleClass().addAll("comparison-name", "pin-" + pin.colour());
        menu.setMnemonicParsing(false);
        MenuItem live = new MenuItem("Make live (load into the controls)");
        live.setOnAction(e -> vm.pinsModel().makeLive(pin));
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog(pin.name());
            ask.setHeaderText("Rename the pin");
            ask.initOwner(getScene() == null ? null : getScene().getWindow());
            ask.showAndWait().ifPresent(name -> vm.pinsModel().rename(pin, name));
        });
        Menu colour = new Menu("Colour and marker");
        for (int c = 0; c < PinsModel.MAX_PINS; c++) {
            int chosen = c;
            RadioMenuItem item = new RadioMenuItem(
                    PinStyle.of(c).glyph() + "  " + PinStyle.of(c).description());
            item.setSelected(c == pin.colour());
            item.getStyleClass().add("pin-" + c);
            item.setOnAction(e -> vm.pinsModel().recolour(pin, chosen));
            colour.getItems().add(item);
        }
        MenuItem unpin = new MenuItem("Unpin");
        unpin.setOnAction(e -> vm.pinsModel().unpin(pin));
        menu.getItems().addAll(live, rename, colour, unpin);
        return menu;
    }
}
