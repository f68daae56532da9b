package vn.lgsp.hub.amendments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.sectors.CivilStatusSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The civil-status system reports what happens to its dossiers after intake over its SOAP contract
 * (CapNhatHoSo of sector-civil-dossier.wsdl): the same amendments as REST, with the same idempotency, rights and
 * effects at DVCQG and at the one-stop system, which holds the dossiers it sends.
 */
class SoapAmendmentsIT extends HubIntegrationTest {

    private static final String ENDPOINT = "/services/sector/civil/dossier";
    private static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1)
            .truncatedTo(ChronoUnit.SECONDS);
    private static final DateTimeFormatter CIVIL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Autowired
    DvcqgSimulator portal;

    @Autowired
    CivilStatusSimulator civil;

    @BeforeEach
    void resetSimulators() {
        portal.reset();
        civil.clearReceived();
        civil.clearFaults();
    }

    /** A dossier the civil-status system submits over SOAP; the one-stop system holds it. */
    private String civilDossier() throws IOException {
        String fixture = Files.readString(Path.of("mappings/sector-civil/fixtures/dossier.soap-to-canonical.input.xml"),
                StandardCharsets.UTF_8);
        var answer = hub.soap(ENDPOINT, CIVIL_KEY, envelope(fixture.replace("HT-2026-000123", Dossiers.newRef("HT-AMD"))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String code = between(answer.body(), "<hs:MaHoSo>", "</hs:MaHoSo>");
        eventually().until(() -> deliveredTo(code, "onestop") && portal.held(code) != null);
        return code;
    }

    /** A CapNhatHoSo request; {@code rest} is what follows ThoiDiem (CanBo, NoiDung, LanBoSung, ...). */
    private static String update(String code, String kind, int minute, String rest) {
        return envelope("""
            <hs:CapNhatHoSo xmlns:hs="urn:lgsp:sector:civil:v1"><hs:CapNhat>
              <hs:MaHoSo>%s</hs:MaHoSo><hs:LoaiCapNhat>%s</hs:LoaiCapNhat><hs:ThoiDiem>%s</hs:ThoiDiem>%s
            </hs:CapNhat></hs:CapNhatHoSo>
            """.formatted(code, kind, BASE.plusMinutes(minute).format(CIVIL_TIME), rest));
    }

    private List<JsonNode> atOnestop(String code) {
        return onestop.amendmentLog().items().stream().map(i -> (JsonNode) i.body())
                .filter(b -> code.equals(b.path("dossierCode").asText())).toList();
    }

    @Test
    void aSupplementReceivedAtTheCivilDeskReachesDvcqgAndTheOnestopSystemOnce() throws IOException {
        String code = civilDossier();
        var requested = hub.postJson("/api/v1/dossiers/" + code + "/supplements", ONESTOP_KEY, """
            {"at":"%s","officer":"Phạm Đức Anh","note":"Bổ sung bản sao giấy chứng nhận kết hôn của cha mẹ"}
            """.formatted(BASE.plusMinutes(1)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        // The civil-status system is the dossier's source: it gets the request over its own SOAP service.
        eventually().until(() -> civil.amendmentLog().items().stream()
                .anyMatch(i -> i.body().toString().contains("<ht:MaHoSo>" + code + "</ht:MaHoSo>")));
        assertThat(civil.amendmentLog().items()).singleElement().satisfies(i -> assertThat(i.body().toString())
                .contains("<ht:LoaiCapNhat>YEU_CAU_BO_SUNG</ht:LoaiCapNhat>").contains("<ht:LanBoSung>1</ht:LanBoSung>"));

        String receipt = update(code, "NHAN_BO_SUNG", 2, """
            <hs:CanBo>Lê Thu Trang</hs:CanBo><hs:NoiDung>Đã nhận bản sao có chứng thực</hs:NoiDung>
            <hs:LanBoSung>1</hs:LanBoSung>
            <hs:GiayTo><hs:TaiLieu><hs:MaThanhPhan>TP03</hs:MaThanhPhan>
              <hs:TenTaiLieu>Bản sao giấy chứng nhận kết hôn</hs:TenTaiLieu>
              <hs:DuongDan>https://hotich.hagiang.gov.vn/files/kh-9.pdf</hs:DuongDan></hs:TaiLieu></hs:GiayTo>""");
        var first = hub.soap(ENDPOINT, CIVIL_KEY, receipt);
        var second = hub.soap(ENDPOINT, CIVIL_KEY, receipt);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("<hs:TrangThaiHoSo>4</hs:TrangThaiHoSo>").contains("<hs:LanBoSung>1</hs:LanBoSung>")
                .contains("<hs:TrungLap>false</hs:TrungLap>");
        assertThat(second.body()).contains("<hs:TrungLap>true</hs:TrungLap>")
                .contains("<hs:MaCapNhat>" + between(first.body(), "<hs:MaCapNhat>", "</hs:MaCapNhat>") + "</hs:MaCapNhat>");
        eventually().until(() -> atOnestop(code).size() == 1);
        assertThat(atOnestop(code).get(0).get("kind").asText()).isEqualTo("SUPPLEMENT_RECEIVED");
        assertThat(atOnestop(code).get(0).at("/documents/0/name").asText()).isEqualTo("Bản sao giấy chứng nhận kết hôn");
        eventually().until(() -> portal.held(code).dossier().at("/DanhSachHoSoBoSung/0/TrangThaiBoSung").asInt() == 1
                && portal.held(code).status() == 4);
        assertThat(portal.held(code).dossier().at("/DanhSachHoSoBoSung/0/ThongTinTiepNhan").asText())
                .isEqualTo("Đã nhận bản sao có chứng thực");
        assertThat(onestop.amendmentLog().items()).allSatisfy(i -> assertThat(i.arrivals()).isEqualTo(1));
        // What it reported itself is not sent back to it.
        assertThat(civil.amendmentLog().items()).hasSize(1);
    }

    @Test
    void aWithdrawalAndACorrectionOverSoapAndTheirRefusals() throws IOException {
        String code = civilDossier();

        var corrected = hub.soap(ENDPOINT, CIVIL_KEY, update(code, "DINH_CHINH", 3, """
            <hs:ThayDoi><hs:Truong><hs:Ten>ChuHoSo/SoDienThoai</hs:Ten><hs:GiaTri>0987000333</hs:GiaTri></hs:Truong>
            </hs:ThayDoi>"""));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        var withdrawn = hub.soap(ENDPOINT, CIVIL_KEY, update(code, "RUT_HO_SO", 4,
                "<hs:NoiDung>Công dân xin rút hồ sơ</hs:NoiDung>"));
        assertThat(withdrawn.body()).contains("<hs:TrangThaiHoSo>7</hs:TrangThaiHoSo>");

        eventually().until(() -> portal.held(code).status() == 7
                && "0987000333".equals(portal.held(code).dossier().path("SoDienThoai").asText()));
        eventually().until(() -> atOnestop(code).size() == 2);
        assertThat(atOnestop(code)).extracting(a -> a.get("kind").asText()).containsExactly("CORRECTION", "WITHDRAWAL");

        var notAField = hub.soap(ENDPOINT, CIVIL_KEY, update(code, "DINH_CHINH", 5, """
            <hs:ThayDoi><hs:Truong><hs:Ten>ChuHoSo/SoDinhDanh</hs:Ten><hs:GiaTri>002190099999</hs:GiaTri></hs:Truong>
            </hs:ThayDoi>"""));
        assertThat(notAField.status()).isEqualTo(500);
        assertThat(notAField.body()).contains("<f:code>VALIDATION_FAILED</f:code>")
                .contains("field=\"changes.ChuHoSo/SoDinhDanh\"");

        var whichSupplement = hub.soap(ENDPOINT, CIVIL_KEY, update(code, "NHAN_BO_SUNG", 5, ""));
        assertThat(whichSupplement.body()).contains("<f:code>VALIDATION_FAILED</f:code>")
                .contains("field=\"supplementNo\"");

        // A dossier the civil-status system neither owns nor is assigned: refused, audited, nothing recorded.
        var landCode = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("AMD-X")))
                .json().get("dossierCode").asText();
        var foreign = hub.soap(ENDPOINT, CIVIL_KEY, update(landCode, "RUT_HO_SO", 6, ""));
        assertThat(foreign.body()).contains("<f:code>FORBIDDEN</f:code>");
        assertThat(hub.get("/api/v1/dossiers/" + landCode, ADMIN_KEY).json().get("status").asInt()).isEqualTo(1);
    }

    private static String envelope(String body) {
        String payload = body.contains("?>") ? body.substring(body.indexOf("?>") + 2) : body;
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + payload + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
