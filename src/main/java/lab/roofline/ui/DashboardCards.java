package lab.roofline.ui;

import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import lab.roofline.ui.lesson.ExplainPanel;
import lab.roofline.ui.lesson.LessonFeature;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.shell.Commands;
import lab.roofline.ui.summary.ComparisonTable;
import org.controlsfx.control.action.Action;

/**
 * The cards on the right of the charts: the lesson on top while it runs; under it one of Explain, Practice
 * and Compare (choosing one closes the other two). Pinning the first scenario opens Compare, unpinning the
 * last closes it. The layout decides the room they get (DashboardLayout).
 */
final class DashboardCards {
    private final DashboardView view;
    private final RooflineViewModel vm;
    private final Commands commands;
    private final ListChangeListener<Object> pinsChanged = this::pinsChanged;

    DashboardCards(DashboardView view, RooflineViewModel vm, Commands commands, DashboardLayout layout,
                   ExplainPanel explain, LessonFeature lesson, ComparisonTable comparison) {
        this.view = view;
        this.vm = vm;
        this.commands = commands;
        List<Action> panels = List.of(commands.explanation, commands.practice, commands.compare);
        BooleanBinding lessonRuns = lesson.lesson().indexProperty().greaterThanOrEqualTo(0);
        layout.cardsShownProperty().bind(lessonRuns.or(commands.explanation.selectedProperty())
                .or(commands.practice.selectedProperty()).or(commands.compare.selectedProperty()));
        view.explainScroll.visibleProperty().bind(layout.cardsShownProperty());
        view.explainScroll.managedProperty().bind(layout.cardsShownProperty());
        layout.cardsShownProperty().addListener(obs -> layout.applyZoom());
        explain.visibleProperty().bind(commands.explanation.selectedProperty());
        for (Action panel : panels) {
            panel.selectedProperty().addListener((obs, was, on) -> {
                if (on) {
                    panels.stream().filter(p -> p != panel).forEach(p -> p.setSelected(false));
                }
                showPanel(panel == commands.explanation ? explain : panel == commands.practice
                        ? lesson.practicePanel() : comparison, on);
                if (on && panel == commands.practice) {
                    view.explainScroll.setVvalue(0);
                    lesson.practicePanel().focusFirst(); // from the keyboard: type the answer at once
                }
            });
        }
        showPanel(explain, commands.explanation.isSelected());
        commands.compare.setDisabled(vm.pinsModel().pins().isEmpty());
        vm.pinsModel().pins().addListener(pinsChanged);
    }

    private void pinsChanged(ListChangeListener.Change<?> change) {
        int size = change.getList().size();
        commands.compare.setDisabled(size == 0);
        if (size == 0) {
            commands.compare.setSelected(false);
        } else if (change.next() && change.wasAdded() && size == change.getAddedSize()) {
            commands.compare.setSelected(true);
        }
    }

    /** Puts a panel under the lesson's card, or takes it away. */
    private void showPanel(Node panel, boolean on) {
        if (on && !view.cards.getChildren().contains(panel)) {
            view.cards.getChildren().add(panel);
        } else if (!on) {
            view.cards.getChildren().remove(panel);
        }
    }

    /** Stops listening to the view model (the window's own parts go with it). */
    void dispose() {
        vm.pinsModel().pins().removeListener(pinsChanged);
    }
}
