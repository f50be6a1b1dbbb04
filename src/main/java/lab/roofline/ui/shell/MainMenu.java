package lab.roofline.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import lab.roofline.ui.documents.FileActions;
import lab.roofline.ui.scenario.ScenarioActions;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionGroup;
import org.controlsfx.control.action.ActionUtils;

/** The menu bar: the features' commands arranged as File, Edit, View and Lesson. */
public final class MainMenu {
    private MainMenu() {
    }

    public static MenuBar of(Commands c, FileActions files, ScenarioActions edit) {
        List<Action> file = new ArrayList<>(List.of(c.newScenario, c.open, ActionUtils.ACTION_SEPARATOR, c.save, c.saveAs,
                ActionUtils.ACTION_SEPARATOR, c.export, ActionUtils.ACTION_SEPARATOR));
        file.addAll(c.exportEach);
        file.addAll(List.of(ActionUtils.ACTION_SEPARATOR, c.copyChart, c.exportCurve, c.exportComparison,
                ActionUtils.ACTION_SEPARATOR, c.importModel, c.openCommandLine));
        MenuBar bar = ActionUtils.createMenuBar(List.of(
                new ActionGroup("File", file),
                new ActionGroup("Edit", c.undo, c.redo, ActionUtils.ACTION_SEPARATOR, c.copyCommandLine,
                        c.pasteCommandLine, ActionUtils.ACTION_SEPARATOR, c.pin, ActionUtils.ACTION_SEPARATOR, c.reset),
                new ActionGroup("View", c.darkTheme, c.explanation, c.showWork, c.compare, ActionUtils.ACTION_SEPARATOR,
                        c.focus.get(0), c.focus.get(1), c.focus.get(2), ActionUtils.ACTION_SEPARATOR, c.zoomIn,
                        c.zoomOut, c.zoomReset, ActionUtils.ACTION_SEPARATOR, c.presentation,
                        ActionUtils.ACTION_SEPARATOR, c.landscape, c.serving),
                new ActionGroup("Lesson", c.startLesson, c.nextStep, c.previousStep, c.leaveLesson, c.predictFirst,
                        ActionUtils.ACTION_SEPARATOR, c.practice, c.misconceptions, ActionUtils.ACTION_SEPARATOR,
                        c.exportHandout, c.printHandout),
                new ActionGroup("Help", c.about)));
        bar.setUseSystemMenuBar(true);
        // Open Recent goes after Open, made each time the menu opens (a menu with no items never opens).
        Menu fileMenu = bar.getMenus().get(0);
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-open-recent");
        recent.getItems().add(new MenuItem("(none yet)"));
        fileMenu.setOnShowing(e -> files.fillRecent(recent));
        fileMenu.getItems().add(2, recent);
        // Undo and Redo look disabled in the open menu when there is nothing to undo. Bound for good, their
        // state would ride along on every slider step (measured: +0.25 ms a frame); the keys work either way.
        Menu editMenu = bar.getMenus().get(1);
        editMenu.setOnShowing(e -> edit.showAvailability(true));
        editMenu.setOnHidden(e -> edit.showAvailability(false));
        return bar;
    }
}
