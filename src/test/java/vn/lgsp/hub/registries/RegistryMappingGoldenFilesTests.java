package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.transform.Transformer;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;

/**
 * Golden files of the registry mappings: every mapping in mappings/population and mappings/business has a
 * fixture pair {@code fixtures/<mapping>.input.*} / {@code .expected.*} (plus {@code .params.properties} for a
 * mapping that reads parameters), and turns the input into exactly the expected output.
 */
class RegistryMappingGoldenFilesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> mappings() throws IOException {
        return Stream.of("population", "business").flatMap(system -> {
            try (Stream<Path> files = Files.list(Path.of("mappings", system))) {
                return files.filter(p -> p.toString().endsWith(".xsl") || p.toString().endsWith(".jsonata"))
                        .toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void mappingTurnsItsFixtureInputIntoTheExpectedOutput(Path mapping) throws Exception {
        String name = mapping.getFileName().toString().replaceFirst("\\.(xsl|jsonata)$", "");
        Path fixtures = mapping.resolveSibling("fixtures");
        Path input = only(fixtures, name + ".input.");
        Path expected = only(fixtures, name + ".expected.");

        String actual = mapping.toString().endsWith(".xsl")
                ? xslt(mapping, input, fixtures.resolve(name + ".params.properties"))
                : JSON.writeValueAsString(Jsonata.jsonata(Files.readString(mapping))
                        .evaluate(JSON.readValue(Files.readString(input), Object.class)));

        if (expected.toString().endsWith(".json")) {
            assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(Files.readString(expected)));
        } else {
            var diff = DiffBuilder.compare(Files.readString(expected)).withTest(actual)
                    .ignoreWhitespace().checkForSimilar().build();
            assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
        }
    }

    private static String xslt(Path mapping, Path input, Path params) throws Exception {
        Transformer t = new TransformerFactoryImpl().newTransformer(new StreamSource(mapping.toFile()));
        if (Files.exists(params)) {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(params)));
            p.forEach((k, v) -> t.setParameter(k.toString(), v.toString()));
        }
        StringWriter out = new StringWriter();
        t.transform(new StreamSource(input.toFile()), new StreamResult(out));
        return out.toString();
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertThat(found).as("fixture " + prefix + "* in " + dir).hasSize(1);
            return found.get(0);
        }
    }
}
