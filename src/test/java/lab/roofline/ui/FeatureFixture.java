package lab.roofline.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lab.roofline.io.data.ApiPriceLoader;
import lab.roofline.io.data.ProfileLoader;
import lab.roofline.render.chart.CostChart;
import lab.roofline.render.chart.RooflineChart;
import lab.roofline.render.chart.UtilizationChart;
import lab.roofline.render.summary.SummaryStrip;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.scenario.ControlPanel;
import lab.roofline.ui.scenario.RooflineViewModel;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A feature on its own, headless (Monocle): the view model and only the views a test needs (the controls,
 * the summary, a chart), side by side as in the window but without it: no menus, lesson or layout rules.
 * What a control does is checked where it shows, and a feature is tested without the whole dashboard.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class FeatureFixture {
    protected RooflineViewModel vm;
    private ControlPanel controls;
    private SummaryStrip summary;
    private RooflineChart roofline;
    private UtilizationChart utilization;
    private CostChart cost;

    /** The view model as the app makes it: the bundled profiles and API prices. */
    protected void model() {
        vm = new RooflineViewModel(ProfileLoader.load(true, List.of()).profiles());
        vm.apiPrices().setAll(ApiPriceLoader.loadBundled().prices());
        vm.history(); // as in the window: from here on, every change can be undone
    }

    /** Shows the views beside each other: the first on the left, scrolled (as the controls are), the rest stacked. */
    protected void show(Stage stage, Node left, Node... middle) {
        ScrollPane side = new ScrollPane(left);
        side.setId("controls-scroll");
        side.setFitToWidth(true);
        side.setPrefWidth(330);
        VBox column = new VBox(8, middle);
        for (Node n : middle) {
            VBox.setVgrow(n, Priority.ALWAYS);
        }
        BorderPane root = new BorderPane(column);
        root.setLeft(side);
        Scene scene = new Scene(root, 1440, 900);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The controls beside the summary and two charts: what a section test checks its inputs against. */
    protected void openControls(Stage stage) {
        model();
        controls = new ControlPanel(vm);
        summary = new SummaryStrip(vm.resultProperty());
        roofline = new RooflineChart(vm.resultProperty());
        utilization = new UtilizationChart(vm.resultProperty(), vm.referencesProperty());
        roofline.setPrefHeight(420);
        utilization.setPrefHeight(300);
        show(stage, controls, summary, roofline, utilization);
    }

    /** The summary and the three live charts, as the window shows them, for the charts' own tests. */
    protected void openCharts(Stage stage) {
        model();
        summary = new SummaryStrip(vm.resultProperty());
        roofline = new RooflineChart(vm.resultProperty());
        utilization = new UtilizationChart(vm.resultProperty(), vm.referencesProperty());
        cost = new CostChart(vm.resultProperty(), vm.referencesProperty());
        roofline.setPrefHeight(420);
        HBox bottom = new HBox(8, utilization, cost);
        HBox.setHgrow(utilization, Priority.ALWAYS);
        HBox.setHgrow(cost, Priority.ALWAYS);
        bottom.setPrefHeight(360);
        utilization.setPrefWidth(540);
        cost.setPrefWidth(540);
        show(stage, new VBox(), summary, roofline, bottom);
    }

    protected CostChart cost() {
        return cost;
    }

    protected ControlPanel controls() {
        return controls;
    }

    protected SummaryStrip summary() {
        return summary;
    }

    protected RooflineChart roofline() {
        return roofline;
    }

    protected UtilizationChart utilization() {
        return utilization;
    }

    /** Scrolls the control panel (0 top, 1 bottom) so a section lower down is on screen to click. */
    protected void scrollControlsTo(double v) {
        ((ScrollPane) controls.getScene().lookup("#controls-scroll")).setVvalue(v);
    }

    protected static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }
}
