package vn.lgsp.hub.simulators.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aDossierComesBackAsItWasGivenAndTakesAFractionOfItsText() {
        ObjectNode dossier = mapper.createObjectNode().put("MaHoSo", "H15.50.05.13-261205-0001")
                .put("ChuHoSo", "Nguyễn Thị Hoà");
        ArrayNode documents = dossier.putArray("DanhSachGiayTo");
        for (int i = 0; i < 200; i++) {
            documents.addObject().put("MaGiayTo", "TP" + i)
                    .put("TenGiayTo", "Bản sao Giấy chứng nhận quyền sử dụng đất số " + i * 7919)
                    .put("DuongDan", "https://dvc.hagiang.gov.vn/files/" + i + ".pdf");
        }
        String text = dossier.toString();

        CompactJson kept = CompactJson.of(dossier);

        assertThat(kept.text()).isEqualTo(text);
        assertThat(kept.tree()).isEqualTo(dossier);
        assertThat(kept.keptBytes()).isLessThan(text.length() / 4);
    }

    @Test
    void eachReadIsATreeOfItsOwn() {
        CompactJson kept = CompactJson.of("{\"TrangThaiHoSo\":4}");

        ((ObjectNode) kept.tree()).put("TrangThaiHoSo", 10);

        JsonNode again = kept.tree();
        assertThat(again.path("TrangThaiHoSo").asInt()).isEqualTo(4);
    }

    @Test
    void smallAndEmptyTextsAreKept() {
        assertThat(CompactJson.of("{}").text()).isEqualTo("{}");
        assertThat(CompactJson.of("").text()).isEmpty();
        assertThat(CompactJson.of("\"Đặng Kim Linh\"").text()).isEqualTo("\"Đặng Kim Linh\"");
    }
}
