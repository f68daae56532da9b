package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * registry's verified data; what the submitter got wrong is replaced, and the disagreement recorded.
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

        JsonNode applicant = delivered(code).get("applicant");
        assertThat(applicant.get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(applicant.get("birthDate").asText()).isEqualTo(person.birthDate().toString());
        assertThat(applicant.get("address").asText()).isEqualTo(person.permanentAddress());
        assertThat(applicant.get("phone").asText()).isEqualTo("0912345678");
        JsonNode verification = applicant.get("verification");
        assertThat(verification.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verification.get("source").asText()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(verification.get("verifiedFields").toString()).contains("fullName", "birthDate", "address");
        assertThat(verification.get("discrepancies")).isEmpty();
        assertThat(trail(code)).contains("APPLICANT_VERIFIED").doesNotContain(person.fullName());
        JsonNode stored = hub.get("/api/v1/dossiers/" + code, LAND_KEY).json().get("dossier").get("applicant");
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

        JsonNode applicant = delivered(code).get("applicant");
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

        JsonNode applicant = delivered(code).get("applicant");
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
        String code = submit(Dossiers.citizen(Dossiers.newRef("ENR")));

        JsonNode applicant = delivered(code).get("applicant");
        assertThat(applicant.get("fullName").asText()).isEqualTo("Nguyễn Thị Hoà");
        assertThat(applicant.get("verification").get("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(trail(code)).contains("APPLICANT_NOT_IN_REGISTRY");
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
