package org.customersegmentation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries, checked rather than hoped for: each top-level package is a module that uses only the
 * modules its {@code package-info.java} allows, only through their base packages, and without cycles.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SegmentationServiceApplication.class);

    /** The analysis stays plain Java: no Spring, Jakarta, JDBC or other module, so it can be tested and reused alone. */
    static final ArchRule ENGINE_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage("org.customersegmentation.engine..")
            .and().doNotHaveSimpleName("package-info") // carries the module's own annotation
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "smile..", "org.customersegmentation.engine..")
            .because("the engine is plain Java: it knows neither Spring, nor the database, nor the other modules");

    @Test
    void modulesDependOnlyOnWhatTheyDeclareThroughTheirPublicTypes() {
        MODULES.verify();
    }

    @Test
    void theEngineDependsOnNothingButTheJdkAndSmile() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.customersegmentation");
        ENGINE_IS_PLAIN_JAVA.check(classes);
    }

    /** Keeps the module diagrams in docs/modules in step with the code (PlantUML, C4 style). */
    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
