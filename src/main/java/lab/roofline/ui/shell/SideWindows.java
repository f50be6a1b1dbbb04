package lab.roofline.ui.shell;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.roofline.engine.serving.RentalPrices;
import lab.roofline.ui.economics.ServingView;
import lab.roofline.ui.landscape.LandscapeView;
import lab.roofline.ui.scenario.RooflineViewModel;

/**
 * The windows beside the dashboard, each made on first use: the hardware landscape and serving economics.
 * Each has the dashboard's style sheets and zoom, a size that grows with the zoom, and Esc or Ctrl+W to close.
 */
public final class SideWindows {
    private final RooflineViewModel vm;
    private final Region owner;
    private final ObservableDoubleValue zoom;
    private final Runnable exportLandscape;
    private final Runnable exportFrontier;
    private Stage landscapeStage;
    private LandscapeView landscapeView;
    private Stage servingStage;
    private ServingView servingView;
    private Consumer<RentalPrices> rentalSaver = p -> { };

    public SideWindows(RooflineViewModel vm, Region owner, ObservableDoubleValue zoom, Runnable exportLandscape,
                       Runnable exportFrontier) {
        this.vm = vm;
        this.owner = owner;
        this.zoom = zoom;
        this.exportLandscape = exportLandscape;
        this.exportFrontier = exportFrontier;
    }

    /** View ▸ Hardware Landscape. */
    public void showLandscape() {
        if (landscapeStage == null) {
            landscapeView = new LandscapeView(vm, exportLandscape);
            landscapeView.chart().zoomProperty().bind(zoom);
            landscapeView.styleProperty().bind(owner.styleProperty()); // the zoom's root font size
            landscapeStage = window(landscapeView, 1100, 640, "Hardware landscape — Roofline Lab");
        }
        landscapeStage.show();
        landscapeStage.toFront();
    }

    /** View ▸ Serving Economics: the frontier and the planner. */
    public void showServing() {
        if (servingStage == null) {
            servingView = new ServingView(vm, exportFrontier);
            servingView.chart().zoomProperty().bind(zoom);
            servingView.zoomProperty().bind(zoom);
            servingView.setRentalSaver(rentalSaver);
            servingView.styleProperty().bind(owner.styleProperty());
            servingStage = window(servingView, 1240, 760, "Serving economics — Roofline Lab");
        }
        servingStage.show();
        servingStage.toFront();
    }

    /** Help ▸ About Roofline Lab. */
    public void showAbout() {
        AboutDialog.show(owner);
    }

    private Stage window(Parent root, double width, double height, String title) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double grow = Math.max(1, zoom.get());
        Scene scene = new Scene(root, Math.min(screen.getWidth(), width * grow), Math.min(screen.getHeight(), height * grow));
        if (owner.getScene() != null) {
            Bindings.bindContent(scene.getStylesheets(), owner.getScene().getStylesheets());
        }
        Stage stage = new Stage();
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || (e.isShortcutDown() && e.getCode() == KeyCode.W)) {
                stage.hide();
                e.consume();
            }
        });
        stage.setTitle(title);
        stage.getIcons().setAll(AboutDialog.icons());
        stage.setScene(scene);
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            stage.initOwner(owner.getScene().getWindow());
        }
        return stage;
    }

    /** Where the serving window's edited rental prices go to be kept (the app writes them to the user's folder). */
    public void setRentalSaver(Consumer<RentalPrices> saver) {
        rentalSaver = saver;
        if (servingView != null) {
            servingView.setRentalSaver(saver);
        }
    }

    /** The serving window's view, once opened, else null. */
    public ServingView serving() {
        return servingView;
    }

    /** The landscape window's view, once opened, else null. */
    public LandscapeView landscape() {
        return landscapeView;
    }

    /** The landscape chart's size on screen (as it would open when not yet shown). */
    public double[] landscapeSize() {
        return landscapeView == null ? new double[] {1100, 600}
                : new double[] {landscapeView.chart().getWidth(), landscapeView.chart().getHeight()};
    }

    /** The frontier chart's size on screen (as it would open when not yet shown). */
    public double[] frontierSize() {
        return servingView == null ? new double[] {1000, 560}
                : new double[] {servingView.chart().getWidth(), servingView.chart().getHeight()};
    }

    public void dispose() {
        if (landscapeView != null) {
            landscapeView.dispose();
            landscapeStage.hide();
        }
        if (servingView != null) {
            servingView.dispose();
            servingStage.hide();
        }
    }
}
