package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Malformed, hostile (XXE, billion laughs, deep nesting), oversized, schema-invalid and unplaceable packages are
 * acknowledged 'fail' and dead-lettered with a reason; the hub stays healthy and reads nothing it should not.
 */
class HostilePackagesIT extends DocumentFlowIntegrationTest {

    private static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    @Test
    void everyBadPackageIsDeadLetteredWithItsReasonAndTheHubStaysHealthy() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(inject("this is not XML at all"), "not well-formed");
        expected.put(inject("""
                <?xml version="1.0"?>
                <!DOCTYPE edXMLEnvelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <edXMLEnvelope xmlns="%s"><edXMLHeader>&xxe;</edXMLHeader></edXMLEnvelope>""".formatted(NS)), "DOCTYPE");
        expected.put(inject(billionLaughs()), "DOCTYPE");
        expected.put(inject("""
                <?xml version="1.0"?>
                <!DOCTYPE edXMLEnvelope SYSTEM "%s/sim/docaxis/files/generated?bytes=10">
                <edXMLEnvelope xmlns="%s"/>""".formatted(hub.baseUrl(), NS)), "DOCTYPE");
        expected.put(inject(deep(5000)), "nested deeper than");
        expected.put(inject(oversized()), "larger than");
        expected.put(inject("<edXMLEnvelope xmlns=\"" + NS + "\"><edXMLHeader/></edXMLEnvelope>"), "neither");
        expected.put(inject("<other xmlns=\"urn:x\"/>"), "root element");
        expected.put(inject(statusFor("LGSP-never-sent")), "never sent");

        eventually().until(() -> expected.keySet().stream().allMatch(id -> acknowledged(id).equals("fail")));
        JsonNode deadLetters = hub.get("/api/v1/admin/documents/dead-letters", ADMIN_KEY).json().get("items");
        for (var e : expected.entrySet()) {
            String reason = reasonOf(deadLetters, e.getKey());
            assertThat(reason).as("reason for %s", e.getValue()).containsIgnoringCase(e.getValue());
            assertThat(reason).doesNotContain("root:x:0:0");
        }
        assertThat(hub.get("/api/v1/admin/documents/dead-letters", ONESTOP_KEY).status()).isEqualTo(403);
        assertThat(hub.get("/actuator/health", null).status()).isEqualTo(200);
        // Fetched again (duplicate delivery): acknowledged 'fail' again, not dead-lettered twice.
        assertThat(deadLetters.findValuesAsText("docId").stream().filter(expected::containsKey).count())
                .isEqualTo(expected.size());
    }

    private String acknowledged(String docId) {
        Object d = axis.deliveries().get(docId);
        return d == null ? "" : String.valueOf(((Map<?, ?>) d).get("acknowledged"));
    }

    private static String reasonOf(JsonNode deadLetters, String docId) {
        for (JsonNode item : deadLetters) {
            if (docId.equals(item.get("docId").asText())) {
                return item.get("reason").asText();
            }
        }
        return "";
    }

    private String inject(String xml) {
        return inject(xml.getBytes(StandardCharsets.UTF_8));
    }

    private String inject(byte[] bytes) {
        return hub.postBytes("/sim/docaxis/inject", null, "application/xml", bytes).json().get("docId").asText();
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">\n");
            previous = "lol" + i;
        }
        return dtd + "]>\n<edXMLEnvelope xmlns=\"" + NS + "\">&lol9;</edXMLEnvelope>";
    }

    private static String deep(int depth) {
        return "<edXMLEnvelope xmlns=\"" + NS + "\">" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</edXMLEnvelope>";
    }

    /** A well-formed package whose attachment decodes to 3 MB, over the 2 MB limit of these tests. */
    private static byte[] oversized() {
        var out = new ByteArrayOutputStream();
        byte[] content = new byte[3 * 1024 * 1024];
        EdxmlWriter.writeDocument(new Edxml.Document(new Edxml.Organ("H15.50.05.13", "Sở Tư pháp"),
                List.of(new Edxml.Organ("000.00.00.H22", null)), "1", "QĐ", "Hà Giang", java.time.LocalDate.now(), 1,
                "Công văn", 0, "Tệp quá lớn", null, null, null, new Edxml.Reference("000.00.00.H22", null, null, "LGSP-x"),
                "DMS-big", OffsetDateTime.now(), List.of(new Edxml.OutgoingAttachment("big.bin",
                "application/octet-stream", () -> new java.io.ByteArrayInputStream(content)))), out);
        return out.toByteArray();
    }

    private static String statusFor(String documentId) {
        var out = new ByteArrayOutputStream();
        EdxmlWriter.writeStatus(new Edxml.Status(new Edxml.Reference("000.00.00.H22", null, null, documentId),
                new Edxml.Organ("H15.50.05.13", "Sở Tư pháp"), "03", "Đã tiếp nhận", OffsetDateTime.now(), null), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
