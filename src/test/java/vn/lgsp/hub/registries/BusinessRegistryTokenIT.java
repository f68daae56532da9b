package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.adapters.business.BusinessRegistry;
import vn.lgsp.hub.simulators.business.BusinessSimulator;
import vn.lgsp.hub.simulators.business.SyntheticEnterprises;
import vn.lgsp.hub.support.HubIntegrationTest;

/** The business registry adapter reuses its OAuth2 token, and fetches a new one when the gateway refuses it. */
class BusinessRegistryTokenIT extends HubIntegrationTest {

    @Autowired
    BusinessSimulator business;
    @Autowired
    BusinessRegistry registry;

    @BeforeEach
    void reset() {
        business.clearFaults();
    }

    @Test
    void oneTokenServesManyLookups() {
        registry.find(business.enterprises().sample(100).get(60).code());
        long issued = business.tokensIssued();

        for (SyntheticEnterprises.Company c : business.enterprises().sample(100).subList(61, 66)) {
            assertThat(registry.find(c.code())).get().extracting(e -> e.name()).isEqualTo(c.name());
        }

        assertThat(business.tokensIssued()).isEqualTo(issued);
    }

    @Test
    void refusedTokenIsRenewedAndTheLookupAnswered() {
        registry.find(business.enterprises().sample(100).get(70).code());
        long issued = business.tokensIssued();
        business.revokeTokens();

        SyntheticEnterprises.Company c = business.enterprises().sample(100).get(71);
        assertThat(registry.find(c.code())).get().extracting(e -> e.representatives().get(0))
                .isEqualTo(c.representative());

        assertThat(business.tokensIssued()).isEqualTo(issued + 1);
    }

    @Test
    void inspectionApiListsSampleRecordsAndCountsLookups() {
        long before = business.receivedLog().totalArrivals();
        registry.find(business.enterprises().sample(100).get(72).code());

        var records = hub.get("/sim/business/records?limit=3", null).json();
        assertThat(records.get("size").asInt()).isEqualTo(business.enterprises().size());
        assertThat(records.get("records")).hasSize(3);
        assertThat(records.get("records").get(0).get("enterpriseCode").asText()).matches("\\d{10}");
        assertThat(records.get("lookupsReceived").asLong()).isEqualTo(before + 1);

        var citizens = hub.get("/sim/population/records?limit=2", null).json();
        assertThat(citizens.get("records")).hasSize(2);
        assertThat(citizens.get("records").get(0).get("personalId").asText()).matches("\\d{12}");
    }
}
