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
 * What the DVCQG mappings must do beyond their golden files (those run in MappingGoldenFilesTests): dates in
 * Vietnam time without separators, Vietnamese text byte-exact.
 */
class DvcqgMappingTests {

    private final ObjectMapper json = new ObjectMapper();
    private final DvcqgMapping mapping = new DvcqgMapping("file:mappings", new DvcqgStatusTable("file:mappings"), json);

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

}
