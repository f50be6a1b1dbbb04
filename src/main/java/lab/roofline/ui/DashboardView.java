package lab.roofline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.io.PastedCommandLine;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.chart.CostChart;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.chart.UtilizationChart;
import lab.roofline.render.export.ChartKind;
import lab.roofline.ui.lesson.ExplainPanel;
import lab.roofline.ui.lesson.Lesson;
import lab.roofline.ui.lesson.LessonBar;
import lab.roofline.ui.scenario.ControlPanel;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.render.summary.SummaryStrip;
import lab.roofline.fx.Fxml;
import lab.roofline.fx.GridShares;
import lab.roofline.fx.Tips;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionCheck;
import org.controlsfx.control.action.ActionGroup;
import org.controlsfx.control.action.ActionUtils;

/**
 * The window's content (layout in DashboardView.fxml): menus and toolbar made from one set of commands,
 * the controls, the summary strip, the lesson bar, the three charts and the explanation panel. Every
 * view here reads the view model's evaluation; only the controls write inputs.
 */
public final class DashboardView extends BorderPane {
    @FXML VBox top;
    @FXML javafx.scene.control.Label subtitle;
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
    @FXML StatusBar statusBar;

    private final ControlPanel controls;
    private final SummaryStrip summary;
    private final RooflineChart roofline;
    private final UtilizationChart utilization;
    private final CostChart cost;
    private final Lesson lesson;
    private final LessonBar lessonBar;
    private final ExplainPanel explain;
    private final Commands commands;
    private final RooflineViewModel vm;
    private final ScenarioFileActions files;
    private lab.roofline.ui.summary.ComparisonTable comparison;

    /**
     * Every command of the window, defined once: the menu item, the toolbar button and the shortcut are
     * made from the same Action, so they share text, state and accelerator.
     */
    public final class Commands {
        public final Action export;
        public final List<Action> exportEach = new ArrayList<>();
        public final Action darkTheme = toggle("Dark theme", "Shortcut+D",
                "Switch between the light and the dark theme (Ctrl+D)");
        public final Action explanation = toggle("Explain", "Shortcut+L",
                "The argument in sentences, with this scenario's numbers (Ctrl+L)");
        public final Action showWork = toggle("Show your work", "Shortcut+Shift+W",
                "Under each number, the formula it came from with this scenario's values (Ctrl+Shift+W)");
        public final Action startLesson = command("Guided lesson", "F5", e -> lesson.start(),
                "The argument in eight steps: each sets the controls and points at the chart element it discusses. "
                        + "Leave at any step and keep playing (F5).");
        public final Action practice = toggle("Practice", "Shortcut+Shift+X",
                "Exercises whose answers the engine checks, with hints, and misconception cards that test a claim on "
                        + "the charts (Ctrl+Shift+X)");
        public final Action misconceptions = command("Misconception Checks", "Shortcut+Shift+M", e -> openPractice(true),
                "Claims people believe about inference, each tested on two scenarios with the evidence ringed (Ctrl+Shift+M)");
        public final Action predictFirst = toggle("Ask Before Showing", null,
                "Predict, then reveal: each lesson step asks for a guess before it shows its point (off: a teacher "
                        + "demonstrating)");
        public final Action exportHandout = command("Export Handout…", null, e -> handoutExporter.run(),
                "The lesson as a web page to hand out or print (every step with this scenario's numbers and chart, "
                        + "the misconception cards, the exercises) and its answer key as a separate page");
        public final Action printHandout = command("Print Handout…", null, e -> printHandout(),
                "Print the lesson's handout for this scenario: a step per page with its chart, the cards, the exercises");
        public final Action nextStep = command("Next step", "Page Down", e -> lesson.next(), null);
        public final Action previousStep = command("Previous step", "Page Up", e -> lesson.back(), null);
        public final Action leaveLesson = command("Keep playing from here", null, e -> lesson.leave(), null);
        public final Action zoomIn = command("Zoom in", "Shortcut+Plus", e -> zoomBy(+1),
                "Larger text everywhere, controls and charts, up to 200 % (Ctrl+Plus)");
        public final Action zoomOut = command("Zoom out", "Shortcut+Minus", e -> zoomBy(-1),
                "Smaller text everywhere, down to 80 % (Ctrl+Minus)");
        public final Action zoomReset = command("Actual size", "Shortcut+0", e -> setZoom(1),
                "Text at 100 % (Ctrl+0)");
        public final Action landscape = command("Hardware Landscape", "Shortcut+Shift+H", e -> showLandscape(),
                "Every accelerator at once: peak against bandwidth with lines of constant ridge point, and the ridge "
                        + "over the years (Ctrl+Shift+H); click one to make it the live GPU");
        public final Action serving = command("Serving Economics", "Shortcut+Shift+E", e -> showServing(),
                "The latency-cost frontier under service-level limits, what a million tokens cost at the live batch "
                        + "(blended, energy), and the cheapest way to serve the model (Ctrl+Shift+E)");
        public final Action presentation = toggle("Presentation mode", "F11",
                "Full screen with the controls folded into a slim strip: the charts and summary take the room (F11)");
        public final Action copyChart = command("Copy chart", "Shortcut+Shift+C", e -> copyChart(chartUnderMouse()),
                "Copy the chart under the mouse (or the whole dashboard) to the clipboard as a picture, "
                        + "as on screen at 2× (Ctrl+Shift+C)");

        public final Action undo = command("Undo", "Shortcut+Z", e -> vm.history().undo(),
                "Undo the last change to the scenario; a slider drag is one step (Ctrl+Z)");
        public final Action redo = command("Redo", "Shortcut+Shift+Z", e -> vm.history().redo(),
                "Redo what was undone (Ctrl+Shift+Z or Ctrl+Y)");
        public final Action reset = command("Reset to defaults", null, e -> vm.resetToDefaults(),
                "Every input back to the article's case: Llama-3.1-70B in INT8 on one H100 (undoable)");
        public final Action copyCommandLine = command("Copy as Command Line", "Shortcut+Shift+L", e -> copyCommandLine(),
                "The roofline-lab report flags that reproduce this scenario, to paste into a terminal, a ticket "
                        + "or a chat (Ctrl+Shift+L)");
        public final Action pasteCommandLine = command("Paste Command Line", "Shortcut+Shift+V", e -> pasteCommandLine(),
                "Set the scenario from a roofline-lab report line on the clipboard (Ctrl+Shift+V)");
        public final Action pin = command("Pin Scenario", "Shortcut+P", e -> pinScenario(),
                "Keep this scenario beside the live one to compare (up to four): every summary number side by "
                        + "side, with ratios (Ctrl+P)");
        public final Action newScenario;
        public final Action open;
        public final Action save;
        public final Action saveAs;
        public final Action exportCurve;
        public final Action exportComparison;
        public final Action importModel;
        public final Action openCommandLine = command("Open Command Line…", null, e -> openCommandLine(),
                "Type or paste a `roofline-lab report …` line to set the scenario from it");

