package lab.roofline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The house rules, enforced (docs/architecture.md draws them): arrows only point down,
 * Main -> {cli, ui} -> explain -> engine, io -> engine, cli -> ui.export.
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

    /** Views read the evaluation; only the view model asks the engine for one. */
    @Test
    void viewsNeverCallTheEngine() {
        noClasses().that().resideInAPackage("lab.roofline.ui..")
                .and().haveNameNotMatching("lab\\.roofline\\.ui\\.scenario\\.RooflineViewModel.*")
                .should().dependOnClassesThat().haveFullyQualifiedName("lab.roofline.engine.RooflineEngine")
                .orShould().callMethod(lab.roofline.engine.BatchApi.class, "compare", lab.roofline.engine.Evaluation.class,
                        long.class, long.class)
                .orShould().callMethod(lab.roofline.engine.RatioReference.class, "forPrices",
                        lab.roofline.engine.Scenario.class, java.util.List.class)
                .check(CLASSES);
    }

    /** Views read files only through what the app gives them: no loader is called from a view. */
    @Test
    void viewsReadNoFiles() {
        noClasses().that().resideInAnyPackage("lab.roofline.ui.chart..", "lab.roofline.ui.summary..",
                        "lab.roofline.ui.lesson..", "lab.roofline.ui.scenario..", "lab.roofline.ui.widget..",
                        "lab.roofline.ui.landscape..")
                .should().dependOnClassesThat().resideInAPackage("lab.roofline.io..")
                .check(CLASSES);
    }

    /** The command line draws through ui.export's renderer, never the interactive window. */
    @Test
    void theCommandLineNeverImportsTheWindow() {
        noClasses().that().resideInAPackage("lab.roofline.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.roofline.ui", "lab.roofline.ui.scenario..",
                        "lab.roofline.ui.lesson..", "lab.roofline.ui.summary..", "lab.roofline.ui.widget..")
                .check(CLASSES);
    }

    @Test
    void theViewModelUsesNoControlsOrScenes() {
        noClasses().that().haveSimpleName("RooflineViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
                .check(CLASSES);
    }

    /** The feature packages do not reach up into the window that assembles them. */
    @Test
    void featuresDoNotDependOnTheWindow() {
        noClasses().that().resideInAnyPackage("lab.roofline.ui.chart..", "lab.roofline.ui.summary..",
                        "lab.roofline.ui.lesson..", "lab.roofline.ui.scenario..", "lab.roofline.ui.export..", "lab.roofline.ui.landscape..",
                        "lab.roofline.ui.widget..", "lab.roofline.ui.theme..")
                .should().dependOnClassesThat().haveFullyQualifiedName("lab.roofline.ui.DashboardView")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("lab.roofline.ui.RooflineApp")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineAndTheAppWriteToTheConsole() {
        noClasses().that().resideInAnyPackage("lab.roofline.engine..", "lab.roofline.explain..",
                        "lab.roofline.ui.chart..", "lab.roofline.ui.summary..", "lab.roofline.ui.scenario..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
