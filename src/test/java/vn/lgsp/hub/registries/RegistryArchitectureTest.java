package vn.lgsp.hub.registries;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The registry work keeps the layering: canonical and audit know no adapter, adapters know no simulator. */
class RegistryArchitectureTest {

    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.lgsp.hub");

    @Test
    void canonicalModelDependsOnNoAdapterOrSimulator() {
        noClasses().that().resideInAPackage("vn.lgsp.hub.canonical..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.lgsp.hub.adapters..",
                        "vn.lgsp.hub.simulators..", "vn.lgsp.hub.registries..", "vn.lgsp.hub.audit..")
                .check(HUB);
    }

    @Test
    void adaptersAndAuditDoNotDependOnSimulators() {
        noClasses().that().resideInAnyPackage("vn.lgsp.hub.adapters..", "vn.lgsp.hub.audit..",
                        "vn.lgsp.hub.registries..")
                .should().dependOnClassesThat().resideInAPackage("vn.lgsp.hub.simulators..")
                .check(HUB);
    }

    @Test
    void auditLogKnowsNothingOfTheRegistries() {
        noClasses().that().resideInAPackage("vn.lgsp.hub.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.lgsp.hub.adapters..", "vn.lgsp.hub.registries..")
                .check(HUB);
    }
}
