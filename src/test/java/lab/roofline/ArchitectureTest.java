package lab.roofline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import lab.roofline.engine.roofline.BatchApi;
import lab.roofline.engine.roofline.Evaluation;
import lab.roofline.engine.roofline.Scenario;
import lab.roofline.engine.serving.RatioReference;
import org.junit.jupiter.api.Test;

/**
 * The house rules, enforced (docs/architecture.md draws them): arrows only point down,
 * Main -> {cli, ui} -> render -> {explain, io, fx} -> engine; the engine's rooms (roofline, serving,
 * scenario, teaching) form no cycle.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lab.roofline");

    @Test
    void theEngineImportsNoJavaFxAndNothingElseOfTheApp() {
        noClasses().that().resideInAPackage("lab.roofline.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..",
                        "lab.roofline.ui..", "lab.roofline.explain..", "lab.roofline.io..", "lab.roofline.cli..",
                        "com.fasterxml..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void explanationsAreTextOverAnEvaluationWithNoJavaFx() {
        noClasses().that().resideInAPackage("lab.roofline.explain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "lab.roofline.ui..",
                        "lab.roofline.io..", "lab.roofline.cli..")
                .check(CLASSES);
    }

    @Test
    void explanationsNeverComputeThemselves() {
        noClasses().that().resideInAPackage("lab.roofline.explain..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("RooflineEngine")
                .check(CLASSES);
    }

    @Test
    void ioImportsNoJavaFx() {
        noClasses().that().resideInAPackage("lab.roofline.io..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "lab.roofline.ui..", "lab.roofline.cli..")
                .check(CLASSES);
    }

    /** Views read the evaluation; only the scenario model asks the engine for one. */
    @Test
    void viewsNeverCallTheEngine() {
        noClasses().that().resideInAnyPackage("lab.roofline.ui..", "lab.roofline.render.chart..", "lab.roofline.render.summary..",
                        "lab.roofline.render.layout..", "lab.roofline.render.pen..", "lab.roofline.render.paint..")
                .and().haveNameNotMatching("lab\\.roofline\\.ui\\.scenario\\.ScenarioModel.*")
                .should().dependOnClassesThat().haveFullyQualifiedName("lab.roofline.engine.roofline.RooflineEngine")
                .orShould().callMethod(BatchApi.class, "compare", Evaluation.class,
                        long.class, long.class)
                .orShould().callMethod(RatioReference.class, "forPrices",
                        Scenario.class, List.class)
                .check(CLASSES);
    }

    /** Views read files only through what the app gives them: no loader is called from a view. */
    @Test
    void viewsReadNoFiles() {
        noClasses().that().resideInAnyPackage("lab.roofline.render.chart..", "lab.roofline.render.summary..",
                        "lab.roofline.render.layout..", "lab.roofline.render.pen..", "lab.roofline.render.paint..",
                        "lab.roofline.ui.lesson..",
                        "lab.roofline.ui.scenario..", "lab.roofline.fx..", "lab.roofline.ui.landscape..")
                .should().dependOnClassesThat().resideInAPackage("lab.roofline.io..")
                .check(CLASSES);
    }

    /** The command line draws through render's renderer, never the interactive window. */
    @Test
    void theCommandLineNeverImportsTheWindow() {
        noClasses().that().resideInAPackage("lab.roofline.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.ui..")
                .check(CLASSES);
    }

    /** Rendering, themes and export are a room the command line and the window both stand on. */
    @Test
    void renderingStandsBelowTheWindowAndTheCommandLine() {
        noClasses().that().resideInAPackage("lab.roofline.render..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.ui..", "lab.roofline.cli..")
                .check(CLASSES);
    }

    /** Chart layout is pure: boxes, scales and colour roles, so any backend (screen, PNG, SVG, a browser) can draw it. */
    @Test
    void chartLayoutImportsNoToolkit() {
        noClasses().that().resideInAPackage("lab.roofline.render.layout..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..",
                        "lab.roofline.render.chart..", "lab.roofline.render.pen..", "lab.roofline.render.paint..",
                        "lab.roofline.render.export..", "lab.roofline.render.summary..", "lab.roofline.render.theme..",
                        "lab.roofline.io..", "lab.roofline.fx..")
                .check(CLASSES);
    }

    /**
     * Painting stands between layout and the charts: it draws with a pen what the layout says and knows
     * no control, no page and no window, so the charts (and an export) can use it, never the other way.
     */
    @Test
    void paintingKnowsNoControls() {
        noClasses().that().resideInAPackage("lab.roofline.render.paint..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.render.chart..",
                        "lab.roofline.render.export..", "lab.roofline.render.summary..", "javafx.scene.control..",
                        "javafx.scene.layout..", "javafx.stage..", "lab.roofline.fx..")
                .check(CLASSES);
    }

    /** The small JavaFX helpers know nothing of the app. */
    @Test
    void toolkitHelpersKnowNothingOfTheApp() {
        noClasses().that().resideInAPackage("lab.roofline.fx..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.ui..", "lab.roofline.render..",
                        "lab.roofline.cli..", "lab.roofline.io..")
                .check(CLASSES);
    }

    /** The engine's rooms: the roofline maths stands alone; serving and scenarios on it; teaching on top. */
    @Test
    void theEnginesRoomsFormNoCycle() {
        slices().matching("lab.roofline.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
        noClasses().that().resideInAPackage("lab.roofline.engine.roofline..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.engine.serving..",
                        "lab.roofline.engine.scenario..", "lab.roofline.engine.teaching..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("lab.roofline.engine.serving..", "lab.roofline.engine.scenario..")
                .should().dependOnClassesThat().resideInAPackage("lab.roofline.engine.teaching..")
                .check(CLASSES);
    }

    /**
     * io's rooms: files (writing and reading safely) stands alone; data (the bundled and the user's data) on it;
     * scenario (documents and settings) on both; the package itself (AppData, everything read at start-up)
     * on all three, and none of them reaches back up to it.
     */
    @Test
    void ioRoomsFormNoCycle() {
        slices().matching("lab.roofline.io.(*)..").should().beFreeOfCycles().check(CLASSES);
        noClasses().that().resideInAPackage("lab.roofline.io.files..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.io", "lab.roofline.io.data..",
                        "lab.roofline.io.scenario..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("lab.roofline.io.data..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.io", "lab.roofline.io.scenario..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("lab.roofline.io.scenario..")
                .should().dependOnClassesThat().resideInAPackage("lab.roofline.io")
                .check(CLASSES);
    }

    /** No package cycle anywhere in the app. */
    @Test
    void noPackageCycles() {
        slices().matching("lab.roofline.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theViewModelsUseNoControlsOrScenes() {
        noClasses().that().haveSimpleNameEndingWith("Model").and().resideInAPackage("lab.roofline.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
                .check(CLASSES);
    }

    /** The feature packages do not reach up into the window that assembles them. */
    @Test
    void featuresDoNotDependOnTheWindow() {
        noClasses().that().resideInAnyPackage("lab.roofline.ui.*..")
                .should().dependOnClassesThat().haveFullyQualifiedName("lab.roofline.ui.DashboardView")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("lab.roofline.ui.RooflineApp")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineAndTheAppWriteToTheConsole() {
        noClasses().that().resideInAnyPackage("lab.roofline.engine..", "lab.roofline.explain..",
                        "lab.roofline.render.layout..", "lab.roofline.render.chart..", "lab.roofline.render.summary..",
                        "lab.roofline.render.paint..",
                        "lab.roofline.ui.scenario..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
