package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.simulators.business.BusinessSimulator;
import vn.lgsp.hub.simulators.business.SyntheticEnterprises;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Connected systems look citizens and enterprises up for a stated purpose; every lookup is in the audit log,
 * and the audit log shows when a record was altered.
 */
class RegistryLookupApiIT extends HubIntegrationTest {

    /** A dossier of sector-land, the system that looks up here: every lookup names it. */
    private static String dossier;
    private String[] purpose;

    @Autowired
    PopulationSimulator population;
    @Autowired
    BusinessSimulator business;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        population.clearFaults();
        business.clearFaults();
        if (dossier == null) {
            dossier = submit(LAND_KEY);
        }
        purpose = new String[] {"X-Dossier-Code", dossier, "X-Officer-Id", "canbo.minhkhai.07"};
    }

    /** A new dossier of the system with this key, once delivered (its applicant's enrichment audited by then). */
    private String submit(String key) {
        var answer = hub.postJson("/api/v1/dossiers", key, Dossiers.citizen(Dossiers.newRef("REG")));
        assertThat(answer.status()).isEqualTo(202);
        String code = answer.json().get("dossierCode").asText();
        eventually().until(() -> deliveredTo(code, "onestop"));
        return code;
    }

    @Test
    void lookupWithoutItsPurposeIsRefusedAndTheRefusalAudited() {
        String id = RegistryTestSupport.citizen(population.citizens(), 10).personalId();

        var none = get("/api/v1/citizens/" + id, LAND_KEY);
        var officerOnly = get("/api/v1/citizens/" + id, LAND_KEY, "X-Officer-Id", "canbo.07");
        var enterprise = get("/api/v1/enterprises/0100233488", LAND_KEY, "X-Dossier-Code", dossier);

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("code").asText()).isEqualTo("PURPOSE_REQUIRED");
        assertThat(none.json().get("detail").asText()).contains("X-Dossier-Code").contains("X-Officer-Id");
        assertThat(officerOnly.status()).isEqualTo(400);
        assertThat(enterprise.status()).isEqualTo(400);
        assertThat(enterprise.json().get("code").asText()).isEqualTo("PURPOSE_REQUIRED");
        assertThat(audit(id).toString()).contains("REFUSED");
    }

    @Test
    void aLookupMustNameADossierTheCallerOwnsOrIsAssigned() {
        String id = RegistryTestSupport.citizen(population.citizens(), 14).personalId();
        String company = business.enterprises().sample(20).get(14).code();
        String civilDossier = submit(CIVIL_KEY); // civil status owns it, the one-stop system is assigned it
        long asked = population.receivedLog().totalArrivals() + business.receivedLog().totalArrivals();
        int refusals = accessRefusals("sector-land").size();

        var notHeld = get("/api/v1/citizens/" + id, LAND_KEY, "X-Dossier-Code", civilDossier, "X-Officer-Id", "cb-07");
        var notHeldEnterprise = get("/api/v1/enterprises/" + company, LAND_KEY, "X-Dossier-Code", civilDossier,
                "X-Officer-Id", "cb-07");
        var missing = get("/api/v1/citizens/" + id, LAND_KEY, "X-Dossier-Code", "H15.50.05.13-991231-9999",
                "X-Officer-Id", "cb-07");

        assertThat(notHeld.status()).isEqualTo(403);
        assertThat(notHeld.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(notHeld.json().get("detail").asText()).contains("X-Dossier-Code");
        assertThat(notHeldEnterprise.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("DOSSIER_NOT_FOUND");
        // Nothing reached a registry; each refusal is in the lookup audit, the 403s also in the access refusals.
        assertThat(population.receivedLog().totalArrivals() + business.receivedLog().totalArrivals()).isEqualTo(asked);
        assertThat(audit(id)).extracting(e -> e.get("result").asText())
                .containsExactly("REFUSED: DOSSIER_NOT_FOUND", "REFUSED: FORBIDDEN");
        assertThat(audit(id).get(1).get("dossierCode").asText()).isEqualTo(civilDossier);
        assertThat(audit(company).get(0).get("result").asText()).isEqualTo("REFUSED: FORBIDDEN");
        eventually().until(() -> accessRefusals("sector-land").size() == refusals + 2);
        assertThat(accessRefusals("sector-land").get(0).get("service").asText()).startsWith("registry-");

        // The system assigned the dossier may look up for it.
        assertThat(get("/api/v1/citizens/" + id, ONESTOP_KEY, "X-Dossier-Code", civilDossier, "X-Officer-Id",
                "cb-01").status()).isEqualTo(200);
    }

    @Test
    void malformedIdentifiersAreRejected() {
        var shortId = get("/api/v1/citizens/12345", LAND_KEY, purpose);
        var badCheckDigit = get("/api/v1/enterprises/0100233489", LAND_KEY, purpose);

        assertThat(shortId.status()).isEqualTo(400);
        assertThat(shortId.json().get("errors").get(0).get("field").asText()).isEqualTo("personalId");
        assertThat(badCheckDigit.status()).isEqualTo(400);
        assertThat(badCheckDigit.json().get("errors").get(0).get("field").asText()).isEqualTo("enterpriseCode");
    }

    @Test
    void subjectsUnknownToTheRegistriesAreNotFound() {
        var citizen = get("/api/v1/citizens/002190012345", LAND_KEY, purpose);
        var enterprise = get("/api/v1/enterprises/0100233488", LAND_KEY, purpose);

        assertThat(citizen.status()).isEqualTo(404);
        assertThat(citizen.json().get("code").asText()).isEqualTo("CITIZEN_NOT_FOUND");
        assertThat(enterprise.status()).isEqualTo(404);
        assertThat(enterprise.json().get("code").asText()).isEqualTo("ENTERPRISE_NOT_FOUND");
        // The registry's "no such citizen" is cached like a found one (other tests' dossiers name this ID too).
        assertThat(audit("002190012345").get(0).get("result").asText()).isIn("NOT_FOUND", "NOT_FOUND (cache)");
    }

    @Test
    void successfulLookupsAnswerCanonicallyAndAreAuditedWithTheirPurpose() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 11);
        SyntheticEnterprises.Company company = business.enterprises().sample(20).get(11);

        var citizen = get("/api/v1/citizens/" + person.personalId(), LAND_KEY, purpose);
        var enterprise = get("/api/v1/enterprises/" + company.code(), LAND_KEY, purpose);

        assertThat(citizen.status()).isEqualTo(200);
        assertThat(citizen.json().get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(citizen.json().get("birthDate").asText()).isEqualTo(person.birthDate().toString());
        assertThat(citizen.json().get("permanentAddress").get("detail").asText()).isEqualTo(person.permanentAddress());
        assertThat(enterprise.status()).isEqualTo(200);
        assertThat(enterprise.json().get("name").asText()).isEqualTo(company.name());
        assertThat(enterprise.json().get("representatives").get(0).asText()).isEqualTo(company.representative());

        JsonNode entry = audit(person.personalId()).get(0);
        assertThat(entry.get("registry").asText()).isEqualTo("population");
        assertThat(entry.get("action").asText()).isEqualTo("LOOKUP");
        assertThat(entry.get("callerSystem").asText()).isEqualTo("sector-land");
        assertThat(entry.get("officerId").asText()).isEqualTo("canbo.minhkhai.07");
        assertThat(entry.get("dossierCode").asText()).isEqualTo(dossier);
        assertThat(entry.get("result").asText()).isEqualTo("FOUND");
        assertThat(entry.get("at").asText()).isNotBlank();
        assertThat(audit(company.code()).get(0).get("registry").asText()).isEqualTo("business");
    }

    @Test
    void repeatedLookupIsServedFromTheCacheButAuditedEachTime() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 12);
        long before = population.receivedLog().totalArrivals();

        assertThat(get("/api/v1/citizens/" + person.personalId(), LAND_KEY, purpose).status()).isEqualTo(200);
        assertThat(get("/api/v1/citizens/" + person.personalId(), LAND_KEY, purpose).status()).isEqualTo(200);

        assertThat(population.receivedLog().totalArrivals() - before).isEqualTo(1);
        assertThat(audit(person.personalId())).hasSize(2);
        assertThat(audit(person.personalId()).get(0).get("result").asText()).isEqualTo("FOUND (cache)");
    }

    @Test
    void lookupsAndTheAuditLogAreInTheApiDescription() {
        String apiDocs = hub.get("/v3/api-docs", null).body();
        assertThat(apiDocs).contains("/api/v1/citizens/{personalId}", "/api/v1/enterprises/{enterpriseCode}",
                "/api/v1/admin/audit/verify", "X-Dossier-Code", "X-Officer-Id");
    }

    @Test
    void auditLogIsForAdministratorsOnly() {
        assertThat(get("/api/v1/admin/audit?subject=002190012345", LAND_KEY).status()).isEqualTo(403);
        assertThat(get("/api/v1/admin/audit/verify", LAND_KEY).status()).isEqualTo(403);
    }

    @Test
    void alteringAnAuditRecordIsDetected() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 13);
        assertThat(get("/api/v1/citizens/" + person.personalId(), LAND_KEY, purpose).status()).isEqualTo(200);
        long seq = audit(person.personalId()).get(0).get("seq").asLong();
        assertThat(verify().get("intact").asBoolean()).isTrue();

        String original = jdbc.sql("SELECT officer_id FROM registry_audit WHERE seq = ?").param(seq)
                .query(String.class).single();
        jdbc.sql("UPDATE registry_audit SET officer_id = ? WHERE seq = ?").params("someone-else", seq).update();
        try {
            JsonNode broken = verify();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        } finally {
            jdbc.sql("UPDATE registry_audit SET officer_id = ? WHERE seq = ?").params(original, seq).update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void deletingTheLatestAuditRecordIsDetected() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 14);
        assertThat(get("/api/v1/citizens/" + person.personalId(), LAND_KEY, purpose).status()).isEqualTo(200);
        // Hide the record from the chain by moving it out of sequence rather than losing it: the effect is a cut tail.
        long last = jdbc.sql("SELECT MAX(seq) FROM registry_audit").query(Long.class).single();
        jdbc.sql("UPDATE registry_audit SET seq = ? WHERE seq = ?").params(-last, last).update();
        try {
            assertThat(verify().get("intact").asBoolean()).isFalse();
        } finally {
            jdbc.sql("UPDATE registry_audit SET seq = ? WHERE seq = ?").params(last, -last).update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    private RegistryTestSupport.Answer get(String path, String key, String... headers) {
        return RegistryTestSupport.get(hub.baseUrl(), path, key, headers);
    }

    private JsonNode audit(String subject) {
        var answer = get("/api/v1/admin/audit?subject=" + subject, ADMIN_KEY);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private List<JsonNode> accessRefusals(String system) {
        List<JsonNode> rows = new ArrayList<>();
        get("/api/v1/admin/access-refusals?system=" + system, ADMIN_KEY).json().get("items").forEach(rows::add);
        return rows;
    }

    private JsonNode verify() {
        var answer = get("/api/v1/admin/audit/verify", ADMIN_KEY);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }
}
