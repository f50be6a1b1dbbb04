package lab.roofline.ui.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.image.WritableImage;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import lab.roofline.explain.Captions;
import lab.roofline.io.files.FileGroup;
import lab.roofline.io.files.IoReasons;
import lab.roofline.io.scenario.Settings;
import lab.roofline.render.export.ChartInputs;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportFiles;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.export.Handout;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.render.theme.Theme;
import lab.roofline.ui.app.AppServices;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * Export from the window: pick a chart, size, scale and format, then a file; the picture is rendered on the
 * FX thread and encoded and written on the I/O thread. The handout goes into a folder the same way.
 */
public final class ExportFlow {
    /** What the window shows that an export reproduces. */
    public record Window(Function<ChartKind, ExportSize> onScreenSize, BooleanSupplier dark,
                         Supplier<List<ChartPin>> pins, Supplier<Handout.Pages> handout, Consumer<String> showFolder) {
    }

    private final AppServices app;
    private final RooflineViewModel vm;
    private final Settings settings;
    private final Window window;

    public ExportFlow(AppServices app, RooflineViewModel vm, Settings settings, Window window) {
        this.app = app;
        this.vm = vm;
        this.settings = settings;
        this.window = window;
    }

    /** File ▸ Export: the dialog (the last choices, or {@code preselected}'s chart), then a file. */
    public void export(ChartKind preselected) {
        ExportDialog.ExportChoice remembered = rememberedExport(settings);
        if (preselected != null) {
            remembered = new ExportDialog.ExportChoice(preselected, remembered.size(), remembered.scale(),
                    remembered.format(), remembered.lightTheme());
        }
        boolean dark = window.dark().getAsBoolean();
        ExportDialog content = new ExportDialog(remembered, window.onScreenSize()::apply, dark, Captions.of(vm.result()));
        var dialog = content.dialog(app.stage(), app.stage().getScene().getStylesheets());
        dialog.getDialogPane().setStyle(app.windowStyle().get()); // the window's zoom
        Optional<ExportDialog.ExportChoice> answer = dialog.showAndWait();
        if (answer.isEmpty()) {
            return;
        }
        ExportDialog.ExportChoice choice = answer.get();
        remember(choice);
        Path out = chooseFile(choice);
        if (out == null) {
            return;
        }
        List<String> stylesheets = choice.lightTheme() || !dark ? Theme.LIGHT.stylesheets()
                : app.stage().getScene().getStylesheets();
        exportTo(new ChartRenderer.Request(choice.kind(), choice.size().size(choice.kind(), window.onScreenSize()::apply),
                choice.scale(), ExportFormat.of(out).orElse(choice.format())), stylesheets, out);
    }

    private void remember(ExportDialog.ExportChoice choice) {
        settings.put("export.kind", choice.kind().key());
        settings.put("export.size", choice.size().key());
        settings.put("export.scale", choice.scale());
        settings.put("export.format", choice.format().extension());
        settings.put("export.light", Boolean.toString(choice.lightTheme()));
    }

