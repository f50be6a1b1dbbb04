package lab.roofline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ToolBarSkin;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.roofline.fx.GridShares;
import lab.roofline.fx.Viewports;
import lab.roofline.render.chart.CanvasChart;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.layout.CostLayout;
import lab.roofline.render.layout.DashboardGrid;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.summary.SummaryStrip;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.shell.Commands;
import lab.roofline.ui.shell.MainToolBar;
import lab.roofline.ui.shell.SideWindows;
import lab.roofline.ui.shell.Zoom;
import javafx.scene.layout.Region;

/**
 * How the window shares its room. The summary and the three charts own the middle and fill its height:
 * nothing is ever inserted above or between them. The lesson, Explain, Practice and Compare are cards on
 * the right. When a card would leave the charts too narrow, the controls give way first (folded into the
 * slim strip, whose ☰ brings them back); in presentation mode, short of height, the summary gives way
 * next. The charts then keep what is left: side by side, or stacked when the middle is narrow.
 */
final class DashboardLayout {
    /** Below this width of the middle (at 100 %; it scales with the zoom) the charts stack in one column. */
    static final double STACK_CHARTS_BELOW = 560;
    /** A card folds the controls when it would leave the middle narrower than this (at 100 %). */
    static final double FOLD_CONTROLS_BELOW = 720;
    /** The least height of the three charts in a window (at 100 %): below it the middle scrolls. */
    static final double CHARTS_FLOOR_PX = 360;
    /**
     * In presentation mode the charts never scroll: the summary gives way when they would get less than this
     * (two rows whose plots each keep about 100 px of curve at 100 %; scaled with the zoom).
     */
    static final double PRESENTED_CHARTS_FLOOR_PX = 450;
    /** The focused chart's share of the height (the other two share the rest, side by side). */
    static final double FOCUSED_ROW_PERCENT = 66;
    /** The root text size the styles are written for (styles/app.css, in em from it). */
    private static final double BASE_FONT_PX = 13;

    private final DashboardView view;
    private final RooflineViewModel vm;
    private final Zoom zoom;
    private final Commands commands;
    private final SummaryStrip summary;
    private final VBox slimStrip;
    private final ObjectProperty<ChartKind> focused;
    private final BooleanProperty cardsShown = new SimpleBooleanProperty(this, "cardsShown");
    private boolean stacked;
    private boolean controlsWanted;
    private double toolBarZoom = 1;

    DashboardLayout(DashboardView view, RooflineViewModel vm, Zoom zoom, Commands commands, SummaryStrip summary,
                    ObjectProperty<ChartKind> focused) {
        this.view = view;
        this.vm = vm;
        this.zoom = zoom;
        this.commands = commands;
        this.summary = summary;
        this.focused = focused;
        // The price's source beside it, when not the profile's: the rental table (as the planner), or the user's.
        summary.setPriceSource(e -> switch (vm.scenarioModel().priceOrigin()) {
            case RENTAL_TABLE -> "rental table";
            case TYPED -> "your price";
            case PROFILE, NONE -> "";
        });
        this.slimStrip = MainToolBar.slimStrip(commands, this::showControls);
        view.charts.setHgap(DashboardGrid.GAP_PX);
        view.charts.setVgap(DashboardGrid.GAP_PX);
        focused.addListener(obs -> arrangeCharts());
        arrangeCharts();
    }

    /** Whether the charts are stacked in one column (a narrow middle). */
    boolean stacked() {
        return stacked;
    }

    /** Whether the controls are folded into the slim strip (presentation mode, or a card needs their room). */
    boolean controlsFolded() {
        return view.content.getLeft() == slimStrip;
    }

    private void restack(double viewportWidth) {
        boolean stack = viewportWidth > 0 && viewportWidth < STACK_CHARTS_BELOW * Math.max(1, zoom.get())
                && !commands.presentation.isSelected();
        if (stack != stacked) {
            stacked = stack;
            arrangeCharts();
        }
    }

