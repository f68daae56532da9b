package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.statuses.DvcqgStatusTable;

/**
 * What the DVCQG mappings must do beyond their golden files (those run in MappingGoldenFilesTest): dates in
 * Vietnam time without separators, Vietnamese text byte-exact, nothing kept from one dossier to the next.
 */
class DvcqgMappingTest {

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

    /**
     * Every DVCQG field comes from a fact: a dossier that does not know its receipt number, submission time, field
     * of activity, result delivery, remarks, verified registry, result code or fee kinds sends none of them, rather
     * than a constant standing in (SoBienNhan was MaHoSo, NgayNopHoSo was NgayTiepNhan, LoaiPhiLePhi was 1).
     */
    @Test
    void aFieldWithoutAFactIsLeftOutNeverFilledWithAConstant() throws IOException {
        ObjectNode input = (ObjectNode) json.readTree(Path.of(
                "mappings/dvcqg/fixtures/dossier.canonical-to-dvcqg.input.json").toFile());
        ObjectNode dossier = (ObjectNode) input.get("dossier");
        dossier.remove(List.of("receiptNumber", "submittedAt", "fieldCode", "fieldName", "resultDelivery", "note",
                "onlinePayment"));
        ((ObjectNode) dossier.get("applicant").get("verification")).put("status", "UNVERIFIED");
        dossier.get("fees").forEach(fee -> ((ObjectNode) fee).remove(List.of("kind", "collection")));
        input.set("history", json.createArrayNode().add(json.createObjectNode().put("status", 2)
                .put("at", "2026-11-23T08:20:00+07:00")));

        JsonNode out = mapping.dossier(input);

        assertThat(out.has("MaHoSo")).isTrue();
        for (String absent : List.of("SoBienNhan", "NgayNopHoSo", "MaLinhVuc", "TenLinhVuc", "HinhThuc", "GhiChu",
                "MaCSDL", "MaKetQua", "DuocThanhToanTrucTuyen")) {
            assertThat(out.has(absent)).as(absent).isFalse();
        }
        out.get("DanhSachLePhi").forEach(fee -> assertThat(fee.has("LoaiPhiLePhi") || fee.has("HinhThucThu"))
                .as(fee.toString()).isFalse());
        JsonNode step = mapping.progress(json.createObjectNode().put("dossierCode", "X-1").put("agencyCode", "H15")
                .set("steps", json.createArrayNode().add(json.createObjectNode().put("status", 4)
                        .put("at", "2026-11-23T08:20:00+07:00")))).get(0);
        assertThat(step.has("PhongBanXuLy")).as("the agency code is not a department").isFalse();
        assertThat(step.has("ChucDanh")).isFalse();
    }

    /** The latest result code reported with a status change is the dossier's MaKetQua. */
    @Test
    void theLatestResultCodeIsMaKetQua() throws IOException {
        ObjectNode input = (ObjectNode) json.readTree(Path.of(
                "mappings/dvcqg/fixtures/dossier.canonical-to-dvcqg.input.json").toFile());
        ((ArrayNode) input.get("history")).addObject().put("status", 10).put("at", "2026-11-28T08:00:00+07:00")
                .put("resultCode", "126/TLKS-BS");
        assertThat(mapping.dossier(input).get("MaKetQua").asText()).isEqualTo("126/TLKS-BS");
    }

    /**
     * The sync maps every dossier on a handful of consumer threads for as long as the hub runs, so a mapping must
     * keep nothing of the dossiers it mapped. With JSONata 0.9.9 each evaluation of a mapping with ":=" bindings
     * stayed reachable from the next: here 1,500 dossiers of 200 documents kept 95 MB and took 111 s (now: 2 s),
     * each evaluation slower than the one before.
     */
    @Test
    void repeatedMappingsRetainNothing() throws IOException {
        ObjectNode input = (ObjectNode) json.readTree(Path.of("mappings/dvcqg/fixtures/dossier.canonical-to-dvcqg.input.json").toFile());
        ArrayNode documents = ((ObjectNode) input.get("dossier")).putArray("documents");
        for (int i = 0; i < 200; i++) {
            documents.addObject().put("code", "TP" + i).put("name", "Bản sao giấy tờ số " + i + " của người nộp hồ sơ")
                    .put("url", "https://dvc.example.vn/f/" + i + ".pdf").put("digitized", i % 2 == 0);
        }
        mapping.dossier(input);
        long before = heapAfterGc();
        for (int i = 0; i < 1_500; i++) {
            ((ObjectNode) input.get("dossier")).put("dossierCode", "H15-" + i);
            assertThat(mapping.dossier(input).get("MaHoSo").asText()).isEqualTo("H15-" + i);
        }
        long grownMb = (heapAfterGc() - before) / (1024 * 1024);
        assertThat(grownMb).as("heap kept after 1,500 mappings, MB").isLessThan(20);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
