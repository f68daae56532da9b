package vn.lgsp.hub.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xmlunit.builder.DiffBuilder;
import com.dashjoin.jsonata.Jsonata;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.platform.MappingFiles;
import vn.lgsp.hub.statuses.DvcqgStatusTable;

/**
 * Every transformation file in mappings/ has golden fixtures beside it
 * ({@code fixtures/<mapping name>.input.*} and {@code .expected.*}, plus {@code .params.properties} for a mapping
 * that reads parameters, given to it as message headers as a route would) and turns each input into its expected
 * output: JSON compared as JSON, XML compared ignoring whitespace.
 * A mapping without fixtures fails the build. Run one system's mappings with
 * {@code ./mvnw test -Dtest=MappingGoldenFilesTest -Dmapping=<system>}.
 */
class MappingGoldenFilesTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final List<String> MAPPING_EXTENSIONS = List.of(".xsl", ".xslt", ".jsonata", ".jslt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DvcqgStatusTable STATUSES = new DvcqgStatusTable("file:mappings");
    private static CamelContext camel;

    /**
     * Mappings written in Java (edXML is streamed with StAX, so it cannot be an XSLT), named like the files they
     * would be ({@code <system>/<name>.java}) and run on their fixtures like every other mapping.
     */
    private static final Map<String, Function<String, String>> JAVA_MAPPINGS = Map.of(
            "docaxis/document.canonical-to-edxml.java", EdxmlGoldenMappings::canonicalToEdxml,
            "docaxis/package.edxml-to-canonical.java", EdxmlGoldenMappings::edxmlToCanonical);

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @Test
    void everyMappingHasFixtures() throws IOException {
        for (Path mapping : mappings()) {
            assertThat(fixtures(mapping)).as("golden fixtures of " + mapping).isNotEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureMapsToItsExpectedOutput() throws IOException {
        return mappings().stream().flatMap(mapping -> {
            try {
                return fixtures(mapping).stream().map(input -> DynamicTest.dynamicTest(
                        MAPPINGS.relativize(input).toString(), () -> assertGolden(mapping, input)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertGolden(Path mapping, Path input) throws IOException {
        Path expected = expectedOf(input);
        assertThat(expected).as("expected output beside " + input).exists();
        String actual = transform(mapping, Files.readString(input, StandardCharsets.UTF_8), MappingFiles.parametersOf(input));
        String wanted = Files.readString(expected, StandardCharsets.UTF_8);
        if (expected.toString().endsWith(".json")) {
            JsonNode actualJson = JSON.readTree(actual);
            assertThat(actualJson).as(mapping + " on " + input.getFileName()).isEqualTo(JSON.readTree(wanted));
        } else if (expected.toString().endsWith(".xml")) {
            var diff = DiffBuilder.compare(wanted).withTest(actual).ignoreWhitespace().checkForSimilar().build();
            assertThat(diff.hasDifferences()).as(mapping + " on " + input.getFileName() + ": " + diff).isFalse();
        } else {
            assertThat(actual.strip()).as(mapping + " on " + input.getFileName()).isEqualTo(wanted.strip());
        }
    }

    private static String transform(Path mapping, String input, Properties parameters) throws IOException {
        String name = mapping.getFileName().toString();
        Function<String, String> java = JAVA_MAPPINGS.get(MAPPINGS.relativize(mapping).toString());
        if (java != null) {
            return java.apply(input);
        }
        if (name.endsWith(".jsonata")) {
            // As the hub runs them: the jsonata library with the hub's extension functions registered.
            Jsonata expression = DvcqgMapping.withFunctions(Jsonata.jsonata(Files.readString(mapping)), STATUSES);
            return JSON.writeValueAsString(expression.evaluate(JSON.readValue(input, Object.class)));
        }
        String uri = name.endsWith(".jslt") ? "jslt:file:" + mapping
                : "xslt-saxon:file:" + mapping + "?output=string";
        ProducerTemplate producer = camel.createProducerTemplate();
        Exchange result = producer.send(uri, exchange -> {
            exchange.getMessage().setBody(input);
            parameters.forEach((k, v) -> exchange.getMessage().setHeader(k.toString(), v.toString()));
        });
        if (result.getException() != null) {
            throw new AssertionError(mapping + " failed on its fixture", result.getException());
        }
        return result.getMessage().getBody(String.class);
    }

    private static List<Path> mappings() throws IOException {
        String only = System.getProperty("mapping");
        try (Stream<Path> files = Files.walk(MAPPINGS)) {
            return Stream.concat(files.filter(Files::isRegularFile)
                            .filter(p -> !p.toString().contains("/fixtures/"))
                            .filter(p -> MAPPING_EXTENSIONS.stream().anyMatch(ext -> p.toString().endsWith(ext))),
                    JAVA_MAPPINGS.keySet().stream().map(MAPPINGS::resolve))
                    .filter(p -> only == null || only.isBlank() || p.startsWith(MAPPINGS.resolve(only)))
                    .sorted().toList();
        }
    }

    /** Inputs named {@code fixtures/<mapping file name without extension>[.<case>].input.<ext>}. */
    static List<Path> fixtures(Path mapping) throws IOException {
        Path dir = mapping.resolveSibling("fixtures");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String base = stripExtension(mapping.getFileName().toString());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(base + ".") && n.contains(".input.");
            }).sorted().toList();
        }
    }

    private static Path expectedOf(Path input) throws IOException {
        String prefix = input.getFileName().toString().replaceFirst("\\.input\\..*$", ".expected.");
        try (Stream<Path> files = Files.list(input.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElse(input.resolveSibling(prefix + "missing"));
        }
    }

    private static String stripExtension(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }
}