    /**
     * The focused chart (the roofline unless one is focused) large on top, the other two beside each other below.
     * When the cost chart's bars (more pins, more bars) would need more than {@link #COST_ROW_MOST_PERCENT} of the
     * height, it takes the right column whole instead, beside the roofline over the utilization curve.
     */
    void arrangeCharts() {
        ChartKind first = focused.get() == null ? ChartKind.ROOFLINE : focused.get();
        List<StackPane> order = new ArrayList<>(List.of(view.rooflineCard, view.utilizationCard, view.costCard));
        StackPane top = switch (first) {
            case UTILIZATION -> view.utilizationCard;
            case COST -> view.costCard;
            default -> view.rooflineCard;
        };
        order.remove(top);
        order.add(0, top);
        double costPercent = costRowPercent(first);
        boolean costColumn = !stacked && costPercent > COST_ROW_MOST_PERCENT;
        double topShare = Math.min(focused.get() == null ? DashboardGrid.TOP_ROW_PERCENT : FOCUSED_ROW_PERCENT,
                costColumn ? 100 : 100 - costPercent);
        view.charts.getColumnConstraints().setAll(stacked ? List.of(GridShares.column(100))
                : List.of(GridShares.column(DashboardGrid.LEFT_COLUMN_PERCENT),
                GridShares.column(DashboardGrid.RIGHT_COLUMN_PERCENT)));
        double stackedTop = focused.get() == null ? DashboardGrid.STACKED_ROOFLINE_ROW_PERCENT : 50;
        view.charts.getRowConstraints().setAll(stacked ? List.of(GridShares.row(stackedTop),
                GridShares.row((100 - stackedTop) / 2), GridShares.row((100 - stackedTop) / 2))
                : List.of(GridShares.row(topShare), GridShares.row(100 - topShare)));
        if (costColumn) { // the focused (or the roofline) over the other, the cost chart (last in order) beside them
            GridPane.setConstraints(order.get(0), 0, 0, 1, 1);
            GridPane.setConstraints(order.get(1), 0, 1, 1, 1);
            GridPane.setConstraints(order.get(2), 1, 0, 1, 2);
        } else {
            GridPane.setConstraints(order.get(0), 0, 0, stacked ? 1 : 2, 1);
            GridPane.setConstraints(order.get(1), 0, 1, 1, 1);
            GridPane.setConstraints(order.get(2), stacked ? 0 : 1, stacked ? 2 : 1, 1, 1);
        }
        sizeCharts();
    }

    /** The most of the height the cost chart's row takes below the top chart; past it the cost chart takes a column. */
    static final double COST_ROW_MOST_PERCENT = 60;

    /**
     * The share of the grid's height the cost chart's row needs for its bars to keep their least thickness
     * (more pins, more bars), when the cost chart is in the bottom row; the top chart gives way down to 40 %.
     */
    private double costRowPercent(ChartKind top) {
        double gridHeight = view.charts.getHeight();
        if (top == ChartKind.COST || stacked || gridHeight <= 0) {
            return 0;
        }
        double need = costNeed();
        return 100 * need / (gridHeight - DashboardGrid.GAP_PX);
    }

    /** The height the cost chart's card needs for its bars' least thickness (pins add bars), at the zoom. */
    private double costNeed() {
        return costBarsLeastHeight() * Math.max(0.8, zoom.get()) + CARD_PADDING_PX;
    }

    /** The chart card's padding and border, top and bottom. */
    private static final double CARD_PADDING_PX = 14;

    /** The cost chart's least height at 100 % for the live scenario's and the pins' bars (CostLayout). */
    private double costBarsLeastHeight() {
        return CostLayout.leastHeight(vm.pinsModel().pins().size() + 1, BASE_FONT_PX);
    }

