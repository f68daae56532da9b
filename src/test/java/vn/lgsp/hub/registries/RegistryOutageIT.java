package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.business.BusinessSimulator;
import vn.lgsp.hub.simulators.business.SyntheticEnterprises;
import vn.lgsp.hub.simulators.onestop.OnestopSimulator;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * A registry outage never holds a dossier back: it is delivered unverified, remembered in the database, and
 * re-delivered verified as an update ({@code <code>:enriched}) once the registry answers again.
 */
class RegistryOutageIT extends HubIntegrationTest {

    @Autowired
    OnestopSimulator onestop;
    @Autowired
    PopulationSimulator population;
    @Autowired
    BusinessSimulator business;
    @Autowired
    UnverifiedDossiers unverified;

    @BeforeEach
    @AfterEach
    void reset() {
        onestop.clearFaults();
        population.clearFaults();
        business.clearFaults();
    }

    @Test
    void populationDatabaseDownThenBack() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 40);
        population.injectFaults(new Faults(null, 503, null, Instant.now().plusSeconds(3600), null));

        String code = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("OUT"), person.personalId(), null));

        eventually().until(() -> onestop.receivedLog().get(code) != null);
        JsonNode first = onestop.receivedLog().get(code).body().get("applicant");
        assertThat(first.get("verification").get("status").asText()).isEqualTo("UNVERIFIED");
        assertThat(first.get("verification").get("source").asText()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(first.has("fullName")).isFalse();
        assertThat(unverified.isWaiting(code)).isTrue();

        population.clearFaults();

        eventually().until(() -> onestop.receivedLog().get(code + ":enriched") != null);
        JsonNode update = onestop.receivedLog().get(code + ":enriched").body().get("applicant");
        assertThat(update.get("verification").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(update.get("fullName").asText()).isEqualTo(person.fullName());
        assertThat(update.get("birthDate").asText()).isEqualTo(person.birthDate().toString());
        eventually().until(() -> !unverified.isWaiting(code));
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
        assertThat(hub.get("/api/v1/dossiers/" + code, LAND_KEY).json().get("dossier").get("applicant")
                .get("verification").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(hub.get("/api/v1/dossiers/" + code, LAND_KEY).body())
                .contains("APPLICANT_UNVERIFIED").contains("APPLICANT_REENRICHED");
    }

    @Test
    void businessRegistryDownThenBack() {
        SyntheticEnterprises.Company company = business.enterprises().sample(50).get(40);
        business.injectFaults(new Faults(1.0, 500, null, null, null));

        String code = submit(RegistryTestSupport.businessDossier(Dossiers.newRef("OUT"), company.code()));

        eventually().until(() -> onestop.receivedLog().get(code) != null);
        assertThat(onestop.receivedLog().get(code).body().get("applicant").get("verification").get("status").asText())
                .isEqualTo("UNVERIFIED");

        business.clearFaults();

        eventually().until(() -> onestop.receivedLog().get(code + ":enriched") != null);
        JsonNode update = onestop.receivedLog().get(code + ":enriched").body().get("applicant");
        assertThat(update.get("fullName").asText()).isEqualTo(company.name());
        assertThat(update.get("verification").get("status").asText()).isEqualTo("VERIFIED");
        eventually().until(() -> !unverified.isWaiting(code));
    }

    @Test
    void slowRegistryTimesOutAndTheDossierStillGoesThrough() {
        SyntheticCitizens.Person person = RegistryTestSupport.citizen(population.citizens(), 41);
        // Longer than the circuit breaker's time limit (6 s), shorter than the one-stop delivery's patience.
        population.injectFaults(new Faults(null, null, 7_000L, null, null));

        String code = submit(RegistryTestSupport.citizenDossier(Dossiers.newRef("OUT"), person.personalId(), null));

        eventually().until(() -> onestop.receivedLog().get(code) != null);
        assertThat(onestop.receivedLog().get(code).body().get("applicant").get("verification").get("status").asText())
                .isEqualTo("UNVERIFIED");
        population.clearFaults();
        eventually().until(() -> onestop.receivedLog().get(code + ":enriched") != null);
    }

    private String submit(String dossier) {
        var receipt = hub.postJson("/api/v1/dossiers", LAND_KEY, dossier);
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        return receipt.json().get("dossierCode").asText();
    }
}
