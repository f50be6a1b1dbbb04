package lab.roofline.ui.landscape;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import lab.roofline.engine.roofline.Precision;
import lab.roofline.fx.Fxml;
import lab.roofline.render.chart.LandscapeChart;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * Every accelerator at once: the landscape chart with a choice of precision (the live math by default) and
 * an export. A click on a device makes it the live GPU, so the dashboard beside it follows.
 */
public final class LandscapeView extends BorderPane {
    @FXML ComboBox<Precision> precision;
    @FXML Button export;
    @FXML Label hint;
    @FXML StackPane card;
    private final LandscapeChart chart;

    /** @param exporter opens the export dialog for the landscape */
    public LandscapeView(RooflineViewModel vm, Runnable exporter) {
        Fxml.loadInto(this);
        setId("landscape");
        chart = new LandscapeChart(vm.resultProperty(), vm.profiles());
        chart.setId("landscape-chart");
        // The profile itself: the what-if's dot shares its id and is not in the list.
        chart.setOnSelect(p -> vm.profiles().stream().filter(x -> x.id().equals(p.id())).findFirst()
                .ifPresent(vm.gpuProperty()::set));
        chart.ownProperty().bind(vm.ownProperty());
        card.getChildren().add(chart);
        // null: the live scenario's math precision, shown as such.
        precision.getItems().add(null);
        precision.getItems().addAll(Precision.values());
        precision.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision p) {
                return p == null ? "the live math (" + vm.result().computePrecision().label() + ")" : p.label();
            }

            @Override
            public Precision fromString(String s) {
                return null;
            }
        });
        precision.setValue(null);
        chart.precisionProperty().bind(precision.valueProperty());
        export.setOnAction(e -> exporter.run());
        // At a large zoom the hint gives way; the choice and the export stay whole.
        for (Region r : new Region[] {precision, export}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        hint.setMinWidth(0);
    }

    public LandscapeChart chart() {
        return chart;
    }

    public ComboBox<Precision> precisionChoice() {
        return precision;
    }

    /** Stops listening to the view model. */
    public void dispose() {
        chart.precisionProperty().unbind();
        chart.ownProperty().unbind();
        chart.dispose();
    }
}
