package org.harmony.dsar.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The package rules of docs/architecture.md: a kernel every package may use, the request core on top of it, the
 * capabilities on top of both, and {@code system} (web security, filters, engine set-up) on top of everything.
 */
class ArchitectureTest {

    private static final String ROOT = "org.harmony.dsar";
    private static final String SYSTEM = ROOT + ".system..";
    private static final String KERNEL = ROOT + ".kernel..";
    private static final String REQUEST = ROOT + ".request..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void shouldHaveNoCyclesBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void shouldKeepInfrastructureOutOfTheCapabilities() {
        noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(SYSTEM)
                .should().dependOnClassesThat().resideInAPackage(SYSTEM)
                .because("system wires the capabilities together; they must not know it")
                .check(CLASSES);
    }

    @Test
    void shouldBuildTheKernelOnNothingOfOurs() {
        noClasses().that().resideInAPackage(KERNEL)
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(KERNEL)))
                .check(CLASSES);
    }

    @Test
    void shouldBuildTheRequestCoreOnlyOnTheKernel() {
        noClasses().that().resideInAPackage(REQUEST)
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackages(KERNEL, REQUEST)))
                .check(CLASSES);
    }

    @Test
    void shouldKeepEngineTypesInProcessPackages() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackages("..process..", SYSTEM)
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("services speak of requests; only process packages speak to the engine")
                .check(CLASSES);
    }

    @Test
    void shouldKeepControllersInWebPackages() {
        classes().that().areMetaAnnotatedWith(Controller.class)
                .should().resideInAPackage("..web..")
                .check(CLASSES);
    }
}
