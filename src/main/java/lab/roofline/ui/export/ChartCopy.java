package lab.roofline.ui.export;

import java.util.List;
import java.util.Locale;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import lab.roofline.explain.Captions;
import lab.roofline.render.export.ChartInputs;
import lab.roofline.render.export.ChartKind;
import lab.roofline.render.export.ChartRenderer;
import lab.roofline.render.export.ExportFormat;
import lab.roofline.render.export.ExportSize;
import lab.roofline.render.layout.ChartPin;
import lab.roofline.ui.scenario.RooflineViewModel;

/** View ▸ Copy chart: a chart as on screen at 2×, on the clipboard as a picture with its caption as text. */
public final class ChartCopy {
    private ChartCopy() {
    }

    /** Copies it and returns what to say in the status bar. */
    public static String copy(ChartKind kind, ExportSize onScreen, RooflineViewModel vm, List<ChartPin> pins,
                              List<String> stylesheets) {
        ChartInputs inputs = ChartInputs.of(vm.result(), vm.referencesProperty().getValue(), stylesheets).withPins(pins)
                .withProfiles(vm.profiles()).withFrontier(vm.servingModel().frontierProperty().getValue());
        WritableImage image = ChartRenderer.png(new ChartRenderer.Request(kind, onScreen, 2, ExportFormat.PNG), inputs);
        ClipboardContent clip = new ClipboardContent();
        clip.putImage(image);
        clip.putString(Captions.of(vm.result()));
        Clipboard.getSystemClipboard().setContent(clip);
        return "Copied " + kind.title().toLowerCase(Locale.ROOT) + " to the clipboard ("
                + (int) image.getWidth() + " × " + (int) image.getHeight() + " px)";
    }
}