        Commands(Consumer<ChartKind> exporter, ScenarioFileActions files) {
            newScenario = command("New", "Shortcut+N", e -> files.newScenario(),
                    "Start again from the default scenario (asks first if a file's changes are unsaved)");
            open = command("Open…", "Shortcut+O", e -> files.open(),
                    "Open a scenario file (*.roofline.json); you can also drop one on the window");
            save = command("Save", "Shortcut+S", e -> files.save(), "Save the scenario to its file (Ctrl+S)");
            saveAs = command("Save As…", "Shortcut+Shift+S", e -> files.saveAs(),
                    "Save the scenario to a new file: every input, a name and a note, sendable to a colleague");
            exportCurve = command("Export Curve as CSV…", null, e -> files.exportCurveCsv(),
                    "The batch curve of this scenario (tokens/s, utilization, step time, costs, memory per batch) "
                            + "for a spreadsheet");
            exportComparison = command("Export Comparison as CSV…", null, e -> files.exportComparisonCsv(),
                    "The live scenario and the pins side by side, every summary number with its ratio to the "
                            + "live one, for a spreadsheet");
            exportComparison.disabledProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.pins()));
            importModel = command("Import Model (config.json)…", null, e -> files.importModel(),
                    "Read a Hugging Face config.json (Llama, Mistral, Mixtral, Qwen2/3, Qwen3-MoE, Gemma 2/3, "
                            + "DeepSeek-V2/V3, gpt-oss): its architecture joins the presets, parameters computed from the shapes");
            export = command("Export…", "Shortcut+E", e -> exporter.accept(null),
                    "Save a chart or the dashboard as PNG or SVG, slide-sized or as on screen (Ctrl+E)");
            for (ChartKind k : ChartKind.values()) {
                exportEach.add(command(k.title() + "…", null, e -> exporter.accept(k), null));
            }
        }

        private Action command(String text, String accelerator, Consumer<javafx.event.ActionEvent> handler,
                               String tip) {
            Action a = new Action(text, handler);
            if (accelerator != null) {
                a.setAccelerator(KeyCombination.keyCombination(accelerator));
            }
            a.setLongText(tip);
            return a;
        }

        private Action toggle(String text, String accelerator, String tip) {
            Action a = new ToggleAction(text);
            if (accelerator != null) {
                a.setAccelerator(KeyCombination.keyCombination(accelerator));
            }
            a.setLongText(tip);
            return a;
        }
    }

    /** A command that is on or off: a check item in menus, a toggle button in the toolbar. */
    @ActionCheck
    static final class ToggleAction extends Action {
        ToggleAction(String text) {
            super(text, e -> { }); // the state is the action's selected property; ControlsFX needs a handler
        }
    }

    /** What File ▸ New, Open, Open Recent, Save and Save As ask the app to do (it owns dialogs and I/O). */
    public interface ScenarioFileActions {
        void newScenario();

        void open();

        void openRecent(java.nio.file.Path file);

        void save();

        void saveAs();

        /** Writes the live scenario's batch curve as CSV (asks where). */
        default void exportCurveCsv() {
        }

        /** Writes the comparison of the live scenario and the pins as CSV (asks where). */
        default void exportComparisonCsv() {
        }

        /** Reads a Hugging Face config.json (asks which) and makes its model live. */
        default void importModel() {
        }

        /** For a window with no files (tests, benchmarks): the commands do nothing. */
        ScenarioFileActions NONE = new ScenarioFileActions() {
            @Override
            public void newScenario() {
            }

            @Override
            public void open() {
            }

            @Override
            public void openRecent(java.nio.file.Path file) {
            }

            @Override
            public void save() {
            }

            @Override
            public void saveAs() {
            }
        };
    }

    public DashboardView(RooflineViewModel vm, Consumer<ChartKind> export) {
        this(vm, export, ScenarioFileActions.NONE);
    }

    /**
     * @param export asked to export a chart kind, or to ask which (null); the app shows the dialog
     * @param files  what the File menu's scenario commands do
     */
    public DashboardView(RooflineViewModel vm, Consumer<ChartKind> export, ScenarioFileActions files) {
        Fxml.loadInto(this);
        this.vm = vm;
        this.files = files;
        commands = new Commands(export, files);
        vm.history(); // from here on, every change can be undone
        // Ctrl+Y redoes too (Windows' habit). A handler, not a filter: a text field's own Ctrl+Y comes first.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.Y) {
                vm.history().redo();
                e.consume();
            }
        });
        controls = new ControlPanel(vm);
        summary = new SummaryStrip(vm.resultProperty());
        roofline = new RooflineChart(vm.resultProperty());
        utilization = new UtilizationChart(vm.resultProperty(), vm.referencesProperty());
        cost = new CostChart(vm.resultProperty(), vm.referencesProperty());
        for (CanvasChart chart : charts()) {
            chart.highlightProperty().bind(vm.highlightProperty());
        }
        // The charts draw the pins beside the live scenario; they change only when pinned, renamed or unpinned.
        vm.pins().addListener(pinsChanged);
        vm.gpuCountProperty().addListener(causesChanged);
        vm.layerOverheadSecondsProperty().addListener(causesChanged);
        vm.speculationProperty().addListener(causesChanged);
        showPins();
        lesson = new Lesson(vm);
        lessonBar = new LessonBar(lesson, vm.resultProperty());
        // Predict, then reveal: the learner's point guess is the roofline's hollow marker (movable while asked),
        // and a reveal moves the operating points from where they were.
        lesson.setOnReveal(before -> roofline.animateFrom(before));
        roofline.setOnGhostPlaced(lessonBar::reveal);
        lessonBar.setOnOpenCard(card -> {
            openPractice(true);
            practicePanel().selectCard(card);
        });
        commands.predictFirst.selectedProperty().bindBidirectional(lesson.predictingProperty());
        javafx.beans.InvalidationListener ghostToChart = obs -> {
            lab.roofline.ui.lesson.Prediction.PointGuess p = lesson.ghostProperty().get();
            boolean movable = lesson.asking() != null;
            RooflineChart.Ghost wanted = p == null ? null
                    : new RooflineChart.Ghost(p.flopsPerByte(), p.flopsPerSecond(), movable);
            if (!java.util.Objects.equals(wanted, roofline.ghostProperty().get())) {
                roofline.ghostProperty().set(wanted);
            }
        };
        lesson.ghostProperty().addListener(ghostToChart);
        // A point to place: the roofline takes the keys (arrows move the hollow marker).
        javafx.beans.InvalidationListener focusPoint = obs -> {
            if (lesson.asking() != null && lesson.asking().kind() == lab.roofline.ui.lesson.Prediction.Kind.POINT) {
                javafx.application.Platform.runLater(roofline::requestFocus);
            }
        };
        lesson.phaseProperty().addListener(focusPoint);
        lesson.indexProperty().addListener(focusPoint);
        // While a step asks about what is on screen already (no change to reveal), the numbers that answer it are
        // veiled: blurred until the reveal, so the guess is the learner's own.
        javafx.beans.InvalidationListener veil = obs -> veil(lesson.asking() != null && lesson.asking().before() == null);
        lesson.phaseProperty().addListener(veil);
        lesson.indexProperty().addListener(veil);
        lesson.phaseProperty().addListener(ghostToChart);
        lesson.indexProperty().addListener(ghostToChart);
        roofline.ghostProperty().addListener((obs, old, now) -> {
            if (now != null && now.movable()) {
                lesson.ghostProperty().set(new lab.roofline.ui.lesson.Prediction.PointGuess(now.flopsPerByte(),
                        now.flopsPerSecond()));
            }
        });
        explain = new ExplainPanel(vm.resultProperty(), vm.highlightProperty());
        roofline.setId("roofline-chart");
        utilization.setId("utilization-chart");
        cost.setId("cost-chart");
        rooflineCard.getChildren().add(roofline);
        utilizationCard.getChildren().add(utilization);
        costCard.getChildren().add(cost);
        side.setContent(controls);
        main.getChildren().add(0, lessonBar);
        main.getChildren().add(0, summary);
        comparison = new lab.roofline.ui.summary.ComparisonTable(vm);
        comparison.setOnExportCsv(commands.exportComparison);
        main.getChildren().add(2, comparison);
        explainScroll.setContent(explain);
        // One right-hand panel: the explanation or practice, never both (the charts keep the middle).
        explainScroll.visibleProperty().bind(commands.explanation.selectedProperty().or(commands.practice.selectedProperty()));
        explainScroll.managedProperty().bind(explainScroll.visibleProperty());
        commands.practice.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                commands.explanation.setSelected(false);
                explainScroll.setContent(practicePanel());
                explainScroll.setVvalue(0);
                practicePanel().focusFirst(); // from the keyboard: type the answer at once
            }
        });
        commands.explanation.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                commands.practice.setSelected(false);
                explainScroll.setContent(explain);
            }
        });
        explain.visibleProperty().bind(commands.explanation.selectedProperty());
        summary.showWorkProperty().bindBidirectional(commands.showWork.selectedProperty());
        top.getChildren().add(0, menuBar());
        fillToolBar();
        // Lesson navigation only while a lesson runs; Page Up/Down step it even where a scroll pane has
        // focus (the pane would otherwise take the keys before the menu's accelerators see them).
        commands.nextStep.disabledProperty().bind(lesson.indexProperty().lessThan(0)
                .or(lesson.indexProperty().isEqualTo(Lesson.STEPS.size() - 1)));
        commands.previousStep.disabledProperty().bind(lesson.indexProperty().lessThan(1));
        commands.leaveLesson.disabledProperty().bind(lesson.indexProperty().lessThan(0));
        // A lesson step's ring is on screen: the middle scrolls to the chart that shows it.
        javafx.beans.InvalidationListener showStep = obs -> {
            if (lesson.current() != null && getScene() != null) {
                // After the step's layout (its text changes the lesson bar's height), not before it.
                Runnable once = new Runnable() {
                    @Override
                    public void run() {
                        getScene().removePostLayoutPulseListener(this);
                        Lesson.Step now = lesson.current();
                        if (now == null) {
                            return;
                        }
                        lab.roofline.ui.lesson.Prediction.Question asked = lesson.asking();
                        if (asked != null && asked.kind() == lab.roofline.ui.lesson.Prediction.Kind.POINT) {
                            scrollIntoView(roofline); // a point to place on the roofline, whatever the step discusses
                        } else if (asked != null) {
                            scrollIntoView(lessonBar); // the question, whole
                        } else {
                            scrollIntoView(chartFor(now.topic()));
                            if (lesson.results().containsKey(lesson.indexProperty().get())) {
                                scrollIntoView(lessonBar); // the guess beside the truth comes first
                            }
                        }
                    }
                };
                getScene().addPostLayoutPulseListener(once);
                requestLayout();
            }
        };
        lesson.indexProperty().addListener(showStep);
        lesson.phaseProperty().addListener(showStep);
        for (CanvasChart chart : charts()) {
            chart.zoomProperty().bind(zoom);
        }
        zoom.addListener(obs -> applyZoom());
        commands.explanation.selectedProperty().addListener(obs -> applyZoom());
        commands.practice.selectedProperty().addListener(obs -> applyZoom());
        widthProperty().addListener(obs -> applyZoom());
        // A narrow middle (zoomed in, Explain open) stacks the charts, each the full width, rather than
        // squeezing three side by side; a horizontal scroll bar is the last resort, never clipping.
        mainScroll.viewportBoundsProperty().addListener((obs, old, now) -> arrangeCharts(now.getWidth()));
        mainScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        for (ScrollPane pane : new ScrollPane[] {side, mainScroll, explainScroll}) {
            lab.roofline.fx.Viewports.uncache(pane);
        }
        applyZoom();
        slimStrip = slimStrip();
        commands.presentation.selectedProperty().addListener((obs, was, on) -> present(on));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Ctrl+Plus is typed as Ctrl+= (or Ctrl+Shift+=) on most keyboards, and the keypad has its own keys.
            if (e.isShortcutDown() && !e.isAltDown()) {
                switch (e.getCode()) {
                    case PLUS, EQUALS, ADD -> {
                        zoomBy(+1);
                        e.consume();
                        return;
                    }
                    case MINUS, SUBTRACT -> {
                        zoomBy(-1);
                        e.consume();
                        return;
                    }
                    case DIGIT0, NUMPAD0 -> {
                        setZoom(1);
                        e.consume();
                        return;
                    }
                    default -> { }
                }
            }
            if (lesson.isRunning() && e.getCode() == KeyCode.PAGE_DOWN) {
                lesson.next();
                e.consume();
            } else if (lesson.isRunning() && e.getCode() == KeyCode.PAGE_UP) {
                lesson.back();
                e.consume();
            }
        });
    }

    private MenuBar menuBar() {
        List<Action> exports = new ArrayList<>();
        exports.add(commands.newScenario);
        exports.add(commands.open);
        exports.add(ActionUtils.ACTION_SEPARATOR); // Open Recent goes here, made each time the menu opens
        exports.add(commands.save);
        exports.add(commands.saveAs);
        exports.add(ActionUtils.ACTION_SEPARATOR);
        exports.add(commands.export);
        exports.add(ActionUtils.ACTION_SEPARATOR);
        exports.addAll(commands.exportEach);
        exports.add(ActionUtils.ACTION_SEPARATOR);
        exports.add(commands.copyChart);
        exports.add(commands.exportCurve);
        exports.add(commands.exportComparison);
        exports.add(ActionUtils.ACTION_SEPARATOR);
        exports.add(commands.importModel);
        exports.add(commands.openCommandLine);
        MenuBar bar = ActionUtils.createMenuBar(List.of(
                new ActionGroup("File", exports),
                new ActionGroup("Edit", commands.undo, commands.redo, ActionUtils.ACTION_SEPARATOR,
                        commands.copyCommandLine, commands.pasteCommandLine, ActionUtils.ACTION_SEPARATOR, commands.pin,
                        ActionUtils.ACTION_SEPARATOR, commands.reset),
                new ActionGroup("View", commands.darkTheme, commands.explanation, commands.showWork,
                        ActionUtils.ACTION_SEPARATOR, commands.zoomIn, commands.zoomOut, commands.zoomReset,
                        ActionUtils.ACTION_SEPARATOR, commands.presentation, ActionUtils.ACTION_SEPARATOR,
                        commands.landscape, commands.serving),
                new ActionGroup("Lesson", commands.startLesson, commands.nextStep, commands.previousStep,
                        commands.leaveLesson, commands.predictFirst, ActionUtils.ACTION_SEPARATOR, commands.practice,
                        commands.misconceptions, ActionUtils.ACTION_SEPARATOR, commands.exportHandout,
                        commands.printHandout)));
        bar.setUseSystemMenuBar(true);
        Menu file = bar.getMenus().get(0);
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-open-recent");
        recent.getItems().add(new MenuItem("(none yet)")); // a menu with no items never opens
        file.setOnShowing(e -> fillRecent(recent));
        file.getItems().add(2, recent);
        // Undo and Redo look disabled in the open menu when there is nothing to undo. Bound for good, their
        // state would ride along on every slider step (measured: +0.25 ms a frame); the keys work either way.
        Menu edit = bar.getMenus().get(1);
        edit.setOnShowing(e -> {
            commands.undo.setDisabled(!vm.history().canUndoProperty().get());
            commands.redo.setDisabled(!vm.history().canRedoProperty().get());
        });
        edit.setOnHidden(e -> {
            commands.undo.setDisabled(false);
            commands.redo.setDisabled(false);
        });
        return bar;
    }

    private void fillToolBar() {
        Button lessonButton = ActionUtils.createButton(commands.startLesson);
        lessonButton.setId("lesson-start");
        ToggleButton explainToggle = ActionUtils.createToggleButton(commands.explanation);
        explainToggle.setId("explain-toggle");
        ToggleButton workToggle = ActionUtils.createToggleButton(commands.showWork);
        workToggle.setId("work-toggle");
        ToggleButton practiceToggle = ActionUtils.createToggleButton(commands.practice);
        practiceToggle.setId("practice-toggle");
        Button theme = new Button("Light / dark");
        theme.setOnAction(e -> commands.darkTheme.setSelected(!commands.darkTheme.isSelected()));
        theme.setId("theme-button");
        Tips.install(theme, commands.darkTheme.getLongText());
        Button pinButton = ActionUtils.createButton(commands.pin);
        pinButton.setId("pin-button");
        pinButton.textProperty().unbind();
        pinButton.setText("Pin");
        pinButton.tooltipProperty().unbind();
        pinButton.setTooltip(null);
        Tips.install(pinButton, commands.pin.getLongText());
        MenuButton exportButton = new MenuButton("Export");
        exportButton.setId("export-button");
        exportButton.getItems().addAll(commands.exportEach.stream().map(ActionUtils::createMenuItem).toList());
        exportButton.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        exportButton.getItems().add(ActionUtils.createMenuItem(commands.copyChart));
        Tips.install(exportButton, commands.export.getLongText());
        for (ButtonBase b : List.of(lessonButton, practiceToggle, explainToggle, workToggle)) {
            b.tooltipProperty().unbind(); // tooltips are created on first hover (start-up cost)
            b.setTooltip(null);
        }
        Tips.install(lessonButton, commands.startLesson.getLongText());
        Tips.install(explainToggle, commands.explanation.getLongText());
        Tips.install(workToggle, commands.showWork.getLongText());
        Tips.install(practiceToggle, commands.practice.getLongText());
        ToggleButton presentButton = ActionUtils.createToggleButton(commands.presentation);
        presentButton.setId("presentation-toggle");
        presentButton.tooltipProperty().unbind();
        presentButton.setTooltip(null);
        Tips.install(presentButton, commands.presentation.getLongText());
        toolBar.getItems().addAll(lessonButton, practiceToggle, explainToggle, workToggle, new Separator(), pinButton, theme,
                presentButton, new Separator(), exportButton);
        // Items keep their width (a zoomed title must not shrink to "Roo…"); what has no room goes into
        // the toolbar's overflow menu.
        for (Node item : toolBar.getItems()) {
            if (item instanceof javafx.scene.layout.Region r && !(item instanceof javafx.scene.layout.Pane)) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    /** Below this width (at 100 %; it scales with the zoom) the charts stack in one column. */
    static final double STACK_CHARTS_BELOW = 720;
    private boolean stacked;

    private void arrangeCharts(double viewportWidth) {
        boolean stack = viewportWidth > 0 && viewportWidth < STACK_CHARTS_BELOW * Math.max(1, zoom.get());
        if (stack == stacked) {
            return;
        }
        stacked = stack;
        charts.getColumnConstraints().setAll(stack ? List.of(GridShares.column(100)) : List.of(GridShares.column(55), GridShares.column(45)));
        charts.getRowConstraints().setAll(stack ? List.of(GridShares.row(40), GridShares.row(30), GridShares.row(30))
                : List.of(GridShares.row(56), GridShares.row(44)));
        if (stack) {
            GridPane.setConstraints(rooflineCard, 0, 0, 1, 1);
            GridPane.setConstraints(utilizationCard, 0, 1, 1, 1);
            GridPane.setConstraints(costCard, 0, 2, 1, 1);
        } else {
            GridPane.setConstraints(rooflineCard, 0, 0, 2, 1);
            GridPane.setConstraints(utilizationCard, 0, 1, 1, 1);
            GridPane.setConstraints(costCard, 1, 1, 1, 1);
        }
        sizeCharts();
    }

    /** The charts' least height: stacked they need more, and zoomed text needs more room. */
    private void sizeCharts() {
        // Pinned scenarios add a bar per phase to the cost chart: the charts grow so each keeps its text.
        int pinned = vm.pins().size();
        boolean moreCauses = vm.gpuCountProperty().get() > 1 || vm.layerOverheadSecondsProperty().get() > 0
                || vm.speculationProperty().get().isOn()
                || vm.pins().stream().anyMatch(p -> p.evaluation().decode().communicationSeconds() > 0
                || p.evaluation().decode().overheadSeconds() > 0 || p.evaluation().decode().draftSeconds() > 0);
        int legendRow = moreCauses ? 40 : 0;
        charts.setMinHeight((stacked ? 900 + 110 * pinned + legendRow : 560 + 45 * pinned + legendRow)
                * Math.max(1, zoom.get()));
    }

    /** Whether the charts are stacked in one column (a narrow middle). */
    public boolean chartsStacked() {
        return stacked;
    }

    /** Text sizes offered: a step per Ctrl+Plus or Ctrl+Minus. */
    public static final double[] ZOOM_STEPS = {0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};
    /** The root text size the styles are written for (styles/app.css, in em from it). */
    private static final double BASE_FONT_PX = 13;

    private final javafx.beans.property.DoubleProperty zoom = new javafx.beans.property.SimpleDoubleProperty(this,
            "zoom", 1);
    private final VBox slimStrip;

    /** The text zoom, 0.8 to 2 (1 = 100 %); every control and chart follows it. */
    public javafx.beans.property.DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Sets the zoom, kept to 80-200 %; anything unreadable (NaN) is 100 %. */
    public void setZoom(double z) {
        zoom.set(Double.isFinite(z) ? Math.max(ZOOM_STEPS[0], Math.min(ZOOM_STEPS[ZOOM_STEPS.length - 1], z)) : 1);
    }

    /** One step up or down the zoom ladder, from wherever the zoom is now. */
    void zoomBy(int direction) {
        double now = zoom.get();
        double next = now;
        if (direction > 0) {
            for (double step : ZOOM_STEPS) {
                if (step > now + 1e-9) {
                    next = step;
                    break;
                }
            }
        } else {
            for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
                if (ZOOM_STEPS[i] < now - 1e-9) {
                    next = ZOOM_STEPS[i];
                    break;
                }
            }
        }
        setZoom(next);
        showStatus("Zoom " + Math.round(zoom.get() * 100) + " %  (Ctrl+Plus, Ctrl+Minus; Ctrl+0 for 100 %)", null);
    }

    /** Text in em of the root size scales with it; the side panels widen so their text still fits. */
    private void applyZoom() {
        double z = zoom.get();
        setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * z));
        // The panels widen with the text, but never so far that the charts lose the middle of the window.
        double window = getWidth() > 0 ? getWidth() : 1440;
        // Zoomed in on a small screen the controls may take half the window: cut short they would be useless
        // (a field showing "70" of "70.6B"); the charts then stack and give way to the zoom instead.
        // With Explain open too, the middle keeps its share and the controls scroll sideways instead.
        double zoomedShare = commands.explanation.isSelected() || commands.practice.isSelected() ? 0.36 : 0.52;
        double sideWidth = Math.min(330 * z, Math.max(300, (z > 1.25 ? zoomedShare : 0.32) * window));
        double explainWidth = Math.min(360 * z, Math.max(280, 0.3 * window));
        side.setPrefWidth(sideWidth);
        side.setMinWidth(Math.min(sideWidth, 300));
        explainScroll.setPrefWidth(explainWidth);
        explainScroll.setMinWidth(Math.min(explainWidth, 280));
        sizeCharts();
        if (mainScroll.getViewportBounds() != null) {
            arrangeCharts(mainScroll.getViewportBounds().getWidth()); // the stacking width grows with the zoom
        }
        summary.textScaleProperty().set(z);
        // The tagline is the first thing a crowded toolbar gives up, before any command goes to its overflow.
        subtitle.setVisible(window >= 1400 * z);
        subtitle.setManaged(subtitle.isVisible());
        commands.zoomIn.setDisabled(z >= ZOOM_STEPS[ZOOM_STEPS.length - 1] - 1e-9);
        commands.zoomOut.setDisabled(z <= ZOOM_STEPS[0] + 1e-9);
    }

    /**
     * Presentation mode: the control panel folds into a slim strip (its buttons open the controls, zoom
     * and leave), so the summary and charts take the screen. The app makes the window full screen.
     */
    private void present(boolean on) {
        content.setLeft(on ? slimStrip : side);
        statusBar.setVisible(!on); // no file paths on the projector
        statusBar.setManaged(!on);
        // Like a slide show: the menus and toolbar give their height to the charts (their keys still work;
        // the strip leaves, zooms and steps the lesson).
        top.setVisible(!on);
        top.setManaged(!on);
        getStyleClass().removeAll("presenting");
        if (on) {
            getStyleClass().add("presenting");
        }
    }

    public boolean presenting() {
        return commands.presentation.isSelected();
    }

    private VBox slimStrip() {
        Button controlsButton = new Button("☰");
        controlsButton.setId("strip-controls");
        Tips.install(controlsButton, "Show the controls (leaves presentation mode)");
        controlsButton.setOnAction(e -> commands.presentation.setSelected(false));
        Button in = ActionUtils.createButton(commands.zoomIn);
        in.textProperty().unbind(); // a symbol, not the action's words, in a slim strip
        in.setText("+");
        in.setId("strip-zoom-in");
        Button out = ActionUtils.createButton(commands.zoomOut);
        out.textProperty().unbind();
        out.setText("−");
        out.setId("strip-zoom-out");
        for (Button b : List.of(in, out)) {
            b.tooltipProperty().unbind();
            b.setTooltip(null);
        }
        Tips.install(in, commands.zoomIn.getLongText());
        Tips.install(out, commands.zoomOut.getLongText());
        Button next = ActionUtils.createButton(commands.nextStep);
        next.textProperty().unbind();
        next.setText("▶");
        next.setId("strip-next");
        next.tooltipProperty().unbind();
        next.setTooltip(null);
        Tips.install(next, "Next lesson step (Page Down)");
        // How to leave, where it covers nothing (the platform's full-screen hint would cover the summary).
        javafx.scene.control.Label leave = new javafx.scene.control.Label("Esc\nleaves");
        leave.getStyleClass().add("strip-hint");
        leave.setId("strip-leave-hint");
        Tips.install(leave, "Esc or F11 leaves presentation mode");
        VBox strip = new VBox(8, controlsButton, in, out, next, leave);
        strip.getStyleClass().add("slim-strip");
        strip.setId("slim-strip");
        return strip;
    }

    /** The chart the mouse is over, or the dashboard when it is over none. */
    ChartKind chartUnderMouse() {
        return roofline.isHover() ? ChartKind.ROOFLINE : utilization.isHover() ? ChartKind.UTILIZATION
                : cost.isHover() ? ChartKind.COST : ChartKind.DASHBOARD;
    }

    /**
     * The size a kind has on screen, for "as on screen" exports: the chart's card, or for the dashboard
     * the summary and charts together (without the lesson bar, the controls or the scroll state).
     */
    public lab.roofline.render.export.ExportSize onScreenSize(ChartKind kind) {
        javafx.scene.layout.Region shown = switch (kind) {
            case ROOFLINE -> rooflineCard;
            case UTILIZATION -> utilizationCard;
            case COST -> costCard;
            case DASHBOARD, LANDSCAPE, FRONTIER -> null;
        };
        if (kind == ChartKind.LANDSCAPE) {
            return lab.roofline.render.export.ChartRenderer.onScreen(kind, landscapeWidth(), landscapeHeight());
        }
        if (kind == ChartKind.FRONTIER) {
            return lab.roofline.render.export.ChartRenderer.onScreen(kind,
                    servingView == null ? 1000 : servingView.chart().getWidth(),
                    servingView == null ? 560 : servingView.chart().getHeight());
        }
        if (shown != null) {
            return lab.roofline.render.export.ChartRenderer.onScreen(kind, shown.getWidth(), shown.getHeight());
        }
        return lab.roofline.render.export.ChartRenderer.onScreen(kind, main.getWidth(),
                summary.getHeight() + charts.getHeight() + 40);
    }

    /** Copies a chart, as on screen at 2×, to the clipboard as a picture, and says so in the status bar. */
    void copyChart(ChartKind kind) {
        lab.roofline.render.export.ExportSize size = onScreenSize(kind);
        javafx.scene.image.WritableImage image = lab.roofline.render.export.ChartRenderer.png(
                new lab.roofline.render.export.ChartRenderer.Request(kind, size, 2, lab.roofline.render.export.ExportFormat.PNG),
                vm.result(), vm.referencesProperty().getValue(), chartPins(), vm.profiles(),
                vm.frontierProperty().getValue(), getScene() == null ? List.of() : getScene().getStylesheets());
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putImage(image);
        content.putString(lab.roofline.explain.Captions.of(vm.result()));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        showStatus("Copied " + kind.title().toLowerCase(java.util.Locale.ROOT) + " to the clipboard ("
                + (int) image.getWidth() + " × " + (int) image.getHeight() + " px)", null);
    }

    /** The chart that rings a topic's element. */
    public CanvasChart chartFor(lab.roofline.explain.Explanation.Topic topic) {
        return switch (topic) {
            case RIDGE, DECODE, PREFILL, KV_CACHE -> roofline;
            case BATCHING, MEMORY_WALL, BATCH_API -> utilization;
            case COST, COMMUNICATION -> cost;
        };
    }

    /** Scrolls the middle so the node is wholly in view (or its top, when it is taller than the view). */
    void scrollIntoView(javafx.scene.Node node) {
        javafx.geometry.Bounds inContent = main.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = main.getBoundsInLocal().getHeight();
        double viewHeight = mainScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight || viewHeight <= 0) {
            return;
        }
        double top = mainScroll.getVvalue() * (contentHeight - viewHeight);
        double target = top;
        if (inContent.getMinY() < top) {
            target = inContent.getMinY();
        } else if (inContent.getMaxY() > top + viewHeight) {
            target = Math.min(inContent.getMinY(), inContent.getMaxY() - viewHeight);
        }
        mainScroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewHeight))));
    }

    /** How far the middle is scrolled, 0 (top) to 1 (bottom); for tests. */
    public double mainScrollPosition() {
        return mainScroll.getVvalue();
    }

    private List<CanvasChart> charts() {
        return List.of(roofline, utilization, cost);
    }

    public Commands commands() {
        return commands;
    }

    /** Brings the summary and explanation up to date now; a scene that is never shown gets no pulse. */
    public void refreshNow() {
        summary.refreshIfDirty();
        explain.refreshIfDirty();
    }

    /** A message in the status bar, and at most one button beside it (e.g. "Show in folder"). */
    public void showStatus(String text, Node action) {
        statusBar.setText(text);
        // A long message (a path, several problems) is cut off by a narrow window; hovering shows all of it.
        statusBar.setTooltip(text.length() > 80 ? Tips.create(() -> text) : null);
        statusBar.getRightItems().setAll(action == null ? List.of() : List.of(action));
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
        return lesson;
    }

    public LessonBar lessonBar() {
        return lessonBar;
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

    // ---- practice: exercises and misconception cards in the right-hand panel, made on first use ----

    private lab.roofline.ui.lesson.PracticePanel practicePanel;
    private final lab.roofline.ui.lesson.Practice practice = new lab.roofline.ui.lesson.Practice();

    /** The practice panel (made on first use; its answers are kept while the window is open). */
    public lab.roofline.ui.lesson.PracticePanel practicePanel() {
        if (practicePanel == null) {
            practicePanel = new lab.roofline.ui.lesson.PracticePanel(vm, practice, () -> commands.practice.setSelected(false));
        }
        return practicePanel;
    }

    private final javafx.scene.control.Label veilNote = veilNote();

    private static javafx.scene.control.Label veilNote() {
        javafx.scene.control.Label note = new javafx.scene.control.Label("Predict first: the numbers come back when you reveal.");
        note.getStyleClass().setAll("veil-note");
        note.setId("lesson-veil");
        note.setMouseTransparent(true);
        return note;
    }

    /** Blurs the summary, the charts and the explanation while a question about them is asked. */
    private void veil(boolean on) {
        for (Node n : List.of(summary, rooflineCard, utilizationCard, costCard, explainScroll, comparison)) {
            n.setEffect(on ? new javafx.scene.effect.GaussianBlur(18) : null);
            n.setMouseTransparent(on);
        }
        if (on && veilNote.getParent() == null) {
            charts.getChildren().add(veilNote);
            GridPane.setConstraints(veilNote, 0, 0, 2, 1, javafx.geometry.HPos.CENTER, javafx.geometry.VPos.CENTER);
        } else if (!on) {
            charts.getChildren().remove(veilNote);
        }
    }

    /** Whether the lesson is hiding the numbers that would answer its question. */
    public boolean isVeiled() {
        return summary.getEffect() != null;
    }

    // ---- the handout: built here (the charts are drawn on the FX thread); the app writes it off the thread ----

    private Runnable handoutExporter = () -> showStatus("Exporting the handout needs the app's file access.", null);

    /** What Lesson ▸ Export Handout… does: the app asks for a folder and writes {@link #handoutPages()} there. */
    public void setHandoutExporter(Runnable exporter) {
        handoutExporter = exporter;
    }

    /** The handout and its answer key for the live scenario, the exercises loaded and the cards (FX thread). */
    public lab.roofline.render.export.Handout.Pages handoutPages() {
        return lab.roofline.render.export.Handout.build(vm.result(), vm.referencesProperty().getValue(),
                ScenarioCommandLine.of(vm.inputs()),
                List.copyOf(vm.exercises()), vm::evaluate, lab.roofline.render.theme.Theme.LIGHT.stylesheets(),
                java.time.LocalDate.now().toString());
    }

    /** Lesson ▸ Print Handout…: the printer's dialog, then a step per page; says when there is no printer. */
    void printHandout() {
        lab.roofline.ui.export.HandoutPrint.Outcome outcome = lab.roofline.ui.export.HandoutPrint.print(
                getScene() == null ? null : getScene().getWindow(), vm.result(), vm.referencesProperty().getValue(),
                List.copyOf(vm.exercises()), vm::evaluate, lab.roofline.render.theme.Theme.LIGHT.stylesheets());
        showStatus(switch (outcome) {
            case PRINTED -> "Sent the handout to the printer.";
            case NO_PRINTER -> "No printer is set up on this computer: export the handout (Lesson ▸ Export Handout…) "
                    + "and print it from a web browser.";
            case CANCELLED -> "Printing cancelled.";
            case FAILED -> "The printer did not take the handout; nothing was printed.";
        }, null);
    }

    /** Opens practice on the exercises or on the misconception cards. */
    public void openPractice(boolean cards) {
        commands.practice.setSelected(true);
        if (cards) {
            practicePanel().showCards();
        } else {
            practicePanel().showExercises();
        }
        practicePanel().focusFirst();
    }

    /** Starts the lesson; its bar carries the explanation, so the charts keep their room. */
    public void startLesson() {
        lesson.start();
    }

    /** Removes every listener and binding this view added to the view model. */
    public void dispose() {
        for (CanvasChart chart : charts()) {
            chart.dispose();
        }
        controls.dispose();
        summary.dispose();
        explain.dispose();
        lessonBar.dispose();
        comparison.dispose();
        vm.pins().removeListener(pinsChanged);
        vm.gpuCountProperty().removeListener(causesChanged);
        vm.layerOverheadSecondsProperty().removeListener(causesChanged);
        vm.speculationProperty().removeListener(causesChanged);
        if (landscapeView != null) {
            landscapeView.dispose();
            landscapeStage.hide();
        }
        if (servingView != null) {
            servingView.dispose();
            servingStage.hide();
        }
    }

    /** File ▸ Open Recent: the recent scenario files, most recent first; a missing one is shown disabled. */
    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (java.nio.file.Path p : vm.document().recent()) {
            // One line, no direction tricks, not wider than a menu should be.
            String label = lab.roofline.engine.roofline.Units.oneLine(
                    lab.roofline.ui.scenario.ScenarioDocument.nameOf(p) + "  —  " + p.getParent());
            MenuItem item = new MenuItem(label.length() > 90 ? label.substring(0, 89) + "…" : label);
            item.setMnemonicParsing(false);
            item.setDisable(!java.nio.file.Files.isRegularFile(p));
            item.setOnAction(e -> files.openRecent(p));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    /** Edit ▸ Copy as Command Line. */
    void copyCommandLine() {
        String line = ScenarioCommandLine.of(vm.inputs());
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(line);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        showStatus("Copied: " + line, null);
    }

    /**
     * Sets the scenario from a pasted `roofline-lab report ...` line, as one undoable step; on anything it
     * cannot read (or an accelerator not loaded) nothing changes and the reason is returned.
     */
    private Optional<String> applyCommandLine(String text) {
        PastedCommandLine.Read read = PastedCommandLine.read(text, vm.measuredRealism());
        if (!read.ok()) {
            return Optional.of(read.error());
        }
        String id = read.inputs().gpuId();
        if (vm.loadedProfiles().stream().noneMatch(p -> p.id().equalsIgnoreCase(id))) {
            return Optional.of("--gpu: unknown accelerator '" + Units.shortened(id) + "'");
        }
        vm.apply(read.inputs());
        return Optional.empty();
    }

    /**
     * File ▸ Open Command Line: a line typed or pasted into a dialog (the clipboard's, when it holds one).
     * A line it cannot read is offered again with the reason, so nothing typed is lost; the scenario is
     * unchanged until a line reads.
     */
    void openCommandLine() {
        String clip = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        String text = clip != null && clip.strip().startsWith("roofline-lab") ? clip.strip() : "";
        String problem = null;
        while (true) {
            javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(text);
            ask.setTitle("Open command line");
            ask.setHeaderText(problem == null ? "A roofline-lab report line sets the scenario (Ctrl+Z undoes it)"
                    : "Could not read it: " + problem);
            ask.getEditor().setPrefColumnCount(60);
            if (getScene() != null) {
                ask.initOwner(getScene().getWindow());
                ask.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
                ask.getDialogPane().setStyle(getStyle());
            }
            Optional<String> typed = ask.showAndWait();
            if (typed.isEmpty()) {
                return;
            }
            text = typed.get();
            Optional<String> failed = applyCommandLine(text);
            if (failed.isEmpty()) {
                showStatus("Scenario set from the command line (Ctrl+Z undoes it)", null);
                return;
            }
            problem = failed.get();
        }
    }

    /** Edit ▸ Paste Command Line: a bad line changes nothing and says what it could not read. */
    void pasteCommandLine() {
        String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            showStatus("The clipboard holds no command line (copy one such as: roofline-lab report --gpu h100_sxm "
                    + "--batch 64)", null);
            return;
        }
        applyCommandLine(text).ifPresentOrElse(
                problem -> showStatus("Could not read the command line: " + problem + ". The scenario is unchanged.", null),
                () -> showStatus("Scenario set from the command line (Ctrl+Z undoes it)", null));
    }

    /** Edit ▸ Pin Scenario: the live scenario kept beside it, named after its document when it has one. */
    void pinScenario() {
        String name = vm.document().nameProperty().get();
        vm.pin(lab.roofline.ui.scenario.ScenarioDocument.UNTITLED.equals(name) || vm.document().isModified()
                        ? null : name)
                .ifPresentOrElse(problem -> showStatus(problem, null),
                        () -> showStatus("Pinned " + vm.pins().get(vm.pins().size() - 1).name()
                                + ": change the controls and compare (Edit ▸ Pin Scenario adds up to four)", null));
    }

    // ---- the hardware landscape: a window of its own, made on first use ----

    private javafx.stage.Stage landscapeStage;
    private lab.roofline.ui.landscape.LandscapeView landscapeView;

    /** View ▸ Hardware Landscape: the window beside the dashboard, with the same theme and zoom. */
    void showLandscape() {
        if (landscapeStage == null) {
            landscapeView = new lab.roofline.ui.landscape.LandscapeView(vm, () -> commands.exportEach.get(ChartKind.LANDSCAPE.ordinal()).handle(new javafx.event.ActionEvent()));
            landscapeView.chart().zoomProperty().bind(zoom);
            landscapeView.styleProperty().bind(styleProperty()); // the zoom's root font size
            landscapeStage = secondaryWindow(landscapeView, 1100, 640, "Hardware landscape — Roofline Lab");
        }
        landscapeStage.show();
        landscapeStage.toFront();
    }

    /**
     * A window beside the dashboard: the dashboard's stylesheets, a size that grows with the zoom (within the
     * screen), Esc or Ctrl+W to close it, owned by the dashboard's window.
     */
    private javafx.stage.Stage secondaryWindow(javafx.scene.Parent root, double width, double height, String title) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double grow = Math.max(1, zoom.get());
        javafx.scene.Scene scene = new javafx.scene.Scene(root, Math.min(screen.getWidth(), width * grow),
                Math.min(screen.getHeight(), height * grow));
        if (getScene() != null) {
            javafx.beans.binding.Bindings.bindContent(scene.getStylesheets(), getScene().getStylesheets());
        }
        javafx.stage.Stage stage = new javafx.stage.Stage();
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || (e.isShortcutDown() && e.getCode() == KeyCode.W)) {
                stage.hide();
                e.consume();
            }
        });
        stage.setTitle(title);
        stage.setScene(scene);
        if (getScene() != null && getScene().getWindow() != null) {
            stage.initOwner(getScene().getWindow());
        }
        return stage;
    }

    // ---- serving economics: a window of its own, made on first use ----

    private javafx.stage.Stage servingStage;
    private lab.roofline.ui.economics.ServingView servingView;

    /** View ▸ Serving Economics: the frontier and the planner beside the dashboard, same theme and zoom. */
    void showServing() {
        if (servingStage == null) {
            servingView = new lab.roofline.ui.economics.ServingView(vm,
                    () -> commands.exportEach.get(ChartKind.FRONTIER.ordinal()).handle(new javafx.event.ActionEvent()));
            servingView.chart().zoomProperty().bind(zoom);
            servingView.zoomProperty().bind(zoom);
            servingView.setRentalSaver(rentalSaver);
            servingView.styleProperty().bind(styleProperty());
            servingStage = secondaryWindow(servingView, 1240, 760, "Serving economics — Roofline Lab");
        }
        servingStage.show();
        servingStage.toFront();
    }

    private Consumer<lab.roofline.engine.serving.RentalPrices> rentalSaver = p -> { };

    /** Where the serving window's edited rental prices go to be kept (the app writes them to the user's folder). */
    public void setRentalSaver(Consumer<lab.roofline.engine.serving.RentalPrices> saver) {
        rentalSaver = saver;
        if (servingView != null) {
            servingView.setRentalSaver(saver);
        }
    }

    /** The serving window's view, once opened (for tests), else null. */
    public lab.roofline.ui.economics.ServingView serving() {
        return servingView;
    }

    /** The landscape window's view, once opened (for tests), else null. */
    public lab.roofline.ui.landscape.LandscapeView landscape() {
        return landscapeView;
    }

    private double landscapeWidth() {
        return landscapeView == null ? 1100 : landscapeView.chart().getWidth();
    }

    private double landscapeHeight() {
        return landscapeView == null ? 600 : landscapeView.chart().getHeight();
    }

    /** Connects the hardware section's profile menu (duplicate, edit, delete, import) to the app. */
    public void setProfileActions(lab.roofline.ui.scenario.HardwareSection.ProfileActions actions) {
        controls.hardware().setProfileActions(actions);
    }

    /** The pins as the charts draw them. */
    public List<lab.roofline.render.layout.ChartPin> chartPins() {
        return vm.pins().stream().map(p -> new lab.roofline.render.layout.ChartPin(p.name(),
                lab.roofline.render.layout.PinStyle.of(p.colour()), p.evaluation())).toList();
    }

    private final javafx.beans.InvalidationListener pinsChanged = obs -> showPins();
    /** Several devices or an overhead add causes to the cost chart's legend (a row more): room for it. */
    private final javafx.beans.InvalidationListener causesChanged = obs -> sizeCharts();

    private void showPins() {
        List<lab.roofline.render.layout.ChartPin> now = chartPins();
        for (CanvasChart chart : charts()) {
            chart.pinsProperty().set(now);
        }
        sizeCharts();
    }

    /** The comparison of the live scenario and the pins (shown while something is pinned). */
    public lab.roofline.ui.summary.ComparisonTable comparison() {
        return comparison;
    }
}
