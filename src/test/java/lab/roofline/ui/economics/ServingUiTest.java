package lab.roofline.ui.economics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.serving.Frontier;
import lab.roofline.engine.serving.Planner;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.render.layout.FrontierLayout;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.FeatureFixture;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The serving-economics window: the limits typed in change the frontier and its shading; bad values are named
 * and keep the last good ones; separate pools change the first token; Find the cheapest fills the table, and
 * a row made live becomes the dashboard's scenario, a row pinned joins the frontier beside it.
 */
class ServingUiTest extends FeatureFixture {
    private ServingView serving;

    /** The serving window on its own, on a fresh view model (the window opens it beside the dashboard). */
    @Start
    void start(Stage stage) {
        model();
        serving = new ServingView(vm, () -> { });
        Scene scene = new Scene(serving, 1240, 760);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private ServingView openServing(FxRobot robot) {
        settle();
        return serving;
    }

    private void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.fireEvent(new ActionEvent());
        });
        settle();
    }

    @Test
    void limitsTypedInShadeTheSlowBandAndMoveTheCheapestPoint(FxRobot robot) {
        ServingView serving = openServing(robot);
        robot.interact(() -> vm.edit().setPriceText("3.49")); // the live curve needs a price
        settle();
        FrontierLayout before = serving.chart().frontierLayout();
        assertThat(before).isNotNull();
        Frontier f = vm.servingModel().frontierProperty().getValue();
        assertThat(f.liveCurve().points()).isNotEmpty();
        assertThat(f.liveCurve().operating().batch()).isEqualTo(1);
        // 50 ms a token = 20 tokens/s: the band left of x(20) is shaded.
        assertThat(before.infeasibleRightEdge()).isCloseTo(before.x().toPixel(20), Offset.offset(1e-6));
        type(robot, "#tpotField", "25");
        assertThat(vm.servingModel().servingProperty().get().tpotSeconds()).isEqualTo(0.025);
        FrontierLayout after = serving.chart().frontierLayout();
        assertThat(after.infeasibleRightEdge()).isCloseTo(after.x().toPixel(40), Offset.offset(1e-6));
        Frontier tighter = vm.servingModel().frontierProperty().getValue();
        assertThat(tighter.cheapest().point().tokensPerSecondPerUser()).isGreaterThanOrEqualTo(40);
        assertThat(tighter.cheapest().point().costUsdPerMillionBlended())
                .isGreaterThanOrEqualTo(f.cheapest().point().costUsdPerMillionBlended());
        // 20 ms a token is faster than one H100 reads 70 GB: no batch meets it, and the chart says so.
        type(robot, "#tpotField", "20");
        assertThat(vm.servingModel().frontierProperty().getValue().cheapest()).isNull();
        // Blank: no limit, and no shading.
        type(robot, "#tpotField", "");
        assertThat(vm.servingModel().servingProperty().get().tpotSeconds()).isInfinite();
        assertThat(serving.chart().frontierLayout().infeasibleRightEdge()).isEqualTo(serving.chart().frontierLayout().plot().x());
    }

    @Test
    void badValuesAreNamedAndKeepTheLastGoodSettings(FxRobot robot) {
        openServing(robot);
        var before = vm.servingModel().servingProperty().get();
        String[][] bad = {{"#cachedField", "150", "Cached input: too large (at most 99 %)"},
                {"#ttftField", "-5", "Time to first token: too small"},
                {"#tpotField", "fast", "Time per output token: "},
                {"#electricityField", "1e9", "Electricity: too large"}};
        for (String[] b : bad) {
            type(robot, b[0], b[1]);
            TextField f = robot.lookup(b[0]).queryAs(TextField.class);
            assertThat(f.getStyleClass()).as(b[0]).contains("invalid");
            assertThat(((VBox) f.getParent().getParent().getChildrenUnmodifiable()
                    .get(f.getParent().getParent().getChildrenUnmodifiable().indexOf(f.getParent()) + 1))
                    .getChildren()).anySatisfy(n -> assertThat(((Label) n).getText()).startsWith(b[2]));
        }
        assertThat(vm.servingModel().servingProperty().get()).isEqualTo(before);
        type(robot, "#cachedField", "50 %");
        assertThat(vm.servingModel().servingProperty().get().cachedInput()).isEqualTo(0.5);
        // The per-token limit may be typed as tokens/s per user: 20 tok/s is 50 ms a token.
        type(robot, "#tpotField", "40 tok/s");
        assertThat(vm.servingModel().servingProperty().get().tpotSeconds()).isEqualTo(0.025);
        assertThat(robot.lookup("#tpotField").queryAs(TextField.class).getText()).isEqualTo("25");
        type(robot, "#tpotField", "0 tok/s");
        assertThat(robot.lookup("#tpotField").queryAs(TextField.class).getStyleClass()).contains("invalid");
    }

    @Test
    void separatePoolsTakeTheDecodeStepOutOfTheFirstTokenAndSayTheirRatio(FxRobot robot) {
        ServingView serving = openServing(robot);
        robot.interact(() -> {
            vm.edit().setPriceText("3.49");
            vm.batchSizeProperty().set(16);
        });
        settle();
        Planner.FrontierPoint shared = vm.servingModel().frontierProperty().getValue().liveCurve().operating();
        robot.clickOn("#placement-pools");
        settle();
        assertThat(vm.servingModel().servingProperty().get().disaggregated()).isTrue();
        Planner.FrontierPoint split = vm.servingModel().frontierProperty().getValue().liveCurve().operating();
        assertThat(split.prefillDevicesPerDecode()).isPositive();
        assertThat(shared.prefillDevicesPerDecode()).isNaN();
        assertThat(serving.readout().getChildren()).anySatisfy(n -> assertThat(((Label) n).getText())
                .startsWith("prefill : decode devices = " + Units.sig3(split.prefillDevicesPerDecode()) + " : 1"));
    }

    /**
     * Issue 26, items 9 and 10: the nearest misses show what they would be, never plain numbers, and the note says
     * what the search assumes of the devices.
     */
    @Test
    void theNearestMissesSayWouldBeAndTheNoteStatesTheAssumption(FxRobot robot) throws Exception {
        ServingView serving = openServing(robot);
        robot.interact(() -> {
            vm.presetProperty().set(vm.findModel("Llama-3.1-8B").orElseThrow());
            vm.servingModel().setTtftLimitText("1"); // 1 ms to the first token: nothing meets it
        });
        robot.interact(serving::findCheapest);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !serving.candidates().getItems().isEmpty());
        settle();
        assertThat(serving.candidates().getItems()).noneMatch(Planner.Candidate::feasible);
        assertThat(serving.planNote().getText()).contains("none meets them")
                .contains("Assumes 100 % of peak compute and bandwidth and no overhead per layer");
        for (var column : serving.candidates().getColumns()) {
            String title = column.getText();
            String cell = String.valueOf(column.getCellObservableValue(0).getValue());
            if (List.of("Batch", "First token", "Per token", "Blended $/1M", "Output $/1M").contains(title)) {
                assertThat(cell).as(title).startsWith("would be ");
            }
        }
        robot.interact(() -> vm.servingModel().setTtftLimitText("500"));
    }

    /** Issue 26, item 10: the top rows were one device in four precisions; "each device once" lists each once. */
    @Test
    void eachDeviceOnceListsEveryDeviceAtItsCheapest(FxRobot robot) throws Exception {
        ServingView serving = openServing(robot);
        robot.interact(() -> vm.presetProperty().set(vm.findModel("Llama-3.1-8B").orElseThrow()));
        robot.interact(serving::findCheapest);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !serving.candidates().getItems().isEmpty());
        settle();
        List<String> all = serving.candidates().getItems().stream().map(Planner.Candidate::gpuId).toList();
        assertThat(all.stream().distinct().count()).as("a device repeats").isLessThan(all.size());
        Planner.Candidate cheapest = serving.candidates().getItems().get(0);
        robot.clickOn("each device once");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> serving.candidates().getItems().stream()
                .map(Planner.Candidate::gpuId).distinct().count() == serving.candidates().getItems().size());
        settle();
        assertThat(serving.candidates().getItems()).hasSizeGreaterThan(1);
        assertThat(serving.candidates().getItems().get(0)).isEqualTo(cheapest);
        robot.clickOn("each device once");
        settle();
    }

    @Test
    void findTheCheapestFillsTheTableAndARowCanBeMadeLiveOrPinned(FxRobot robot) throws Exception {
        ServingView serving = openServing(robot);
        robot.interact(() -> vm.presetProperty().set(vm.findModel("Llama-3.1-8B").orElseThrow()));
        robot.interact(serving::findCheapest);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !serving.candidates().getItems().isEmpty());
        settle();
        Planner.Candidate first = serving.candidates().getItems().get(0);
        assertThat(first.feasible()).isTrue();
        assertThat(serving.planNote().getText()).contains("within the limits");
        // Ranked: each row no dearer than the next.
        for (int i = 1; i < serving.candidates().getItems().size(); i++) {
            assertThat(serving.candidates().getItems().get(i).costUsdPerMillionBlended())
                    .isGreaterThanOrEqualTo(serving.candidates().getItems().get(i - 1).costUsdPerMillionBlended());
        }
        robot.interact(() -> serving.candidates().getSelectionModel().select(1));
        Planner.Candidate second = serving.candidates().getItems().get(1);
        robot.clickOn("#pin");
        settle();
        assertThat(vm.pinsModel().pins()).hasSize(1);
        assertThat(vm.pinsModel().pins().get(0).evaluation().scenario().gpuCount()).isEqualTo(second.gpus());
        assertThat(vm.servingModel().frontierProperty().getValue().curves()).hasSize(2);
        robot.interact(() -> serving.candidates().getSelectionModel().select(0));
        robot.clickOn("#makeLive");
        settle();
        assertThat(vm.result().scenario().gpu().id()).isEqualTo(first.gpuId());
        assertThat(vm.result().scenario().gpuCount()).isEqualTo(first.gpus());
        assertThat(vm.result().scenario().batchSize()).isEqualTo(first.batch());
        // The live point is the planner's: same batch, same time per output token, same blended cost.
        Planner.FrontierPoint live = vm.servingModel().frontierProperty().getValue().liveCurve().operating();
        assertThat(live.tpotSeconds()).isCloseTo(first.tpotSeconds(), Offset.offset(1e-12));
        assertThat(live.costUsdPerMillionBlended()).isCloseTo(first.costUsdPerMillionBlended(),
                Offset.offset(1e-9));
        assertThat(serving.planNote().getText()).as("the plan still answers its scenario").startsWith(first.describe() + " is live.");
        robot.interact(() -> vm.servingModel().setTtftLimitText("300"));
        assertThat(serving.planNote().getText()).startsWith("The scenario or the limits changed");
    }

    @Test
    void aBatchDragMovesTheLiveRingWithoutRedrawingTheCurves(FxRobot robot) {
        ServingView serving = openServing(robot);
        Circle ring = robot.lookup("#frontier-live-ring").queryAs(Circle.class);
        double x1 = ring.getCenterX();
        int redraws = serving.chart().redrawCount();
        robot.interact(() -> vm.batchSizeProperty().set(16));
        settle();
        assertThat(ring.isVisible()).isTrue();
        assertThat(ring.getCenterX()).as("batch 16 is slower per user: left").isLessThan(x1);
        double[] at = serving.chart().frontierLayout().at(vm.servingModel().frontierProperty().getValue().liveCurve().operating());
        assertThat(ring.getCenterX()).isCloseTo(at[0] * serving.chart().effectiveZoom(), Offset.offset(1e-6));
        assertThat(serving.chart().redrawCount()).as("the canvases stay as drawn").isEqualTo(redraws);
        // A batch that does not fit: the ring goes, a note says the largest that does.
        robot.interact(() -> vm.batchSizeProperty().set(4096));
        settle();
        assertThat(ring.isVisible()).isFalse();
        assertThat(robot.lookup("#frontier-live-note").queryAs(Text.class).getText())
                .isEqualTo("Live batch 4,096 does not fit: at most 29");
    }

    @Test
    void theYAxisSwitchesToTokensPerGpu(FxRobot robot) {
        ServingView serving = openServing(robot);
        robot.interact(() -> vm.edit().setPriceText("3.49"));
        settle();
        double costTop = serving.chart().frontierLayout().y().max();
        robot.interact(() -> serving.metric.setValue(FrontierLayout.Metric.THROUGHPUT));
        settle();
        assertThat(serving.chart().frontierLayout().metric()).isEqualTo(FrontierLayout.Metric.THROUGHPUT);
        assertThat(serving.chart().frontierLayout().y().max()).isNotEqualTo(costTop);
        // Tokens/s per GPU grows with the batch: the live batch-1 point sits lowest.
        var live = vm.servingModel().frontierProperty().getValue().liveCurve();
        double[] one = serving.chart().frontierLayout().at(live.points().get(0));
        double[] last = serving.chart().frontierLayout().at(live.points().get(live.points().size() - 1));
        assertThat(one[1]).isGreaterThan(last[1]);
    }

    @Test
    void rentalPricesAreEditedInADialogAndPriceAnUnpricedLiveCurve(FxRobot robot) {
        openServing(robot);
        robot.interact(() -> vm.edit().selectGpu("gaudi3"));
        settle();
        var unpriced = vm.servingModel().frontierProperty().getValue().liveCurve();
        assertThat(unpriced.priced()).isFalse();
        assertThat(Frontier.noPrice(unpriced)).startsWith("no price for Gaudi 3");
        // Its speeds are there without a price: the tokens/s-per-GPU view draws it, the cost view does not.
        assertThat(unpriced.points()).isNotEmpty();
        assertThat(FrontierLayout.drawn(unpriced, FrontierLayout.Metric.THROUGHPUT)).isTrue();
        assertThat(FrontierLayout.drawn(unpriced, FrontierLayout.Metric.COST)).isFalse();
        RentalPricesDialog[] dialog = new RentalPricesDialog[1];
        robot.interact(() -> {
            dialog[0] = new RentalPricesDialog(vm.profiles(), vm.servingModel().rentalPricesProperty().get());
            dialog[0].show();
        });
        settle();
        RentalPricesDialog.Row gaudi = dialog[0].table().getItems().stream()
                .filter(r -> r.profile().id().equals("gaudi3")).findFirst().orElseThrow();
        assertThat(gaudi.rate()).isNull();
        assertThat(dialog[0].table().getItems()).noneMatch(r -> r.profile().id().equals("h100_sxm")); // has its own
        robot.interact(() -> assertThat(dialog[0].edit(gaudi, "-3")).get().asString()
                .contains("Price: too small"));
        assertThat(dialog[0].problem().getText()).contains("Gaudi 3").contains("Price: too small");
        robot.interact(() -> assertThat(dialog[0].edit(gaudi, "$4.20")).isEmpty());
        // An H100 you own: $30,000 over 4 years, 700 W at $0.12/kWh is $0.94 an hour, over the profile's $3.49.
        var h100 = vm.profiles().stream().filter(p -> p.id().equals("h100_sxm")).findFirst().orElseThrow();
        robot.interact(() -> {
            dialog[0].setOwned(h100, "30000", "4", "abc", "0.12");
            assertThat(dialog[0].own()).get().asString().startsWith("Power: ");
            dialog[0].setOwned(h100, "30000", "4", "700", "0.12");
            assertThat(dialog[0].own()).isEmpty();
        });
        RentalPrices edited = dialog[0].prices();
        assertThat(edited.find("h100_sxm").orElseThrow().usdPerHour())
                .isCloseTo(30000 / (4 * 8766.0) + 0.7 * 0.12, Offset.offset(1e-12));
        assertThat(edited.priced(List.of(h100)).get(0).priceUsdPerHour()).isCloseTo(0.9396, Offset.offset(1e-4));
        assertThat(edited.find("gaudi3").orElseThrow().usdPerHour()).isEqualTo(4.2);
        assertThat(edited.find("gaudi3").orElseThrow().kind()).isEqualTo("your price");
        robot.interact(() -> {
            dialog[0].close();
            vm.servingModel().rentalPricesProperty().set(edited);
        });
        settle();
        var live = vm.servingModel().frontierProperty().getValue().liveCurve();
        assertThat(live.points()).isNotEmpty();
        assertThat(live.priceNote()).contains("$4.20 an hour (your price");
        // Cleared: the device is left out again.
        RentalPrices cleared = new RentalPrices(Map.of());
        assertThat(RentalPricesDialog.userRows(edited, cleared)).extracting(r -> r.gpuId()).contains("gaudi3");
    }
}
