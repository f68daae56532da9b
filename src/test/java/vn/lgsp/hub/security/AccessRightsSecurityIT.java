package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.documents.ReceivedDocuments;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.EdxmlDocuments;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * Rights that depend on the data: a system submits only its own dossiers, and acts on a dossier only when it owns
 * it (its sourceSystem) or is assigned it (the sector system it was routed to); registry lookups only where
 * granted. Each refusal is a 403 problem detail and an audit record an administrator can read, and changes nothing.
 */
class AccessRightsSecurityIT extends SecurityIntegrationTest {

    private static final String STATUS = "{\"status\":4,\"at\":\"2026-11-23T10:00:00+07:00\",\"officer\":\"cb-01\"}";

    /** A birth registration the one-stop system hands over; the routing table assigns it to the civil-status system. */
    private String routedToCivil() {
        Answer accepted = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("RIGHTS")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String code = accepted.json().get("dossierCode").asText();
        assertThat(trailHas(code, "ROUTED", "sector-civil")).isTrue();
        return code;
    }

    @Test
    void onlyTheOwnerAndTheAssignedSystemMayReportAStatus() {
        String code = routedToCivil();
        long changes = count("dossier_status_change");
        int audited = refusalsOf("sector-land").size();

        Answer foreign = hub.postJson("/api/v1/dossiers/" + code + "/status", LAND_KEY, STATUS);
        assertProblem(foreign, 403, "FORBIDDEN");
        assertThat(count("dossier_status_change")).isEqualTo(changes);
        assertThat(refusalsOf("sector-land")).hasSize(audited + 1).last().satisfies(row -> {
            assertThat(row.get("service")).isEqualTo("dossier-status");
            assertThat(row.get("path")).isEqualTo("/api/v1/dossiers/" + code + "/status");
        });

        assertThat(hub.postJson("/api/v1/dossiers/" + code + "/status", CIVIL_KEY, STATUS).status())
                .as("assigned").isEqualTo(202);
        assertThat(hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                STATUS.replace("10:00", "11:00")).status()).as("owner").isEqualTo(202);
    }

    @Test
    void onlyASystemHoldingTheDossierMayTieAReceivedDocumentToIt() {
        String documentId = "H10-88-UBND-VP-" + UUID.randomUUID();
        hub.postBytes("/sim/docaxis/inject", null, "application/xml",
                EdxmlDocuments.newDocument(documentId, "Tờ trình".getBytes(StandardCharsets.UTF_8)));
        String key = ReceivedDocuments.key(documentId);
        String path = "/api/v1/documents/received/" + key + "/dossier";
        eventually().until(() -> hub.get("/api/v1/documents/received/" + key, ONESTOP_KEY).status() == 200);
        String code = routedToCivil();
        byte[] body = ("{\"dossierCode\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        int audited = refusalsOf("clerk").size();

        assertProblem(hub.exchange("PUT", path, CLERK_KEY, "application/json", body), 403, "FORBIDDEN");
        assertThat(hub.get("/api/v1/documents/received/" + key, ONESTOP_KEY).json().hasNonNull("dossierCode"))
                .isFalse();
        eventually().until(() -> refusalsOf("clerk").size() == audited + 1);
        assertThat(refusalsOf("clerk").get(audited)).satisfies(row -> {
            assertThat(row.get("service")).isEqualTo("documents");
            assertThat(row.get("path")).isEqualTo(path);
        });

        Answer tied = hub.exchange("PUT", path, ONESTOP_KEY, "application/json", body);
        assertThat(tied.status()).as(tied.body()).isEqualTo(200);
        assertThat(tied.json().get("dossierCode").asText()).isEqualTo(code);
    }

    @Test
    void onlyTheOwnerTheAssignedSystemAndAdministratorsMayReadADossier() {
        String code = routedToCivil();
        assertProblem(hub.get("/api/v1/dossiers/" + code, LAND_KEY), 403, "FORBIDDEN");
        assertThat(hub.get("/api/v1/dossiers/" + code, CIVIL_KEY).status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/dossiers/" + code, ONESTOP_KEY).status()).isEqualTo(200);
        assertThat(hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test
    void sectorProgressOnlyUnderItsOwnIdAndForItsOwnDossiers() {
        String code = routedToCivil();
        String report = "{\"dossierCode\":\"" + code + "\",\"status\":\"1\",\"at\":\"2026-11-23T10:00:00+07:00\"}";
        long changes = count("dossier_status_change");
        assertProblem(hub.postJson("/api/v1/sectors/sector-civil/status", LAND_KEY, report), 403, "FORBIDDEN");
        assertProblem(hub.postJson("/api/v1/sectors/sector-land/status", LAND_KEY, report), 403, "FORBIDDEN");
        assertThat(count("dossier_status_change")).isEqualTo(changes);
    }

    @Test
    void submittingForAnotherSystemIsRefusedOverRestAndAudited() {
        var before = storedState();
        int audited = refusalsOf("sector-land").size();
        String body = Dossiers.citizen(Dossiers.newRef("OTHER"))
                .replace("\"sourceRef\"", "\"sourceSystem\":\"onestop\",\"sourceRef\"");
        assertProblem(hub.postJson("/api/v1/dossiers", LAND_KEY, body), 403, "FORBIDDEN");
        assertThat(storedState()).isEqualTo(before);
        assertThat(refusalsOf("sector-land")).hasSize(audited + 1).last()
                .satisfies(row -> assertThat(row.get("service")).isEqualTo("dossier-intake"));
    }

    @Test
    void registryLookupsOnlyWhereGranted() {
        int audited = refusalsOf("sector-civil").size();
        Answer refused = hub.exchange("GET", "/api/v1/citizens/002190012345", CIVIL_KEY, null, null,
                "X-Dossier-Code", "H15.50.05.13-261123-0001", "X-Officer-Id", "cb-01");
        assertProblem(refused, 403, "FORBIDDEN");
        assertThat(refused.json().get("detail").asText()).contains("registry-citizen");
        assertThat(refusalsOf("sector-civil")).hasSize(audited + 1);
    }

    @Test
    void administratorsReadTheRefusals() {
        hub.get("/api/v1/admin/audit", LAND_KEY);
        awaitRefusalsStored();
        Answer refusals = hub.get("/api/v1/admin/access-refusals?system=sector-land", ADMIN_KEY);
        assertThat(refusals.status()).isEqualTo(200);
        assertThat(refusals.json().get("items").get(0).get("path").asText()).isEqualTo("/api/v1/admin/audit");
        assertThat(refusals.json().get("items").get(0).get("correlationId").asText()).isNotBlank();
        assertProblem(hub.get("/api/v1/admin/access-refusals", ONESTOP_KEY), 403, "FORBIDDEN");
    }
}
