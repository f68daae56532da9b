package vn.lgsp.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules that keep the layout telling the architecture. */
@AnalyzeClasses(packages = "vn.lgsp.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The hub's own model depends on no adapter, route, simulator or framework plumbing. */
    @ArchTest
    static final ArchRule canonicalModelStandsAlone = noClasses().that().resideInAPackage("vn.lgsp.hub.canonical..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.lgsp.hub.adapters..", "vn.lgsp.hub.delivery..", "vn.lgsp.hub.simulators..",
                    "vn.lgsp.hub.dossier..", "vn.lgsp.hub.api..", "org.apache.camel..", "org.springframework..");

    /** The hub never calls a simulator directly: simulators are external systems reached over the network. */
    @ArchTest
    static final ArchRule hubDoesNotReachIntoSimulators = noClasses().that().resideOutsideOfPackage("vn.lgsp.hub.simulators..")
            .should().dependOnClassesThat().resideInAPackage("vn.lgsp.hub.simulators..");

    /** Failures the caller sees are coded: no bare RuntimeException thrown from hub code. */
    @ArchTest
    static final ArchRule noBareRuntimeExceptions = noClasses().that().resideInAPackage("vn.lgsp.hub..")
            .should().callConstructor(RuntimeException.class)
            .orShould().callConstructor(Exception.class);
}
