package lab.roofline.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.explain.Explanation;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.Tips;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.chart.CostChart;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.chart.UtilizationChart;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.export.Handout;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.layout.PinStyle;
import lab.roofline.render.summary.SummaryStrip;
import lab.roofline.ui.documents.CommandLineActions;
import lab.roofline.ui.export.ChartCopy;
import lab.roofline.ui.documents.FileActions;
import lab.roofline.ui.documents.ScenarioFileActions;
import lab.roofline.ui.economics.ServingView;
import lab.roofline.ui.landscape.LandscapeView;
import lab.roofline.ui.lesson.ExplainPanel;
import lab.roofline.ui.lesson.Lesson;
import lab.roofline.ui.lesson.LessonBar;
import lab.roofline.ui.lesson.LessonFeature;
import lab.roofline.ui.lesson.PracticePanel;
import lab.roofline.ui.scenario.ControlPanel;
import lab.roofline.ui.scenario.HardwareSection;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.scenario.ScenarioActions;
import lab.roofline.ui.shell.Commands;
import lab.roofline.ui.shell.MainMenu;
import lab.roofline.ui.shell.MainToolBar;
import lab.roofline.ui.shell.SideWindows;
import lab.roofline.ui.shell.ViewActions;
import lab.roofline.ui.shell.WindowKeys;
import lab.roofline.ui.shell.Zoom;
import lab.roofline.ui.summary.ComparisonTable;
import org.controlsfx.control.StatusBar;

/**
 * The window's content (layout in DashboardView.fxml): it arranges the features' views (the controls, the
 * summary, the lesson bar, the three charts, the explanation or practice panel) and their commands, made
 * into a menu bar and a toolbar. Every view reads the view model's evaluation; only the controls write inputs.
 */
public final class DashboardView extends BorderPane implements LessonFeature.Host {
    @FXML VBox top;
    @FXML Label subtitle;
    @FXML ToolBar toolBar;
    @FXML BorderPane content;
    @FXML ScrollPane side;
    @FXML ScrollPane mainScroll;
    @FXML VBox main;
    @FXML GridPane charts;
    @FXML StackPane rooflineCard;
    @FXML StackPane utilizationCard;
    @FXML StackPane costCard;
    @FXML ScrollPane explainScroll;
    /** The right-hand cards: the lesson on top, under it Explain, Practice or Compare. */
    @FXML VBox cards;
    @FXML StatusBar statusBar;

    private final RooflineViewModel vm;
    private final ControlPanel controls;
    private final SummaryStrip summary;
    private final RooflineChart roofline;
    private final UtilizationChart utilization;
    private final CostChart cost;
    private final ExplainPanel explain;
    private final ComparisonTable comparison;
    private final Zoom zoom = new Zoom();
    private final FileActions files;
    private final CommandLineActions commandLines;
    private final SideWindows windows;
    private final ViewActions view;
    private final LessonFeature lesson;
    private final Commands commands;
    private final DashboardLayout layout;
    private final DashboardCards cardPanels;
    private final AnswerVeil answerVeil;
    private final InvalidationListener pinsChanged = obs -> showPins();
    /** Several devices or an overhead add causes to the cost chart's legend (a row more): room for it. */
    private final InvalidationListener causesChanged = obs -> resizeCharts();

    public DashboardView(RooflineViewModel vm, Consumer<ChartKind> export) {
        this(vm, export, ScenarioFileActions.NONE);
    }

    /**
     * @param export asked to export a chart kind, or to ask which (null); the app shows the dialog
     * @param fileActions what the File menu's scenario commands do
     */
    public DashboardView(RooflineViewModel vm, Consumer<ChartKind> export, ScenarioFileActions fileActions) {
        Fxml.loadInto(this);
        this.vm = vm;
        vm.history(); // from here on, every change can be undone
        controls = new ControlPanel(vm);
        summary = new SummaryStrip(vm.resultProperty());
        roofline = new RooflineChart(vm.resultProperty());
        utilization = new UtilizationChart(vm.resultProperty(), vm.referencesProperty());
        cost = new CostChart(vm.resultProperty(), vm.referencesProperty());
        explain = new ExplainPanel(vm.resultProperty(), vm.highlightProperty());
        comparison = new ComparisonTable(vm);
        files = new FileActions(vm, export, fileActions);
        commandLines = new CommandLineActions(vm, this, this::showStatus);
        ScenarioActions edit = new ScenarioActions(vm, this::showStatus);
        windows = new SideWindows(vm, this, zoom.levelProperty(), () -> files.export(ChartKind.LANDSCAPE),
                () -> files.export(ChartKind.FRONTIER));
        view = new ViewActions(zoom, windows, () -> copyChart(chartUnderMouse()), this::showStatus);
        lesson = new LessonFeature(vm, roofline, this);
        commands = new Commands(files, commandLines, edit, view, lesson);
        placeViews();
        top.getChildren().add(0, MainMenu.of(commands, files, edit));
        MainToolBar.fill(toolBar, commands);
        layout = new DashboardLayout(this, vm, zoom, commands, summary, view.focusedChart);
        layout.connectToggles();
        answerVeil = new AnswerVeil(charts);
        answerVeil.bindVeilNote(lesson.veilNoteProperty());
        // What could answer a question (not the lesson's card, which asks it; Practice is kept clear while one
        // of its exercises waits, and is made only when first veiled).
        answerVeil.answering(() -> List.of(summary, rooflineCard, utilizationCard, costCard, explain, comparison,
                lesson.practicePanel()), utilization);
        cardPanels = new DashboardCards(this, vm, commands, layout, explain, lesson, comparison);
        layout.connectZoom(charts());
        WindowKeys.install(this, vm.history()::redo, view, zoom, lesson::handleKey);
    }

