package lab.roofline.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.roofline.fx.Tips;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;

/** The toolbar: the commands a class uses most, as buttons; tooltips are made on first hover (start-up cost). */
public final class MainToolBar {
    private MainToolBar() {
    }

    public static void fill(ToolBar toolBar, Commands c) {
        Button lessonButton = button(ActionUtils.createButton(c.startLesson), "lesson-start", c.startLesson);
        ToggleButton practiceToggle = button(ActionUtils.createToggleButton(c.practice), "practice-toggle", c.practice);
        ToggleButton explainToggle = button(ActionUtils.createToggleButton(c.explanation), "explain-toggle", c.explanation);
        ToggleButton workToggle = button(ActionUtils.createToggleButton(c.showWork), "work-toggle", c.showWork);
        Button theme = new Button("Light / dark");
        theme.setOnAction(e -> c.darkTheme.setSelected(!c.darkTheme.isSelected()));
        theme.setId("theme-button");
        Tips.install(theme, c.darkTheme.getLongText());
        Button pinButton = button(ActionUtils.createButton(c.pin), "pin-button", c.pin);
        pinButton.textProperty().unbind();
        pinButton.setText("Pin");
        ToggleButton compareToggle = button(ActionUtils.createToggleButton(c.compare), "compare-toggle", c.compare);
        MenuButton exportButton = new MenuButton("Export");
        exportButton.setId("export-button");
        exportButton.getItems().addAll(c.exportEach.stream().map(ActionUtils::createMenuItem).toList());
        exportButton.getItems().add(new SeparatorMenuItem());
        exportButton.getItems().add(ActionUtils.createMenuItem(c.copyChart));
        Tips.install(exportButton, c.export.getLongText());
        ToggleButton presentButton = button(ActionUtils.createToggleButton(c.presentation), "presentation-toggle",
                c.presentation);
        toolBar.getItems().addAll(lessonButton, practiceToggle, explainToggle, workToggle, new Separator(), pinButton,
                compareToggle, theme, presentButton, new Separator(), exportButton);
        // Items keep their width (a zoomed title must not shrink to "Roo…"); what has no room goes into
        // the toolbar's overflow menu.
        for (Node item : toolBar.getItems()) {
            if (item instanceof Region r && !(item instanceof Pane)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
            // Separators and the spacer never stretch to the toolbar's height: stretched at 200 %, they would
            // keep that height after zooming back and hold the toolbar tall (zoom must be a round trip).
            if (item instanceof Separator || item instanceof Pane) {
                ((Region) item).setMaxHeight(Region.USE_PREF_SIZE);
            }
        }
    }

    /** A command's button with an id and a tooltip made when first hovered. */
    static <B extends ButtonBase> B button(B b, String id, Action action) {
        b.setId(id);
        b.tooltipProperty().unbind();
        b.setTooltip(null);
        if (action.getLongText() != null) {
            Tips.install(b, action.getLongText());
        }
        return b;
    }

    /** The slim strip's buttons: a symbol instead of the command's words. */
    static Button symbol(Action action, String text, String id, String tip) {
        Button b = button(ActionUtils.createButton(action), id, action);
        b.textProperty().unbind();
        b.setText(text);
        if (tip != null) {
            Tips.install(b, tip);
        }
        return b;
    }

    /**
     * The strip the controls fold into (presentation mode, or a card beside the charts on a small screen):
     * show the controls, zoom, step the lesson; in presentation mode, how to leave, said.
     */
    public static VBox slimStrip(Commands c, Runnable showControls) {
        Button controlsButton = new Button("☰");
        controlsButton.setId("strip-controls");
        Tips.install(controlsButton, "Show the controls (in presentation mode: leaves it)");
        controlsButton.setOnAction(e -> showControls.run());
        Button in = symbol(c.zoomIn, "+", "strip-zoom-in", null);
        Button out = symbol(c.zoomOut, "−", "strip-zoom-out", null);
        Button next = symbol(c.nextStep, "▶", "strip-next", "Next lesson step (Page Down)");
        // How to leave, where it covers nothing (the platform's full-screen hint would cover the summary).
        Label leave = new Label("Esc\nleaves");
        leave.getStyleClass().add("strip-hint");
        leave.setId("strip-leave-hint");
        leave.visibleProperty().bind(c.presentation.selectedProperty());
        leave.managedProperty().bind(leave.visibleProperty());
        Tips.install(leave, "Esc or F11 leaves presentation mode");
        VBox strip = new VBox(8, controlsButton, in, out, next, leave);
        strip.getStyleClass().add("slim-strip");
        strip.setId("slim-strip");
        return strip;
    }
}
