package lab.roofline.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.engine.roofline.Units;
import lab.roofline.explain.Captions;
import lab.roofline.io.AppData;
import lab.roofline.io.AppHome;
import lab.roofline.io.IoReasons;
import lab.roofline.io.ScenarioSettings;
import lab.roofline.io.Settings;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.ui.export.ExportDialog;
import lab.roofline.render.export.ExportFiles;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.render.theme.Theme;

/**
 * The desktop app's lifecycle: data is read in init(), off the FX thread; the window is built in start();
 * the session is saved shortly after every change (debounced, atomically, on the I/O thread), so a kill
 * or a logout loses nothing.
 */
public final class RooflineApp extends Application {
    private static final long SAVE_DELAY_MILLISECONDS = 400;
    private AppData data;
    private Settings settings;
    private RooflineViewModel vm;
    private DashboardView view;
    private Stage stage;
    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roofline-io");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pendingSave;
    private volatile boolean toldSaveFails;
    /** A saved GPU id no loaded profile has; written back unchanged until the user chooses a GPU. */
    private String unresolvedGpuId;
    private lab.roofline.engine.roofline.HardwareProfile fallbackGpu;
    /** What the session save listens to; removed on stop, since the stage may outlive the app. */
    private final List<javafx.beans.Observable> watched = new ArrayList<>();
    private final InvalidationListener saveSoon = obs -> scheduleSave();

    /** The window's view model (for tests). */
    RooflineViewModel viewModel() {
        return vm;
    }

