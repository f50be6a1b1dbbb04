package lab.roofline.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import lab.roofline.ui.DashboardFixture;
import lab.roofline.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Export: the renderer the app and the command line share, the PNG writer and the dialog. */
class ExportUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private WritableImage render(FxRobot robot, ChartKind kind, int scale) {
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = ChartRenderer.render(kind, vm.result(), vm.referencesProperty().getValue(),
                scale, Theme.LIGHT.stylesheets()));
        return holder[0];
    }

    @Test
    void everyKindRendersAtItsSizeTimesTheScaleWithACaption(FxRobot robot) {
        for (ChartKind kind : ChartKind.values()) {
            double width = kind == ChartKind.DASHBOARD ? ChartRenderer.DASHBOARD_WIDTH : ChartRenderer.CHART_WIDTH;
            double height = kind == ChartKind.DASHBOARD ? ChartRenderer.DASHBOARD_HEIGHT : ChartRenderer.CHART_HEIGHT;
            WritableImage image = render(robot, kind, 2);
            assertThat(image.getWidth()).as(kind.key()).isEqualTo(width * 2);
            assertThat(image.getHeight()).as(kind.key()).isGreaterThan(height * 2); // the caption is under it
        }
    }

    @Test
    void thePngIsWrittenAndIsNotBlank(FxRobot robot, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("roofline.png");
        WritableImage image = render(robot, ChartKind.ROOFLINE, 1);
        PngExport.write(image, out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo((int) image.getWidth());
        assertThat(distinctColours(png)).isGreaterThan(20);
    }

    @Test
    void exportingToAMissingFolderFailsWithAClearMessageAndLeavesNothing(FxRobot robot, @TempDir Path dir) {
        WritableImage image = render(robot, ChartKind.COST, 1);
        Path missing = dir.resolve("no-such-folder").resolve("x.png");
        assertThatThrownBy(() -> PngExport.write(image, missing))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("does not exist");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void theDialogOffersEveryKindAndRemembersTheScale(FxRobot robot) {
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> dialog[0] = new ExportDialog(ChartKind.COST, 3, "caption"));
        assertThat(dialog[0].kind.getItems()).containsExactly(ChartKind.values());
        assertThat(dialog[0].choice()).isEqualTo(new ExportDialog.ExportChoice(ChartKind.COST, 3));
        robot.interact(() -> dialog[0].scale1.setSelected(true));
        assertThat(dialog[0].choice().scale()).isEqualTo(1);
        robot.interact(() -> dialog[0].scale1.setSelected(false)); // a segmented choice keeps one
        assertThat(dialog[0].choice().scale()).isEqualTo(1);
    }

    @Test
    void ctrlEAndTheMenusAskForExportThroughOneCommand(FxRobot robot) {
        robot.interact(() -> view.commands().export.handle(new javafx.event.ActionEvent()));
        robot.interact(() -> view.commands().exportEach.get(0).handle(new javafx.event.ActionEvent()));
        assertThat(exportRequests).containsExactly(null, ChartKind.ROOFLINE);
        assertThat(view.commands().export.getAccelerator().getName()).isIn("Ctrl+E", "Shortcut+E", "Meta+E");
        assertThat(List.of(ChartKind.values())).hasSize(view.commands().exportEach.size());
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
