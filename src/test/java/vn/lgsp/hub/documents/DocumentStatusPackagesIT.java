package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.EdxmlDocuments;

/**
 * The sender of a document the hub received hears what became of it, as status packages over the axis, in order:
 * 03 when the hub received it, 04 when the one-stop system took it up as a dossier, then 05 and 06 as that dossier
 * is processed and completed (mappings/docaxis/status.hub-to-docaxis.csv); each code once, the axis refusing two
 * calls on the way.
 */
class DocumentStatusPackagesIT extends DocumentFlowIntegrationTest {

    @Test
    void theSenderHearsReceivedAssignedProcessingCompletedInOrder() {
        String documentId = "H10-77-UBND-VP-" + UUID.randomUUID();
        hub.postBytes("/sim/docaxis/inject", null, "application/xml",
                EdxmlDocuments.newDocument(documentId, "Tờ trình".getBytes(StandardCharsets.UTF_8)));
        eventually().until(() -> codes(documentId).equals(List.of("03")));
        Map<String, Object> received = statuses(documentId).get(0);
        assertThat(received.get("to")).isEqualTo("000.00.00.H10");
        assertThat(received.get("messagetype")).isEqualTo("status");
        assertThat(((Edxml.Organ) received.get("from")).id()).isEqualTo("000.00.00.H22");

        // The one-stop system takes the document up as a dossier; the axis then refuses the next two calls.
        String key = ReceivedDocuments.key(documentId);
        String code = newDossier("DOC-STATUS");
        axis.injectFaults(new Faults(null, 503, null, null, 2));
        var takenUp = hub.exchange("PUT", "/api/v1/documents/received/" + key + "/dossier", ONESTOP_KEY,
                "application/json", ("{\"dossierCode\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(takenUp.status()).isEqualTo(200);
        assertThat(takenUp.json().get("dossierCode").asText()).isEqualTo(code);
        OffsetDateTime at = OffsetDateTime.now().withNano(0);
        report(code, 2, at.plusSeconds(1));   // received: 04 was already said, nothing more
        report(code, 4, at.plusSeconds(2));   // processing: 05
        report(code, 9, at.plusSeconds(3));   // processed: 06
        report(code, 4, at.minusSeconds(60)); // an older change reported late: nothing

        eventually().until(() -> codes(documentId).size() >= 4);
        assertThat(codes(documentId)).containsExactly("03", "04", "05", "06");
        Map<String, Object> completed = statuses(documentId).get(3);
        assertThat(((Map<?, ?>) completed.get("responseFor")).get("promulgationDate")).isEqualTo("2026-12-04");
        assertThat(((Map<?, ?>) completed.get("responseFor")).get("code")).isEqualTo("55/UBND-VP");
        assertThat(hub.get("/api/v1/documents/received/" + key, ONESTOP_KEY).json().get("trail")
                .findValuesAsText("kind").stream().filter("DOCUMENT_STATUS"::equals).count()).isEqualTo(4);
    }

    private void report(String code, int status, OffsetDateTime at) {
        var answer = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                "{\"status\":%d,\"at\":\"%s\",\"officer\":\"cb-01\",\"note\":\"Bước %d\"}".formatted(status, at, status));
        assertThat(answer.status()).as(answer.body()).isLessThan(300);
    }

    private List<Map<String, Object>> statuses(String documentId) {
        return axis.statuses().stream()
                .filter(s -> documentId.equals(((Map<?, ?>) s.get("responseFor")).get("documentId"))).toList();
    }

    private List<String> codes(String documentId) {
        return statuses(documentId).stream().map(s -> (String) s.get("statusCode")).toList();
    }
}
