package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.scenario.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** File ▸ Import Model: a config.json joins the presets, is made live, stays for the next session; a bad one changes nothing. */
class ImportModelAppTest extends AppSession {

    @Test
    void anImportedConfigIsLiveListedKeptAndABadOneChangesNothing(@TempDir Path dir) throws Exception {
        Files.deleteIfExists(Settings.defaultFile());
        Path folder = Files.createDirectories(dir.resolve("gpt-oss-20b-finetune"));
        Files.copy(Path.of("src/test/resources/model-configs/gpt-oss-120b.json"), folder.resolve("config.json"));
        boolean modelsWereThere = Files.exists(AppHome.modelsDirectory());
        try {
            DashboardView view = startApp();
            RooflineApp roofline = (RooflineApp) app;
            var vm = roofline.viewModel();
            roofline.importModelFrom(folder.resolve("config.json"));
            waitFor(() -> vm.presetProperty().get() != null
                    && vm.presetProperty().get().name().equals("gpt-oss-20b-finetune"));
            assertThat(vm.presetProperty().get().name()).isEqualTo("gpt-oss-20b-finetune");
            assertThat(vm.result().scenario().model().attention().slidingLayers()).isEqualTo(18);
            assertThat(vm.models()).anyMatch(m -> m.name().equals("gpt-oss-20b-finetune"));
            assertThat(view.statusText()).contains("Imported gpt-oss-20b-finetune (117B parameters, 5.71B active)")
                    .contains("quantization_config is not read");
            assertThat(Files.exists(AppHome.modelsDirectory().resolve("gpt-oss-20b-finetune.json"))).isTrue();

            // A file that is not a config: the status says why, the model stays.
            Path bad = dir.resolve("bad.json");
            Files.writeString(bad, "{\"architectures\": [\"FalconForCausalLM\"]}");
            roofline.importModelFrom(bad);
            waitFor(() -> view.statusText().contains("Could not import"));
            assertThat(view.statusText()).contains("Could not import bad.json: key 'architectures': 'FalconForCausalLM' "
                    + "is not a family Roofline Lab reads").contains("Nothing changed");
            assertThat(vm.presetProperty().get().name()).isEqualTo("gpt-oss-20b-finetune");
            FxToolkit.cleanupApplication(app);

            // The next session lists it and restores it as the live model.
            app = FxToolkit.setupApplication(RooflineApp.class);
            var again = ((RooflineApp) app).viewModel();
            assertThat(again.models()).anyMatch(m -> m.name().equals("gpt-oss-20b-finetune"));
            assertThat(again.presetProperty().get()).isNotNull();
            assertThat(again.presetProperty().get().name()).isEqualTo("gpt-oss-20b-finetune");
        } finally {
            Path models = AppHome.modelsDirectory();
            Files.deleteIfExists(models.resolve("gpt-oss-20b-finetune.json"));
            if (!modelsWereThere && Files.exists(models)) {
                try (var left = Files.list(models)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(models);
                    }
                }
            }
            Files.deleteIfExists(Settings.defaultFile());
        }
    }
}
