package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.event.ActionEvent;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.roofline.engine.roofline.ModelSpec;
import lab.roofline.engine.roofline.RooflineEngine;
import lab.roofline.engine.scenario.NamedScenario;
import lab.roofline.io.data.ModelConfigLoader;
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
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(RooflineApp.class);
        RooflineApp roofline = (RooflineApp) app;
        FxRobot robot = new FxRobot();
        var vm = roofline.viewModel();
        DashboardView view = (DashboardView) stage.getScene().getRoot();

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
}
