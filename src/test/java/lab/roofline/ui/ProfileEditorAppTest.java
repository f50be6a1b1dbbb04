package lab.roofline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.TextField;
import lab.roofline.engine.roofline.Interconnect;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.io.files.AppHome;
import lab.roofline.io.scenario.Settings;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Invent an accelerator: duplicate, edit (a bad value named beside its field), save, reload, delete. */
class ProfileEditorAppTest extends AppSession {

    private static Path saved() {
        return AppHome.profilesDirectory().resolve("h100_sxm_copy.json");
    }

    @Test
    void aDuplicatedAndEditedProfileIsSavedListedAsYoursUsedAndDeleted() throws Exception {
        Files.deleteIfExists(Settings.defaultFile());
        Files.deleteIfExists(saved());
        boolean folderWasThere = Files.exists(AppHome.profilesDirectory());
        try {
            DashboardView view = startApp();
            FxRobot robot = new FxRobot();
            var vm = ((RooflineApp) app).viewModel();
            double decode = vm.result().decode().seconds();
            var menu = view.controls().hardware().profileMenu();
            assertThat(menu.isDisabled()).isFalse();
            Platform.runLater(() -> menu.getItems().get(0).fire()); // Duplicate H100 SXM5 and Edit…
            WaitForAsyncUtils.waitForFxEvents();
            TextField name = robot.lookup("#profile-name").queryAs(TextField.class);
            TextField bandwidth = robot.lookup("#profile-memoryBandwidthGBps").queryAs(TextField.class);
            TextField id = robot.lookup("#profile-id").queryAs(TextField.class);
            assertThat(id.getText()).isEqualTo("h100_sxm_copy");
            robot.interact(() -> bandwidth.setText("0"));
            Label reason = robot.lookup(".field-error").queryAllAs(Label.class)
                    .stream().filter(l -> !l.getText().isEmpty()).findFirst().orElseThrow();
            assertThat(reason.getText()).contains("memoryBandwidthGBps", "must be above zero");
            Button save = robot.lookup(".button").queryAllAs(Button.class).stream()
                    .filter(b -> "Save".equals(b.getText())).findFirst().orElseThrow();
            assertThat(save.isDisabled()).as("a bad value cannot be saved").isTrue();
            assertThat(bandwidth.getText()).as("what was typed stays").isEqualTo("0");
            robot.interact(() -> id.setText("h100_sxm"));
            assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream()
                    .map(Label::getText).filter(t -> !t.isEmpty()).findFirst().orElseThrow())
                    .as("the loader's reason first").contains("memoryBandwidthGBps");
            // The interconnect is edited like every other field, its reason beside it.
            TextField latency = robot.lookup("#profile-interconnect-latencyUs").queryAs(TextField.class);
            TextField linkName = robot.lookup("#profile-interconnect-name").queryAs(TextField.class);
            assertThat(linkName.getText()).isEqualTo("NVLink 4 (NVSwitch)");
            assertThat(latency.getText()).isEqualTo("1.3");
            robot.interact(() -> {
                bandwidth.setText("6700");
                latency.setText("-1");
            });
            assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream()
                    .map(Label::getText).filter(t -> !t.isEmpty()).findFirst().orElseThrow())
                    .contains("interconnect.latencyUs", "must be from 0 to 1,000 microseconds, got -1");
            assertThat(save.isDisabled()).isTrue();
            robot.interact(() -> {
                latency.setText("0.5");
                linkName.setText("NVLink 4, faster switch (lab)");
                name.setText("Lab H100, twice the bandwidth");
            });
            assertThat(robot.lookup(".field-error").queryAllAs(Label.class).stream()
                    .map(Label::getText).filter(t -> !t.isEmpty()).findFirst().orElseThrow())
                    .as("a bundled id is not yours to overwrite").contains("bundled");
            assertThat(save.isDisabled()).isTrue();
            robot.interact(() -> id.setText("h100_sxm_copy"));
            assertThat(save.isDisabled()).isFalse();
            robot.clickOn(save);
            waitFor(() -> vm.gpuProperty().get().id().equals("h100_sxm_copy") && Files.exists(saved()));
            assertThat(vm.gpuProperty().get().name()).isEqualTo("Lab H100, twice the bandwidth");
            assertThat(vm.isOwn(vm.gpuProperty().get())).isTrue();
            assertThat(vm.result().decode().seconds()).as("the evaluation uses it").isLessThan(decode * 0.6);
            assertThat(ProfileLoader.read(saved()).memoryBandwidthBytesPerSecond()).isEqualTo(6.7e12);
            assertThat(ProfileLoader.read(saved()).interconnect())
                    .isEqualTo(new Interconnect("NVLink 4, faster switch (lab)", 450e9, 0.5 / 1e6, ""));
            assertThat(vm.result().scenario().gpu().link().latencySeconds()).as("the evaluation uses the link").isEqualTo(0.5 / 1e6);
            assertThat(ProfileLoader.load(true, List.of()).find("h100_sxm").orElseThrow()
                    .memoryBandwidthBytesPerSecond()).as("the bundled one untouched").isEqualTo(3.35e12);
            FxToolkit.cleanupApplication(app);

            // The next session loads it from the folder, still marked as yours; then it is deleted.
            DashboardView view2 = startApp();
            var again = ((RooflineApp) app).viewModel();
            var mine = again.profiles().stream().filter(p -> p.id().equals("h100_sxm_copy")).findFirst().orElseThrow();
            assertThat(again.isOwn(mine)).isTrue();
            robot.interact(() -> again.gpuProperty().set(mine));
            var menu2 = view2.controls().hardware().profileMenu();
            Platform.runLater(() -> {
                menu2.getOnShowing().handle(new Event(Menu.ON_SHOWING));
                menu2.getItems().get(2).fire(); // Delete
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("OK");
            waitFor(() -> !Files.exists(saved()));
            assertThat(saved()).doesNotExist();
            waitFor(() -> again.profiles().stream().noneMatch(p -> p.id().equals("h100_sxm_copy")));
            assertThat(again.gpuProperty().get().id()).isNotEqualTo("h100_sxm_copy");
        } finally {
            Files.deleteIfExists(saved());
            if (!folderWasThere) {
                Files.deleteIfExists(AppHome.profilesDirectory()); // as it was: other tests expect no folder
            }
        }
    }
}
