package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import lab.roofline.explain.Derivations;
import lab.roofline.explain.Explanation;
import lab.roofline.ui.DashboardFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The explanation panel: opened from the toolbar, it states the numbers the summary shows. */
class ExplainPanelUiTest extends DashboardFixture {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theExplanationPanelStatesTheSummarysNumbers(FxRobot robot) {
        robot.clickOn("#explain-toggle");
        settle();
        assertThat(view.explanation().text(Explanation.Topic.RIDGE))
                .contains(view.summary().tile(Derivations.Quantity.RIDGE).valueText());
        robot.interact(() -> vm.batchSizeProperty().set(16));
        settle();
        assertThat(view.explanation().text(Explanation.Topic.BATCHING)).contains("At batch 16");
    }
}
