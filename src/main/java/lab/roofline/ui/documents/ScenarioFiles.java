package lab.roofline.ui.documents;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Dragboard;
import javafx.stage.FileChooser;
import lab.roofline.engine.roofline.HardwareProfile;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.CurveCsv;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.engine.scenario.ScenarioInputs;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.files.AtomicFiles;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.data.ModelConfigLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.scenario.ScenarioFile;
import lab.roofline.io.scenario.Settings;
import lab.roofline.ui.app.AppServices;
import lab.roofline.ui.export.ExportFlow;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.scenario.ScenarioDocument;

/**
 * Scenario files from the window: the File menu's commands, dropped files, the recent list and the pins
 * kept between sessions. Dialogs are here, on the FX thread; every read and write is on the I/O thread, and
 * a file that cannot be read leaves the scenario as it was and says why.
 */
public final class ScenarioFiles implements ScenarioFileActions {
    private final AppServices app;
    private final RooflineViewModel vm;
    private final Settings settings;

    public ScenarioFiles(AppServices app, RooflineViewModel vm, Settings settings) {
        this.app = app;
        this.vm = vm;
        this.settings = settings;
    }

    /** Whether a name (an argument, a dropped file) is a scenario file's. */
    public static boolean isScenarioFile(String name) {
        return ScenarioFile.isScenarioFileName(name);
    }

    /** The first scenario file among dropped files, or null. */
    public static Path droppedScenario(Dragboard board) {
        return board.hasFiles() ? firstScenario(board.getFiles()) : null;
    }

    /** The first scenario file (*.roofline.json) among files, or null: what a drop opens. */
    public static Path firstScenario(List<File> files) {
        return files.stream().map(File::toPath).filter(p -> p.getFileName() != null
                && isScenarioFile(p.getFileName().toString())).findFirst().orElse(null);
    }

