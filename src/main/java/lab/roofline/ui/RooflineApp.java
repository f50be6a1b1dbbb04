package lab.roofline.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.TransferMode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.roofline.io.AppData;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.scenario.Settings;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.app.AppServices;
import lab.roofline.ui.documents.ScenarioFiles;
import lab.roofline.ui.export.ExportFlow;
import lab.roofline.ui.hardware.ProfileManager;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.shell.AboutDialog;
import lab.roofline.ui.shell.Commands;

/**
 * The desktop app's lifecycle: data is read in init(), off the FX thread; start() builds the view model,
 * the window and the features that do I/O for it (files, export, profiles), and restores the session;
 * stop() saves it. The features do their own work; this only connects them.
 */
public final class RooflineApp extends Application {
    private AppData data;
    private Settings settings;
    private RooflineViewModel vm;
    private DashboardView view;
    private Session session;
    private ScenarioFiles files;
    private ExportFlow exports;
    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roofline-io");
        t.setDaemon(true);
        return t;
    });

    public static void launchApp(String[] args) {
        Application.launch(RooflineApp.class, args);
    }

    /** Waits for the data loading that main() started (or starts it), off the FX thread. */
    @Override
    public void init() {
        StartupTimes.mark("toolkit");
        data = AppData.take();
        StartupTimes.mark("data");
        settings = data.settings();
        data.problems().forEach(System.err::println);
    }

    @Override
    public void start(Stage stage) {
        vm = viewModel(data);
        session = new Session(settings, io, vm);
        List<String> settingsNotes = session.restoreScenario();
        AppServices app = new AppServices(stage, io, (text, action) -> view.showStatus(text, action), () -> view.getStyle());
        files = new ScenarioFiles(app, vm, settings);
        exports = new ExportFlow(app, vm, settings, new ExportFlow.Window(k -> view.onScreenSize(k),
                () -> view.commands().darkTheme.isSelected(), () -> view.chartPins(), () -> view.handoutPages(),
                uri -> getHostServices().showDocument(uri)));
        ProfileManager profiles = new ProfileManager(app, vm, files::chooseJson);
        StartupTimes.mark("view model");
        view = new DashboardView(vm, exports::export, files);
        StartupTimes.mark("view");
        view.setProfileActions(profiles);
        view.setRentalSaver(profiles::saveRentalPrices);
        view.setHandoutExporter(exports::exportHandout);
        session.restoreView(view);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double[] size = session.windowSize(screen);
        view.controls().holdLowerSections(); // they join after the first frame (ControlPanel)
        Scene scene = new Scene(view, size[0], size[1]);
        afterFirstFrame(scene, view.controls()::showLowerSections);
        Commands commands = view.commands();
        Theme.of(commands.darkTheme.isSelected()).applyTo(scene);
        commands.darkTheme.selectedProperty().addListener((obs, was, is) -> Theme.of(is).applyTo(scene));
        view.showStatus(startupMessage(settingsNotes), null);
        files.restoreDocument();
        files.restorePins();
        vm.pinsModel().pins().addListener((InvalidationListener) obs -> files.rememberPins());
        acceptDroppedFiles(scene);
        StartupTimes.mark("scene");
        showWindow(stage, scene, screen, size);
        StartupTimes.mark("shown");
        // roofline-lab FILE.roofline.json opens it.
        getParameters().getRaw().stream().filter(ScenarioFiles::isScenarioFile).findFirst()
                .ifPresent(f -> files.openFile(Path.of(f)));
        session.watch();
    }

    /** The view model with the data loaded in init(). */
    private static RooflineViewModel viewModel(AppData data) {
        RooflineViewModel vm = new RooflineViewModel(data.profiles().profiles());
        vm.ownProperty().set(p -> !ProfileLoader.isBundled(p));
        vm.apiPrices().setAll(data.apiPrices().prices());
        vm.servingModel().rentalPricesProperty().set(data.rentalPrices().prices());
        vm.setRealism(data.realism().realism());
        data.models().models().forEach(vm.edit()::addImportedModel);
        vm.exercises().setAll(data.exercises().exercises());
        return vm;
    }

    /** A scenario file dropped on the window opens (after offering to save unsaved changes). */
    private void acceptDroppedFiles(Scene scene) {
        scene.setOnDragOver(e -> {
            if (ScenarioFiles.droppedScenario(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            Path dropped = ScenarioFiles.droppedScenario(e.getDragboard());
            e.setDropCompleted(dropped != null);
            e.consume();
            if (dropped != null) {
                files.afterAskingToSave(() -> files.openFile(dropped));
            }
        });
    }

    private void showWindow(Stage stage, Scene scene, Rectangle2D screen, double[] size) {
        stage.titleProperty().bind(vm.document().titleProperty());
        // A file that would be lost asks first; an untitled scenario is kept by the session anyway.
        stage.setOnCloseRequest(e -> {
            if (vm.document().closingLosesWork()) {
                e.consume();
                files.afterAskingToSave(stage::close);
            }
        });
        stage.setScene(scene);
        stage.getIcons().setAll(AboutDialog.icons());
        stage.setMinWidth(Math.min(Session.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(Session.MIN_HEIGHT, screen.getHeight()));
        session.restoreWindowPosition(stage, screen, size[0], size[1]);
        if (Boolean.getBoolean("roofline.timing") || Boolean.getBoolean("roofline.exitAfterFirstFrame")) {
            reportFirstFrame(scene);
        }
        // Presentation mode is full screen; leaving full screen (Esc) leaves presentation mode too.
        // The slim strip says how to leave; the platform's hint would cover the summary for seconds.
        Commands commands = view.commands();
        stage.setFullScreenExitHint("");
        commands.presentation.selectedProperty().addListener((obs, was, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty().addListener((obs, was, full) -> {
            if (!full) {
                commands.presentation.setSelected(false);
            }
        });
        if (Boolean.getBoolean("roofline.timing")) {
            scene.getRoot().applyCss(); // done by show() anyway; first, to time it apart
            StartupTimes.mark("css");
        }
        stage.show();
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

    /** Runs a step once the first frame is laid out (a pulse later: that frame is not held up by it). */
    private static void afterFirstFrame(Scene scene, Runnable step) {
        whenFirstLaidOut(scene, () -> Platform.runLater(step));
    }

    /** Runs a step once, right after the scene's first layout pass. */
    private static void whenFirstLaidOut(Scene scene, Runnable step) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                step.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    /**
     * With -Droofline.timing=true: milliseconds from the launch (the first JVM's start) to the first frame;
     * with -Droofline.exitAfterFirstFrame=true the app then quits.
     */
    private static void reportFirstFrame(Scene scene) {
        long launched = StartupTimes.launchedAtMillis();
        whenFirstLaidOut(scene, () -> {
            long frame = System.currentTimeMillis() - launched;
            String steps = StartupTimes.steps();
            System.out.println("roofline-lab: first frame " + frame + " ms after launch"
                    + (steps.isEmpty() ? "" : " (" + steps + ", frame " + frame + ")"));
            if (Boolean.getBoolean("roofline.exitAfterFirstFrame")) {
                Platform.runLater(Platform::exit); // a start-up measurement, or the class list's training run
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        if (session != null) {
            session.close();
        }
        io.shutdown();
        io.awaitTermination(3, TimeUnit.SECONDS);
    }

    // ---- for tests: the window's parts ----

    RooflineViewModel viewModel() {
        return vm;
    }

    void openFile(Path file) {
        files.openFile(file);
    }

    void saveTo(Path file) {
        files.saveTo(file);
    }

    void importModelFrom(Path file) {
        files.importModelFrom(file);
    }

    void exportTo(ChartRenderer.Request request, List<String> stylesheets, Path out) {
        exports.exportTo(request, stylesheets, out);
    }
}
