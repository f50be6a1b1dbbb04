package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.event.Event;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import lab.roofline.cli.RooflineCommand;
import lab.roofline.io.scenario.ScenarioFile;
import lab.roofline.io.scenario.Settings;
import lab.roofline.ui.documents.ScenarioFiles;
import lab.roofline.ui.scenario.PinsModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Scenario files in the window: opened from the command line, marked when changed, saved, refused when bad. */
class ScenarioFilesAppTest extends AppSession {

    @Test
    void aFileNamedOnTheCommandLineOpensChangesAreMarkedAndSaveWritesThem(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(Settings.defaultFile());
        Path file = dir.resolve("h200 plan.roofline.json");
        assertThat(RooflineCommand.run(new String[] {"report", "--gpu", "h200_sxm", "--batch", "64",
                "--save-scenario", file.toString()}, new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()))).isZero();
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(RooflineApp.class, file.toString());
        RooflineApp roofline = (RooflineApp) app;
        FxRobot robot = new FxRobot();
        waitFor(() -> roofline.viewModel().inputs().batchSize() == 64);
        var vm = roofline.viewModel();
        DashboardView view = (DashboardView) stage.getScene().getRoot();
        assertThat(vm.gpuProperty().get().id()).isEqualTo("h200_sxm");
        assertThat(stage.getTitle()).isEqualTo("h200 plan — Roofline Lab");

        robot.interact(() -> vm.batchSizeProperty().set(8));
        assertThat(stage.getTitle()).isEqualTo("h200 plan • — Roofline Lab");
        robot.interact(() -> view.commands().save.handle(new ActionEvent()));
        waitFor(() -> !vm.document().isModified());
        assertThat(stage.getTitle()).isEqualTo("h200 plan — Roofline Lab");
        assertThat(ScenarioFile.read(file).inputs().batchSize()).isEqualTo(8);
        assertThat(view.statusText()).startsWith("Saved h200 plan");

        // A bad file leaves the scenario as it was and says which file, which field and why.
        Path bad = dir.resolve("bad.roofline.json");
        Files.writeString(bad, Files.readString(file).replace("\"batch\" : 8", "\"batch\" : 0"));
        robot.interact(() -> roofline.openFile(bad));
        waitFor(() -> view.statusText().startsWith("Could not open"));
        assertThat(view.statusText()).contains("bad.roofline.json", "scenario.batch", "too small", "unchanged");
        assertThat(vm.inputs().batchSize()).isEqualTo(8);
        assertThat(vm.document().file()).isEqualTo(file);

        // The File menu offers it again, and the session remembers it.
        assertThat(vm.document().recent()).first().isEqualTo(file.toAbsolutePath().normalize());
        waitFor(() -> {
            try {
                return Files.readString(Settings.defaultFile()).contains("recent.0=");
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(Files.readString(Settings.defaultFile())).contains("document.file=");
    }

    @Test
    void aDropOpensTheFirstScenarioFileAmongTheFilesDropped() {
        assertThat(ScenarioFiles.firstScenario(List.of(new File("notes.txt"), new File("/d/a.ROOFLINE.json"),
                new File("b.roofline.json")))).isEqualTo(Path.of("/d/a.ROOFLINE.json"));
        assertThat(ScenarioFiles.firstScenario(List.of(new File("chart.png"), new File("/")))).isNull();
    }

    @Test
    void openRecentInTheFileMenuOpensTheFileAndAMissingOneIsDisabled(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(Settings.defaultFile());
        Path file = dir.resolve("t4.roofline.json");
        assertThat(RooflineCommand.run(new String[] {"report", "--gpu", "t4", "--model", "Llama-3.1-8B",
                "--batch", "4", "--save-scenario", file.toString()}, new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()))).isZero();
        DashboardView view = startApp();
        RooflineApp roofline = (RooflineApp) app;
        FxRobot robot = new FxRobot();
        var vm = roofline.viewModel();
        Path gone = dir.resolve("gone.roofline.json");
        robot.interact(() -> vm.document().setRecent(List.of(file, gone)));
        Menu fileMenu = robot.lookup(".menu-bar").queryAs(MenuBar.class)
                .getMenus().get(0);
        robot.interact(() -> fileMenu.getOnShowing().handle(new Event(Menu.ON_SHOWING)));
        Menu recent = (Menu) fileMenu.getItems().stream()
                .filter(i -> "Open Recent".equals(i.getText())).findFirst().orElseThrow();
        assertThat(recent.getItems()).hasSize(2);
        assertThat(recent.getItems().get(1).isDisable()).as("a file that is gone").isTrue();
        robot.interact(() -> recent.getItems().get(0).fire());
        waitFor(() -> vm.inputs().batchSize() == 4);
        assertThat(vm.gpuProperty().get().id()).isEqualTo("t4");
        assertThat(vm.document().file()).isEqualTo(file);
        assertThat(view.statusText()).startsWith("Opened t4");
    }

    @Test
    void pinsAreRememberedBetweenRunsAndForgottenWhenUnpinned() throws Exception {
        Files.deleteIfExists(Settings.defaultFile());
        Files.deleteIfExists(ScenarioFiles.pinsFile());
        try {
            Stage stage = FxToolkit.registerPrimaryStage();
            app = FxToolkit.setupApplication(RooflineApp.class);
            FxRobot robot = new FxRobot();
            var vm = ((RooflineApp) app).viewModel();
            robot.interact(() -> {
                vm.batchSizeProperty().set(16);
                vm.pinsModel().pin("batch sixteen");
                vm.edit().selectGpu("h200_sxm");
                vm.pinsModel().pin("on the H200");
                vm.pinsModel().recolour(vm.pinsModel().pins().get(1), 3);
            });
            waitFor(() -> {
                try {
                    return Files.exists(ScenarioFiles.pinsFile())
                            && ScenarioFile.read(ScenarioFiles.pinsFile()).pins().size() == 2
                            && ScenarioFile.read(ScenarioFiles.pinsFile()).pins().get(1).colour() == 3;
                } catch (ScenarioFile.ScenarioFileException e) {
                    return false;
                }
            });
            FxToolkit.cleanupApplication(app);
            assertThat(stage).isNotNull();

            app = FxToolkit.setupApplication(RooflineApp.class);
            var again = ((RooflineApp) app).viewModel();
            waitFor(() -> again.pinsModel().pins().size() == 2);
            assertThat(again.pinsModel().pins()).extracting(PinsModel.Pin::name)
                    .containsExactly("batch sixteen", "on the H200");
            assertThat(again.pinsModel().pins()).extracting(PinsModel.Pin::colour).containsExactly(0, 3);
            assertThat(again.pinsModel().pins().get(1).evaluation().scenario().gpu().id()).isEqualTo("h200_sxm");
            assertThat(again.pinsModel().pins().get(0).inputs().batchSize()).isEqualTo(16);
            robot.interact(() -> again.pinsModel().pins().clear());
            waitFor(() -> !Files.exists(ScenarioFiles.pinsFile()));
            assertThat(ScenarioFiles.pinsFile()).doesNotExist();
        } finally {
            Files.deleteIfExists(ScenarioFiles.pinsFile());
        }
    }
}
