package lab.roofline.ui.documents;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import lab.roofline.engine.roofline.Units;
import lab.roofline.engine.scenario.ScenarioCommandLine;
import lab.roofline.io.BuildInfo;
import lab.roofline.io.scenario.PastedCommandLine;
import lab.roofline.ui.scenario.RooflineViewModel;
import lab.roofline.fx.Actions;
import org.controlsfx.control.action.Action;

/**
 * The scenario as a `roofline-lab report` line: copied to the clipboard, pasted from it, or typed into a
 * dialog. A line that cannot be read changes nothing and says why.
 */
public final class CommandLineActions {
    public final Action copy;
    public final Action paste;
    public final Action open;
    private final RooflineViewModel vm;
    private final Region owner;
    private final Consumer<String> status;
    /** The command the user has (BuildInfo.command: the installed launcher, or java -jar and this jar). */
    private final Supplier<String> commandHad = BuildInfo::command;

    public CommandLineActions(RooflineViewModel vm, Region owner, Consumer<String> status) {
        this.vm = vm;
        this.owner = owner;
        this.status = status;
        copy = Actions.command("Copy as Command Line", "Shortcut+Shift+L", e -> copy(),
                "The roofline-lab report flags that reproduce this scenario, to paste into a terminal, a ticket "
                        + "or a chat (Ctrl+Shift+L)");
        paste = Actions.command("Paste Command Line", "Shortcut+Shift+V", e -> paste(),
                "Set the scenario from a roofline-lab report line on the clipboard (Ctrl+Shift+V)");
        open = Actions.command("Open Command Line…", null, e -> open(),
                "Type or paste a `roofline-lab report …` line to set the scenario from it");
    }

    /** The live scenario's line: the `roofline-lab report` flags that reproduce it. */
    public String line() {
        return ScenarioCommandLine.of(vm.inputs());
    }

    /**
     * Sets the scenario from a pasted `roofline-lab report ...` line (read by the command line's own flags), as
     * one undoable step; on anything it cannot read (or an accelerator not loaded) nothing changes and the
     * reason is returned.
     */
    private Optional<String> apply(String text) {
        PastedCommandLine.Read read = PastedCommandLine.read(text, vm.measuredRealism());
        if (!read.ok()) {
            return Optional.of(read.error());
        }
        String id = read.inputs().gpuId();
        if (vm.scenarioModel().findProfile(id).isEmpty()) {
            return Optional.of("--gpu: unknown accelerator '" + Units.shortened(id) + "'");
        }
        vm.apply(read.inputs());
        return Optional.empty();
    }

    /**
     * The live scenario's line as the user runs it: `roofline-lab report ...` where the package put the
     * command on the PATH, else the app image's launcher or `java -jar` with this jar's path.
     */
    public String runnableLine() {
        return commandHad.get() + line().substring(ScenarioCommandLine.COMMAND.get(0).length());
    }

    /** Edit ▸ Copy as Command Line. */
    private void copy() {
        ClipboardContent content = new ClipboardContent();
        String line = runnableLine();
        content.putString(line);
        Clipboard.getSystemClipboard().setContent(content);
        status.accept("Copied: " + line);
    }

    /**
     * File ▸ Open Command Line: a line typed or pasted into a dialog (the clipboard's, when it holds one).
     * A line it cannot read is offered again with the reason, so nothing typed is lost; the scenario is
     * unchanged until a line reads.
     */
    private void open() {
        String clip = Clipboard.getSystemClipboard().getString();
        String text = clip != null && PastedCommandLine.looksLikeOne(clip) ? clip.strip() : "";
        String problem = null;
        while (true) {
            TextInputDialog ask = dialog(text, problem);
            if (owner.getScene() != null) {
                ask.initOwner(owner.getScene().getWindow());
                ask.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                ask.getDialogPane().setStyle(owner.getStyle());
            }
            Optional<String> typed = ask.showAndWait();
            if (typed.isEmpty()) {
                return;
            }
            text = typed.get();
            Optional<String> failed = apply(text);
            if (failed.isEmpty()) {
                status.accept("Scenario set from the command line (Ctrl+Z undoes it)");
                return;
            }
            problem = failed.get();
        }
    }

    /** The widest the dialog gets: a long reason wraps (and is cut short) rather than push it past the screen. */
    static final double MAX_WIDTH = 720;
    private static final int MAX_REASON_CHARS = 600;

    /** The dialog asking for a line, with the reason the last one could not be read (null: none yet). */
    private static TextInputDialog dialog(String text, String problem) {
        TextInputDialog ask = new TextInputDialog(text);
        ask.setTitle("Open command line");
        String header = problem == null ? "A roofline-lab report line sets the scenario (Ctrl+Z undoes it)"
                : "Could not read it: " + (problem.length() > MAX_REASON_CHARS
                ? problem.substring(0, MAX_REASON_CHARS - 1) + "…" : problem);
        ask.setHeaderText(header);
        double width = Math.min(MAX_WIDTH, Screen.getPrimary().getVisualBounds().getWidth() * 0.9);
        Label wrapped = new Label(header);
        wrapped.setWrapText(true);
        wrapped.setMaxWidth(width - 40);
        wrapped.setMinHeight(Region.USE_PREF_SIZE);
        StackPane headerPane = new StackPane(wrapped);
        headerPane.getStyleClass().add("header-panel");
        headerPane.setAlignment(Pos.CENTER_LEFT);
        ask.getDialogPane().setHeader(headerPane); // the header text, wrapped
        ask.getDialogPane().setMaxWidth(width);
        ask.getDialogPane().setPrefWidth(width);
        ask.getEditor().setPrefColumnCount(60);
        return ask;
    }

    /** Edit ▸ Paste Command Line: a bad line changes nothing and says what it could not read. */
    private void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            status.accept("The clipboard holds no command line (copy one such as: roofline-lab report --gpu h100_sxm "
                    + "--batch 64)");
            return;
        }
        apply(text).ifPresentOrElse(
                problem -> status.accept("Could not read the command line: " + problem + ". The scenario is unchanged."),
                () -> status.accept("Scenario set from the command line (Ctrl+Z undoes it)"));
    }
}
