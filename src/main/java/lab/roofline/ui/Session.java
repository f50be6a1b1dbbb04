package lab.roofline.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.scenario.ScenarioSettings;
import lab.roofline.io.scenario.Settings;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.scenario.ScenarioDocument;
import lab.roofline.ui.shell.Commands;

/**
 * The session between runs: the scenario, the serving settings, the document, the theme, panels, zoom and
 * the window's place, restored at start and saved shortly after every change (debounced, atomically, on
 * the I/O thread), so a kill or a logout loses nothing.
 */
final class Session {
    static final double MIN_WIDTH = 1000;
    static final double MIN_HEIGHT = 680;
    private static final long SAVE_DELAY_MILLISECONDS = 400;

    private final Settings settings;
    private final ScheduledExecutorService io;
    private final RooflineViewModel vm;
    private DashboardView view;
    private Stage stage;
    private ScheduledFuture<?> pendingSave;
    private volatile boolean toldSaveFails;
    /** A saved GPU id no loaded profile has; written back unchanged until the user chooses a GPU. */
    private String unresolvedGpuId;
    private HardwareProfile fallbackGpu;
    /** What the save listens to; removed on stop, since the stage may outlive the app. */
    private final List<Observable> watched = new ArrayList<>();
    private final InvalidationListener saveSoon = obs -> scheduleSave();

    Session(Settings settings, ScheduledExecutorService io, RooflineViewModel vm) {
        this.settings = settings;
        this.io = io;
        this.vm = vm;
    }

    /** The last session's scenario; returns a note for each saved value that could not be used. */
    List<String> restoreScenario() {
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

    /** The theme, the panels, the lesson's asking and the zoom as they were. */
    void restoreView(DashboardView dashboard) {
        view = dashboard;
        Commands commands = view.commands();
        commands.explanation.setSelected(Boolean.parseBoolean(settings.get("explain", "false")));
        // A student alone predicts; a teacher who turned it off to demonstrate finds it off next time.
        view.lesson().predictingProperty().set(Boolean.parseBoolean(settings.get("lesson.predict", "true")));
        commands.darkTheme.setSelected("dark".equals(settings.get("theme", "light")));
        view.setZoom(settings.number("view.zoom").orElse(1));
    }

    /** The window's size: never below its own minimum, never beyond the screen. */
    double[] windowSize(Rectangle2D screen) {
        return new double[] {clamp(settings.number("window.width").orElse(1440), MIN_WIDTH, screen.getWidth()),
                clamp(settings.number("window.height").orElse(900), MIN_HEIGHT, screen.getHeight())};
    }

    /** Puts the window where it was, if that is still on a screen; else the toolkit centres it. */
    void restoreWindowPosition(Stage window, Rectangle2D screen, double width, double height) {
        stage = window;
        OptionalDouble x = settings.number("window.x");
        OptionalDouble y = settings.number("window.y");
        if (x.isPresent() && y.isPresent()) {
            Rectangle2D wanted = new Rectangle2D(x.getAsDouble(), y.getAsDouble(), 200, 120);
            if (Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(wanted))) {
                // The whole window on the screen, not just its corner.
                stage.setX(clamp(x.getAsDouble(), screen.getMinX(), screen.getMaxX() - width));
                stage.setY(clamp(y.getAsDouble(), screen.getMinY(), screen.getMaxY() - height));
            }
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized", "false")));
    }

    static double clamp(double v, double min, double max) {
        return Math.max(Math.min(min, max), Math.min(max, v));
    }

    /** From now on, any change is saved a little after it. */
    void watch() {
        Commands commands = view.commands();
        watched.addAll(List.of(vm.inputsProperty(), vm.servingModel().servingProperty(), vm.document().fileProperty(),
                vm.document().recent(), commands.darkTheme.selectedProperty(), commands.explanation.selectedProperty(),
                stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty(),
                stage.maximizedProperty(), view.zoomProperty()));
        watched.forEach(o -> o.addListener(saveSoon));
    }

    private void rememberState() {
        Commands commands = view.commands();
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
        for (int i = 0; i < ScenarioDocument.MAX_RECENT; i++) {
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
            if (!toldSaveFails) {
                // Once, on stderr and in the status bar: a read-only home would otherwise repeat it at every change.
                toldSaveFails = true;
                System.err.println(message);
                Platform.runLater(() -> view.showStatus(message, null));
            }
        }
    }

    /** Stops watching and saves now (on the I/O thread, which the app then lets finish). */
    void close() {
        watched.forEach(o -> o.removeListener(saveSoon));
        watched.clear();
        if (view != null && stage != null) {
            if (pendingSave != null) {
                pendingSave.cancel(false);
            }
            rememberState();
            Settings copy = settings.snapshot();
            io.submit(() -> save(copy));
        }
    }
}
