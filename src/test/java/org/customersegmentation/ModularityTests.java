package org.customersegmentation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * Keeps the module diagrams in docs/modules in step with the code (PlantUML, C4 style). The Documenter lists a
     * diagram's relations in no fixed order; they are sorted, so that an unchanged design rewrites the same bytes.
     */
    @Test
    void writesTheModuleDiagrams() throws IOException {
        Path folder = Path.of("docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> diagrams = Files.list(folder)) {
            for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(diagram);
                List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
                Iterator<String> sorted = relations.iterator();
                Files.write(diagram, lines.stream().map(line -> line.startsWith("Rel(") ? sorted.next() : line).toList());
            }
        }
    }
}
