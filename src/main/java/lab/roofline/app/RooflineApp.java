package lab.roofline.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.roofline.app.export.PngExport;
import lab.roofline.engine.HardwareProfile;
import lab.roofline.engine.ModelPresets;
import lab.roofline.engine.Precision;
import lab.roofline.io.ProfileLoader;
import lab.roofline.io.Settings;

/** The desktop app. Profiles and settings are read in init(), off the FX thread. */
public final class RooflineApp extends Application {
    private ProfileLoader.Result profiles;
    private lab.roofline.io.ApiPriceLoader.Result apiPrices;
    private lab.roofline.io.RealismLoader.Result realism;
    private Settings settings;
    private RooflineViewModel vm;
    private DashboardView view;
    private Stage stage;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roofline-io");
        t.setDaemon(true);
        return t;
    });

    public static void launchApp(String[] args) {
        Application.launch(RooflineApp.class, args);
    }

    /** Waits for the data loading that main() started (or starts it), off the FX thread. */
    @Override
    public void init() {
        lab.roofline.io.AppData data = lab.roofline.io.AppData.loadAsync().join();
        profiles = data.profiles();
        apiPrices = data.apiPrices();
        realism = data.realism();
        settings = data.settings();
        data.problems().forEach(System.err::println);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        vm = new RooflineViewModel(profiles.profiles());
        vm.apiPrices().setAll(apiPrices.prices());
        vm.setRealism(realism.realism());
        restoreScenario();
        view = new DashboardView(vm, this::export);
        Scene scene = new Scene(view, settings.number("window.width").orElse(1440),
                settings.number("window.height").orElse(900));
        boolean dark = "dark".equals(settings.get("theme", "light"));
        view.showExplanation.setSelected(Boolean.parseBoolean(settings.get("explain", "false")));
        view.darkTheme.setSelected(dark);
        applyTheme(scene, dark);
        view.darkTheme.selectedProperty().addListener((obs, was, is) -> applyTheme(scene, is));
        List<String> problems = new java.util.ArrayList<>(profiles.problems());
        problems.addAll(apiPrices.problems());
        problems.addAll(realism.problems());
        if (profiles.profiles().isEmpty()) {
            problems.add("no hardware profile could be loaded");
        }
        view.status.setText(profiles.profiles().size() + " hardware profiles loaded"
                + (problems.isEmpty() ? "" : "  ·  " + problems.size() + " problem(s): " + String.join("; ", problems))
                + "  ·  your own profiles: " + lab.roofline.io.AppHome.profilesDirectory());
        stage.setTitle("Roofline Lab");
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        restoreWindow();
        stage.show();
    }

    private static void applyTheme(Scene scene, boolean dark) {
        scene.getStylesheets().setAll((dark ? Theme.DARK : Theme.LIGHT).stylesheets());
    }

    private void restoreWindow() {
        var x = settings.number("window.x");
        var y = settings.number("window.y");
        if (x.isPresent() && y.isPresent()) {
            Rectangle2D wanted = new Rectangle2D(x.getAsDouble(), y.getAsDouble(), 200, 120);
            boolean onScreen = Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(wanted));
            if (onScreen) {
                stage.setX(x.getAsDouble());
                stage.setY(y.getAsDouble());
            }
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized", "false")));
    }

    /** The last session's scenario; anything missing or unreadable keeps its default. */
    private void restoreScenario() {
        saved("gpu").ifPresent(vm::selectGpu);
        saved("model").flatMap(ModelPresets::find).ifPresentOrElse(vm.presetProperty()::set,
                () -> settings.number("parameters").ifPresent(p -> vm.setParametersText(Double.toString(p))));
        saved("precision").flatMap(Precision::parse).ifPresent(vm.precisionProperty()::set);
        saved("weightOnly").ifPresent(w -> vm.weightOnlyProperty().set(Boolean.parseBoolean(w)));
        saved("kvPrecision").flatMap(Precision::parse).ifPresent(vm.kvPrecisionProperty()::set);
        saved("batch").ifPresent(vm::setBatchSizeText);
        saved("prompt").ifPresent(vm::setPromptTokensText);
        saved("generated").ifPresent(vm::setGeneratedTokensText);
        settings.number("gpuCount").ifPresent(n -> vm.gpuCountProperty().set((int) Math.max(1, Math.min(1024, n))));
        saved("realism").ifPresent(m -> {
            try {
                vm.realismModeProperty().set(RooflineViewModel.RealismMode.valueOf(m));
            } catch (IllegalArgumentException ignored) {
                // an unknown mode keeps the default
            }
        });
        settings.number("computeEfficiency").ifPresent(f -> vm.computeEfficiencyProperty().set(clampFraction(f)));
        settings.number("bandwidthEfficiency").ifPresent(f -> vm.bandwidthEfficiencyProperty().set(clampFraction(f)));
        saved("price").ifPresent(vm::setPriceText);
    }

    private Optional<String> saved(String key) {
        return Optional.ofNullable(settings.get(key, null)).filter(v -> !v.isBlank());
    }

    private static double clampFraction(double f) {
        return Math.max(0.05, Math.min(1, f));
    }

    private void rememberState() {
        settings.put("theme", view.darkTheme.isSelected() ? "dark" : "light");
        settings.put("explain", view.showExplanation.isSelected());
        settings.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.width", stage.getScene().getWidth());
            settings.put("window.height", stage.getScene().getHeight());
        }
        settings.put("gpu", vm.gpuProperty().get().id());
        settings.put("model", vm.presetProperty().get() == null ? "" : vm.presetProperty().get().name());
        settings.put("parameters", vm.parametersProperty().get());
        settings.put("precision", vm.precisionProperty().get().key());
        settings.put("weightOnly", vm.weightOnlyProperty().get());
        settings.put("kvPrecision", vm.kvPrecisionProperty().get().key());
        settings.put("batch", vm.batchSizeProperty().get());
        settings.put("prompt", vm.promptTokensProperty().get());
        settings.put("generated", vm.generatedTokensProperty().get());
        settings.put("gpuCount", vm.gpuCountProperty().get());
        settings.put("realism", vm.realismModeProperty().get().name());
        settings.put("computeEfficiency", vm.computeEfficiencyProperty().get());
        settings.put("bandwidthEfficiency", vm.bandwidthEfficiencyProperty().get());
        double price = vm.priceUsdPerHourProperty().get();
        settings.put("price", Double.isNaN(price) ? null : price);
    }

    @Override
    public void stop() throws InterruptedException {
        if (view != null) {
            rememberState();
            Settings copy = settings.snapshot();
            io.submit(() -> {
                try {
                    copy.save();
                } catch (IOException e) {
                    System.err.println("Could not save settings: " + e.getMessage());
                }
            });
        }
        io.shutdown();
        io.awaitTermination(3, TimeUnit.SECONDS);
    }

    /** Export: pick chart and scale, then a file; render here, encode and write on the I/O thread. */
    private void export(ChartKind preselected) {
        Optional<ExportChoice> choice = askExportChoice(preselected);
        if (choice.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + choice.get().kind().title() + " as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        Path folder = Path.of(settings.get("export.folder", System.getProperty("user.home")));
        if (folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName("roofline-lab-" + choice.get().kind().key() + ".png");
        var file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        Path out = file.toPath().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
                ? file.toPath() : Path.of(file.getPath() + ".png");
        if (out.getParent() != null) {
            settings.put("export.folder", out.getParent().toString());
        }
        exportTo(choice.get().kind(), choice.get().scale(), out);
    }

    /** Renders now and writes in the background; a failure shows a dialog and changes nothing else. */
    void exportTo(ChartKind kind, int scale, Path out) {
        WritableImage image = PngExport.render(view.nodeFor(kind), vm.caption(), scale,
                stage.getScene().getStylesheets());
        view.status.setText("Exporting " + out.getFileName() + "…");
        io.submit(() -> {
            try {
                PngExport.write(image, out);
                Platform.runLater(() -> view.status.setText("Exported " + out.toAbsolutePath() + " ("
                        + (int) image.getWidth() + " × " + (int) image.getHeight() + " px)"));
            } catch (IOException e) {
                Platform.runLater(() -> {
                    view.status.setText("Export failed: " + e.getMessage());
                    Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
                    alert.setHeaderText("The PNG could not be saved");
                    alert.initOwner(stage);
                    alert.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
                    alert.show();
                });
            }
        });
    }

    record ExportChoice(ChartKind kind, int scale) {
    }

    private Optional<ExportChoice> askExportChoice(ChartKind preselected) {
        Dialog<ExportChoice> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Export as PNG");
        dialog.setHeaderText("What to export, and at which scale");
        dialog.getDialogPane().getStylesheets().setAll(stage.getScene().getStylesheets());
        ChoiceBox<ChartKind> kind = new ChoiceBox<>();
        kind.getItems().addAll(ChartKind.values());
        kind.setValue(preselected == null ? ChartKind.valueOf(settings.get("export.kind", "DASHBOARD")) : preselected);
        ToggleGroup scales = new ToggleGroup();
        HBox scaleBox = new HBox(0);
        scaleBox.getStyleClass().add("segmented");
        int remembered = (int) settings.number("export.scale").orElse(2);
        for (int s = 1; s <= 3; s++) {
            ToggleButton b = new ToggleButton(s + "×");
            b.setUserData(s);
            b.setToggleGroup(scales);
            b.setSelected(s == remembered);
            scaleBox.getChildren().add(b);
        }
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.addRow(0, new Label("Chart"), kind);
        grid.addRow(1, new Label("Scale"), scaleBox);
        grid.addRow(2, new Label("Caption"), new Label(vm.caption()));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            int scale = scales.getSelectedToggle() == null ? 2 : (int) scales.getSelectedToggle().getUserData();
            settings.put("export.kind", kind.getValue().name());
            settings.put("export.scale", scale);
            return new ExportChoice(kind.getValue(), scale);
        });
        return dialog.showAndWait();
    }
}
