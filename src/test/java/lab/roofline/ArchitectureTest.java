package lab.roofline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house rules, enforced: a pure engine, I/O without JavaFX, a view model without controls. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lab.roofline");

    @Test
    void theEngineImportsNoJavaFxAndNothingElseOfTheApp() {
        noClasses().that().resideInAPackage("lab.roofline.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..",
                        "lab.roofline.app..", "lab.roofline.io..", "lab.roofline.cli..", "com.fasterxml..",
                        "picocli..")
                .check(CLASSES);
    }

    @Test
    void ioImportsNoJavaFx() {
        noClasses().that().resideInAPackage("lab.roofline.io..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "lab.roofline.app..")
                .check(CLASSES);
    }

    @Test
    void theViewModelUsesNoControlsOrScenes() {
        noClasses().that().haveSimpleName("RooflineViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }
}
