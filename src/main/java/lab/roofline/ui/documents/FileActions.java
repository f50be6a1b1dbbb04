package lab.roofline.ui.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import lab.roofline.engine.roofline.Units;
import lab.roofline.fx.Actions;
import lab.roofline.render.export.ChartKind;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.ui.scenario.ScenarioDocument;
import org.controlsfx.control.action.Action;

/** The File menu's commands: scenario files, exports and imports. The app does the dialogs and the I/O. */
public final class FileActions {
    public final Action newScenario;
    public final Action open;
    public final Action save;
    public final Action saveAs;
    public final Action exportCurve;
    public final Action exportComparison;
    public final Action importModel;
    public final Action export;
    public final List<Action> exportEach = new ArrayList<>();
    private final RooflineViewModel vm;
    private final ScenarioFileActions files;

    /**
     * @param exporter asked to export a chart kind, or to ask which (null); the app shows the dialog
     * @param files    what the scenario commands do
     */
    public FileActions(RooflineViewModel vm, Consumer<ChartKind> exporter, ScenarioFileActions files) {
        this.vm = vm;
        this.files = files;
        newScenario = Actions.command("New", "Shortcut+N", e -> files.newScenario(),
                "Start again from the default scenario (asks first if a file's changes are unsaved)");
        open = Actions.command("Open…", "Shortcut+O", e -> files.open(),
                "Open a scenario file (*.roofline.json); you can also drop one on the window");
        save = Actions.command("Save", "Shortcut+S", e -> files.save(), "Save the scenario to its file (Ctrl+S)");
        saveAs = Actions.command("Save As…", "Shortcut+Shift+S", e -> files.saveAs(),
                "Save the scenario to a new file: every input, a name and a note, sendable to a colleague");
        exportCurve = Actions.command("Export Curve as CSV…", null, e -> files.exportCurveCsv(),
                "The batch curve of this scenario (tokens/s, utilization, step time, costs, memory per batch) "
                        + "for a spreadsheet");
        exportComparison = Actions.command("Export Comparison as CSV…", null, e -> files.exportComparisonCsv(),
                "The live scenario and the pins side by side, every summary number with its ratio to the "
                        + "live one, for a spreadsheet");
        exportComparison.disabledProperty().bind(Bindings.isEmpty(vm.pinsModel().pins()));
        importModel = Actions.command("Import Model (config.json)…", null, e -> files.importModel(),
                "Read a Hugging Face config.json (Llama, Mistral, Mixtral, Qwen2/3, Qwen3-MoE, Gemma 2/3, "
                        + "DeepSeek-V2/V3, gpt-oss): its architecture joins the presets, parameters computed from the shapes");
        export = Actions.command("Export…", "Shortcut+E", e -> exporter.accept(null),
                "Save a chart or the dashboard as PNG or SVG, slide-sized or as on screen (Ctrl+E)");
        for (ChartKind k : ChartKind.values()) {
            exportEach.add(Actions.command(k.title() + "…", null, e -> exporter.accept(k), null));
        }
    }

    /** Exports one kind of chart (asks where), as its menu item does. */
    public void export(ChartKind kind) {
        exportEach.get(kind.ordinal()).handle(new ActionEvent());
    }

    /** File ▸ Open Recent: the recent scenario files, most recent first; a missing one is shown disabled. */
    public void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : vm.document().recent()) {
            // One line, no direction tricks, not wider than a menu should be.
            String label = Units.oneLine(ScenarioDocument.nameOf(p) + "  —  " + p.getParent());
            MenuItem item = new MenuItem(label.length() > 90 ? label.substring(0, 89) + "…" : label);
            item.setMnemonicParsing(false);
            item.setDisable(!Files.isRegularFile(p));
            item.setOnAction(e -> files.openRecent(p));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }
}