    private void placeViews() {
        for (CanvasChart chart : charts()) {
            chart.highlightProperty().bind(vm.highlightProperty());
        }
        roofline.setId("roofline-chart");
        utilization.setId("utilization-chart");
        cost.setId("cost-chart");
        // A double click focuses a chart for lecturing (View ▸ Focus), and a second one returns.
        roofline.setOnMouseClicked(e -> view.focusOnDoubleClick(e, ChartKind.ROOFLINE));
        utilization.setOnMouseClicked(e -> view.focusOnDoubleClick(e, ChartKind.UTILIZATION));
        cost.setOnMouseClicked(e -> view.focusOnDoubleClick(e, ChartKind.COST));
        rooflineCard.getChildren().add(roofline);
        utilizationCard.getChildren().add(utilization);
        costCard.getChildren().add(cost);
        side.setContent(controls);
        // Nothing goes between the summary and the charts: the lesson and the panels are cards beside them.
        main.getChildren().add(0, summary);
        // No empty line kept for warnings: the charts fill the height, so a warning takes a line from them
        // only while it shows (they give back what it took; nothing under the mouse moves).
        summary.reserveWarningLine(false);
        comparison.setOnExportCsv(commands.exportComparison);
        cards.getChildren().setAll(lesson.lessonBar());
        // The charts draw the pins beside the live scenario; they change only when pinned, renamed or unpinned.
        vm.pinsModel().pins().addListener(pinsChanged);
        vm.gpuCountProperty().addListener(causesChanged);
        vm.layerOverheadSecondsProperty().addListener(causesChanged);
        vm.speculationProperty().addListener(causesChanged);
        showPins();
    }

    /** Whether the charts are stacked in one column (a narrow middle). */
    public boolean chartsStacked() {
        return layout.stacked();
    }

    /** Whether the controls are folded into the slim strip (presentation mode, or a card needs their room). */
    public boolean controlsFolded() {
        return layout.controlsFolded();
    }

    /** The chart shown large (View ▸ Focus, a double click); null for the usual layout. */
    public ObjectProperty<ChartKind> focusedChartProperty() {
        return view.focusedChart;
    }

    /** The text zoom, 0.8 to 2 (1 = 100 %); every control and chart follows it. */
    public DoubleProperty zoomProperty() {
        return zoom.levelProperty();
    }

    /** Sets the zoom, kept to 80-200 %; anything unreadable (NaN) is 100 %. */
    public void setZoom(double z) {
        zoom.set(z);
    }

    public boolean presenting() {
        return commands.presentation.isSelected();
    }

    /** The chart the mouse is over, or the dashboard when it is over none. */
    ChartKind chartUnderMouse() {
        return roofline.isHover() ? ChartKind.ROOFLINE : utilization.isHover() ? ChartKind.UTILIZATION
                : cost.isHover() ? ChartKind.COST : ChartKind.DASHBOARD;
    }

    /** The size a kind has on screen, for "as on screen" exports. */
    public ExportSize onScreenSize(ChartKind kind) {
        return layout.onScreenSize(kind, windows);
    }

    /** Copies a chart, as on screen at 2×, to the clipboard as a picture, and says so in the status bar. */
    void copyChart(ChartKind kind) {
        showStatus(ChartCopy.copy(kind, onScreenSize(kind), vm, chartPins(),
                getScene() == null ? List.of() : getScene().getStylesheets()));
    }

    // ---- what the lesson asks of the window ----

