package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import org.junit.jupiter.api.Test;

/**
 * One-stop request -> schema-valid edXML at the axis -> statuses 03, 05, 06 and a reply document -> the dossier's
 * history, documents and trail, the one-stop system and DVCQG, each exactly once (duplicate deliveries included).
 */
class DocumentRoundTripIT extends DocumentFlowIntegrationTest {

    static String request(String subject) {
        String attachment = Base64.getEncoder().encodeToString("Tờ trình xin ý kiến phê duyệt".getBytes(StandardCharsets.UTF_8));
        return """
                {"recipients":[{"organId":"H15.50.05.13","name":"Sở Tư pháp tỉnh Hà Giang"},
                               {"organId":"000.00.00.H22","name":"Văn phòng UBND tỉnh"}],
                 "subject":"%s","dueDate":"2026-12-15","signer":"Trần Thị Mai",
                 "attachments":[{"name":"to-trinh.txt","contentType":"text/plain","base64":"%s"}]}
                """.formatted(subject, attachment);
    }

    @Test
    void requestTravelsAsEdxmlAndStatusesAndReplyComeBackOnce() {
        axis.changeBehaviour(new DocAxisSimulator.Behaviour(100L, "complete", true, false));
        String code = newDossier("DOC-RT");
        var accepted = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY,
                request("Xin ý kiến phê duyệt hồ sơ khai sinh"));
        assertThat(accepted.status()).isEqualTo(202);
        String documentId = accepted.json().get("documentId").asText();

        eventually().until(() -> axis.receivedLog().get(documentId) != null);
        Map<String, Object> sent = axis.receivedLog().get(documentId).body();
        assertThat(sent.get("schemaValid")).isEqualTo(true);
        assertThat(sent.get("to")).isEqualTo("H15.50.05.13,000.00.00.H22");
        assertThat(sent.get("subject")).isEqualTo("Xin ý kiến phê duyệt hồ sơ khai sinh");
        assertThat(sent.get("attachments").toString()).contains("to-trinh.txt");

        // 03 and 05 -> 4 (processing), 06 -> 9 (processed); then the reply document.
        eventually().until(() -> trailCount(code, "DOCUMENT_RECEIVED") == 1 && dossier(code).get("status").asInt() == 9);
        // Duplicate deliveries: every package is listed again once after its acknowledgement; wait until the hub
        // has acknowledged each twice, then check that nothing was applied twice.
        eventually().until(() -> allAcknowledgedTwice());

        JsonNode view = dossier(code);
        List<Integer> history = new ArrayList<>();
        view.get("statusHistory").forEach(s -> history.add(s.get("status").asInt()));
        assertThat(history).containsExactly(4, 4, 9);
        assertThat(trailCount(code, "DOCUMENT_STATUS")).isEqualTo(3);
        assertThat(trailCount(code, "DOCUMENT_RECEIVED")).isEqualTo(1);
        assertThat(trailCount(code, "DOCUMENT_SENT")).isEqualTo(1);
        assertThat(axis.receivedLog().get(documentId).arrivals()).isEqualTo(1);
        JsonNode listed = hub.get("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY).json().get(0);
        assertThat(listed.get("documentId").asText()).isEqualTo(documentId);
        assertThat(listed.get("state").asText()).isEqualTo("SENT");
        assertThat(listed.get("axisDocId").asText()).isNotBlank();
        assertThat(listed.get("createdAt").asText()).isNotBlank();
        assertThat(listed.get("sentAt").asText()).isNotBlank();

        JsonNode documents = hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json();
        String result = resultUrl(code);
        assertThat(result).isNotNull();
        assertThat(hub.get(result, ONESTOP_KEY).body()).contains("Quyết định phê duyệt");
        assertThat(documents.toString()).contains("quyet-dinh-phe-duyet.pdf");

        // The one-stop system hears of each status and the reply once.
        eventually().until(() -> onestop.receivedLog().items().size() >= 5);
        var statusEvents = onestop.receivedLog().items().stream()
                .filter(i -> i.body().has("edxmlStatus") || i.body().has("reply")).toList();
        assertThat(statusEvents).hasSize(4);
        assertThat(statusEvents).allMatch(i -> i.arrivals() == 1);

        // DVCQG: queued through DossierStatusUpdates; the portal ends at 9 with the result document listed.
        eventually().until(() -> portal.held(code) != null && portal.held(code).status() == 9
                && portal.held(code).dossier().toString().contains("quyet-dinh-phe-duyet.pdf"));
        assertThat(portal.held(code).progress()).extracting(s -> s.get("TrangThai").asInt()).contains(4).endsWith(9);
        assertThat(hub.get("/api/v1/admin/documents/dead-letters", ADMIN_KEY).body()).doesNotContain(code);
    }

    @Test
    void refusalAndRecallAreKeptInTheTrailWithoutChangingTheDossier() {
        axis.changeBehaviour(new DocAxisSimulator.Behaviour(50L, "refuse", false, false));
        String refused = newDossier("DOC-REFUSE");
        hub.postJson("/api/v1/dossiers/" + refused + "/documents", ONESTOP_KEY, request("Đề nghị bị từ chối"));
        eventually().until(() -> trailCount(refused, "DOCUMENT_STATUS") == 1);
        assertThat(dossier(refused).toString()).contains("02 Từ chối tiếp nhận");
        assertThat(dossier(refused).get("status").asInt()).isEqualTo(1);

        axis.changeBehaviour(new DocAxisSimulator.Behaviour(50L, "recall", false, false));
        String recalled = newDossier("DOC-RECALL");
        hub.postJson("/api/v1/dossiers/" + recalled + "/documents", ONESTOP_KEY, request("Văn bản thu hồi"));
        eventually().until(() -> trailCount(recalled, "DOCUMENT_STATUS") == 2);
        assertThat(dossier(recalled).toString()).contains("13 Thu hồi");
        assertThat(dossier(recalled).get("status").asInt()).isEqualTo(4);
    }

    @Test
    void badRequestsAreRefusedWithProblemDetails() {
        String code = newDossier("DOC-BAD");
        var noRecipients = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY,
                "{\"recipients\":[],\"subject\":\"x\"}");
        assertThat(noRecipients.status()).isEqualTo(400);
        var badAgency = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY,
                "{\"recipients\":[{\"organId\":\"not-an-agency\"}],\"subject\":\"x\"}");
        assertThat(badAgency.status()).isEqualTo(400);
        var unknownDossier = hub.postJson("/api/v1/dossiers/NO-SUCH-DOSSIER/documents", ONESTOP_KEY, request("x"));
        assertThat(unknownDossier.status()).isEqualTo(404);
        var anonymous = hub.postJson("/api/v1/dossiers/" + code + "/documents", null, request("x"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    /** The four packages of this test (03, 05, 06, reply) were each acknowledged twice, none left at one. */
    private boolean allAcknowledgedTwice() {
        List<Integer> counts = axis.deliveries().values().stream()
                .map(d -> ((List<?>) ((Map<?, ?>) d).get("acks")).size()).toList();
        return counts.stream().filter(n -> n >= 2).count() >= 4 && counts.stream().noneMatch(n -> n == 1);
    }

    private String resultUrl(String code) {
        for (JsonNode d : hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json().path("dossier").path("documents")) {
            if ("KQ".equals(d.path("code").asText())) {
                return d.get("url").asText();
            }
        }
        return null;
    }
}
