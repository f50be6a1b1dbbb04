package lab.roofline.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.stage.Window;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.chart.CostChart;
import lab.roofline.render.layout.LabelLayout.Box;
import lab.roofline.render.summary.SummaryTile;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;

/**
 * The three charts over every layout a teacher uses: window sizes from 1280x720 to 1920x1080, zoom 100 to
 * 200 %, windowed and presentation, with no panel or one of the lesson, Practice, Explain, Show your work
 * and Compare. The real window is laid out headless; each chart is measured from its node's bounds and
 * from what its own drawing code writes (a recording pen), and the figures go to target/layout-matrix.csv.
 * <p>
 * The rules: each chart wholly on screen without scrolling in presentation mode, and in a window at 100 %
 * from 1280x800 up; the cost bars at least 16 px thick (scaled with the zoom); no chart text under 12 px
 * (scaled with the zoom); no text over another text or a marker.
 */
class DashboardLayoutMatrixTest extends DashboardFixture {
    static final int[][] SIZES = {{1280, 720}, {1280, 800}, {1440, 900}, {1920, 1080}};
    static final double[] ZOOMS = {1.0, 1.5, 2.0};
    static final String[] MODES = {"windowed", "presentation"};
    static final String[] PANELS = {"none", "lesson", "practice", "explain", "work", "compare", "compare4"};
    static final String HEADER =
            "width,height,zoom,mode,panel,chart,x,y,w,h,visible,thinnest_bar_px,smallest_text_px,label_overlaps";

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** One chart in one layout, as measured. */
    record Row(int width, int height, double zoom, String mode, String panel, String chart, Bounds bounds,
               boolean visible, double thinnestBarPx, double smallestTextPx, int labelOverlaps, String summaryCut) {
        String csv() {
            return String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%.0f,%.0f,%.0f,%.0f,%b,%s,%.1f,%d", width, height,
                    Math.round(zoom * 100), mode, panel, chart, bounds.getMinX(), bounds.getMinY(), bounds.getWidth(),
                    bounds.getHeight(), visible, Double.isNaN(thinnestBarPx) ? "" : String.format(Locale.ROOT, "%.1f",
                            thinnestBarPx), smallestTextPx, labelOverlaps);
        }

        /** Where this row breaks a rule, in words; empty when it keeps them all. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            boolean mustBeWhole = mode.equals("presentation") || (zoom == 1.0 && height >= 800);
            if (mustBeWhole && !visible) {
                problems.add("not wholly on screen");
            }
            if (!Double.isNaN(thinnestBarPx) && thinnestBarPx < 16 * zoom - 0.5) {
                problems.add(String.format(Locale.ROOT, "bars %.1f px thick (least %.0f)", thinnestBarPx, 16 * zoom));
            }
            if (smallestTextPx < 12 * zoom - 0.05) {
                problems.add(String.format(Locale.ROOT, "text %.1f px (least %.0f)", smallestTextPx, 12 * zoom));
            }
            if (labelOverlaps > 0) {
                problems.add(labelOverlaps + " label overlaps");
            }
            if (!summaryCut.isEmpty()) {
                problems.add(summaryCut);
            }
            return problems;
        }
    }

    /** Which texts overlap, per layout: printed when the test fails, so the reader sees what to fix. */
    private final List<String> overlapNames = new ArrayList<>();