    /** The file to write; null when the user cancels (or will not replace a file the chooser did not ask about). */
    private Path chooseFile(ExportDialog.ExportChoice choice) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + choice.kind().title() + " as " + choice.format().name());
        FileChooser.ExtensionFilter pngFilter = new FileChooser.ExtensionFilter(ExportFormat.PNG.title(), "*.png");
        FileChooser.ExtensionFilter svgFilter = new FileChooser.ExtensionFilter(ExportFormat.SVG.title(), "*.svg");
        chooser.getExtensionFilters().addAll(pngFilter, svgFilter);
        chooser.setSelectedExtensionFilter(choice.format() == ExportFormat.SVG ? svgFilter : pngFilter);
        exportFolder(settings.get("export.folder", "")).ifPresent(chooser::setInitialDirectory);
        chooser.setInitialFileName("roofline-lab-" + choice.kind().key() + "." + choice.format().extension());
        File file = chooser.showSaveDialog(app.stage());
        if (file == null) {
            return null;
        }
        // A name ending in .png or .svg says the format; any other name gets the chosen format's extension.
        ExportFormat format = ExportFormat.of(file.toPath()).orElse(choice.format());
        Path out = format.withExtension(file.toPath());
        if (!out.equals(file.toPath()) && Files.exists(out)) {
            // The chooser asked about the name typed, not the one with the extension added: ask here.
            Alert replace = new Alert(Alert.AlertType.CONFIRMATION, out.getFileName() + " already exists. Replace it?",
                    ButtonType.CANCEL, ButtonType.OK);
            replace.setHeaderText("Replace " + out.getFileName() + "?");
            app.style(replace);
            if (replace.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return null;
            }
        }
        if (out.getParent() != null) {
            settings.put("export.folder", out.getParent().toString());
        }
        return out;
    }

    /** The last export's choices; anything unreadable (a hand-edited file) falls back to a 16:9 dashboard PNG at 2×. */
    public static ExportDialog.ExportChoice rememberedExport(Settings settings) {
        return new ExportDialog.ExportChoice(
                ChartKind.parse(settings.get("export.kind", "")).orElse(ChartKind.DASHBOARD),
                ExportDialog.SizePreset.parse(settings.get("export.size", "")).orElse(ExportDialog.SizePreset.SLIDE_16_9),
                (int) Math.max(1, Math.min(3, Math.rint(settings.number("export.scale").orElse(2)))),
                "svg".equalsIgnoreCase(settings.get("export.format", "png").strip()) ? ExportFormat.SVG : ExportFormat.PNG,
                "true".equals(settings.get("export.light", "true")));
    }

    /** Renders now and writes in the background; a failure shows a dialog and changes nothing else. */
    public void exportTo(ChartRenderer.Request request, List<String> stylesheets, Path out) {
        Object rendered;
        try {
            ChartInputs inputs = ChartInputs.of(vm.result(), vm.referencesProperty().getValue(), stylesheets)
                    .withPins(window.pins().get()).withProfiles(vm.profiles())
                    .withFrontier(vm.servingModel().frontierProperty().getValue());
            rendered = request.format() == ExportFormat.SVG ? ChartRenderer.svg(request, inputs)
                    : ChartRenderer.png(request, inputs);
        } catch (RuntimeException | OutOfMemoryError e) {
            // The renderer refused (too large for this machine's memory): say so; nothing else changes.
            String why = e instanceof OutOfMemoryError ? "there is not enough memory for a picture this large"
                    : "the picture could not be drawn (" + e.getClass().getSimpleName() + ")";
            showError(request, "Nothing was written: " + why + ". Try a smaller scale or size, or SVG.");
            return;
        }
        if (rendered instanceof WritableImage image && (image.getWidth() == 0 || image.getHeight() == 0)) {
            showError(request, "Nothing was written: the picture could not be drawn at this size.");
            return;
        }
        String what = rendered instanceof WritableImage image
                ? (int) image.getWidth() + " × " + (int) image.getHeight() + " px"
                : "vector, " + request.size();
        app.status("Exporting " + out.getFileName() + "…");
        app.io().execute(() -> {
            try {
                if (rendered instanceof WritableImage image) {
                    ExportFiles.writePng(image, out);
                } else {
                    ExportFiles.writeSvg((String) rendered, out);
                }
                Platform.runLater(() -> {
                    Button show = new Button("Show in folder");
                    show.setId("show-in-folder");
                    Path folder = out.toAbsolutePath().getParent();
                    show.setOnAction(e -> window.showFolder().accept(folder.toUri().toString()));
                    app.statusLine().accept("Exported " + out.toAbsolutePath() + " (" + what + ")", show);
                });
            } catch (IOException e) {
                Platform.runLater(() -> showError(request, e.getMessage()));
            }
        });
    }

    private void showError(ChartRenderer.Request request, String message) {
        app.status("Export failed: " + message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setHeaderText("The " + request.format().name() + " could not be saved");
        app.style(alert);
        alert.show();
    }

    /**
     * Lesson ▸ Export Handout…: a folder, then handout.html and answer-key.html in it. The pages are drawn on
     * the FX thread (their charts) and written on the io thread.
     */
    public void exportHandout() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the handout into a folder (handout.html and answer-key.html)");
        exportFolder(settings.get("handout.folder", settings.get("export.folder", ""))).ifPresent(chooser::setInitialDirectory);
        File folder = chooser.showDialog(app.stage());
        if (folder == null) {
            return;
        }
        settings.put("handout.folder", folder.toString());
        writeHandout(window.handout().get(), folder.toPath(), false);
    }

    /**
     * Writes both pages (on the I/O thread), together; a page in the folder that Roofline Lab did not write
     * (a teacher's own) is replaced only when the user says so.
     */
    void writeHandout(Handout.Pages pages, Path folder, boolean replaceAny) {
        app.io().execute(() -> {
            try {
                List<Path> written = Handout.write(pages, folder, replaceAny);
                app.statusLater("Wrote the handout: " + written.get(0) + " (answer key: "
                        + written.get(1).getFileName() + ")");
            } catch (FileGroup.NotOurs e) {
                Platform.runLater(() -> askToReplace(pages, folder, e.file));
            } catch (IOException e) {
                app.statusLater("Could not write the handout into " + folder + ": " + IoReasons.of(e) + ".");
            }
        });
    }

    private void askToReplace(Handout.Pages pages, Path folder, Path theirs) {
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, theirs + " was not written by Roofline Lab. Replace it "
                + "(the handout and its answer key are written together)?", replace, ButtonType.CANCEL);
        ask.setHeaderText("Replace " + theirs.getFileName() + "?");
        app.style(ask);
        ask.setOnHidden(e -> {
            if (ask.getResult() == replace) {
                writeHandout(pages, folder, true);
            } else {
                app.status("The handout was not written: " + theirs + " is as it was.");
            }
        });
        ask.show();
    }

    /** The folder a saved path names, when it is still a folder (a damaged value is ignored); blank: home. */
    public static Optional<File> exportFolder(String saved) {
        try {
            File folder = Path.of(saved.isBlank() ? System.getProperty("user.home") : saved).toFile();
            return folder.isDirectory() ? Optional.of(folder) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
