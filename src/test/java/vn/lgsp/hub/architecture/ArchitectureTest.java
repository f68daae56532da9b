package vn.lgsp.hub.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules that keep the layout telling the architecture (docs/architecture.md, "Java packages"). The simulators stand
 * in for external systems and are held only to what they may share with the hub.
 */
@AnalyzeClasses(packages = "vn.lgsp.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SIMULATORS = "vn.lgsp.hub.simulators..";

    /** Top-level packages depend on each other in one direction only. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("vn.lgsp.hub.(*)..")
            .should().beFreeOfCycles();

    /**
     * Four layers, each using only those below it: the ground (model, errors, platform, status tables, audit,
     * security, delivery), the adapters (one per external system), the flows, and the edges (public API, console).
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Ground").definedBy("vn.lgsp.hub.canonical..", "vn.lgsp.hub.errors..", "vn.lgsp.hub.trail..",
                    "vn.lgsp.hub.cluster..", "vn.lgsp.hub.platform..", "vn.lgsp.hub.statuses..", "vn.lgsp.hub.audit..",
                    "vn.lgsp.hub.security..", "vn.lgsp.hub.delivery..")
            .layer("Adapters").definedBy("vn.lgsp.hub.adapters..")
            .layer("Flows").definedBy("vn.lgsp.hub.catalogue..", "vn.lgsp.hub.dossier..", "vn.lgsp.hub.sectors..",
                    "vn.lgsp.hub.registries..", "vn.lgsp.hub.documents..", "vn.lgsp.hub.payments..",
                    "vn.lgsp.hub.amendments..", "vn.lgsp.hub.dvcqg..", "vn.lgsp.hub.notices..", "vn.lgsp.hub.ratings..")
            .layer("Edges").definedBy("vn.lgsp.hub.api..", "vn.lgsp.hub.console..")
            .whereLayer("Edges").mayNotBeAccessedByAnyLayer()
            .whereLayer("Flows").mayOnlyBeAccessedByLayers("Edges")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Flows", "Edges");

    /** The hub's own model depends on nothing else of the hub, and on no framework. */
    @ArchTest
    static final ArchRule canonicalModelStandsAlone = noClasses().that().resideInAPackage("vn.lgsp.hub.canonical..")
            .should().dependOnClassesThat(resideInAPackage("vn.lgsp.hub..")
                    .and(resideOutsideOfPackage("vn.lgsp.hub.canonical..")))
            .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..");

    /** An adapter talks to its external system; the hub's own API and console sit above it, never below. */
    @ArchTest
    static final ArchRule adaptersDoNotReachUp = noClasses().that().resideInAPackage("vn.lgsp.hub.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.lgsp.hub.api..", "vn.lgsp.hub.console..");

    /** The hub never calls a simulator directly: simulators are external systems reached over the network. */
    @ArchTest
    static final ArchRule hubDoesNotReachIntoSimulators = noClasses().that().resideOutsideOfPackage(SIMULATORS)
            .should().dependOnClassesThat().resideInAPackage(SIMULATORS);

    /**
     * A simulator shares with the hub only what both sides of a wire share: the canonical identifiers, each
     * system's adapter (its properties, field names and signatures), the edXML codec, and the hub's configuration.
     */
    @ArchTest
    static final ArchRule simulatorsShareOnlyTheWire = classes().that().resideInAPackage(SIMULATORS)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("vn.lgsp.hub..")
                    .or(resideInAPackage(SIMULATORS))
                    .or(resideInAPackage("vn.lgsp.hub.canonical.."))
                    .or(resideInAPackage("vn.lgsp.hub.adapters.."))
                    .or(topLevelClass("the edXML codec (documents.Edxml*)",
                            name -> name.startsWith("vn.lgsp.hub.documents.Edxml")))
                    .or(topLevelClassIn(Set.of("vn.lgsp.hub.platform.HubProperties",
                            "vn.lgsp.hub.platform.JsonConfiguration"))));

    /**
     * HTTP endpoints live at the edges: the public API, the console, the flows that have an HTTP edge of their own,
     * security's token endpoint, and the simulators. The rest of the ground and the adapters have none.
     */
    @ArchTest
    static final ArchRule controllersOnlyAtTheEdges = classes().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class)
            .should().resideInAnyPackage("vn.lgsp.hub.api..", "vn.lgsp.hub.console..", "vn.lgsp.hub.amendments..",
                    "vn.lgsp.hub.catalogue..", "vn.lgsp.hub.documents..", "vn.lgsp.hub.dvcqg..",
                    "vn.lgsp.hub.payments..", "vn.lgsp.hub.postal..", "vn.lgsp.hub.sectors..", "vn.lgsp.hub.security..", "vn.lgsp.hub.notices..",
                    "vn.lgsp.hub.ratings..", "vn.lgsp.hub.reporting..", SIMULATORS);

    /**
     * Calls to external systems are Camel endpoints in the routes (or platform plumbing), not a hand-held JDK HTTP
     * client.
     */
    @ArchTest
    static final ArchRule noJdkHttpClientOutsidePlatform = noClasses().that().resideOutsideOfPackages(
                    "vn.lgsp.hub.platform..", SIMULATORS)
            .should().dependOnClassesThat().resideInAPackage("java.net.http..");

    /** Failures the caller sees are coded: no bare RuntimeException thrown from hub code. */
    @ArchTest
    static final ArchRule noBareRuntimeExceptions = noClasses().that().resideInAPackage("vn.lgsp.hub..")
            .should().callConstructor(RuntimeException.class)
            .orShould().callConstructor(Exception.class);

    /** The class, or the class it is nested in, is one of these. */
    private static DescribedPredicate<JavaClass> topLevelClassIn(Set<String> names) {
        return topLevelClass("one of " + names, names::contains);
    }

    /** The name of the class, or of the class it is nested in, fits. */
    private static DescribedPredicate<JavaClass> topLevelClass(String description, Predicate<String> name) {
        return DescribedPredicate.describe(description,
                javaClass -> name.test(javaClass.getName().replaceFirst("\\$.*", "")));
    }
}
