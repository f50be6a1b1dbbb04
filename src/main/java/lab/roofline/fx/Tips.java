package lab.roofline.fx;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips created the first time the pointer enters their node, with their text computed each time they
 * open. Forty eager tooltips cost about 130 ms of start-up; most are never shown.
 */
public final class Tips {
    private Tips() {
    }

    public static void install(Node node, String text) {
        install(node, () -> text);
    }

    public static void install(Node node, Supplier<String> text) {
        EventHandler<MouseEvent> firstEntry = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tip = create(text);
                if (node instanceof Control control) {
                    control.setTooltip(tip);
                } else {
                    Tooltip.install(node, tip);
                }
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, firstEntry);
    }

    public static Tooltip create(Supplier<String> text) {
        Tooltip tip = new Tooltip(text.get());
        tip.setWrapText(true);
        tip.setMaxWidth(400);
        tip.setOnShowing(e -> {
            tip.setText(text.get());
            // A tooltip is a window of its own: it takes the zoom (the root's text size) from its owner.
            if (tip.getOwnerNode() != null && tip.getOwnerNode().getScene() != null) {
                Parent root = tip.getOwnerNode().getScene().getRoot();
                String style = root.getStyle();
                tip.setStyle(style);
                Double px = fontPx(style);
                tip.setMaxWidth(px == null ? 400 : 400 * px / 13);
            }
        });
        return tip;
    }

    /** The "-fx-font-size: N px" a style sets, or null. */
    static Double fontPx(String style) {
        Matcher m = Pattern.compile("-fx-font-size:\\s*([0-9.]+)px").matcher(style);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
