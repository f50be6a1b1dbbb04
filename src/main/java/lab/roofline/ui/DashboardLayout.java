package lab.roofline.ui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ToolBarSkin;
import javafx.scene.effect.GaussianBlur;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import lab.roofline.fx.GridShares;
import lab.roofline.fx.Viewports;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.layout.DashboardGrid;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.summary.SummaryStrip;
import lab.roofline.ui.lesson.ExplainPanel;
import lab.roofline.ui.lesson.LessonFeature;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.shell.Commands;
import lab.roofline.ui.shell.SideWindows;
import lab.roofline.ui.shell.Zoom;

/**
 * How the window shares its room: the charts side by side or stacked, their least height (more pins, more
 * legend rows, larger text), the side panels widening with the zoom, and presentation mode folding the
 * controls into a slim strip.
 */
final class DashboardLayout {
    /** Below this width (at 100 %; it scales with the zoom) the charts stack in one column. */
    static final double STACK_CHARTS_BELOW = 720;
    /** The root text size the styles are written for (styles/app.css, in em from it). */
    private static final double BASE_FONT_PX = 13;

    private final DashboardView view;
    private final RooflineViewModel vm;
    private final Zoom zoom;
    private final Commands commands;
    private final SummaryStrip summary;
    private final VBox slimStrip;
    private final Label veilNote = veilNote();
    private boolean stacked;
    private double toolBarZoom = 1;

    DashboardLayout(DashboardView view, RooflineViewModel vm, Zoom zoom, Commands commands, SummaryStrip summary,
                    VBox slimStrip) {
        this.view = view;
        this.vm = vm;
        this.zoom = zoom;
        this.commands = commands;
        this.summary = summary;
        this.slimStrip = slimStrip;
        view.charts.setHgap(DashboardGrid.GAP_PX);
        view.charts.setVgap(DashboardGrid.GAP_PX);
        stacked = true; // so the first arrangement below lays out the side-by-side grid
        arrangeCharts(0);
    }

    /** Whether the charts are stacked in one column (a narrow middle). */
    boolean stacked() {
        return stacked;
    }

    void arrangeCharts(double viewportWidth) {
        boolean stack = viewportWidth > 0 && viewportWidth < STACK_CHARTS_BELOW * Math.max(1, zoom.get());
        if (stack == stacked) {
            return;
        }
        stacked = stack;
        view.charts.getColumnConstraints().setAll(stack ? List.of(GridShares.column(100))
                : List.of(GridShares.column(DashboardGrid.LEFT_COLUMN_PERCENT),
                GridShares.column(DashboardGrid.RIGHT_COLUMN_PERCENT)));
        view.charts.getRowConstraints().setAll(stack ? List.of(GridShares.row(DashboardGrid.STACKED_ROOFLINE_ROW_PERCENT),
                GridShares.row(DashboardGrid.STACKED_ROW_PERCENT), GridShares.row(DashboardGrid.STACKED_ROW_PERCENT))
                : List.of(GridShares.row(DashboardGrid.TOP_ROW_PERCENT), GridShares.row(DashboardGrid.BOTTOM_ROW_PERCENT)));
        GridPane.setConstraints(view.rooflineCard, 0, 0, stack ? 1 : 2, 1);
        GridPane.setConstraints(view.utilizationCard, 0, 1, 1, 1);
        GridPane.setConstraints(view.costCard, stack ? 0 : 1, stack ? 2 : 1, 1, 1);
        sizeCharts();
    }

    /** The view.charts' least height: stacked they need more, and zoomed text needs more room. */
    void sizeCharts() {
        // Pinned scenarios add a bar per phase to the cost chart: the view.charts grow so each keeps its text.
        int pinned = vm.pinsModel().pins().size();
        boolean moreCauses = vm.gpuCountProperty().get() > 1 || vm.layerOverheadSecondsProperty().get() > 0
                || vm.speculationProperty().get().isOn()
                || vm.pinsModel().pins().stream().anyMatch(p -> p.evaluation().decode().communicationSeconds() > 0
                || p.evaluation().decode().overheadSeconds() > 0 || p.evaluation().decode().draftSeconds() > 0);
        int legendRow = moreCauses ? 40 : 0;
        view.charts.setMinHeight((stacked ? 900 + 110 * pinned + legendRow : 560 + 45 * pinned + legendRow)
                * Math.max(1, zoom.get()));
    }

