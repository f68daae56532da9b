package vn.lgsp.hub.simulators.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.dvcqg.DvcqgProperties;

/** The portal simulator's writes of several items: answered per item, stored whole or not at all, counted. */
class DvcqgSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DvcqgSimulator portal = new DvcqgSimulator(new DvcqgProperties("http://127.0.0.1:9", "/login",
            "/integration", "H15-LGSP", "lgsp", "secret", "H15", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 50,
            50, Duration.ofMillis(200), List.of(2), List.of(3, 99), null), JSON);
    private String session;

    @BeforeEach
    void logIn() {
        session = portal.login("H15-LGSP", JSON.createObjectNode().put("username", "lgsp").put("password", "secret"))
                .getBody().path("session").asText();
    }

    @Test
    void severalDossiersAndTheirStepsInOneCallEachAreStoredAndAnsweredPerItem() {
        JsonNode answer = call("DongBoHoSoMC", "False", dossiers("A", "B", "C"));
        assertThat(answer.path("error_code").asInt()).isZero();
        assertThat(answer.path("result").findValuesAsText("MaHoSo")).containsExactly("A", "B", "C");
        assertThat(answer.path("result").findValuesAsText("error_code")).containsOnly("0");

        assertThat(call("CapNhatTienDoHoSoMC", null, steps("A", "B", "C")).path("error_code").asInt()).isZero();

        assertThat(List.of("A", "B", "C")).allSatisfy(code -> {
            assertThat(portal.held(code).inserts()).isEqualTo(1);
            assertThat(portal.held(code).progress()).hasSize(1);
        });
        assertThat(portal.calls("DongBoHoSoMC")).isEqualTo(1);
        assertThat(portal.calls("CapNhatTienDoHoSoMC")).isEqualTo(1);
        assertThat(portal.calls()).containsKey("DongBoHoSoMC");
    }

    @Test
    void oneInvalidItemRejectsTheWholeCallAndTheAnswerNamesIt() {
        portal.poison("B");
        JsonNode answer = call("DongBoHoSoMC", "False", dossiers("A", "B"));

        assertThat(answer.path("error_code").asInt()).isEqualTo(DvcqgSimulator.INVALID_DATA);
        assertThat(answer.path("message").asText()).contains("B");
        assertThat(answer.path("result").get(0).path("error_code").asInt()).isZero();
        assertThat(answer.path("result").get(1).path("error_code").asInt()).isEqualTo(DvcqgSimulator.INVALID_DATA);
        assertThat(portal.held("A")).isNull();
    }

    @Test
    void moreItemsThanTheLimitAreRefused() {
        portal.maxItems(2);
        assertThat(call("DongBoHoSoMC", "False", dossiers("A", "B", "C")).path("error_code").asInt())
                .isEqualTo(DvcqgSimulator.INVALID_DATA);
        assertThat(call("DongBoHoSoMC", "False", dossiers("A", "B")).path("error_code").asInt()).isZero();
    }

    private JsonNode call(String service, String isUpdating, ArrayNode data) {
        ObjectNode request = JSON.createObjectNode().put("session", session).put("madonvi", "H15")
                .put("service", service);
        if (isUpdating != null) {
            request.put("isUpdating", isUpdating);
        }
        request.set("data", data);
        return portal.integration("H15-LGSP", request).getBody();
    }

    private static ArrayNode dossiers(String... codes) {
        ArrayNode data = JSON.createArrayNode();
        for (String code : codes) {
            data.addObject().put("MaHoSo", code).put("MaTTHC", "1.001193").put("TrangThaiHoSo", 2)
                    .put("NgayTiepNhan", "20261205083000");
        }
        return data;
    }

    private static ArrayNode steps(String... codes) {
        ArrayNode data = JSON.createArrayNode();
        for (String code : codes) {
            data.addObject().put("MaHoSo", code).put("ThoiDiemXuLy", "20261205090000").put("TrangThai", 2);
        }
        return data;
    }
}
