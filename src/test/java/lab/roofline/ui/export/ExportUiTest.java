package lab.roofline.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.engine.serving.ServingSettings;
import lab.roofline.render.export.ChartInputs;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportFiles;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.DashboardFixture;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Export: the renderer the app and the command line share, PNG and SVG, the writer, the dialog and the clipboard. */
class ExportUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private WritableImage png(FxRobot robot, ChartKind kind, ExportSize size, int scale) {
        WritableImage[] holder = new WritableImage[1];
        robot.interact(() -> holder[0] = ChartRenderer.png(new ChartRenderer.Request(kind, size, scale,
                ExportFormat.PNG), inputs(Theme.LIGHT.stylesheets())));
        return holder[0];
    }

    /** The live scenario alone, and its frontier under the default serving settings (for the frontier chart). */
    private ChartInputs inputs(List<String> stylesheets) {
        Frontier frontier = Frontier.of(List.of(new Frontier.Named("Live", -1, vm.result().scenario())),
                ServingSettings.DEFAULT, RentalPrices.NONE);
        return ChartInputs.of(vm.result(), vm.referencesProperty().getValue(), stylesheets).withFrontier(frontier);
    }

    private String svg(FxRobot robot, ChartKind kind, ExportSize size, List<String> stylesheets) {
        String[] holder = new String[1];
        robot.interact(() -> holder[0] = ChartRenderer.svg(new ChartRenderer.Request(kind, size, 2, ExportFormat.SVG),
                inputs(stylesheets)));
        return holder[0];
    }

    @Test
    void everyKindIsExactlyThePresetTimesTheScaleWhateverTheWindow(FxRobot robot) {
        for (ChartKind kind : ChartKind.values()) {
            ExportSize small = kind == ChartKind.DASHBOARD ? new ExportSize(960, 600) : new ExportSize(640, 400);
            for (ExportSize size : List.of(ExportSize.SLIDE_16_9, ExportSize.SLIDE_4_3, small)) {
                WritableImage image = png(robot, kind, size, 2);
                assertThat(image.getWidth()).as(kind.key() + " " + size).isEqualTo(size.width() * 2);
                assertThat(image.getHeight()).as(kind.key() + " " + size).isEqualTo(size.height() * 2);
            }
        }
        // The window's size and scroll state do not reach the export: same pixels before and after.
        int[] before = pixels(png(robot, ChartKind.DASHBOARD, ExportSize.SLIDE_4_3, 1));
        robot.interact(() -> {
            robot.window(0).setWidth(900);
            robot.window(0).setHeight(600);
        });
        robot.interact(() -> view.lookupAll(".scroll-pane").forEach(n ->
                ((ScrollPane) n).setVvalue(1)));
        int[] after = pixels(png(robot, ChartKind.DASHBOARD, ExportSize.SLIDE_4_3, 1));
        robot.interact(() -> { // the stage is shared with the next test class
            robot.window(0).setWidth(1440);
            robot.window(0).setHeight(900);
            view.lookupAll(".scroll-pane").forEach(n -> ((ScrollPane) n).setVvalue(0));
        });
        assertThat(after).isEqualTo(before);
    }

    @Test
    void textGrowsWithTheSlideSoItReadsAtTheBackOfTheRoom() {
        assertThat(ExportSize.SLIDE_16_9.textScale(ChartKind.ROOFLINE)).isCloseTo(1080 / 620.0, Offset.offset(0.01));
        assertThat(new ExportSize(1100, 620).textScale(ChartKind.ROOFLINE)).isEqualTo(1);
        assertThat(new ExportSize(480, 320).textScale(ChartKind.COST)).isEqualTo(0.85);
        assertThat(ExportSize.SLIDE_16_9.textScale(ChartKind.DASHBOARD)).isCloseTo(1.2, Offset.offset(0.01));
        // A small dashboard is the whole page made smaller, not its parts squeezed together.
        assertThat(new ExportSize(960, 600).textScale(ChartKind.DASHBOARD)).isCloseTo(0.667, Offset.offset(0.01));
    }

    @Test
    void aPictureTooLargeOrADashboardTooSmallIsRefusedUpFrontWithTheReason() {
        assertThatThrownBy(() -> new ChartRenderer.Request(ChartKind.ROOFLINE, new ExportSize(3840, 2160), 3,
                ExportFormat.PNG)).hasMessageContaining("11,520 × 6,480 pixels is too large");
        new ChartRenderer.Request(ChartKind.ROOFLINE, new ExportSize(3840, 2160), 2, ExportFormat.PNG); // 8K: fine
        assertThatThrownBy(() -> new ChartRenderer.Request(ChartKind.DASHBOARD, new ExportSize(800, 600), 1,
                ExportFormat.PNG)).hasMessageContaining("a dashboard needs at least 960x600");
        assertThat(ChartRenderer.onScreen(ChartKind.DASHBOARD, 500, 300)).isEqualTo(new ExportSize(960, 600));
    }

    @Test
    void writingThroughALinkKeepsTheLinkAndAReplacedFileKeepsItsPermissions(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path real = dir.resolve("real.svg");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.svg"), real.getFileName());
        ExportFiles.writeSvg("<svg/>", link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("<svg/>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-------");
    }

    @Test
    void replacingAFileWithTwoNamesUpdatesBothNames(FxRobot robot, @TempDir Path dir) throws Exception {
        Path slide = dir.resolve("slide.svg");
        Files.writeString(slide, "old");
        Path deckCopy = Files.createLink(dir.resolve("deck-figure.svg"), slide);
        ExportFiles.writeSvg("<svg/>", slide);
        assertThat(Files.readString(deckCopy)).isEqualTo("<svg/>");
        assertThat(Files.isSameFile(slide, deckCopy)).isTrue();
        try (var left = Files.list(dir)) {
            assertThat(left).hasSize(2); // no temporary file left behind
        }
    }

    /** A scenario that does not fit: its warning line is whole in every dashboard size, above the charts. */
    @Test
    void aDashboardsWarningIsNeverCutByTheCharts(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(4096));
        for (ExportSize size : List.of(new ExportSize(960, 600), new ExportSize(1280, 720), ExportSize.SLIDE_16_9)) {
            robot.interact(() -> {
                ChartRenderer.Page page = ChartRenderer.layOut(new ChartRenderer.Request(ChartKind.DASHBOARD, size, 1,
                        ExportFormat.PNG), inputs(Theme.LIGHT.stylesheets()));
                try {
                    var lines = page.summary.warningLabels();
                    assertThat(lines).as("at %s", size).isNotEmpty();
                    double chartsTop = page.charts.stream().mapToDouble(c -> c.localToScene(0, 0).getY()).min().orElseThrow();
                    for (var line : lines) {
                        assertThat(line.getHeight()).as("whole at %s", size)
                                .isGreaterThanOrEqualTo(line.prefHeight(line.getWidth()) - 1);
                        assertThat(line.localToScene(0, line.getHeight()).getY()).as("above the charts at %s", size)
                                .isLessThanOrEqualTo(chartsTop);
                    }
                } finally {
                    page.dispose();
                }
            });
        }
    }

    @Test
    void sizesAreReadStrictlyWithAReason() {
        assertThat(ExportSize.parse("1920x1080")).isEqualTo(ExportSize.SLIDE_16_9);
        assertThat(ExportSize.parse(" 1600 × 1200 ")).isEqualTo(ExportSize.SLIDE_4_3);
        for (String bad : new String[] {"", "1920", "1920x", "x1080", "-1920x1080", "1e3x800", "99999x1080", "100x100"}) {
            assertThatThrownBy(() -> ExportSize.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("size");
        }
    }

    @Test
    void thePngIsWrittenAndIsNotBlank(FxRobot robot, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("roofline.png");
        WritableImage image = png(robot, ChartKind.ROOFLINE, new ExportSize(800, 500), 1);
        ExportFiles.writePng(image, out);
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(distinctColours(png)).isGreaterThan(20);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("roofline.png"); // no temporaries left
        }
    }

    @Test
    void theSvgIsWellFormedVectorWithRealTextAndTheCaption(FxRobot robot, @TempDir Path dir) throws Exception {
        for (ChartKind kind : ChartKind.values()) {
            String svg = svg(robot, kind, ExportSize.SLIDE_16_9, Theme.LIGHT.stylesheets());
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(svg)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("3840");
            assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 1920 1080");
            List<String> texts = texts(doc);
            assertThat(String.join("\n", texts)).as(kind.key()).contains("Roofline\u00a0Lab"); // the caption (kept on one line)
            assertThat(doc.getElementsByTagName("image").getLength()).as("no bitmaps inside").isZero();
            switch (kind) {
                case ROOFLINE -> assertThat(texts).anyMatch(t -> t.startsWith("ridge ")).contains("Decode step");
                case UTILIZATION -> assertThat(texts).contains("Decode utilization vs batch size");
                case COST -> assertThat(texts).contains("Input (prefill)", "Output (decode)");
                case DASHBOARD -> assertThat(texts).contains("Ridge point", "Decode throughput", "Output (decode)")
                        .anyMatch(t -> t.startsWith("Roofline  ·"));
            }
        }
        Path out = dir.resolve("cost.svg");
        ExportFiles.writeSvg(svg(robot, ChartKind.COST, ExportSize.SLIDE_4_3, Theme.LIGHT.stylesheets()), out);
        assertThat(Files.readString(out)).startsWith("<?xml").contains("<text");
    }

    @Test
    void aDarkWindowCanExportALightSlide(FxRobot robot) {
        String dark = svg(robot, ChartKind.ROOFLINE, ExportSize.SLIDE_16_9, Theme.DARK.stylesheets());
        String light = svg(robot, ChartKind.ROOFLINE, ExportSize.SLIDE_16_9, Theme.LIGHT.stylesheets());
        assertThat(firstRectFill(light)).isEqualTo("#ffffff");
        assertThat(firstRectFill(dark)).isNotEqualTo("#ffffff");
    }

    @Test
    void exportingToAMissingFolderFailsWithAClearMessageAndLeavesNothing(FxRobot robot, @TempDir Path dir) {
        WritableImage image = png(robot, ChartKind.COST, new ExportSize(640, 400), 1);
        Path missing = dir.resolve("no-such-folder").resolve("x.png");
        assertThatThrownBy(() -> ExportFiles.writePng(image, missing))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void theDialogOffersKindsSizesScalesAndFormatsAndShowsThePixels(FxRobot robot) {
        ExportDialog[] dialog = new ExportDialog[1];
        ExportDialog.ExportChoice remembered = new ExportDialog.ExportChoice(ChartKind.COST,
                ExportDialog.SizePreset.SLIDE_4_3, 3, ExportFormat.PNG, true);
        robot.interact(() -> dialog[0] = new ExportDialog(remembered, view::onScreenSize, true, "caption"));
        assertThat(dialog[0].kind.getItems()).containsExactly(ChartKind.values());
        assertThat(dialog[0].choice()).isEqualTo(remembered);
        assertThat(dialog[0].pixels.getText()).contains("4800 × 3600");
        robot.interact(() -> dialog[0].scale1.setSelected(true));
        assertThat(dialog[0].choice().scale()).isEqualTo(1);
        robot.interact(() -> dialog[0].scale1.setSelected(false)); // a segmented choice keeps one
        assertThat(dialog[0].choice().scale()).isEqualTo(1);
        robot.interact(() -> {
            dialog[0].svg.setSelected(true);
            dialog[0].size.setValue(ExportDialog.SizePreset.CURRENT);
        });
        assertThat(dialog[0].choice().format()).isEqualTo(ExportFormat.SVG);
        assertThat(dialog[0].pixels.getText()).contains("vector");
        assertThat(dialog[0].light.isVisible()).isTrue();
        robot.interact(() -> dialog[0] = new ExportDialog(remembered, view::onScreenSize, false, "caption"));
        assertThat(dialog[0].light.isVisible()).as("a light window needs no light option").isFalse();
    }

    @Test
    void asOnScreenIsTheChartsSizeInTheWindow(FxRobot robot) {
        ExportSize roofline = view.onScreenSize(ChartKind.ROOFLINE);
        Bounds card = view.rooflineChart().getParent().getLayoutBounds();
        assertThat((double) roofline.width()).isCloseTo(Math.max(ExportSize.MIN_WIDTH, card.getWidth()),
                Offset.offset(1.0));
    }

    @Test
    void ctrlShiftCCopiesTheChartAsAPicture(FxRobot robot) {
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(() -> view.commands().copyChart.handle(new ActionEvent()));
        boolean[] hasImage = new boolean[1];
        robot.interact(() -> hasImage[0] = Clipboard.getSystemClipboard().hasImage());
        assertThat(hasImage[0]).isTrue();
        assertThat(view.statusText()).contains("Copied").contains("clipboard");
        assertThat(view.commands().copyChart.getAccelerator().getName()).contains("Shift").endsWith("+C");
    }

    @Test
    void ctrlEAndTheMenusAskForExportThroughOneCommand(FxRobot robot) {
        robot.interact(() -> view.commands().export.handle(new ActionEvent()));
        robot.interact(() -> view.commands().exportEach.get(0).handle(new ActionEvent()));
        assertThat(exportRequests).containsExactly(null, ChartKind.ROOFLINE);
        assertThat(view.commands().export.getAccelerator().getName()).isIn("Ctrl+E", "Shortcut+E", "Meta+E");
        assertThat(List.of(ChartKind.values())).hasSize(view.commands().exportEach.size());
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static String firstRectFill(String svg) {
        Matcher m = Pattern.compile("<rect [^>]*fill=\"(#[0-9a-f]{6})\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static int[] pixels(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