    /**
     * Reads a config.json off the FX thread; a good one is kept in the models folder (so the next session
     * lists it too) and made live, with what was not read said in the status line; a bad one changes nothing.
     */
    void importModelFrom(Path file) {
        io.execute(() -> {
            try {
                lab.roofline.io.ModelConfigLoader.Loaded loaded = lab.roofline.io.ModelConfigLoader.read(file);
                Path folder = AppHome.modelsDirectory();
                java.nio.file.Files.createDirectories(folder);
                String stem = loaded.model().name().replaceAll("[^A-Za-z0-9._-]+", "_");
                // The text that was checked, not a second read of a file that may have changed since.
                lab.roofline.io.AtomicFiles.writeString(folder.resolve(stem + ".json"), ".roofline-model-", loaded.text());
                Platform.runLater(() -> {
                    vm.importModel(loaded.model());
                    view.showStatus("Imported " + loaded.model().name() + " ("
                            + lab.roofline.engine.roofline.Units.parameterCount(loaded.model().totalParameters()) + " parameters, "
                            + lab.roofline.engine.roofline.Units.parameterCount(loaded.model().activeParameters()) + " active)"
                            + (loaded.notes().isEmpty() ? "" : "; " + String.join("; ", loaded.notes())), null);
                });
            } catch (lab.roofline.io.ModelConfigLoader.ModelConfigException e) {
                Platform.runLater(() -> view.showStatus("Could not import " + file.getFileName() + ": "
                        + e.getMessage() + ". Nothing changed.", null));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> view.showStatus("Could not import " + file.getFileName() + ": "
                        + lab.roofline.io.IoReasons.of(e) + ". Nothing changed.", null));
            }
        });
    }

    public static void launchApp(String[] args) {
        Application.launch(RooflineApp.class, args);
    }

    /** Waits for the data loading that main() started (or starts it), off the FX thread. */
    @Override
    public void init() {
        data = AppData.take();
        settings = data.settings();
        data.problems().forEach(System.err::println);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        vm = new RooflineViewModel(data.profiles().profiles());
        vm.ownProperty().set(p -> !lab.roofline.io.ProfileLoader.isBundled(p));
        vm.apiPrices().setAll(data.apiPrices().prices());
        vm.servingModel().rentalPricesProperty().set(data.rentalPrices().prices());
        vm.setRealism(data.realism().realism());
        data.models().models().forEach(vm::addImportedModel);
        vm.exercises().setAll(data.exercises().exercises());
        List<String> settingsNotes = restoreScenario();
        view = new DashboardView(vm, this::export, new ScenarioFiles());
        view.setProfileActions(new Profiles());
        view.setRentalSaver(this::saveRentalPrices);
        view.setHandoutExporter(this::exportHandout);
        DashboardView.Commands commands = view.commands();
        commands.explanation.setSelected(Boolean.parseBoolean(settings.get("explain", "false")));
        // A student alone predicts; a teacher who turned it off to demonstrate finds it off next time.
        view.lesson().predictingProperty().set(Boolean.parseBoolean(settings.get("lesson.predict", "true")));
        commands.darkTheme.setSelected("dark".equals(settings.get("theme", "light")));
        view.setZoom(settings.number("view.zoom").orElse(1));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // Never below the window's own minimum (a smaller saved size would be widened after placing, off the
        // screen's edge), never beyond the screen.
        double width = clamp(settings.number("window.width").orElse(1440), MIN_WIDTH, screen.getWidth());
        double height = clamp(settings.number("window.height").orElse(900), MIN_HEIGHT, screen.getHeight());
        Scene scene = new Scene(view, width, height);
        Theme.of(commands.darkTheme.isSelected()).applyTo(scene);
        commands.darkTheme.selectedProperty().addListener((obs, was, is) -> Theme.of(is).applyTo(scene));

        view.showStatus(startupMessage(settingsNotes), null);
        restoreDocument();
        restorePins();
        vm.pinsModel().pins().addListener((javafx.beans.InvalidationListener) obs -> rememberPins());
        stage.titleProperty().bind(vm.document().titleProperty());
        // A file that would be lost asks first; an untitled scenario is kept by the session anyway.
        stage.setOnCloseRequest(e -> {
            if (vm.document().closingLosesWork()) {
                e.consume();
                afterAskingToSave(stage::close);
            }
        });
        scene.setOnDragOver(e -> {
            if (droppedScenario(e.getDragboard()) != null) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            Path dropped = droppedScenario(e.getDragboard());
            e.setDropCompleted(dropped != null);
            e.consume();
            if (dropped != null) {
                afterAskingToSave(() -> openFile(dropped));
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        restoreWindowPosition(screen, width, height);
        if (Boolean.getBoolean("roofline.timing")) {
            reportFirstFrame(scene);
        }
        // Presentation mode is full screen; leaving full screen (Esc) leaves presentation mode too.
        // The slim strip says how to leave; the platform's hint would cover the summary for seconds.
        stage.setFullScreenExitHint("");
        commands.presentation.selectedProperty().addListener((obs, was, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty().addListener((obs, was, full) -> {
            if (!full) {
                commands.presentation.setSelected(false);
            }
        });
        stage.show();

        // roofline-lab FILE.roofline.json opens it.
        getParameters().getRaw().stream().filter(RooflineApp::isScenarioFile).findFirst()
                .ifPresent(f -> openFile(Path.of(f)));
        watched.addAll(List.of(vm.inputsProperty(), vm.servingModel().servingProperty(), vm.document().fileProperty(), vm.document().recent(),
                commands.darkTheme.selectedProperty(),
                commands.explanation.selectedProperty(), stage.xProperty(), stage.yProperty(),
                stage.widthProperty(), stage.heightProperty(), stage.maximizedProperty(), view.zoomProperty()));
        watched.forEach(o -> o.addListener(saveSoon));
    }

    /** The last session's scenario; returns a note for each saved value that could not be used. */
    private List<String> restoreScenario() {
        List<String> notes = new ArrayList<>();
        ScenarioInputs saved = ScenarioSettings.read(settings, notes);
        vm.apply(saved);
        vm.servingModel().servingProperty().set(ScenarioSettings.readServing(settings, notes));
        if (!vm.inputs().gpuId().equalsIgnoreCase(saved.gpuId())) {
            notes.add("settings: GPU '" + Units.shortened(saved.gpuId()) + "' is not among the loaded profiles; "
                    + "using " + vm.gpuProperty().get().name() + " until you choose one");
            // Kept in the file until the user picks a GPU: a profile folder that is back next time still works.
            unresolvedGpuId = saved.gpuId();
            fallbackGpu = vm.gpuProperty().get();
        }
        return notes;
    }

    /** What loaded, and every problem with the data or the settings, once, in the status bar. */
    private String startupMessage(List<String> settingsNotes) {
        List<String> problems = new ArrayList<>(data.problems());
        if (settings.problem() != null) {
            problems.add(settings.problem());
        }
        problems.addAll(settingsNotes);
        return data.profiles().profiles().size() + " hardware profiles loaded"
                + (problems.isEmpty() ? "" : "  ·  " + problems.size() + " problem(s): " + String.join("; ", problems))
                + "  ·  your own profiles: " + AppHome.profilesDirectory();
    }

    /** With -Droofline.timing=true: milliseconds from the launch (the first JVM's start) to the first frame. */
    private static void reportFirstFrame(Scene scene) {
        long launched = Long.getLong("roofline.launchedAtMillis",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.out.println("roofline-lab: first frame " + (System.currentTimeMillis() - launched) + " ms after launch");
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(Math.min(min, max), Math.min(max, v));
    }

    /** Puts the window where it was, if that is still on a screen; else the toolkit centres it. */
    private static final double MIN_WIDTH = 1000;
    private static final double MIN_HEIGHT = 680;

    private void restoreWindowPosition(Rectangle2D screen, double width, double height) {
        var x = settings.number("window.x");
        var y = settings.number("window.y");
        if (x.isPresent() && y.isPresent()) {
            Rectangle2D wanted = new Rectangle2D(x.getAsDouble(), y.getAsDouble(), 200, 120);
            boolean onScreen = Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(wanted));
            if (onScreen) {
                // The whole window on the screen, not just its corner.
                stage.setX(clamp(x.getAsDouble(), screen.getMinX(), screen.getMaxX() - width));
                stage.setY(clamp(y.getAsDouble(), screen.getMinY(), screen.getMaxY() - height));
            }
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized", "false")));
    }

    private void rememberState() {
        DashboardView.Commands commands = view.commands();
        settings.put("theme", commands.darkTheme.isSelected() ? "dark" : "light");
        settings.put("explain", commands.explanation.isSelected());
        settings.put("lesson.predict", view.lesson().predictingProperty().get());
        settings.put("view.zoom", view.zoomProperty().get());
        settings.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isFullScreen() && stage.getScene() != null) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.width", stage.getScene().getWidth());
            settings.put("window.height", stage.getScene().getHeight());
        }
        ScenarioSettings.write(settings, vm.inputs());
        ScenarioSettings.writeServing(settings, vm.servingModel().servingProperty().get());
        Path documentFile = vm.document().file();
        settings.put("document.file", documentFile == null ? "" : documentFile.toString());
        List<Path> recent = vm.document().recent();
        for (int i = 0; i < lab.roofline.ui.scenario.ScenarioDocument.MAX_RECENT; i++) {
            settings.put("recent." + i, i < recent.size() ? recent.get(i).toString() : "");
        }
        if (unresolvedGpuId != null && vm.gpuProperty().get() == fallbackGpu) {
            settings.put("gpu", unresolvedGpuId);
        } else {
            unresolvedGpuId = null; // the user chose a GPU
        }
    }

    /** Saves a little after the last change: a drag writes the file once, after it ends. */
    private void scheduleSave() {
        if (pendingSave != null) {
            pendingSave.cancel(false);
        }
        rememberState();
        Settings copy = settings.snapshot();
        pendingSave = io.schedule(() -> save(copy), SAVE_DELAY_MILLISECONDS, TimeUnit.MILLISECONDS);
    }

    private void save(Settings copy) {
        try {
            copy.save();
        } catch (IOException e) {
            String message = "Settings cannot be saved to " + Settings.defaultFile().getParent() + " ("
                    + IoReasons.of(e) + "); changes last until the window closes.";
            System.err.println(message);
            if (!toldSaveFails) {
                toldSaveFails = true; // once: a read-only home would otherwise repeat it at every change
                Platform.runLater(() -> view.showStatus(message, null));
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        watched.forEach(o -> o.removeListener(saveSoon));
        watched.clear();
        if (view != null) {
            if (pendingSave != null) {
                pendingSave.cancel(false);
            }
            rememberState();
            Settings copy = settings.snapshot();
            io.submit(() -> save(copy));
        }
        io.shutdown();
        io.awaitTermination(3, TimeUnit.SECONDS);
    }

    /** Export: pick chart, size, scale and format, then a file; render here, encode and write on the I/O thread. */
    private void export(ChartKind preselected) {
        ExportDialog.ExportChoice remembered = rememberedExport(settings);
        if (preselected != null) {
            remembered = new ExportDialog.ExportChoice(preselected, remembered.size(), remembered.scale(),
                    remembered.format(), remembered.lightTheme());
        }
        boolean dark = view.commands().darkTheme.isSelected();
        ExportDialog content = new ExportDialog(remembered, view::onScreenSize, dark, Captions.of(vm.result()));
        var exportDialog = content.dialog(stage, stage.getScene().getStylesheets());
        exportDialog.getDialogPane().setStyle(view.getStyle()); // the window's zoom
        var answer = exportDialog.showAndWait();
        if (answer.isEmpty()) {
            return;
        }
        ExportDialog.ExportChoice choice = answer.get();
        settings.put("export.kind", choice.kind().key());
        settings.put("export.size", choice.size().key());
        settings.put("export.scale", choice.scale());
        settings.put("export.format", choice.format().extension());
        settings.put("export.light", Boolean.toString(choice.lightTheme()));
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + choice.kind().title() + " as " + choice.format().name());
        FileChooser.ExtensionFilter pngFilter = new FileChooser.ExtensionFilter(ExportFormat.PNG.title(), "*.png");
        FileChooser.ExtensionFilter svgFilter = new FileChooser.ExtensionFilter(ExportFormat.SVG.title(), "*.svg");
        chooser.getExtensionFilters().addAll(pngFilter, svgFilter);
        chooser.setSelectedExtensionFilter(choice.format() == ExportFormat.SVG ? svgFilter : pngFilter);
        exportFolder(settings.get("export.folder", "")).ifPresent(chooser::setInitialDirectory);
        chooser.setInitialFileName("roofline-lab-" + choice.kind().key() + "." + choice.format().extension());
        var file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        // A name ending in .png or .svg says the format; any other name gets the chosen format's extension.
        ExportFormat format = ExportFormat.of(file.toPath()).orElse(choice.format());
        Path out = format.withExtension(file.toPath());
        if (!out.equals(file.toPath()) && java.nio.file.Files.exists(out)) {
            // The chooser asked about the name typed, not the one with the extension added: ask here.
            Alert replace = new Alert(Alert.AlertType.CONFIRMATION, out.getFileName() + " already exists. Replace it?",
                    ButtonType.CANCEL, ButtonType.OK);
            replace.setHeaderText("Replace " + out.getFileName() + "?");
            replace.initOwner(stage);
            replace.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
            if (replace.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        if (out.getParent() != null) {
            settings.put("export.folder", out.getParent().toString());
        }
        List<String> stylesheets = choice.lightTheme() || !dark ? Theme.LIGHT.stylesheets()
                : stage.getScene().getStylesheets();
        exportTo(new ChartRenderer.Request(choice.kind(), choice.size().size(choice.kind(), view::onScreenSize),
                choice.scale(), format), stylesheets, out);
    }

    /** The last export's choices; anything unreadable (a hand-edited file) falls back to a 16:9 dashboard PNG at 2×. */
    static ExportDialog.ExportChoice rememberedExport(Settings settings) {
        return new ExportDialog.ExportChoice(
                ChartKind.parse(settings.get("export.kind", "")).orElse(ChartKind.DASHBOARD),
                ExportDialog.SizePreset.parse(settings.get("export.size", "")).orElse(ExportDialog.SizePreset.SLIDE_16_9),
                (int) clamp(Math.rint(settings.number("export.scale").orElse(2)), 1, 3),
                "svg".equalsIgnoreCase(settings.get("export.format", "png").strip()) ? ExportFormat.SVG : ExportFormat.PNG,
                "true".equals(settings.get("export.light", "true")));
    }

    /** Renders now and writes in the background; a failure shows a dialog and changes nothing else. */
    void exportTo(ChartRenderer.Request request, List<String> stylesheets, Path out) {
        Object rendered;
        try {
            rendered = request.format() == ExportFormat.SVG
                    ? ChartRenderer.svg(request, vm.result(), vm.referencesProperty().getValue(), view.chartPins(),
                    vm.profiles(), vm.servingModel().frontierProperty().getValue(), stylesheets)
                    : ChartRenderer.png(request, vm.result(), vm.referencesProperty().getValue(), view.chartPins(),
                    vm.profiles(), vm.servingModel().frontierProperty().getValue(), stylesheets);
        } catch (RuntimeException | OutOfMemoryError e) {
            // The renderer refused (too large for this machine's memory): say so; nothing else changes.
            String why = e instanceof OutOfMemoryError ? "there is not enough memory for a picture this large"
                    : "the picture could not be drawn (" + e.getClass().getSimpleName() + ")";
            showExportError(request, "Nothing was written: " + why + ". Try a smaller scale or size, or SVG.");
            return;
        }
        if (rendered instanceof WritableImage image && (image.getWidth() == 0 || image.getHeight() == 0)) {
            showExportError(request, "Nothing was written: the picture could not be drawn at this size.");
            return;
        }
        String what = rendered instanceof WritableImage image
                ? (int) image.getWidth() + " × " + (int) image.getHeight() + " px"
                : "vector, " + request.size();
        view.showStatus("Exporting " + out.getFileName() + "…", null);
        io.submit(() -> {
            try {
                if (rendered instanceof WritableImage image) {
                    ExportFiles.writePng(image, out);
                } else {
                    ExportFiles.writeSvg((String) rendered, out);
                }
                Platform.runLater(() -> {
                    Button show = new Button("Show in folder");
                    show.setId("show-in-folder");
                    Path folder = out.toAbsolutePath().getParent();
                    show.setOnAction(e -> getHostServices().showDocument(folder.toUri().toString()));
                    view.showStatus("Exported " + out.toAbsolutePath() + " (" + what + ")", show);
                });
            } catch (IOException e) {
                Platform.runLater(() -> showExportError(request, e.getMessage()));
            }
        });
    }

    private void showExportError(ChartRenderer.Request request, String message) {
        view.showStatus("Export failed: " + message, null);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setHeaderText("The " + request.format().name() + " could not be saved");
        alert.initOwner(stage);
        alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        alert.show();
    }

    /** The folder the last export went to, when the saved one is still a folder (a damaged value is ignored). */
    /**
     * Lesson ▸ Export Handout…: a folder, then handout.html and answer-key.html in it. The pages are drawn on
     * the FX thread (their charts) and written on the io thread.
     */
    private void exportHandout() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Export the handout into a folder (handout.html and answer-key.html)");
        exportFolder(settings.get("handout.folder", settings.get("export.folder", ""))).ifPresent(chooser::setInitialDirectory);
        java.io.File folder = chooser.showDialog(stage);
        if (folder == null) {
            return;
        }
        settings.put("handout.folder", folder.toString());
        lab.roofline.render.export.Handout.Pages pages = view.handoutPages();
        io.execute(() -> {
            try {
                List<Path> written = lab.roofline.render.export.Handout.write(pages, folder.toPath());
                Platform.runLater(() -> view.showStatus("Wrote the handout: " + written.get(0) + " (answer key: "
                        + written.get(1).getFileName() + ")", null));
            } catch (IOException e) {
                Platform.runLater(() -> view.showStatus("Could not write the handout into " + folder + ": "
                        + lab.roofline.io.IoReasons.of(e) + ".", null));
            }
        });
    }

    static java.util.Optional<java.io.File> exportFolder(String saved) {
        try {
            java.io.File folder = Path.of(saved.isBlank() ? System.getProperty("user.home") : saved).toFile();
            return folder.isDirectory() ? java.util.Optional.of(folder) : java.util.Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    // ---- scenario files: dialogs here, reading and writing on the io thread ----

    /** Whether a command-line argument names a scenario file. */
    static boolean isScenarioFile(String arg) {
        return lab.roofline.io.ScenarioFile.isScenarioFileName(arg);
    }

    /** The first scenario file among dropped files, or null. */
    private static Path droppedScenario(javafx.scene.input.Dragboard board) {
        return board.hasFiles() ? firstScenario(board.getFiles()) : null;
    }

    /** The first scenario file (*.roofline.json) among files, or null: what a drop opens. */
    static Path firstScenario(List<java.io.File> files) {
        return files.stream().map(java.io.File::toPath).filter(p -> p.getFileName() != null
                && isScenarioFile(p.getFileName().toString())).findFirst().orElse(null);
    }

    /** The recent files and the document the last session had open (read again, off the FX thread). */
    private void restoreDocument() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < lab.roofline.ui.scenario.ScenarioDocument.MAX_RECENT; i++) {
            String p = settings.get("recent." + i, "");
            try {
                if (!p.isBlank()) {
                    recent.add(Path.of(p));
                }
            } catch (java.nio.file.InvalidPathException ignored) {
                // a damaged entry is left out
            }
        }
        vm.document().setRecent(recent);
        String open = settings.get("document.file", "");
        if (open.isBlank()) {
            return;
        }
        io.execute(() -> {
            try {
                Path file = Path.of(open);
                lab.roofline.engine.scenario.NamedScenario d = lab.roofline.io.ScenarioFile.read(file);
                Platform.runLater(() -> vm.document().reattached(file, d));
            } catch (lab.roofline.io.ScenarioFile.ScenarioFileException | java.nio.file.InvalidPathException e) {
                // Moved or damaged since: the scenario stays, untitled.
            }
        });
    }

    /** Runs an action that replaces the scenario, after offering to save a file's unsaved changes. */
    private void afterAskingToSave(Runnable then) {
        if (!vm.document().closingLosesWork()) {
            then.run();
            return;
        }
        ButtonType save = new ButtonType("Save", javafx.scene.control.ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", javafx.scene.control.ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Your changes to " + vm.document().nameProperty().get()
                + " are not saved in " + vm.document().file().getFileName() + ".", save, discard, ButtonType.CANCEL);
        ask.setHeaderText("Save the changes to " + vm.document().nameProperty().get() + "?");
        ask.initOwner(stage);
        ask.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        ask.getDialogPane().setStyle(view.getStyle());
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            write(vm.document().file(), then);
        } else if (answer == discard) {
            then.run();
        }
    }

    /** Reads a scenario file off the FX thread; a bad one leaves the scenario as it was and says why. */
    void openFile(Path file) {
        io.execute(() -> {
            try {
                lab.roofline.engine.scenario.NamedScenario d = lab.roofline.io.ScenarioFile.read(file);
                Platform.runLater(() -> vm.open(file, d).ifPresentOrElse(
                        problem -> view.showStatus("Could not open " + problem + ". The scenario is unchanged.", null),
                        () -> view.showStatus("Opened " + vm.document().nameProperty().get() + " (" + file + ")", null)));
            } catch (lab.roofline.io.ScenarioFile.ScenarioFileException e) {
                Platform.runLater(() -> view.showStatus("Could not open " + e.getMessage()
                        + ". The scenario is unchanged.", null));
            } catch (RuntimeException e) {
                // Whatever the reader did not foresee still ends in a message, never a silent nothing.
                Platform.runLater(() -> view.showStatus("Could not open " + file + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()) + ". The scenario is unchanged.", null));
            }
        });
    }

    /** Writes the document off the FX thread; then (on success) runs what was waiting for the save. */
    private void write(Path file, Runnable then) {
        lab.roofline.engine.scenario.NamedScenario d = documentNow();
        io.execute(() -> {
            try {
                lab.roofline.io.ScenarioFile.save(d, file);
                Platform.runLater(() -> {
                    vm.document().saved(file, d.inputs(), d.pins());
                    view.showStatus("Saved " + vm.document().nameProperty().get() + " to " + file, null);
                    then.run();
                });
            } catch (IOException e) {
                Platform.runLater(() -> view.showStatus("Could not save: " + e.getMessage(), null));
            }
        });
    }

    /** The live scenario and the pins as a document, each user profile embedded so the file travels. */
    private lab.roofline.engine.scenario.NamedScenario documentNow() {
        java.util.function.UnaryOperator<lab.roofline.engine.roofline.HardwareProfile> embed =
                gpu -> lab.roofline.io.ProfileLoader.isBundled(gpu) ? null : gpu;
        return vm.document().toDocument(embed.apply(vm.gpuProperty().get()), vm.pinsModel().pinned(embed));
    }

    /** Where the session keeps the pins between runs: a scenario file of its own in the app's folder. */
    static Path pinsFile() {
        return AppHome.directory().resolve("pins" + lab.roofline.io.ScenarioFile.EXTENSION);
    }

    /** Writes the pins for the next session (off the FX thread); none pinned removes the file. */
    private void rememberPins() {
        lab.roofline.engine.scenario.NamedScenario d = documentNow();
        io.execute(() -> {
            try {
                if (d.pins().isEmpty()) {
                    java.nio.file.Files.deleteIfExists(pinsFile());
                } else {
                    java.nio.file.Files.createDirectories(pinsFile().getParent());
                    lab.roofline.io.ScenarioFile.save(d, pinsFile());
                }
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> view.showStatus("Could not remember the pins for the next session: "
                        + e.getMessage(), null));
            }
        });
    }

    /** The last session's pins (read off the FX thread); a damaged file is set aside with a message. */
    private void restorePins() {
        Path file = pinsFile();
        io.execute(() -> {
            if (!java.nio.file.Files.exists(file)) {
                return;
            }
            try {
                lab.roofline.engine.scenario.NamedScenario d = lab.roofline.io.ScenarioFile.read(file);
                Platform.runLater(() -> {
                    if (vm.pinsModel().pins().isEmpty()) {
                        vm.pinsModel().setPins(d.pins()).ifPresent(problem -> view.showStatus(
                                "The last session's pins could not be restored: " + problem, null));
                    }
                });
            } catch (lab.roofline.io.ScenarioFile.ScenarioFileException | RuntimeException e) {
                Platform.runLater(() -> view.showStatus("The last session's pins could not be restored: "
                        + e.getMessage(), null));
            }
        });
    }

    private FileChooser scenarioChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Roofline Lab scenario",
                "*" + lab.roofline.io.ScenarioFile.EXTENSION));
        Path current = vm.document().file();
        java.util.Optional<java.io.File> folder = current != null && current.getParent() != null
                ? exportFolder(current.getParent().toString()) : exportFolder(settings.get("scenario.folder", ""));
        folder.ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    /** A scenario's name as a file name: the characters file systems refuse become '-'. */
    /** Asks for a JSON file to open; empty when the user cancels. */
    private java.util.Optional<Path> chooseJson(String title, String kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*.json"));
        java.io.File chosen = chooser.showOpenDialog(stage);
        return chosen == null ? java.util.Optional.empty() : java.util.Optional.of(chosen.toPath());
    }

    static String safeFileName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-");
    }

    /** The File menu's scenario commands. */
    private final class ScenarioFiles implements DashboardView.ScenarioFileActions {
        @Override
        public void importModel() {
            chooseJson("Import a model's config.json", "Hugging Face config (JSON)").ifPresent(RooflineApp.this::importModelFrom);
        }
        @Override
        public void exportCurveCsv() {
            // The text is made here, on the FX thread, where the evaluation is; the file is written on the io thread.
            writeCsv("Export the batch curve as CSV", "curve", lab.roofline.engine.scenario.CurveCsv.of(vm.result()),
                    "the batch curve");
        }

        @Override
        public void exportComparisonCsv() {
            if (vm.pinsModel().pins().isEmpty()) {
                view.showStatus("Nothing is pinned: pin a scenario (Ctrl+P) to compare it with the live one", null);
                return;
            }
            writeCsv("Export the comparison as CSV", "comparison", vm.pinsModel().comparison().csv(), "the comparison");
        }

        /** Asks where, then writes a CSV text off the FX thread and says how it went. */
        private void writeCsv(String title, String kind, String csv, String what) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            exportFolder(settings.get("export.folder", "")).ifPresent(chooser::setInitialDirectory);
            chooser.setInitialFileName(lab.roofline.ui.scenario.ScenarioDocument.UNTITLED.equals(
                    vm.document().nameProperty().get()) ? "roofline-" + kind + ".csv"
                    : safeFileName(vm.document().nameProperty().get()) + "-" + kind + ".csv");
            java.io.File chosen = chooser.showSaveDialog(stage);
            if (chosen == null) {
                return;
            }
            Path out = chosen.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? chosen.toPath()
                    : chosen.toPath().resolveSibling(chosen.getName() + ".csv");
            io.execute(() -> {
                try {
                    lab.roofline.io.AtomicFiles.writeString(out, ".roofline-csv-", csv);
                    Platform.runLater(() -> view.showStatus("Exported " + what + " to " + out, null));
                } catch (IOException e) {
                    Platform.runLater(() -> view.showStatus("Could not export " + what + ": " + e.getMessage(), null));
                }
            });
        }

        @Override
        public void newScenario() {
            afterAskingToSave(() -> {
                vm.newScenario();
                view.showStatus("New scenario: the defaults, untitled", null);
            });
        }

        @Override
        public void open() {
            afterAskingToSave(() -> {
                java.io.File chosen = scenarioChooser("Open scenario").showOpenDialog(stage);
                if (chosen != null) {
                    if (chosen.getParent() != null) {
                        settings.put("scenario.folder", chosen.getParent());
                    }
                    openFile(chosen.toPath());
                }
            });
        }

        @Override
        public void openRecent(Path file) {
            afterAskingToSave(() -> openFile(file));
        }

        @Override
        public void save() {
            if (vm.document().file() == null) {
                saveAs();
            } else {
                write(vm.document().file(), () -> { });
            }
        }

        @Override
        public void saveAs() {
            FileChooser chooser = scenarioChooser("Save scenario as");
            String name = vm.document().nameProperty().get();
            chooser.setInitialFileName((lab.roofline.ui.scenario.ScenarioDocument.UNTITLED.equals(name) ? "scenario"
                    : safeFileName(name)) + lab.roofline.io.ScenarioFile.EXTENSION);
            java.io.File chosen = chooser.showSaveDialog(stage);
            if (chosen == null) {
                return;
            }
            Path file = chosen.toPath();
            if (!isScenarioFile(file.getFileName().toString())) {
                file = file.resolveSibling(file.getFileName() + lab.roofline.io.ScenarioFile.EXTENSION);
            }
            if (file.getParent() != null) {
                settings.put("scenario.folder", file.getParent().toString());
            }
            write(file, () -> { });
        }
    }

    // ---- profiles of the user's own: the editor's dialogs here, files on the io thread ----

    /** Duplicate, edit, delete and import hardware profiles; saved to the user's profile folder. */
    /**
     * Keeps the user's edited rental prices: the rows that differ from the bundled table, and a null price for a
     * bundled row they cleared, in ~/.roofline-lab/rental-prices.json; written off the FX thread.
     */
    private void saveRentalPrices(lab.roofline.engine.serving.RentalPrices edited) {
        io.execute(() -> {
            lab.roofline.engine.serving.RentalPrices bundled = lab.roofline.io.RentalPriceLoader.loadBundled().prices();
            java.util.Map<String, lab.roofline.engine.serving.RentalPrices.Rate> mine = new java.util.LinkedHashMap<>();
            lab.roofline.ui.economics.RentalPricesDialog.userRows(edited, bundled).forEach(r -> mine.put(r.gpuId(), r));
            List<String> removed = bundled.byGpuId().keySet().stream().filter(id -> edited.find(id).isEmpty()).toList();
            Path file = lab.roofline.io.AppHome.rentalPricesFile();
            try {
                lab.roofline.io.RentalPriceLoader.save(file, new lab.roofline.engine.serving.RentalPrices(mine), removed);
                Platform.runLater(() -> view.showStatus("Rental prices saved to " + file, null));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> view.showStatus("Rental prices cannot be saved to " + file + " ("
                        + lab.roofline.io.IoReasons.of(e) + "); they last until the window closes", null));
            }
        });
    }

    private final class Profiles implements lab.roofline.ui.scenario.HardwareSection.ProfileActions {
        @Override
        public void duplicate(lab.roofline.engine.roofline.HardwareProfile p) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            vm.profiles().forEach(x -> ids.add(x.id().toLowerCase(java.util.Locale.ROOT)));
            openEditor("Duplicate " + p.shortName(), lab.roofline.io.ProfileDrafts.duplicate(p, ids), null);
        }

        @Override
        public void edit(lab.roofline.engine.roofline.HardwareProfile p) {
            if (!vm.isOwn(p)) {
                view.showStatus(p.name() + " is bundled and never changed: duplicate it to make your own", null);
                return;
            }
            openEditor("Edit " + p.shortName(), lab.roofline.io.ProfileDrafts.of(p), p);
        }

        @Override
        public void delete(lab.roofline.engine.roofline.HardwareProfile p) {
            if (!vm.isOwn(p)) {
                view.showStatus(p.name() + " is bundled and cannot be deleted", null);
                return;
            }
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + p.name() + " from your profile folder ("
                    + AppHome.profilesDirectory() + ")?", ButtonType.OK, ButtonType.CANCEL);
            ask.setHeaderText("Delete your profile " + p.shortName() + "?");
            ask.initOwner(stage);
            ask.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
            if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
            io.execute(() -> {
                try {
                    deleteFilesOf(p.id());
                    Platform.runLater(() -> {
                        if (vm.gpuProperty().get().id().equals(p.id())) {
                            vm.profiles().stream().filter(x -> !x.id().equals(p.id())).findFirst()
                                    .ifPresent(vm.gpuProperty()::set);
                        }
                        vm.profiles().removeIf(x -> x.id().equals(p.id()));
                        view.showStatus("Deleted your profile " + p.name(), null);
                    });
                } catch (IOException e) {
                    Platform.runLater(() -> view.showStatus("Could not delete " + p.name() + ": " + e.getMessage(), null));
                }
            });
        }

        @Override
        public void importProfile() {
            java.util.Optional<Path> chosen = chooseJson("Import a hardware profile", "Hardware profile (JSON)");
            if (chosen.isEmpty()) {
                return;
            }
            Path file = chosen.get();
            io.execute(() -> {
                try {
                    lab.roofline.engine.roofline.HardwareProfile read = lab.roofline.io.ProfileLoader.read(file);
                    Platform.runLater(() -> openEditor("Import " + read.shortName(), lab.roofline.io.ProfileDrafts.of(read), null));
                } catch (lab.roofline.io.ProfileLoader.ProfileException | RuntimeException e) {
                    Platform.runLater(() -> view.showStatus("Could not import " + file.getFileName() + ": "
                            + e.getMessage() + ". Nothing changed.", null));
                }
            });
        }

        /** The editor; Save writes the profile and puts it in the list (replacing the one edited). */
        void openEditor(String title, java.util.Map<String, String> fields, lab.roofline.engine.roofline.HardwareProfile editing) {
            lab.roofline.ui.hardware.ProfileEditor editor = new lab.roofline.ui.hardware.ProfileEditor(title, fields,
                    draft -> rules(draft, editing), this::exportDraft);
            editor.initOwner(stage);
            editor.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
            editor.getDialogPane().setStyle(view.getStyle());
            editor.showAndWait().ifPresent(saved -> save(lab.roofline.io.ProfileDrafts.check(saved).profile(), editing));
        }

        /** The loader's rules, and the app's: a bundled profile's id (or another of yours) is not to be overwritten. */
        private lab.roofline.ui.hardware.ProfileEditor.Checked rules(java.util.Map<String, String> draft,
                                                                      lab.roofline.engine.roofline.HardwareProfile editing) {
            lab.roofline.io.ProfileDrafts.Check check = lab.roofline.io.ProfileDrafts.check(draft);
            if (!check.ok()) {
                return new lab.roofline.ui.hardware.ProfileEditor.Checked(false, check.field(), check.message());
            }
            String id = check.profile().id();
            boolean taken = vm.profiles().stream().anyMatch(p -> p.id().equalsIgnoreCase(id)
                    && (editing == null || !p.id().equalsIgnoreCase(editing.id())));
            if (taken) {
                return new lab.roofline.ui.hardware.ProfileEditor.Checked(false, "id", "'" + id + "' is "
                        + (vm.profiles().stream().anyMatch(p -> p.id().equalsIgnoreCase(id) && !vm.isOwn(p))
                        ? "a bundled profile's id: give your copy its own" : "taken by another of your profiles"));
            }
            return new lab.roofline.ui.hardware.ProfileEditor.Checked(true, null, null);
        }

        private void save(lab.roofline.engine.roofline.HardwareProfile profile, lab.roofline.engine.roofline.HardwareProfile editing) {
            if (profile == null) {
                return;
            }
            Path folder = AppHome.profilesDirectory();
            String json = lab.roofline.io.ProfileLoader.toJsonTree(profile).toPrettyString() + "\n";
            io.execute(() -> {
                try {
                    if (editing != null) {
                        // Every file that defined it (whatever its name): one left behind would load it again.
                        deleteFilesOf(editing.id());
                    }
                    java.nio.file.Files.createDirectories(folder);
                    // Never over another file (one holding another profile, or one the loader skipped).
                    Path candidate = folder.resolve(safeFileName(profile.id()) + ".json");
                    for (int n = 2; java.nio.file.Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
                        candidate = folder.resolve(safeFileName(profile.id()) + "-" + n + ".json");
                    }
                    Path out = candidate;
                    lab.roofline.io.AtomicFiles.writeString(out, ".roofline-profile-", json);
                    Platform.runLater(() -> {
                        int at = editing == null ? -1 : vm.profiles().indexOf(editing);
                        if (at >= 0) {
                            vm.profiles().set(at, profile);
                        } else {
                            vm.profiles().add(profile);
                        }
                        vm.gpuProperty().set(profile);
                        view.showStatus("Saved your profile " + profile.name() + " to " + out, null);
                    });
                } catch (IOException e) {
                    Platform.runLater(() -> view.showStatus("Could not save the profile: " + e.getMessage()
                            + ". The editor's values were not saved.", null));
                }
            });
        }

        /** Writes what the editor holds as a profile file (asks where); a draft the rules refuse is written too. */
        private void exportDraft(java.util.Map<String, String> draft) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the profile");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Hardware profile (JSON)", "*.json"));
            String id = draft.getOrDefault("id", "").strip();
            chooser.setInitialFileName((id.isEmpty() ? "profile" : safeFileName(id)) + ".json");
            java.io.File chosen = chooser.showSaveDialog(stage);
            if (chosen == null) {
                return;
            }
            String json = lab.roofline.io.ProfileDrafts.json(draft).toPrettyString() + "\n";
            io.execute(() -> {
                try {
                    lab.roofline.io.AtomicFiles.writeString(chosen.toPath(), ".roofline-profile-", json);
                    Platform.runLater(() -> view.showStatus("Exported the profile to " + chosen, null));
                } catch (IOException e) {
                    Platform.runLater(() -> view.showStatus("Could not export the profile: " + e.getMessage(), null));
                }
            });
        }

        /** Deletes the files in the profile folder that define an id (io thread). */
        private void deleteFilesOf(String id) throws IOException {
            Path folder = AppHome.profilesDirectory();
            if (!java.nio.file.Files.isDirectory(folder)) {
                return;
            }
            try (var files = java.nio.file.Files.list(folder)) {
                for (Path f : files.filter(x -> x.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".json")).toList()) {
                    try {
                        if (lab.roofline.io.ProfileLoader.read(f).id().equalsIgnoreCase(id)) {
                            java.nio.file.Files.delete(f);
                        }
                    } catch (lab.roofline.io.ProfileLoader.ProfileException e) {
                        // another file, not this profile's
                    }
                }
            }
        }
    }
}
