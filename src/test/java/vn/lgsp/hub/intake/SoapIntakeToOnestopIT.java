package vn.lgsp.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/** The civil-status system posts dossiers over SOAP; they go through the same intake and reach the one-stop once. */
class SoapIntakeToOnestopIT extends HubIntegrationTest {

    private static final String ENDPOINT = "/services/sector/civil/dossier";

    @Test
    void soapDossierPostedTwiceIsDeliveredOnceWithItsVietnameseTextIntact() throws IOException {
        String envelope = envelope(Dossiers.newRef("HT"));

        var first = hub.soap(ENDPOINT, CIVIL_KEY, envelope);
        var second = hub.soap(ENDPOINT, CIVIL_KEY, envelope);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("<hs:TrungLap>false</hs:TrungLap>");
        String code = between(first.body(), "<hs:MaHoSo>", "</hs:MaHoSo>");
        assertThat(second.body()).contains("<hs:MaHoSo>" + code + "</hs:MaHoSo>").contains("<hs:TrungLap>true</hs:TrungLap>");

        eventually().until(() -> onestop.receivedLog().get(code) != null);
        eventually().until(() -> deliveredTo(code, "onestop"));
        var delivered = onestop.receivedLog().get(code);
        assertThat(delivered.arrivals()).isEqualTo(1);
        assertThat(onestop.receivedLog().items()).hasSize(1);
        assertThat(delivered.body().get("sourceSystem").asText()).isEqualTo("sector-civil");
        assertThat(delivered.body().get("applicant").get("fullName").asText()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(delivered.body().get("applicant").get("birthDate").asText()).isEqualTo("1990-05-12");
        assertThat(delivered.body().get("receivedAt").asText()).isEqualTo("2026-11-23T09:30:00+07:00");
        assertThat(delivered.body().get("fees").get(0).get("amount").asLong()).isZero();
    }

    @Test
    void answersCarryNothingOfTheRequestsHeadersOnSuccessAndFault() throws IOException {
        String valid = envelope(Dossiers.newRef("HT"));
        String invalid = envelope(Dossiers.newRef("HT")).replace("002190012345", "00219001234");

        for (String envelope : new String[] {valid, invalid}) {
            var answer = hub.exchange("POST", ENDPOINT, CIVIL_KEY, "text/xml; charset=UTF-8",
                    envelope.getBytes(StandardCharsets.UTF_8), "SOAPAction", "\"\"", "X-Whatever", "reflected");

            assertThat(answer.status()).isIn(200, 500);
            assertThat(answer.headers().keySet()).map(String::toLowerCase)
                    .doesNotContain("x-api-key", "x-whatever", "soapaction");
            assertThat(answer.headers().values().toString()).doesNotContain(CIVIL_KEY).doesNotContain("reflected");
            if (answer.status() == 200) { // delivered before the next test clears the one-stop simulator
                String code = between(answer.body(), "<hs:MaHoSo>", "</hs:MaHoSo>");
                eventually().until(() -> deliveredTo(code, "onestop"));
            }
        }
    }

    @Test
    void invalidFieldIsAnsweredWithASoapFaultNamingTheFieldAndNothingIsDelivered() throws IOException {
        String envelope = envelope(Dossiers.newRef("HT")).replace("002190012345", "00219001234");

        var answer = hub.soap(ENDPOINT, CIVIL_KEY, envelope);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("<faultcode>soap:Client</faultcode>")
                .contains("<f:code>VALIDATION_FAILED</f:code>")
                .contains("field=\"applicant.personalId\"")
                .contains("<f:correlationId>");
        assertThat(onestop.receivedLog().items()).isEmpty();
    }

    @Test
    void requestBreakingTheWsdlSchemaIsAnsweredWithASoapFault() throws IOException {
        String envelope = envelope(Dossiers.newRef("HT"))
                .replace("<hs:KenhThucHien>2</hs:KenhThucHien>", "<hs:KenhThucHien>9</hs:KenhThucHien>");

        var answer = hub.soap(ENDPOINT, CIVIL_KEY, envelope);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("soap:Fault").contains("enumeration");
        assertThat(onestop.receivedLog().items()).isEmpty();
    }

    @Test
    void soapCallWithoutKeyIsRefusedWithAFault() throws IOException {
        var answer = hub.soap(ENDPOINT, null, envelope(Dossiers.newRef("HT")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("<f:code>UNAUTHENTICATED</f:code>");
    }

    static String envelope(String sourceRef) throws IOException {
        String fixture = Files.readString(
                Path.of("mappings/sector-civil/fixtures/dossier.soap-to-canonical.input.xml"), StandardCharsets.UTF_8);
        String body = fixture.substring(fixture.indexOf("?>") + 2).replace("HT-2026-000123", sourceRef);
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
