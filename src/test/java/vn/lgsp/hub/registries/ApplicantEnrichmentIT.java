package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.business.BusinessSimulator;
import vn.lgsp.hub.simulators.business.SyntheticEnterprises;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.onestop.OnestopSimulator;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * A dossier that names its applicant only by personal ID or enterprise code reaches the one-stop system with the
 * registry's verified data; what the submitter got wrong is replaced, and the disagreement recorded. The delivery
 * never waits for a registry: an applicant whose answer the hub holds is delivered verified at once; any other is
 * delivered unverified at once and completed by the update ({@code <code>:enriched}) that follows.
 */
class ApplicantEnrichmentIT extends HubIntegrationTest {

    @Autowired
    OnestopSimulator onestop;
    @Autowired
    PopulationSimulator population;
    @Autowired
    BusinessSimulator business;
    @Autowired
    DvcqgSimulator portal;

    @BeforeEach
    void reset() {
        onestop.clearFaults();
        population.clearFaults();
        business.clearFaults();
    }

    @Test
    void citizenGivenOnlyByPersonalIdArrivesComplete() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 1);

        String code = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("ENR"), person.personalId(), null));

        assertThat(delivered(code).get("applicant").get("verification").get("status").asText())
                .isEqualTo("UNVERIFIED");
        JsonNode applicant = delivered(code + ":enriched").get("applicant");
        assertThat(applicant.get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(applicant.get("birthDate").asText()).isEqualTo(person.birthDate().toString());
        assertThat(applicant.get("address").asText()).isEqualTo(person.permanentAddress());
        assertThat(applicant.get("phone").asText()).isEqualTo("0912345678");
        JsonNode verification = applicant.get("verification");
        assertThat(verification.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verification.get("source").asText()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(verification.get("verifiedFields").toString()).contains("fullName", "birthDate", "address");
        assertThat(verification.get("discrepancies")).isEmpty();
        assertThat(trail(code)).contains("APPLICANT_UNVERIFIED", "not in the hub's cache", "APPLICANT_VERIFIED",
                "APPLICANT_REENRICHED", "applicant verified beside the delivery").doesNotContain(person.fullName());
        eventually().until(() -> storedApplicant(code).path("verification").path("status").asText().equals("VERIFIED"));
        JsonNode stored = storedApplicant(code);
        assertThat(stored.get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(stored.get("verification").get("source").asText()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(hub.get("/api/v1/admin/audit?dossierCode=" + code, ADMIN_KEY).body())
                .contains("ENRICHMENT").contains(person.personalId()).contains("FOUND");
    }

    @Test
    void citizenGivenOnlyByPersonalIdEndsAtDvcqgWithTheVerifiedOwner() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 4);
        // A slow registry: the portal gets the dossier (synced at intake) before the applicant is verified.
        population.injectFaults(new Faults(null, null, 1500L, null, null));

        String code = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("ENR"), person.personalId(), null));

        eventually().until(() -> portal.held(code) != null);
        // The verification is a change of what the portal holds: synced at once, not at the next status change.
        eventually().until(() -> person.fullName().equals(portal.held(code).dossier().path("ChuHoSo").asText()));
        assertThat(portal.held(code).updates()).isPositive();
        assertThat(trail(code)).contains("APPLICANT_VERIFIED");
    }

    @Test
    void enterpriseGivenOnlyByCodeArrivesComplete() {
        SyntheticEnterprises.Company company = business.enterprises().sample(10).get(3);

        String code = submit(RegistryTestSupport.businessDossier(Dossiers.newRef("ENR"), company.code()));

        JsonNode applicant = delivered(code + ":enriched").get("applicant");
        assertThat(applicant.get("fullName").asText()).isEqualTo(company.name());
        assertThat(applicant.get("enterpriseType").asText()).isEqualTo(company.typeName());
        assertThat(applicant.get("address").asText()).isEqualTo(company.headOffice());
        assertThat(applicant.get("representative").asText()).isEqualTo(company.representative());
        assertThat(applicant.get("verification").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(applicant.get("verification").get("source").asText()).isEqualTo("CSDL_DKDN");
    }

    @Test
    void submittedNameThatDisagreesIsReplacedAndTheDiscrepancyRecorded() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 2);

        String code = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("ENR"), person.personalId(),
                "Trần Văn Nhầm"));

        JsonNode applicant = delivered(code + ":enriched").get("applicant");
        assertThat(applicant.get("fullName").asText()).isEqualTo(person.fullName());
        JsonNode discrepancy = applicant.get("verification").get("discrepancies").get(0);
        assertThat(discrepancy.get("field").asText()).isEqualTo("fullName");
        assertThat(discrepancy.get("submitted").asText()).isEqualTo("Trần Văn Nhầm");
        assertThat(discrepancy.get("registry").asText()).isEqualTo(person.fullName());
        assertThat(trail(code)).contains("APPLICANT_DISCREPANCY").contains("fullName differ")
                .doesNotContain("Trần Văn Nhầm");
    }

    @Test
    void applicantUnknownToTheRegistryIsDeliveredAsSubmittedAndSaidSo() {
        String unknown = unknownPersonalId();
        String first = submit(Dossiers.citizen(Dossiers.newRef("ENR")).replace("002190012345", unknown));

        assertThat(delivered(first).get("applicant").get("verification").get("status").asText())
                .isEqualTo("UNVERIFIED");
        eventually().until(() -> trail(first).contains("applicant not found beside the delivery"));
        // The one-stop system holds what was submitted: no update for it, the verification goes to DVCQG only.
        assertThat(trail(first)).contains("APPLICANT_NOT_IN_REGISTRY", "update queued for dvcqg")
                .doesNotContain("update queued for onestop");
        assertThat(storedApplicant(first).get("verification").get("status").asText()).isEqualTo("NOT_FOUND");

        // The registry's answer holds for the cache's lifetime: the next dossier of the same applicant says so at once.
        String second = submit(Dossiers.citizen(Dossiers.newRef("ENR")).replace("002190012345", unknown));

        JsonNode applicant = delivered(second).get("applicant");
        assertThat(applicant.get("fullName").asText()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(applicant.get("verification").get("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(trail(second)).contains("APPLICANT_NOT_IN_REGISTRY", "from the hub's cache")
                .doesNotContain("APPLICANT_UNVERIFIED");
        assertThat(hub.get("/api/v1/admin/audit?dossierCode=" + second, ADMIN_KEY).body())
                .contains("NOT_FOUND (cache)");
    }

    @Test
    void applicantJustVerifiedIsDeliveredVerifiedAtOnceFromTheCache() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 5);
        String first = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("ENR"), person.personalId(), null));
        delivered(first + ":enriched");

        String second = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("ENR"), person.personalId(), null));

        JsonNode applicant = delivered(second).get("applicant");
        assertThat(applicant.get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(applicant.get("verification").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(trail(second)).contains("APPLICANT_VERIFIED", "from the hub's cache")
                .doesNotContain("APPLICANT_UNVERIFIED", "APPLICANT_REENRICHED");
        assertThat(storedApplicant(second).get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(hub.get("/api/v1/admin/audit?dossierCode=" + second, ADMIN_KEY).body())
                .contains("ENRICHMENT").contains("FOUND (cache)");
        assertThat(onestop.receivedLog().get(second + ":enriched")).isNull();
    }

    @Test
    void aSlowRegistryNeverHoldsTheDeliveryAndTheEnrichedUpdateFollows() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 6);
        // Slower than the time the delivery is allowed below, faster than the registry call's timeout (5 s).
        population.injectFaults(new Faults(null, null, 4_000L, null, null));

        long start = System.nanoTime();
        String code = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("ENR"), person.personalId(), null));

        eventually().atMost(Duration.ofMillis(3_500)).until(() -> onestop.receivedLog().get(code) != null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4_000));
        assertThat(delivered(code).get("applicant").get("verification").get("status").asText())
                .isEqualTo("UNVERIFIED");
        population.clearFaults(); // the call under way keeps its delay; a retry after a timeout on a busy machine has none
        JsonNode update = delivered(code + ":enriched").get("applicant");
        assertThat(update.get("verification").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(update.get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
    }

    /** A well-formed personal ID that no synthetic citizen has. */
    private String unknownPersonalId() {
        return new java.util.Random().ints(100_000, 1_000_000).mapToObj(n -> "002190" + n)
                .filter(id -> population.citizens().find(id).isEmpty()).findFirst().orElseThrow();
    }

    private JsonNode storedApplicant(String code) {
        return hub.get("/api/v1/dossiers/" + code, LAND_KEY).json().get("dossier").get("applicant");
    }

    private String submit(String dossier) {
        var receipt = hub.postJson("/api/v1/dossiers", LAND_KEY, dossier);
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        return receipt.json().get("dossierCode").asText();
    }

    private JsonNode delivered(String code) {
        eventually().until(() -> onestop.receivedLog().get(code) != null);
        return onestop.receivedLog().get(code).body();
    }

    /** The dossier's trail across systems (the dossier itself, as submitted, is left out). */
    private String trail(String code) {
        return hub.get("/api/v1/dossiers/" + code, LAND_KEY).json().get("trail").toString();
    }
}