    @Test
    void everyChartIsWholeThickAndReadableInEveryLayoutATeacherUses(FxRobot robot) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int[] size : SIZES) {
            for (double zoom : ZOOMS) {
                for (String mode : MODES) {
                    for (String panel : PANELS) {
                        robot.interact(() -> arrange(size, zoom, mode, panel));
                        settle();
                        robot.interact(() -> rows.addAll(measure(size, zoom, mode, panel)));
                        robot.interact(this::tidy);
                        settle();
                    }
                }
            }
        }
        Path csv = Path.of("target", "layout-matrix.csv");
        Files.createDirectories(csv.getParent());
        List<String> lines = new ArrayList<>(List.of(HEADER));
        rows.forEach(r -> lines.add(r.csv()));
        Files.write(csv, lines);
        assertThat(rows).hasSize(SIZES.length * ZOOMS.length * MODES.length * PANELS.length * 3);
        Files.write(Path.of("target", "layout-matrix-overlaps.txt"), overlapNames);
        List<String> broken = rows.stream().filter(r -> !r.problems().isEmpty())
                .map(r -> r.csv() + "  <- " + String.join("; ", r.problems())).toList();
        assertThat(broken).as("layouts that break a rule (all figures in %s)", csv).isEmpty();
    }

    private void arrange(int[] size, double zoom, String mode, String panel) {
        Window window = view.getScene().getWindow();
        window.setX(0); // wholly on the (headless) screen, or its renderer overflows the screen's buffer
        window.setY(0);
        window.setWidth(size[0]);
        window.setHeight(size[1]);
        view.setZoom(zoom);
        view.commands().presentation.setSelected(mode.equals("presentation"));
        switch (panel) {
            case "lesson" -> view.commands().startLesson.handle(new ActionEvent());
            case "practice" -> view.commands().practice.setSelected(true);
            case "explain" -> view.commands().explanation.setSelected(true);
            case "work" -> view.commands().showWork.setSelected(true);
            case "compare" -> view.commands().pin.handle(new ActionEvent());
            case "compare4" -> { // four pins (the most): the cost chart's most bars, the keys' most rows
                int batch = vm.batchSizeProperty().get();
                batchBefore = batch;
                for (int b : new int[] {batch * 4, batch * 16, batch * 64, batch}) {
                    vm.batchSizeProperty().set(b);
                    view.commands().pin.handle(new ActionEvent());
                }
            }
            default -> {
            }
        }
        view.applyCss();
        view.layout();
    }

    /** The batch before the four pins were made (they change it), restored after. */
    private int batchBefore = -1;

    private void tidy() {
        if (batchBefore > 0) {
            vm.batchSizeProperty().set(batchBefore);
            batchBefore = -1;
        }
        if (view.lesson().isRunning()) {
            view.lesson().leave();
        }
        view.commands().practice.setSelected(false);
        view.commands().explanation.setSelected(false);
        view.commands().showWork.setSelected(false);
        List.copyOf(vm.pinsModel().pins()).forEach(vm.pinsModel()::unpin);
        view.commands().presentation.setSelected(false);
        view.setZoom(1);
    }

    private List<Row> measure(int[] size, double zoom, String mode, String panel) {
        view.applyCss();
        view.layout();
        ScrollPane middle = (ScrollPane) view.lookup(".main-scroll");
        Bounds viewport = middle.localToScene(middle.getLayoutBounds());
        double sceneW = view.getScene().getWidth();
        double sceneH = view.getScene().getHeight();
        List<Row> rows = new ArrayList<>();
        String[] names = {"roofline", "utilization", "cost"};
        List<CanvasChart> charts = List.of(view.rooflineChart(), view.utilizationChart(), view.costChart());
        for (int i = 0; i < 3; i++) {
            CanvasChart chart = charts.get(i);
            Bounds b = chart.localToScene(chart.getLayoutBounds());
            boolean visible = chart.isVisible() && b.getWidth() > 0 && b.getMinX() >= -0.5 && b.getMinY() >= -0.5
                    && b.getMaxX() <= sceneW + 0.5 && b.getMaxY() <= sceneH + 0.5
                    && b.getMinY() >= viewport.getMinY() - 0.5 && b.getMaxY() <= viewport.getMaxY() + 0.5
                    && b.getMinX() >= viewport.getMinX() - 0.5 && b.getMaxX() <= viewport.getMaxX() + 0.5;
            TextRecordingPen pen = new TextRecordingPen();
            chart.paintTo(pen);
            double smallest = pen.texts().stream().mapToDouble(TextRecordingPen.DrawnText::sizePx).min().orElse(0);
            double thinnest = chart instanceof CostChart cost ? cost.segments().stream()
                    .mapToDouble(CostChart.Segment::h).min().orElse(0) : Double.NaN;
            List<String> overlapping = overlapping(pen);
            rows.add(new Row(size[0], size[1], zoom, mode, panel, names[i], b, visible, thinnest, smallest,
                    overlapping.size(), i == 0 ? summaryCut(b.getMinY()) : ""));
            if (!overlapping.isEmpty()) {
                overlapNames.add(String.join(",", size[0] + "x" + size[1], "" + zoom, mode, panel, names[i]) + ": "
                        + String.join("; ", overlapping));
            }
        }
        return rows;
    }

    /**
     * Where a summary tile's text or bar runs out of its tile (a wrapped line the row was not measured for)
     * or under the charts, which start at {@code chartsTop}; empty when every tile is whole.
     */
    private String summaryCut(double chartsTop) {
        List<String> cut = new ArrayList<>();
        for (Node tile : view.lookupAll(".tile")) {
            if (!tile.isVisible() || tile.getParent() == null || !tile.getParent().isVisible()) {
                continue;
            }
            Bounds t = tile.localToScene(tile.getLayoutBounds());
            double contentBottom = ((Parent) tile).getChildrenUnmodifiable().stream().filter(Node::isVisible)
                    .mapToDouble(c -> c.localToScene(c.getLayoutBounds()).getMaxY()).max().orElse(t.getMaxY());
            if (contentBottom > t.getMaxY() + 0.5 || t.getMaxY() > chartsTop + 0.5) {
                cut.add(String.format(Locale.ROOT, "summary tile '%s' cut (content to %.0f, tile to %.0f, charts from %.0f)",
                        ((SummaryTile) tile).titleText(), contentBottom, t.getMaxY(), chartsTop));
            }
        }
        return String.join("; ", cut);
    }

    /** Texts over other texts or over markers, each pair once (by more than a pixel each way), named. */
    static List<String> overlapping(TextRecordingPen pen) {
        List<TextRecordingPen.DrawnText> texts = pen.texts().stream().filter(t -> !t.rotated()).toList();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (overlapBy(texts.get(i).box(), texts.get(j).box(), 1) && !sameDrawing(texts.get(i), texts.get(j))) {
                    pairs.add("'" + texts.get(i).text() + "' over '" + texts.get(j).text() + "'");
                }
            }
            for (Box marker : pen.markers()) {
                if (overlapBy(texts.get(i).box(), marker, 1)) {
                    pairs.add("'" + texts.get(i).text() + "' over a marker");
                }
            }
        }
        return pairs;
    }

    /** A text drawn twice in the same place (a backing, then the text) is one label, not two. */
    private static boolean sameDrawing(TextRecordingPen.DrawnText a, TextRecordingPen.DrawnText b) {
        return a.text().equals(b.text()) && Math.abs(a.box().x() - b.box().x()) < 1 && Math.abs(a.box().y() - b.box().y()) < 1;
    }

    private static boolean overlapBy(Box a, Box b, double px) {
        return Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()) > px
                && Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()) > px;
    }
}
