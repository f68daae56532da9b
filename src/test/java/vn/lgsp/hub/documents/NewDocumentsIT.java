package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.simulators.support.ReceivedLog;
import vn.lgsp.hub.support.EdxmlDocuments;

/**
 * A document the document-management system sends on its own (it answers no document the hub sent) is work for
 * the one-stop system: delivered to it once, through an outage and a second copy of the same document, with its
 * attachment served by the hub and its trail kept under its key; the axis hears 'done', nothing is dead-lettered.
 */
class NewDocumentsIT extends DocumentFlowIntegrationTest {

    @Test
    void aNewDocumentIsDeliveredToTheOnestopSystemOnce() {
        axis.changeBehaviour(new DocAxisSimulator.Behaviour(100L, "complete", true, false));
        // The one-stop system answers 503 to every call until this document has been retried: a fail-next-N fault
        // could be taken by another delivery still running from an earlier test of the shared hub.
        onestop.injectFaults(new Faults(1.0, 503, null, null, null));
        String documentId = "H10-55-UBND-VP-" + UUID.randomUUID();
        String key = ReceivedDocuments.key(documentId);
        byte[] pdf = "%PDF-1.4\n% Công văn số 55/UBND-VP về việc cấp phép xây dựng\n".getBytes(StandardCharsets.UTF_8);
        byte[] edxml = EdxmlDocuments.newDocument(documentId, pdf);
        String first = inject(edxml);
        String second = inject(edxml); // the same document again, under another axis id
        eventually().until(() -> trailKinds(key).contains("DELIVERY_RETRY"));
        onestop.clearFaults();

        eventually().until(() -> delivered(documentId) != null
                && "done".equals(acknowledged(first)) && "done".equals(acknowledged(second)));
        eventually().until(() -> trailKinds(key).contains("DELIVERED"));

        ReceivedLog.Item<JsonNode> item = delivered(documentId);
        assertThat(item.key()).isEqualTo(key);
        assertThat(item.arrivals()).isEqualTo(1);
        JsonNode body = item.body();
        assertThat(body.get("subject").asText()).isEqualTo("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ");
        assertThat(body.at("/from/id").asText()).isEqualTo("000.00.00.H10");
        assertThat(body.get("code").asText()).isEqualTo("55/UBND-VP");
        assertThat(body.get("promulgationDate").asText()).isEqualTo("2026-12-04");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("name").asText()).isEqualTo("công-văn-55.pdf");
        assertThat(hub.get(attachment.get("url").asText(), ONESTOP_KEY).body())
                .isEqualTo(new String(pdf, StandardCharsets.UTF_8));

        assertThat(trailKinds(key)).containsSubsequence("DOCUMENT_RECEIVED", "DELIVERY_RETRY", "DELIVERED");
        int deliveredToOnestop = 0;
        for (JsonNode entry : hub.get("/api/v1/documents/received/" + key, ONESTOP_KEY).json().get("trail")) {
            if (entry.get("kind").asText().equals("DELIVERED") && entry.get("system").asText().equals("onestop")) {
                deliveredToOnestop++;
            }
        }
        assertThat(deliveredToOnestop).isEqualTo(1);
        assertThat(hub.get("/api/v1/documents/received/" + key, ONESTOP_KEY).json().get("kind").asText())
                .isEqualTo("NEW");
        assertThat(onestop.documentsLog().items().stream().filter(i -> i.key().equals(key)).count()).isEqualTo(1);
        assertThat(hub.get("/api/v1/admin/documents/dead-letters", ADMIN_KEY).body()).doesNotContain(first, second);
    }

    private ReceivedLog.Item<JsonNode> delivered(String documentId) {
        return onestop.documentsLog().items().stream()
                .filter(i -> documentId.equals(i.body().path("documentId").asText())).findFirst().orElse(null);
    }

    private List<String> trailKinds(String key) {
        var view = hub.get("/api/v1/documents/received/" + key, ONESTOP_KEY);
        if (view.status() != 200) {
            return List.of();
        }
        return view.json().get("trail").findValuesAsText("kind");
    }

    private String acknowledged(String docId) {
        Object d = axis.deliveries().get(docId);
        return d == null ? "" : String.valueOf(((Map<?, ?>) d).get("acknowledged"));
    }

    private String inject(byte[] bytes) {
        return hub.postBytes("/sim/docaxis/inject", null, "application/xml", bytes).json().get("docId").asText();
    }
}
