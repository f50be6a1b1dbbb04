package lab.roofline.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.roofline.fx.Actions;
import lab.roofline.render.export.ChartKind;
import org.controlsfx.control.action.Action;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** The View menu's commands: theme, side panels, zoom, presentation, the windows beside, copying a chart. */
public final class ViewActions {
    public final Action darkTheme = Actions.toggle("Dark theme", "Shortcut+D",
            "Switch between the light and the dark theme (Ctrl+D)");
    public final Action explanation = Actions.toggle("Explain", "Shortcut+L",
            "The argument in sentences, with this scenario's numbers (Ctrl+L)");
    public final Action showWork = Actions.toggle("Show your work", "Shortcut+Shift+W",
            "Under each number, the formula it came from with this scenario's values (Ctrl+Shift+W)");
    public final Action compare = Actions.toggle("Compare", "Shortcut+Shift+K",
            "The live scenario beside the pinned ones, number by number, in a card beside the charts (Ctrl+Shift+K)");
    public final Action presentation = Actions.toggle("Presentation mode", "F11",
            "Full screen with the controls folded into a slim strip: the charts and summary take the room (F11)");
    public final Action zoomIn;
    public final Action zoomOut;
    public final Action zoomReset;
    public final Action landscape;
    public final Action serving;
    public final Action copyChart;
    public final Action about;

    /** The chart shown large for lecturing (the others stay beside it, smaller); null: the usual layout. */
    public final ObjectProperty<ChartKind> focusedChart = new SimpleObjectProperty<>(this, "focusedChart");
    /** Focus this chart: one per chart, pressed again to return to the usual layout. */
    public final List<Action> focus = List.of(
            focusCommand("Focus Roofline", "Shortcut+1", ChartKind.ROOFLINE),
            focusCommand("Focus Utilization", "Shortcut+2", ChartKind.UTILIZATION),
            focusCommand("Focus Cost", "Shortcut+3", ChartKind.COST));

    private final Zoom zoom;

    public ViewActions(Zoom zoom, SideWindows windows, Runnable copyChartUnderMouse, Consumer<String> status) {
        this.zoom = zoom;
        zoomIn = Actions.command("Zoom in", "Shortcut+Plus", e -> zoomBy(+1),
                "Larger text everywhere, controls and charts, up to 200 % (Ctrl+Plus)");
        zoomOut = Actions.command("Zoom out", "Shortcut+Minus", e -> zoomBy(-1),
                "Smaller text everywhere, down to 80 % (Ctrl+Minus)");
        zoomReset = Actions.command("Actual size", "Shortcut+0", e -> zoom.set(1), "Text at 100 % (Ctrl+0)");
        landscape = Actions.command("Hardware Landscape", "Shortcut+Shift+H", e -> windows.showLandscape(),
                "Every accelerator at once: peak against bandwidth with lines of constant ridge point, and the ridge "
                        + "over the years (Ctrl+Shift+H); click one to make it the live GPU");
        serving = Actions.command("Serving Economics", "Shortcut+Shift+E", e -> windows.showServing(),
                "The latency-cost frontier under service-level limits, what a million tokens cost at the live batch "
                        + "(blended, energy), and the cheapest way to serve the model (Ctrl+Shift+E)");
        about = Actions.command("About Roofline Lab", null, e -> windows.showAbout(),
                "The version, the build date, the command you have and the licences");
        copyChart = Actions.command("Copy chart", "Shortcut+Shift+C", e -> copyChartUnderMouse.run(),
                "Copy the chart under the mouse (or the whole dashboard) to the clipboard as a picture, "
                        + "as on screen at 2× (Ctrl+Shift+C)");
        // Every way the zoom changes (keys, menu, the strip, Ctrl+0) says the zoom it is now.
        zoom.levelProperty().addListener(obs -> {
            zoomIn.setDisabled(zoom.atLargest());
            zoomOut.setDisabled(zoom.atSmallest());
            status.accept("Zoom " + Math.round(zoom.get() * 100) + " %  (Ctrl+Plus, Ctrl+Minus; Ctrl+0 for 100 %)");
        });
    }

    private Action focusCommand(String text, String accelerator, ChartKind kind) {
        Action a = Actions.toggle(text, accelerator, "Show this chart large, the other two smaller beside it, for "
                + "lecturing; again (or a double click on the chart) for the usual layout (" + accelerator.replace(
                "Shortcut", "Ctrl") + ")");
        a.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                focusedChart.set(kind);
            } else if (focusedChart.get() == kind) {
                focusedChart.set(null);
            }
        });
        focusedChart.addListener((obs, old, now) -> a.setSelected(now == kind));
        return a;
    }

    /** Focuses a chart, or returns to the usual layout when it is the focused one (a double click). */
    public void toggleFocus(ChartKind kind) {
        focusedChart.set(focusedChart.get() == kind ? null : kind);
    }

    /** A double click on a chart focuses it, or returns to the usual layout. */
    public void focusOnDoubleClick(MouseEvent e, ChartKind kind) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            toggleFocus(kind);
        }
    }

    /** One step up or down the zoom ladder (the status bar says where it is). */
    public void zoomBy(int direction) {
        zoom.step(direction);
    }
}
