package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.roofline.cli.RooflineCommand;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.Realism;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.io.data.ModelConfigLoader;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.scenario.ScenarioFile;
import lab.roofline.io.scenario.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Issue 26 in the window: an imported model travels in the saved file; a file that cannot open says so in a dialog. */
class ScenarioDocumentAppTest extends AppSession {

    @Test
    void anImportedModelTravelsInTheFileAndAnOpenErrorIsADialog(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(Settings.defaultFile());
        DashboardView view = startApp();
        RooflineApp roofline = (RooflineApp) app;
        FxRobot robot = new FxRobot();
        var vm = roofline.viewModel();

        // Item 2: an imported DeepSeek-V3 is saved with its architecture, and reopens as itself.
        ModelSpec imported = ModelConfigLoader.read(Path.of("src/test/resources/model-configs/deepseek-v3.json")).model();
        robot.interact(() -> vm.edit().importModel(imported));
        ModelSpec live = vm.model();
        assertThat(live.isMixtureOfExperts()).isTrue();
        double cost = vm.result().cost().inputUsdPerMillionTokens();
        Path file = dir.resolve("ds.roofline.json");
        Files.deleteIfExists(file);
        robot.interact(() -> roofline.saveTo(file));
        waitFor(() -> Files.exists(file) && !vm.document().isModified());
        NamedScenario saved = ScenarioFile.read(file);
        assertThat(saved.modelOf(saved.inputs())).isEqualTo(live);
        // Elsewhere (the model not imported there): the same numbers.
        robot.interact(() -> {
            vm.models().remove(live);
            vm.newScenario();
        });
        robot.interact(() -> roofline.openFile(file));
        waitFor(() -> file.equals(vm.document().file()));
        assertThat(vm.model()).isEqualTo(live);
        assertThat(vm.result().cost().inputUsdPerMillionTokens()).isEqualTo(cost);
        assertThat(RooflineEngine.evaluate(vm.scenario()).cost().inputUsdPerMillionTokens()).isEqualTo(cost);

        // Item 12: a file that cannot be opened is a dialog naming the file and the reason, not only the status line.
        Path bad = dir.resolve("bad.roofline.json");
        Files.writeString(bad, Files.readString(file).replace("\"batch\" :", "\"batches\" : 3, \"batch\" :"));
        robot.interact(() -> roofline.openFile(bad));
        waitFor(() -> view.statusText().startsWith("Could not open"));
        DialogPane[] shown = new DialogPane[1];
        waitFor(() -> {
            shown[0] = Window.getWindows().stream().filter(w -> w.getScene() != null
                    && w.getScene().getRoot() instanceof DialogPane).map(w -> (DialogPane) w.getScene().getRoot())
                    .filter(p -> p.getContentText() != null && p.getContentText().contains("scenario.batches"))
                    .findFirst().orElse(null);
            return shown[0] != null;
        });
        assertThat(shown[0].getHeaderText()).contains("bad.roofline.json");
        assertThat(shown[0].getContentText()).contains("bad.roofline.json: field 'scenario.batches'", "unchanged");
        robot.interact(() -> ((Stage) shown[0].getScene().getWindow()).close());
        assertThat(vm.document().file()).isEqualTo(file);
    }

    /**
     * Item 5 in the window: a file carrying its own copy of a profile that a loaded profile of the same id
     * contradicts opens with the file's copy (the file's numbers) and the status line says so.
     */
    @Test
    void theFilesOwnProfileWinsOverALoadedOneOfTheSameIdAndTheStatusSaysSo(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(Settings.defaultFile());
        String profile = """
                {"id": "lab-gpu-26", "name": "Lab GPU 26", "peakTflops": {"bf16": 500, "int8": 1000},
                 "memoryBandwidthGBps": 2000, "memoryGB": 96, "priceUsdPerHour": 9.5, "sources": ["our bench"]}
                """;
        Path carried = Files.createDirectory(dir.resolve("profiles"));
        Files.writeString(carried.resolve("lab.json"), profile);
        Path file = dir.resolve("lab.roofline.json");
        StringWriter err = new StringWriter();
        assertThat(RooflineCommand.run(new String[] {"report", "--profiles", carried.toString(), "--gpu", "lab-gpu-26",
                "--model", "Llama-3.1-8B", "--save-scenario", file.toString()}, new PrintWriter(Writer.nullWriter()),
                new PrintWriter(err))).as(err.toString()).isZero();
        NamedScenario saved = ScenarioFile.read(file);
        assertThat(saved.hardware()).as("the file carries its own copy").isNotNull();
        double filesCost = RooflineEngine.evaluate(saved.inputs().toScenario(saved.hardware(), Realism.IDEAL,
                saved.modelOf(saved.inputs()))).cost().outputUsdPerMillionTokens();

        // The user's own profile of that id, loaded by the window, now says another price and bandwidth.
        Path own = AppHome.profilesDirectory().resolve("lab-gpu-26-test.json");
        Files.createDirectories(own.getParent());
        Files.writeString(own, profile.replace("9.5", "1.25").replace("2000", "3000"));
        try {
            DashboardView view = startApp();
            RooflineApp roofline = (RooflineApp) app;
            FxRobot robot = new FxRobot();
            var vm = roofline.viewModel();
            var loaded = vm.scenarioModel().findProfile("lab-gpu-26").orElseThrow();
            assertThat(loaded.priceUsdPerHour()).isEqualTo(1.25);
            Evaluation onLoaded = RooflineEngine.evaluate(saved.inputs().toScenario(loaded, Realism.IDEAL,
                    saved.modelOf(saved.inputs())));
            assertThat(onLoaded.cost().outputUsdPerMillionTokens()).as("the two profiles give other numbers")
                    .isNotEqualTo(filesCost);

            robot.interact(() -> roofline.openFile(file));
            waitFor(() -> file.equals(vm.document().file()));
            assertThat(vm.document().file()).isEqualTo(file);
            assertThat(vm.gpuProperty().get().priceUsdPerHour()).isEqualTo(9.5);
            assertThat(vm.result().cost().outputUsdPerMillionTokens()).isEqualTo(filesCost);
            assertThat(view.statusText()).startsWith("Opened").contains("lab.roofline.json", "'lab-gpu-26'",
                    "differs from the loaded one", "the file's copy is used");
        } finally {
            Files.deleteIfExists(own);
        }
    }
}
