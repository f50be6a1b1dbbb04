package lab.roofline.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import lab.roofline.explain.Derivations;
import lab.roofline.explain.Explanation;
import lab.roofline.render.summary.SummaryStrip;
import lab.roofline.ui.FeatureFixture;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The explanation panel beside the summary: it states the numbers the summary shows, and follows a change. */
class ExplainPanelUiTest extends FeatureFixture {
    private ExplainPanel explanation;
    private SummaryStrip summary;

    @Start
    void start(Stage stage) {
        model();
        explanation = new ExplainPanel(vm.resultProperty(), vm.highlightProperty());
        summary = new SummaryStrip(vm.resultProperty());
        show(stage, explanation, summary);
    }

    @Test
    void theExplanationPanelStatesTheSummarysNumbers(FxRobot robot) {
        settle();
        assertThat(explanation.text(Explanation.Topic.RIDGE))
                .contains(summary.tile(Derivations.Quantity.RIDGE).valueText());
        robot.interact(() -> vm.batchSizeProperty().set(16));
        settle();
        assertThat(explanation.text(Explanation.Topic.BATCHING)).contains("At batch 16");
    }
}
