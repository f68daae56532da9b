package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.adapters.dvcqg.DvcqgStatusTable;

/**
 * Golden files of the DVCQG mappings: every mapping in mappings/dvcqg has fixtures/<name>.input.json and
 * .expected.json beside it, and mapping the input gives exactly the expected output, Vietnamese text byte-exact.
 */
class DvcqgMappingGoldenTests {

    private static final Path DIR = Path.of("mappings/dvcqg");
    private final ObjectMapper json = new ObjectMapper();
    private final DvcqgMapping mapping = new DvcqgMapping("file:mappings", new DvcqgStatusTable("file:mappings"), json);

    static Stream<String> mappings() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonata"))
                    .map(n -> n.substring(0, n.length() - ".jsonata".length())).sorted().toList().stream();
        }
    }

    @Test
    void everyMappingHasFixtures() throws IOException {
        List<String> names = mappings().toList();
        assertThat(names).contains("dossier.canonical-to-dvcqg", "progress.canonical-to-dvcqg");
        for (String name : names) {
            assertThat(DIR.resolve("fixtures/" + name + ".input.json")).exists();
            assertThat(DIR.resolve("fixtures/" + name + ".expected.json")).exists();
        }
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void mappingGivesTheGoldenOutput(String name) throws IOException {
        JsonNode input = json.readTree(Files.readString(DIR.resolve("fixtures/" + name + ".input.json")));
        JsonNode actual = name.startsWith("dossier.") ? mapping.dossier(input) : mapping.progress(input);
        String expectedText = Files.readString(DIR.resolve("fixtures/" + name + ".expected.json"), StandardCharsets.UTF_8);

        assertThat(normalised(actual)).isEqualTo(json.readTree(expectedText));
    }

    @Test
    void datesAreVietnamTimeWithoutSeparators() {
        assertThat(DvcqgMapping.dvcqgDate("2026-11-23T17:30:00Z")).isEqualTo("20261124003000");
        assertThat(DvcqgMapping.dvcqgDate("2026-11-23T08:20:00.999+07:00")).isEqualTo("20261123082000");
    }

    @Test
    void vietnameseTextIsByteExact() {
        JsonNode out = mapping.progress(json.createObjectNode().put("dossierCode", "X-1").put("agencyCode", "H15")
                .set("steps", json.createArrayNode().add(json.createObjectNode().put("status", 7)
                        .put("at", "2026-11-23T08:20:00+07:00").put("officer", "Đặng Thị Ngọc Ánh"))));
        assertThat(out.get(0).get("NguoiXuLy").asText().getBytes(StandardCharsets.UTF_8))
                .isEqualTo("Đặng Thị Ngọc Ánh".getBytes(StandardCharsets.UTF_8));
        assertThat(out.get(0).get("NoiDungXuLy").asText()).isEqualTo("Công dân yêu cầu rút hồ sơ");
    }

    private JsonNode normalised(JsonNode node) throws IOException {
        return json.readTree(json.writeValueAsString(node));
    }
}
