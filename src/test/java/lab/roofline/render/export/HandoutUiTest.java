package lab.roofline.render.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.explain.Explanation;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.FeatureFixture;
import lab.roofline.ui.export.HandoutPrint;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The handout of the live scenario: its numbers, and printer pages that each fit their page. */
class HandoutUiTest extends FeatureFixture {
    @Start
    void start(Stage stage) {
        openControls(stage);
    }

    @Test
    void theHandoutIsTheLiveScenariosAndEachPrintedPageFits(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(16));
        Handout.Pages[] built = new Handout.Pages[1];
        robot.interact(() -> built[0] = Handout.build(vm.result(), vm.referencesProperty().getValue(),
                ScenarioCommandLine.of(vm.inputs()), List.copyOf(vm.exercises()), vm::evaluate,
                Theme.LIGHT.stylesheets(), "2026-12-07"));
        assertThat(built[0].handout()).contains("batch 16", Explanation.paragraph(Explanation.Topic.BATCHING, vm.result())
                .substring(0, 40));
        assertThat(built[0].answerKey()).contains("Answer key", "Evidence.");
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Region>[] printed = new List[1];
        robot.interact(() -> printed[0] = HandoutPrint.pages(vm.result(), vm.referencesProperty().getValue(),
                List.copyOf(vm.exercises()), vm::evaluate, Theme.LIGHT.stylesheets(),
                HandoutPrint.PageSize.DEFAULT));
        // A page per step, one for the cards, then the exercises over as many pages as they need.
        assertThat(printed[0].size()).isGreaterThanOrEqualTo(Handout.steps(vm.result()).size() + 2);
        for (Region page : printed[0]) {
            boolean[] fits = new boolean[1];
            robot.interact(() -> fits[0] = HandoutPrint.fits(page, HandoutPrint.PageSize.DEFAULT));
            assertThat(fits[0]).isTrue();
        }
    }
}