    /** A scenario's name as a file name: the characters file systems refuse become '-'. */
    public static String safeFileName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-");
    }

    /** Where the session keeps the pins between runs: a scenario file of its own in the app's folder. */
    public static Path pinsFile() {
        return AppHome.directory().resolve("pins" + ScenarioFile.EXTENSION);
    }

    // ---- the File menu ----

    @Override
    public void newScenario() {
        afterAskingToSave(() -> {
            vm.newScenario();
            app.status("New scenario: the defaults, untitled");
        });
    }

    @Override
    public void open() {
        afterAskingToSave(() -> {
            File chosen = scenarioChooser("Open scenario").showOpenDialog(app.stage());
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
        chooser.setInitialFileName((ScenarioDocument.UNTITLED.equals(name) ? "scenario" : safeFileName(name))
                + ScenarioFile.EXTENSION);
        File chosen = chooser.showSaveDialog(app.stage());
        if (chosen == null) {
            return;
        }
        Path file = chosen.toPath();
        if (!isScenarioFile(file.getFileName().toString())) {
            file = file.resolveSibling(file.getFileName() + ScenarioFile.EXTENSION);
        }
        if (file.getParent() != null) {
            settings.put("scenario.folder", file.getParent().toString());
        }
        saveTo(file);
    }

    /** Writes the document to a file chosen (Save As once the file is known). */
    public void saveTo(Path file) {
        write(file, () -> { });
    }

    @Override
    public void importModel() {
        chooseJson("Import a model's config.json", "Hugging Face config (JSON)").ifPresent(this::importModelFrom);
    }

    @Override
    public void exportCurveCsv() {
        // The text is made here, on the FX thread, where the evaluation is; the file is written on the io thread.
        writeCsv("Export the batch curve as CSV", "curve", CurveCsv.of(vm.result()), "the batch curve");
    }

    @Override
    public void exportComparisonCsv() {
        if (vm.pinsModel().pins().isEmpty()) {
            app.status("Nothing is pinned: pin a scenario (Ctrl+P) to compare it with the live one");
            return;
        }
        writeCsv("Export the comparison as CSV", "comparison", vm.pinsModel().comparison().csv(), "the comparison");
    }

    /** Asks where, then writes a CSV text off the FX thread and says how it went. */
    private void writeCsv(String title, String kind, String csv, String what) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        ExportFlow.exportFolder(settings.get("export.folder", "")).ifPresent(chooser::setInitialDirectory);
        String name = vm.document().nameProperty().get();
        chooser.setInitialFileName(ScenarioDocument.UNTITLED.equals(name) ? "roofline-" + kind + ".csv"
                : safeFileName(name) + "-" + kind + ".csv");
        File chosen = chooser.showSaveDialog(app.stage());
        if (chosen == null) {
            return;
        }
        Path out = chosen.getName().toLowerCase(Locale.ROOT).endsWith(".csv") ? chosen.toPath()
                : chosen.toPath().resolveSibling(chosen.getName() + ".csv");
        app.io().execute(() -> {
            try {
                AtomicFiles.writeString(out, ".roofline-csv-", csv);
                app.statusLater("Exported " + what + " to " + out);
            } catch (IOException e) {
                app.statusLater("Could not export " + what + ": " + e.getMessage());
            }
        });
    }

    // ---- reading and writing ----

    /** Runs an action that replaces the scenario, after offering to save a file's unsaved changes. */
    public void afterAskingToSave(Runnable then) {
        if (!vm.document().closingLosesWork()) {
            then.run();
            return;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        String name = vm.document().nameProperty().get();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Your changes to " + name + " are not saved in "
                + vm.document().file().getFileName() + ".", save, discard, ButtonType.CANCEL);
        ask.setHeaderText("Save the changes to " + name + "?");
        app.style(ask);
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            write(vm.document().file(), then);
        } else if (answer == discard) {
            then.run();
        }
    }

    /** Reads a scenario file off the FX thread; a bad one leaves the scenario as it was and says why. */
    public void openFile(Path file) {
        app.io().execute(() -> {
            try {
                NamedScenario d = ScenarioFile.read(file);
                Platform.runLater(() -> {
                    // Said before opening: the file's own copy then replaces the loaded profile of its id.
                    String differs = NamedScenario.differingLoaded(d.hardware(), vm.scenarioModel().profiles())
                            .map(p -> "; it carries its own copy of the profile '" + p.id() + "', which differs from "
                                    + "the loaded one: the file's copy is used").orElse("");
                    vm.open(file, d).ifPresentOrElse(problem -> openFailed(file, problem),
                            () -> app.status("Opened " + vm.document().nameProperty().get() + " (" + file + ")"
                                    + differs));
                });
            } catch (ScenarioFile.ScenarioFileException e) {
                Platform.runLater(() -> openFailed(file, e.getMessage()));
            } catch (RuntimeException e) {
                // Whatever the reader did not foresee still ends in a message, never a silent nothing.
                String why = file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                Platform.runLater(() -> openFailed(file, why));
            }
        });
    }

    /** A file that could not be opened: a dialog naming the file and the reason, and the status line. */
    private void openFailed(Path file, String problem) {
        app.status("Could not open " + problem + ". The scenario is unchanged.");
        Alert alert = new Alert(Alert.AlertType.ERROR, problem + ".\n\nThe scenario is unchanged.", ButtonType.OK);
        alert.setHeaderText("Could not open " + (file.getFileName() == null ? file : file.getFileName()));
        alert.getDialogPane().setPrefWidth(520); // long reasons wrap rather than widen the dialog past the screen
        app.style(alert);
        alert.show();
    }

    /** Writes the document off the FX thread; then (on success) runs what was waiting for the save. */
    private void write(Path file, Runnable then) {
        NamedScenario d = documentNow();
        app.io().execute(() -> {
            try {
                ScenarioFile.save(d, file);
                Platform.runLater(() -> {
                    vm.document().saved(file, d.inputs(), d.pins());
                    app.status("Saved " + vm.document().nameProperty().get() + " to " + file);
                    then.run();
                });
            } catch (IOException e) {
                app.statusLater("Could not save: " + e.getMessage());
            }
        });
    }

    /** The live scenario and the pins as a document, each user profile embedded so the file travels. */
    private NamedScenario documentNow() {
        UnaryOperator<HardwareProfile> embed = gpu -> ProfileLoader.isBundled(gpu) ? null : gpu;
        List<NamedScenario.Pinned> pinned = vm.pinsModel().pinned(embed);
        List<ScenarioInputs> all = new ArrayList<>(List.of(vm.inputs()));
        pinned.forEach(p -> all.add(p.inputs()));
        // Each imported model's architecture travels too: the file reopens with the same numbers anywhere.
        return vm.document().toDocument(embed.apply(vm.gpuProperty().get()), pinned,
                vm.scenarioModel().importedModelsOf(all));
    }

    /** The recent files and the document the last session had open (read again, off the FX thread). */
    public void restoreDocument() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < ScenarioDocument.MAX_RECENT; i++) {
            String p = settings.get("recent." + i, "");
            try {
                if (!p.isBlank()) {
                    recent.add(Path.of(p));
                }
            } catch (InvalidPathException ignored) {
                // a damaged entry is left out
            }
        }
        vm.document().setRecent(recent);
        String open = settings.get("document.file", "");
        if (open.isBlank()) {
            return;
        }
        app.io().execute(() -> {
            try {
                Path file = Path.of(open);
                NamedScenario d = ScenarioFile.read(file);
                Platform.runLater(() -> vm.document().reattached(file, d));
            } catch (ScenarioFile.ScenarioFileException | InvalidPathException e) {
                // Moved or damaged since: the scenario stays, untitled.
            }
        });
    }

    /** Writes the pins for the next session (off the FX thread); none pinned removes the file. */
    public void rememberPins() {
        NamedScenario d = documentNow();
        app.io().execute(() -> {
            try {
                if (d.pins().isEmpty()) {
                    Files.deleteIfExists(pinsFile());
                } else {
                    Files.createDirectories(pinsFile().getParent());
                    ScenarioFile.save(d, pinsFile());
                }
            } catch (IOException | RuntimeException e) {
                app.statusLater("Could not remember the pins for the next session: " + e.getMessage());
            }
        });
    }

    /** The last session's pins (read off the FX thread); a damaged file is set aside with a message. */
    public void restorePins() {
        Path file = pinsFile();
        app.io().execute(() -> {
            if (!Files.exists(file)) {
                return;
            }
            try {
                NamedScenario d = ScenarioFile.read(file);
                Platform.runLater(() -> {
                    if (vm.pinsModel().pins().isEmpty()) {
                        vm.pinsModel().setPins(d.pins()).ifPresent(problem -> app.status(
                                "The last session's pins could not be restored: " + problem));
                    }
                });
            } catch (ScenarioFile.ScenarioFileException | RuntimeException e) {
                app.statusLater("The last session's pins could not be restored: " + e.getMessage());
            }
        });
    }

    /**
     * Reads a config.json off the FX thread; a good one is kept in the models folder (so the next session
     * lists it too) and made live, with what was not read said in the status line; a bad one changes nothing.
     */
    public void importModelFrom(Path file) {
        app.io().execute(() -> {
            try {
                ModelConfigLoader.Loaded loaded = ModelConfigLoader.read(file);
                Path folder = AppHome.modelsDirectory();
                Files.createDirectories(folder);
                String stem = loaded.model().name().replaceAll("[^A-Za-z0-9._-]+", "_");
                // The text that was checked, not a second read of a file that may have changed since.
                AtomicFiles.writeString(folder.resolve(stem + ".json"), ".roofline-model-", loaded.text());
                Platform.runLater(() -> {
                    vm.edit().importModel(loaded.model());
                    app.status("Imported " + loaded.model().name() + " ("
                            + Units.parameterCount(loaded.model().totalParameters()) + " parameters, "
                            + Units.parameterCount(loaded.model().activeParameters()) + " active)"
                            + (loaded.notes().isEmpty() ? "" : "; " + String.join("; ", loaded.notes())));
                });
            } catch (ModelConfigLoader.ModelConfigException e) {
                app.statusLater("Could not import " + file.getFileName() + ": " + e.getMessage() + ". Nothing changed.");
            } catch (IOException | RuntimeException e) {
                app.statusLater("Could not import " + file.getFileName() + ": " + IoReasons.of(e) + ". Nothing changed.");
            }
        });
    }

    private FileChooser scenarioChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Roofline Lab scenario",
                "*" + ScenarioFile.EXTENSION));
        Path current = vm.document().file();
        Optional<File> folder = current != null && current.getParent() != null
                ? ExportFlow.exportFolder(current.getParent().toString())
                : ExportFlow.exportFolder(settings.get("scenario.folder", ""));
        folder.ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    /** Asks for a JSON file to open; empty when the user cancels. */
    public Optional<Path> chooseJson(String title, String kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*.json"));
        File chosen = chooser.showOpenDialog(app.stage());
        return chosen == null ? Optional.empty() : Optional.of(chosen.toPath());
    }
}
