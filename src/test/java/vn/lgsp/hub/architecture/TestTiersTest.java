package vn.lgsp.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The test tiers of docs/testing.md hold: a class with tests is named for its tier, since surefire runs only
 * {@code *Test}, failsafe only {@code *IT} ({@code *ProofIT} under -Pproof) and -Pbench only {@code *Benchmark}; a
 * class named otherwise would never run. And a {@code *Test} starts no hub, broker, database or JVM.
 */
@AnalyzeClasses(packages = "vn.lgsp.hub", importOptions = ImportOption.OnlyIncludeTests.class)
class TestTiersTest {

    private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.RepeatedTest", "com.tngtech.archunit.junit.ArchTest");

    private static final DescribedPredicate<JavaClass> HOLDING_TESTS =
            DescribedPredicate.describe("hold tests", TestTiersTest::holdsTests);

    @ArchTest
    static final ArchRule classesWithTestsAreNamedForTheirTier = classes().that(HOLDING_TESTS)
            .should().haveSimpleNameEndingWith("Test")
            .orShould().haveSimpleNameEndingWith("IT")
            .orShould().haveSimpleNameEndingWith("Benchmark");

    /** What makes a test an integration test: the hub in-process or spawned, a real broker or database. */
    @ArchTest
    static final ArchRule unitTestsStartNothing = noClasses().that().haveSimpleNameEndingWith("Test")
            .and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should().beAssignableTo("vn.lgsp.hub.support.HubIntegrationTest")
            .orShould().beAssignableTo("vn.lgsp.hub.support.SqlOnPostgresTest")
            .orShould().beAnnotatedWith("org.springframework.boot.test.context.SpringBootTest")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("vn.lgsp.hub.support.MigratedPostgres")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.boot.builder.SpringApplicationBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("vn.lgsp.hub.cluster.JavaProcess")
            .orShould().callMethodWhere(DescribedPredicate.describe("start a hub process", call ->
                    call.getTargetOwner().getName().equals("vn.lgsp.hub.support.HubProcess")
                            && call.getName().startsWith("start")));

    private static boolean holdsTests(JavaClass type) {
        if (type.getModifiers().contains(JavaModifier.ABSTRACT) || type.isNestedClass()) {
            return false;
        }
        return type.getAllMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                        .anyMatch(a -> TEST_ANNOTATIONS.contains(a.getRawType().getName())))
                || type.getAllFields().stream().anyMatch(f -> f.getAnnotations().stream()
                        .anyMatch(a -> TEST_ANNOTATIONS.contains(a.getRawType().getName())));
    }
}
