package vn.lgsp.hub.documents;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/** The document-flow tests' shared context: quick polling, a 2 MB package limit to test oversized packages. */
@TestPropertySource(properties = {
        "hub.systems.docaxis.poll-interval=200",
        "hub.systems.docaxis.max-package-size=2MB"})
abstract class DocumentFlowIntegrationTest extends HubIntegrationTest {

    @Autowired
    protected DocAxisSimulator axis;

    @Autowired
    protected DvcqgSimulator portal;

    @BeforeEach
    void resetAxis() {
        axis.reset();
    }

    protected String newDossier(String prefix) {
        var answer = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef(prefix)));
        return answer.json().get("dossierCode").asText();
    }

    protected JsonNode dossier(String code) {
        return hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json();
    }

    protected long trailCount(String code, String kind) {
        int n = 0;
        for (JsonNode entry : dossier(code).get("trail")) {
            if (entry.get("kind").asText().equals(kind)) {
                n++;
            }
        }
        return n;
    }
}
