package lab.roofline.app;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import lab.roofline.app.chart.CostChart;
import lab.roofline.app.chart.RooflineChart;
import lab.roofline.app.chart.UtilizationChart;

/** The window's content: menus and toolbar, the control panel, the summary strip and the three charts. */
public final class DashboardView extends BorderPane {
    final ControlPanel controls;
    final SummaryStrip summary;
    final RooflineChart roofline;
    final UtilizationChart utilization;
    final CostChart cost;
    final Label status = new Label();
    final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
    final javafx.scene.control.ToggleButton showExplanation = new javafx.scene.control.ToggleButton("Explain");
    final Lesson lesson;
    final LessonBar lessonBar;
    final ExplainPanel explain;
    private final ScrollPane explainScroll;
    private final BorderPane content = new BorderPane();

    /**
     * @param export  asked to export a chart kind (the app shows the dialog); null hides export
     */
    public DashboardView(RooflineViewModel vm, Consumer<ChartKind> export) {
        getStyleClass().add("dashboard");
        controls = new ControlPanel(vm);
        summary = new SummaryStrip(vm);
        roofline = new RooflineChart(vm.resultProperty());
        utilization = new UtilizationChart(vm.resultProperty(), vm.referencesProperty());
        cost = new CostChart(vm.resultProperty(), vm.referencesProperty());
        for (lab.roofline.app.chart.CanvasChart chart : new lab.roofline.app.chart.CanvasChart[] {roofline, utilization, cost}) {
            chart.highlightProperty().bind(vm.highlightProperty());
        }
        lesson = new Lesson(vm);
        lessonBar = new LessonBar(lesson, vm);
        explain = new ExplainPanel(vm);
        roofline.setId("roofline-chart");
        utilization.setId("utilization-chart");
        cost.setId("cost-chart");

        GridPane charts = new GridPane();
        charts.getStyleClass().add("charts");
        charts.setHgap(12);
        charts.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(55);
        half.setHgrow(Priority.ALWAYS);
        ColumnConstraints otherHalf = new ColumnConstraints();
        otherHalf.setPercentWidth(45);
        otherHalf.setHgrow(Priority.ALWAYS);
        charts.getColumnConstraints().addAll(half, otherHalf);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(56);
        top.setVgrow(Priority.ALWAYS);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(44);
        bottom.setVgrow(Priority.ALWAYS);
        charts.getRowConstraints().addAll(top, bottom);
        charts.add(card(roofline), 0, 0, 2, 1);
        charts.add(card(utilization), 0, 1);
        charts.add(card(cost), 1, 1);
        VBox.setVgrow(charts, Priority.ALWAYS);

        VBox main = new VBox(12, summary, lessonBar, charts);
        main.getStyleClass().add("main-area");
        main.setPadding(new Insets(14));

        ScrollPane side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("side");
        side.setId("controls-scroll");
        side.setPrefWidth(330);
        side.setMinWidth(300);

        content.setLeft(side);
        // Charts never shrink below a readable size; when the window is too short, the main area scrolls.
        charts.setMinHeight(560);
        ScrollPane mainScroll = new ScrollPane(main);
        mainScroll.setFitToWidth(true);
        mainScroll.setFitToHeight(true);
        mainScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        mainScroll.getStyleClass().add("main-scroll");
        content.setCenter(mainScroll);
        explainScroll = new ScrollPane(explain);
        explainScroll.setFitToWidth(true);
        explainScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        explainScroll.getStyleClass().add("side");
        explainScroll.setPrefWidth(360);
        explainScroll.setMinWidth(300);
        explainScroll.visibleProperty().bind(showExplanation.selectedProperty());
        explainScroll.managedProperty().bind(explainScroll.visibleProperty());
        explain.visibleProperty().bind(showExplanation.selectedProperty());
        content.setRight(explainScroll);
        content.getStyleClass().add("content");
        setCenter(content);

        if (export != null) {
            setTop(new VBox(menuBar(export), toolBar(export)));
        }
        status.getStyleClass().add("status");
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);
    }

    private static Node card(Node chart) {
        BorderPane card = new BorderPane(chart);
        card.getStyleClass().add("chart-card");
        return card;
    }

    private MenuBar menuBar(Consumer<ChartKind> export) {
        Menu file = new Menu("_File");
        MenuItem exportItem = new MenuItem("Export as PNG…");
        exportItem.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        exportItem.setOnAction(ev -> export.accept(null));
        file.getItems().add(exportItem);
        for (ChartKind k : ChartKind.values()) {
            MenuItem item = new MenuItem("Export " + k.title().toLowerCase(java.util.Locale.ROOT) + "…");
            item.setOnAction(ev -> export.accept(k));
            file.getItems().add(item);
        }
        Menu view = new Menu("_View");
        darkTheme.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem explainItem = new CheckMenuItem("Explanation panel");
        explainItem.selectedProperty().bindBidirectional(showExplanation.selectedProperty());
        explainItem.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem work = new CheckMenuItem("Show your work");
        work.selectedProperty().bindBidirectional(summary.showWork);
        work.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        view.getItems().addAll(darkTheme, explainItem, work);
        Menu learn = new Menu("_Lesson");
        MenuItem startLesson = new MenuItem("Start the guided lesson");
        startLesson.setOnAction(ev -> startLesson());
        MenuItem next = new MenuItem("Next step");
        next.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_DOWN));
        next.setOnAction(ev -> lesson.next());
        MenuItem back = new MenuItem("Previous step");
        back.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_UP));
        back.setOnAction(ev -> lesson.back());
        MenuItem leave = new MenuItem("Keep playing from here");
        leave.setOnAction(ev -> lesson.leave());
        learn.getItems().addAll(startLesson, next, back, leave);
        MenuBar bar = new MenuBar(file, view, learn);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar(Consumer<ChartKind> export) {
        Label title = new Label("Roofline Lab");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("why output tokens cost more than input tokens");
        subtitle.getStyleClass().add("app-subtitle");
        MenuButton exportButton = new MenuButton("Export PNG");
        exportButton.setId("export-button");
        for (ChartKind k : ChartKind.values()) {
            MenuItem item = new MenuItem(k.title() + "…");
            item.setOnAction(ev -> export.accept(k));
            exportButton.getItems().add(item);
        }
        Tips.install(exportButton, ("Save a chart or the whole dashboard as PNG at 1×, 2× or 3× (Ctrl+E)"));
        Button lessonButton = new Button("Guided lesson");
        lessonButton.setId("lesson-start");
        lessonButton.setOnAction(ev -> startLesson());
        Tips.install(lessonButton, ("The argument in eight steps: each sets the controls and points at the "
                + "chart element it discusses. Leave at any step and keep playing."));
        javafx.scene.control.ToggleButton workToggle = new javafx.scene.control.ToggleButton("Show your work");
        workToggle.setId("work-toggle");
        workToggle.selectedProperty().bindBidirectional(summary.showWork);
        Tips.install(workToggle, ("Under each number, the formula it came from with this scenario's values"));
        showExplanation.setId("explain-toggle");
        Tips.install(showExplanation, ("The argument in sentences, with this scenario's numbers (Ctrl+L)"));
        Button theme = new Button("Light / dark");
        theme.setOnAction(ev -> darkTheme.setSelected(!darkTheme.isSelected()));
        Tips.install(theme, ("Switch between the light and the dark theme (Ctrl+D)"));
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(title, subtitle, spacer, lessonButton, showExplanation, workToggle, new Separator(), theme,
                new Separator(), exportButton);
        bar.getStyleClass().add("app-toolbar");
        return bar;
    }

    /** Starts the lesson; its bar carries the explanation, so the charts keep their room. */
    public void startLesson() {
        lesson.start();
    }

    /** Brings the summary up to date now; a scene that is never shown gets no pulse to do it. */
    public void refreshNow() {
        summary.refreshIfDirty();
        explain.refreshIfDirty();
    }

    /** The node a chart kind exports. */
    public Node nodeFor(ChartKind kind) {
        return switch (kind) {
            case ROOFLINE -> roofline;
            case UTILIZATION -> utilization;
            case COST -> cost;
            case DASHBOARD -> content;
        };
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

    /** Removes every listener this view added to the view model. */
    public void dispose() {
        roofline.dispose();
        utilization.dispose();
        cost.dispose();
        summary.dispose();
        explain.dispose();
        lessonBar.dispose();
        for (lab.roofline.app.chart.CanvasChart chart : new lab.roofline.app.chart.CanvasChart[] {roofline, utilization, cost}) {
            chart.highlightProperty().unbind();
        }
    }
}