    @Override
    public CanvasChart chartFor(Explanation.Topic topic) {
        return switch (topic) {
            case RIDGE, DECODE, PREFILL, KV_CACHE -> roofline;
            case BATCHING, MEMORY_WALL, BATCH_API -> utilization;
            case COST, COMMUNICATION -> cost;
        };
    }

    @Override
    public void scrollIntoView(Node node) {
        layout.scrollIntoView(node);
    }

    @Override // blurs what could answer a question while it is asked
    public void veil(boolean on) {
        answerVeil.veil(on, false);
    }

    @Override // a point to place at another batch: the batch curve alone is veiled
    public void veil(boolean numbers, boolean batchCurve) {
        answerVeil.veil(numbers, batchCurve);
    }

    @Override
    public void showStatus(String text) {
        showStatus(text, null);
    }

    @Override
    public Scene scene() {
        return getScene();
    }

    /** A message in the status bar, and at most one button beside it (e.g. "Show in folder"). */
    public void showStatus(String text, Node action) {
        statusBar.setText(text);
        // A long message (a path, several problems) is cut off by a narrow window; hovering shows all of it.
        statusBar.setTooltip(text.length() > 80 ? Tips.create(() -> text) : null);
        statusBar.getRightItems().setAll(action == null ? List.of() : List.of(action));
    }

    /** Whether the lesson is hiding the numbers that would answer its question. */
    public boolean isVeiled() {
        return summary.getEffect() != null;
    }

    // ---- the pins as the charts draw them ----

    public List<ChartPin> chartPins() {
        return vm.pinsModel().pins().stream().map(p -> new ChartPin(p.name(), PinStyle.of(p.colour()), p.evaluation()))
                .toList();
    }

    private void showPins() {
        List<ChartPin> now = chartPins();
        for (CanvasChart chart : charts()) {
            chart.pinsProperty().set(now);
        }
        resizeCharts();
    }

    private void resizeCharts() {
        if (layout != null) { // not yet while the views are placed
            layout.sizeCharts();
        }
    }

    private List<CanvasChart> charts() {
        return List.of(roofline, utilization, cost);
    }

    // ---- what the app connects: files, handout, profiles, rental prices ----

    /** What Lesson ▸ Export Handout… does: the app asks for a folder and writes {@link #handoutPages()} there. */
    public void setHandoutExporter(Runnable exporter) {
        lesson.setHandoutExporter(exporter);
    }

    /** The handout and its answer key for the live scenario, the exercises loaded and the cards (FX thread). */
    public Handout.Pages handoutPages() {
        return lesson.handoutPages(commandLines.line());
    }

    /** Connects the hardware section's profile menu (duplicate, edit, delete, import) to the app. */
    public void setProfileActions(HardwareSection.ProfileActions actions) {
        controls.hardware().setProfileActions(actions);
    }

    /** Where the serving window's edited rental prices go to be kept (the app writes them to the user's folder). */
    public void setRentalSaver(Consumer<RentalPrices> saver) {
        windows.setRentalSaver(saver);
    }

    // ---- the parts, for the app and tests ----

    public Commands commands() {
        return commands;
    }

    public String statusText() {
        return statusBar.getText();
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public ControlPanel controls() {
        return controls;
    }

    public SummaryStrip summary() {
        return summary;
    }

    public Lesson lesson() {
        return lesson.lesson();
    }

    public LessonBar lessonBar() {
        return lesson.lessonBar();
    }

    public PracticePanel practicePanel() {
        return lesson.practicePanel();
    }

    /** Opens practice on the exercises or on the misconception cards. */
    public void openPractice(boolean cards) {
        lesson.openPractice(cards);
    }

    public ExplainPanel explanation() {
        return explain;
    }

    public RooflineChart rooflineChart() {
        return roofline;
    }

    public UtilizationChart utilizationChart() {
        return utilization;
    }

    public CostChart costChart() {
        return cost;
    }

    public ComparisonTable comparison() {
        return comparison;
    }

    public ServingView serving() {
        return windows.serving();
    }

    public LandscapeView landscape() {
        return windows.landscape();
    }

    /** Removes every listener and binding this view added to the view model. */
    public void dispose() {
        for (CanvasChart chart : charts()) {
            chart.dispose();
        }
        controls.dispose();
        summary.dispose();
        explain.dispose();
        lesson.dispose();
        comparison.dispose();
        cardPanels.dispose();
        vm.pinsModel().pins().removeListener(pinsChanged);
        vm.gpuCountProperty().removeListener(causesChanged);
        vm.layerOverheadSecondsProperty().removeListener(causesChanged);
        vm.speculationProperty().removeListener(causesChanged);
        windows.dispose();
    }
}