    /**
     * The charts' least height: in a window, a floor below which the middle scrolls (more pins, more legend
     * rows and larger text need more); in presentation mode none, the charts take what the screen has.
     */
    void sizeCharts() {
        // Pinned scenarios add a bar per phase to the cost chart: the charts grow so each keeps its text.
        int pinned = vm.pinsModel().pins().size();
        boolean moreCauses = vm.gpuCountProperty().get() > 1 || vm.layerOverheadSecondsProperty().get() > 0
                || vm.speculationProperty().get().isOn()
                || vm.pinsModel().pins().stream().anyMatch(p -> p.evaluation().decode().communicationSeconds() > 0
                || p.evaluation().decode().overheadSeconds() > 0 || p.evaluation().decode().draftSeconds() > 0);
        int legendRow = moreCauses ? 20 : 0;
        // The floor keeps the cost chart's bars their least thickness in the grid's whole height (its column).
        double costFloor = costBarsLeastHeight() + CARD_PADDING_PX;
        double floor = stacked ? 3 * 240 + 110 * pinned + legendRow
                : Math.max(CHARTS_FLOOR_PX + legendRow, costFloor + legendRow);
        view.charts.setMinHeight(commands.presentation.isSelected() ? 0 : floor * Math.max(1, zoom.get()));
        giveWayToCharts();
    }

    /**
     * The summary gives way when the charts would otherwise get less than their floor (in a window at a
     * large zoom, or in presentation mode on a short screen): the charts are the product. In a window, not
     * while Show your work is on, which is asked for the summary's sake: then the middle scrolls (in
     * presentation mode nothing scrolls, and the charts come first).
     */
    private void giveWayToCharts() {
        Bounds viewport = view.mainScroll.getViewportBounds();
        boolean hide = false;
        boolean presenting = commands.presentation.isSelected();
        if (viewport != null && viewport.getHeight() > 0 && (presenting || !commands.showWork.isSelected())) {
            double z = Math.max(1, zoom.get());
            // Pins add bars: the cost row then needs more, and the roofline above it keeps most of its share.
            double base = presenting ? PRESENTED_CHARTS_FLOOR_PX : CHARTS_FLOOR_PX;
            double costRow = costBarsLeastHeight() + CARD_PADDING_PX;
            double floor = Math.max(base, costRow + 0.55 * base);
            double margins = 2 * DashboardGrid.MARGIN_PX + view.main.getSpacing();
            double width = viewport.getWidth() - 2 * DashboardGrid.MARGIN_PX;
            double summaryHeight = summary.prefHeight(width) + (summary.tilesShown() ? 0 : summary.tilesHeight(width));
            hide = !stacked && viewport.getHeight() - margins - summaryHeight < floor * z;
        }
        // The tiles give way; the warnings under them (a model that does not fit) stay.
        if (summary.tilesShown() == hide) {
            summary.showTiles(!hide);
        }
    }

    /** Show your work grows the summary; presentation mode folds the controls and hides the toolbar. */
    void connectToggles() {
        summary.showWorkProperty().bindBidirectional(commands.showWork.selectedProperty());
        commands.showWork.selectedProperty().addListener(obs -> giveWayToCharts());
        // Never squeezed under the charts (drawn over by them): when both do not fit, the middle scrolls.
        summary.setMinHeight(Region.USE_PREF_SIZE);
        commands.presentation.selectedProperty().addListener((obs, was, on) -> present(on));
    }

