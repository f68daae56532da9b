package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.simulators.ministries.MinistrySimulator;
import vn.lgsp.hub.simulators.ministries.MinistrySimulators;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The ministry systems connected with files only: a dossier the one-stop system posts for a procedure of each
 * ministry lands at that ministry's simulator exactly once, whatever its interface (REST push, SOAP push, REST push
 * with a polled change feed, file drop), and a status it reports in its own codes reaches the dossier's history and
 * trail and the one-stop system, mapped. A status file the hub cannot read ends in .error with its reason and the
 * next files go on.
 */
class MinistrySystemsIT extends HubIntegrationTest {

    @Autowired
    MinistrySimulators ministries;

    @Value("${hub.systems.sector-finance.outbound-dir}")
    Path financeOutbound;

    @DynamicPropertySource
    static void quickPollsAndScans(DynamicPropertyRegistry registry) {
        for (String polled : List.of("sector-health", "sector-agriculture")) {
            registry.add("hub.systems." + polled + ".poll-interval", () -> "250");
        }
        for (String dropped : List.of("sector-finance", "sector-education")) {
            registry.add("hub.systems." + dropped + ".scan-interval", () -> "250");
        }
        registry.add("hub.simulators.file-drop-scan", () -> "200");
    }

    @BeforeEach
    void resetMinistrySimulators() {
        List.of("sector-investment", "sector-finance", "sector-home-affairs", "sector-transport", "sector-health",
                "sector-education", "sector-agriculture", "sector-construction").forEach(id -> ministries.get(id).reset());
    }

    /** One procedure of each ministry, its competent agency, and a status in its own codes meaning "in progress" (4). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sector-investment,   1.009645, H15.11, DANG_THAM_DINH",
        "sector-finance,      1.005433, H15.12, DANG_THAM_TRA",
        "sector-home-affairs, 1.003822, H15.15, XL",
        "sector-transport,    1.002804, H15.16, PROCESSING",
        "sector-health,       1.004616, H15.17, 02",
        "sector-education,    2.001914, H15.18, XU_LY",
        "sector-agriculture,  1.003619, H15.19, KIEM_TRA",
        "sector-construction, 1.009972, H15.20, DANG_THAM_DINH"})
    void aDossierLandsAtItsMinistryOnceAndTheMinistrysProgressReachesTheTrailAndTheOnestopSystem(
            String system, String procedure, String agency, String inProgress) {
        MinistrySimulator ministry = ministries.get(system);
        String code = post(SectorRoutingIT.dossier(Dossiers.newRef("MIN"), procedure,
                "Thủ tục " + procedure, agency, "Tổ 1, phường Trần Phú, tỉnh Hà Giang"));

        eventually().until(() -> ministry.receivedLog().get(code) != null && deliveredTo(code, system));
        assertThat(trailHas(code, "ROUTED", system)).isTrue();
        assertThat(ministry.receivedLog().items()).hasSize(1);
        assertThat(ministry.receivedLog().get(code).arrivals()).isEqualTo(1);
        assertThat(ministry.receivedLog().get(code).body()).contains(procedure);

        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> answer = ministry.reportProgress(code, inProgress, "Đang thẩm định hồ sơ", at);
        if (answer.containsKey("hubStatus")) {
            assertThat(answer.get("hubStatus")).as(answer.toString()).isEqualTo(202);
        }

        eventually().until(() -> history(code).contains(4));
        eventually().until(() -> statusesAtOnestop(code).contains(4));
        assertThat(onestop.receivedLog().items())
                .filteredOn(i -> i.body().path("dossierCode").asText().equals(code) && i.body().has("reportedBy"))
                .allSatisfy(i -> assertThat(i.body().get("reportedBy").asText()).isEqualTo(system));
        assertThat(ministry.receivedLog().get(code).arrivals()).as("delivered exactly once").isEqualTo(1);
    }

    @Test
    void aStatusFileTheHubCannotReadEndsInErrorWithItsReasonAndTheNextFilesGoOn() throws Exception {
        MinistrySimulator finance = ministries.get("sector-finance");
        String code = post(SectorRoutingIT.dossier(Dossiers.newRef("MIN-F"), "1.005425",
                "Đăng ký mã số đơn vị có quan hệ với ngân sách", "H15.12", "Tổ 2, phường Minh Khai, tỉnh Hà Giang"));
        eventually().until(() -> finance.receivedLog().get(code) != null);
        Files.createDirectories(financeOutbound);
        Files.writeString(financeOutbound.resolve(".garbage.tmp"), "<KetQua>không phải JSON</KetQua>");
        Files.move(financeOutbound.resolve(".garbage.tmp"), financeOutbound.resolve(code + ".0-garbage.json"));

        finance.reportProgress(code, "DA_PHE_DUYET", "Đã phê duyệt",
                OffsetDateTime.now(ZoneOffset.ofHours(7)).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS));

        eventually().until(() -> history(code).contains(9));
        eventually().until(() -> Files.exists(financeOutbound.resolve(".error/" + code + ".0-garbage.json")));
        assertThat(Files.readString(financeOutbound.resolve(".error/" + code + ".0-garbage.json.reason.txt")))
                .isNotBlank();
        eventually().until(() -> statusesAtOnestop(code).contains(9));
    }

    private String post(String body) {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }


}