    /** Text in em of the root size scales with it; the view.side panels widen so their text still fits. */
    void applyZoom() {
        double z = zoom.get();
        view.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * z));
        if (z != toolBarZoom) {
            // JavaFX's toolbar skin keeps the height it grew to (and its overflow button) when the text shrinks
            // again: a fresh skin makes a zoom round trip return the toolbar it left.
            view.toolBar.setSkin(new ToolBarSkin(view.toolBar));
            toolBarZoom = z;
        }
        // The panels widen with the text, but never so far that the charts lose the middle of the window.
        double window = view.getWidth() > 0 ? view.getWidth() : 1440;
        // Zoomed in on a small screen the controls may take half the window: cut short they would be useless
        // (a field showing "70" of "70.6B"); the view.charts then stack and give way to the zoom instead.
        // With Explain open too, the middle keeps its share and the controls scroll sideways instead.
        double zoomedShare = commands.explanation.isSelected() || commands.practice.isSelected() ? 0.36 : 0.52;
        double sideWidth = Math.min(330 * z, Math.max(300, (z > 1.25 ? zoomedShare : 0.32) * window));
        double explainWidth = Math.min(360 * z, Math.max(280, 0.3 * window));
        view.side.setPrefWidth(sideWidth);
        view.side.setMinWidth(Math.min(sideWidth, 300));
        view.explainScroll.setPrefWidth(explainWidth);
        view.explainScroll.setMinWidth(Math.min(explainWidth, 280));
        sizeCharts();
        if (view.mainScroll.getViewportBounds() != null) {
            arrangeCharts(view.mainScroll.getViewportBounds().getWidth()); // the stacking width grows with the zoom
        }
        summary.textScaleProperty().set(z);
        // The tagline is the first thing a crowded toolbar gives up, before any command goes to its overflow.
        view.subtitle.setVisible(window >= 1400 * z);
        view.subtitle.setManaged(view.subtitle.isVisible());
    }

    /**
     * Presentation mode: the control panel folds into a slim strip (its buttons open the controls, zoom
     * and leave), so the summary and view.charts take the screen. The app makes the window full screen.
     */
    void present(boolean on) {
        view.content.setLeft(on ? slimStrip : view.side);
        view.statusBar.setVisible(!on); // no file paths on the projector
        view.statusBar.setManaged(!on);
        // Like a slide show: the menus and toolbar give their height to the view.charts (their keys still work;
        // the strip leaves, zooms and steps the lesson).
        view.top.setVisible(!on);
        view.top.setManaged(!on);
        view.getStyleClass().removeAll("presenting");
        if (on) {
            view.getStyleClass().add("presenting");
        }
    }

    /**
     * The size a kind has on screen, for "as on screen" exports: the chart's card, or for the dashboard
     * the summary and charts together (without the lesson bar, the controls or the scroll state).
     */
    ExportSize onScreenSize(ChartKind kind, SideWindows windows) {
        double[] size = switch (kind) {
            case ROOFLINE -> new double[] {view.rooflineCard.getWidth(), view.rooflineCard.getHeight()};
            case UTILIZATION -> new double[] {view.utilizationCard.getWidth(), view.utilizationCard.getHeight()};
            case COST -> new double[] {view.costCard.getWidth(), view.costCard.getHeight()};
            case LANDSCAPE -> windows.landscapeSize();
            case FRONTIER -> windows.frontierSize();
            case DASHBOARD -> new double[] {view.main.getWidth(), summary.getHeight() + view.charts.getHeight() + 40};
        };
        return ChartRenderer.onScreen(kind, size[0], size[1]);
    }

    /** One right-hand panel: the explanation or practice, never both (the charts keep the middle). */
    void connectPanels(ExplainPanel explain, LessonFeature lesson) {
        view.explainScroll.visibleProperty().bind(commands.explanation.selectedProperty().or(commands.practice.selectedProperty()));
        view.explainScroll.managedProperty().bind(view.explainScroll.visibleProperty());
        commands.practice.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                commands.explanation.setSelected(false);
                view.explainScroll.setContent(lesson.practicePanel());
                view.explainScroll.setVvalue(0);
                lesson.practicePanel().focusFirst(); // from the keyboard: type the answer at once
            }
        });
        commands.explanation.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                commands.practice.setSelected(false);
                view.explainScroll.setContent(explain);
            }
        });
        explain.visibleProperty().bind(commands.explanation.selectedProperty());
        summary.showWorkProperty().bindBidirectional(commands.showWork.selectedProperty());
        commands.presentation.selectedProperty().addListener((obs, was, on) -> present(on));
    }


    /** Scrolls the middle so the node is wholly in view (or its top, when it is taller than the view). */
    void scrollIntoView(Node node) {
        Bounds inContent = view.main.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = view.main.getBoundsInLocal().getHeight();
        double viewHeight = view.mainScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight || viewHeight <= 0) {
            return;
        }
        double topShown = view.mainScroll.getVvalue() * (contentHeight - viewHeight);
        double target = topShown;
        if (inContent.getMinY() < topShown) {
            target = inContent.getMinY();
        } else if (inContent.getMaxY() > topShown + viewHeight) {
            target = Math.min(inContent.getMinY(), inContent.getMaxY() - viewHeight);
        }
        view.mainScroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewHeight))));
    }

    /** Blurs what would answer the question being asked, with a note over the charts saying why. */
    void veil(boolean on, List<Node> answering) {
        for (Node n : answering) {
            n.setEffect(on ? new GaussianBlur(18) : null);
            n.setMouseTransparent(on);
        }
        if (on && veilNote.getParent() == null) {
            view.charts.getChildren().add(veilNote);
            GridPane.setConstraints(veilNote, 0, 0, 2, 1, HPos.CENTER, VPos.CENTER);
        } else if (!on) {
            view.charts.getChildren().remove(veilNote);
        }
    }

    private static Label veilNote() {
        Label note = new Label("Predict first: the numbers come back when you reveal.");
        note.getStyleClass().setAll("veil-note");
        note.setId("lesson-veil");
        note.setMouseTransparent(true);
        return note;
    }

    /** Every chart and panel follows the zoom; the charts stack when the middle is narrow. */
    void connectZoom(List<CanvasChart> charts) {
        for (CanvasChart chart : charts) {
            chart.zoomProperty().bind(zoom.levelProperty());
        }
        zoom.levelProperty().addListener(obs -> applyZoom());
        commands.explanation.selectedProperty().addListener(obs -> applyZoom());
        commands.practice.selectedProperty().addListener(obs -> applyZoom());
        view.widthProperty().addListener(obs -> applyZoom());
        // A narrow middle (zoomed in, Explain open) stacks the charts, each the full width, rather than
        // squeezing three view.side by view.side; a horizontal scroll bar is the last resort, never clipping.
        view.mainScroll.viewportBoundsProperty().addListener((obs, old, now) -> arrangeCharts(now.getWidth()));
        view.mainScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        for (ScrollPane pane : new ScrollPane[] {view.side, view.mainScroll, view.explainScroll}) {
            Viewports.uncache(pane);
        }
        applyZoom();
    }
}