    /** Text in em of the root size scales with it; the side panels widen so their text still fits. */
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
        // (a field showing "70" of "70.6B"); a card then folds them instead.
        double sideWidth = Math.min(330 * z, Math.max(300, (z > 1.25 ? 0.52 : 0.32) * window));
        double cardWidth = Math.min(360 * z, Math.max(280, 0.3 * window));
        view.side.setPrefWidth(sideWidth);
        view.side.setMinWidth(Math.min(sideWidth, 300));
        view.explainScroll.setPrefWidth(cardWidth);
        view.explainScroll.setMinWidth(Math.min(cardWidth, 280));
        placeControls(window - sideWidth - (cardsShown.get() ? cardWidth : 0) < FOLD_CONTROLS_BELOW * z);
        sizeCharts();
        if (view.mainScroll.getViewportBounds() != null) {
            restack(view.mainScroll.getViewportBounds().getWidth()); // the stacking width grows with the zoom
        }
        summary.textScaleProperty().set(z);
        // The tagline is the first thing a crowded toolbar gives up, before any command goes to its overflow.
        view.subtitle.setVisible(window >= 1400 * z);
        view.subtitle.setManaged(view.subtitle.isVisible());
    }

    /** The controls, or the slim strip: presentation mode folds them, and so does a card short of room. */
    private void placeControls(boolean cardNeedsRoom) {
        if (!cardsShown.get()) {
            controlsWanted = false; // the next card folds them again
        }
        boolean fold = commands.presentation.isSelected() || (cardsShown.get() && cardNeedsRoom && !controlsWanted);
        Node left = fold ? slimStrip : view.side;
        if (view.content.getLeft() != left) {
            view.content.setLeft(left);
        }
    }

    /** The strip's ☰: leaves presentation mode, or unfolds the controls a card had folded. */
    private void showControls() {
        if (commands.presentation.isSelected()) {
            commands.presentation.setSelected(false);
        } else {
            controlsWanted = true;
            applyZoom();
        }
    }

    /**
     * Presentation mode: the control panel folds into a slim strip (its buttons open the controls, zoom
     * and leave), so the summary and charts take the screen. The app makes the window full screen.
     */
    void present(boolean on) {
        view.statusBar.setVisible(!on); // no file paths on the projector
        view.statusBar.setManaged(!on);
        // Like a slide show: the menus and toolbar give their height to the charts (their keys still work;
        // the strip leaves, zooms and steps the lesson).
        view.top.setVisible(!on);
        view.top.setManaged(!on);
        view.getStyleClass().removeAll("presenting");
        if (on) {
            view.getStyleClass().add("presenting");
        }
        applyZoom();
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

    /** Whether a card shows beside the charts (the lesson, Explain, Practice or Compare): set by the cards. */
    BooleanProperty cardsShownProperty() {
        return cardsShown;
    }

    /**
     * Scrolls the middle, or the cards, so the node is wholly in view (or its top, when it is taller than
     * the view).
     */
    void scrollIntoView(Node node) {
        boolean inCards = isInside(node, view.cards);
        ScrollPane scroll = inCards ? view.explainScroll : view.mainScroll;
        VBox content = inCards ? view.cards : view.main;
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight || viewHeight <= 0) {
            return;
        }
        double topShown = scroll.getVvalue() * (contentHeight - viewHeight);
        double target = topShown;
        if (inContent.getMinY() < topShown) {
            target = inContent.getMinY();
        } else if (inContent.getMaxY() > topShown + viewHeight) {
            target = Math.min(inContent.getMinY(), inContent.getMaxY() - viewHeight);
        }
        scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewHeight))));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Every chart and panel follows the zoom; the charts stack when the middle is narrow. */
    void connectZoom(List<CanvasChart> charts) {
        for (CanvasChart chart : charts) {
            chart.zoomProperty().bind(zoom.levelProperty());
        }
        zoom.levelProperty().addListener(obs -> applyZoom());
        view.widthProperty().addListener(obs -> applyZoom());
        // A narrow middle (zoomed in, Explain open) stacks the charts, each the full width, rather than
        // squeezing three view.side by view.side; a horizontal scroll bar is the last resort, never clipping.
        // The cost row's share follows the grid's height (its bars' least thickness is in pixels).
        view.charts.heightProperty().addListener((obs, old, now) -> {
            if (Math.abs(old.doubleValue() - now.doubleValue()) > 0.5) {
                arrangeCharts();
            }
        });
        view.mainScroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            restack(now.getWidth());
            giveWayToCharts();
        });
        view.mainScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        for (ScrollPane pane : new ScrollPane[] {view.side, view.mainScroll, view.explainScroll}) {
            Viewports.uncache(pane);
        }
        applyZoom();
    }
}
