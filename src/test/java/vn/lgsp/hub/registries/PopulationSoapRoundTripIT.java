package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.adapters.population.PopulationProperties;
import vn.lgsp.hub.adapters.population.PopulationRegistry;
import vn.lgsp.hub.adapters.population.PopulationSignature;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.canonical.Citizen;
import vn.lgsp.hub.canonical.Gender;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The population adapter speaks real SOAP 1.1 over HTTP to the simulator's CXF endpoint (/sim/population/ws),
 * signed as the gateway requires; the endpoint answers SOAP faults to requests it refuses.
 */
class PopulationSoapRoundTripIT extends HubIntegrationTest {

    private static final AccessPurpose PURPOSE =
            new AccessPurpose("sector-land", "canbo.07", "H15.50.05.13-261123-0001", "test");

    @Autowired
    PopulationSimulator population;
    @Autowired
    PopulationRegistry registry;
    @Autowired
    PopulationProperties gateway;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void reset() {
        population.clearFaults();
        population.clearReceived();
    }

    @Test
    void adapterRoundTripAnswersTheCitizenInTheCanonicalModel() {
        SyntheticCitizens.Person person = population.citizens().sample(20).stream()
                .filter(p -> !p.yearOnly()).findFirst().orElseThrow();

        Citizen citizen = registry.find(person.personalId(), PURPOSE).orElseThrow();

        assertThat(citizen.personalId()).isEqualTo(person.personalId());
        assertThat(citizen.fullName()).isEqualTo(person.fullName());
        assertThat(citizen.birthDate()).isEqualTo(person.birthDate());
        assertThat(citizen.gender()).isEqualTo(person.gender() == 2 ? Gender.FEMALE : Gender.MALE);
        assertThat(citizen.permanentAddress().detail()).isEqualTo(person.permanentAddress());
        assertThat(population.receivedLog().totalArrivals()).isEqualTo(1);
        assertThat(population.receivedLog().items().get(0).body()).isEqualTo(person.personalId());
    }

    @Test
    void unknownCitizenIsAnEmptyAnswerNotAFailure() {
        assertThat(registry.find("002190012345", PURPOSE)).isEmpty();
    }

    @Test
    void serverFaultFromTheRegistryIsReportedUnavailable() {
        // Every call fails while the test runs: a "next call fails" fault can be taken by the hub's own background
        // lookups (enrichment of dossiers other tests left in the pipeline), and then this lookup succeeds.
        population.injectFaults(new vn.lgsp.hub.simulators.support.Faults(1.0, 500, null, null, null));

        assertThatThrownBy(() -> registry.find(population.citizens().sample(1).get(0).personalId(), PURPOSE))
                .isInstanceOfSatisfying(HubException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAVAILABLE));
    }

    @Test
    void wsdlIsPublishedByTheSimulatorEndpoint() throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "?wsdl")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("TraCuuThongTinCongDan").contains("http://dancuquocgia.bca");
    }

    @Test
    void signedRawSoapRequestGetsTheCitizen() throws Exception {
        SyntheticCitizens.Person person = population.citizens().sample(1).get(0);
        var answer = post(envelope(person.personalId()), true);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<dc:SoDinhDanh>" + person.personalId() + "</dc:SoDinhDanh>")
                .contains("<dc:Ten>" + person.given() + "</dc:Ten>");
    }

    @Test
    void malformedPersonalIdIsAnsweredWithAClientSoapFault() throws Exception {
        var answer = post(envelope("12345"), true);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("Fault").contains("Client").contains("SoDinhDanh");
    }

    @Test
    void requestWithoutTheSignatureIsAnsweredWithASoapFault() throws Exception {
        var answer = post(envelope(population.citizens().sample(1).get(0).personalId()), false);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("Fault").contains("Timestamp");
    }

    @Test
    void requestViolatingTheSchemaIsAnsweredWithASoapFault() throws Exception {
        var answer = post("""
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                <dc:TraCuuThongTinCongDan xmlns:dc="http://dancuquocgia.bca"><dc:SoDinhDanh>001203012345</dc:SoDinhDanh>
                </dc:TraCuuThongTinCongDan></soap:Body></soap:Envelope>""", true);
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("Fault");
    }

    private String endpoint() {
        return hub.baseUrl() + "/sim/population/ws";
    }

    private HttpResponse<String> post(String envelope, boolean signed) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(endpoint()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"TraCuuThongTinCongDan\"");
        if (signed) {
            String timestamp = Long.toString(System.currentTimeMillis());
            request.header("Timestamp", timestamp)
                    .header("Authorization", PopulationSignature.authorization(gateway.authUrl(), gateway.username(),
                            timestamp, gateway.password()))
                    .header("X-Road-Client", gateway.xRoadClient())
                    .header("ApiKey", gateway.apiKey());
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String envelope(String personalId) {
        return """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                <dc:TraCuuThongTinCongDan xmlns:dc="http://dancuquocgia.bca">
                <dc:MaYeuCau>raw-1</dc:MaYeuCau><dc:MaTichHop>037</dc:MaTichHop><dc:MaCanBo>canbo.07</dc:MaCanBo>
                <dc:MaDonVi>H15</dc:MaDonVi><dc:TaiKhoan>lgsp-hagiang</dc:TaiKhoan>
                <dc:SoDinhDanh>%s</dc:SoDinhDanh></dc:TraCuuThongTinCongDan></soap:Body></soap:Envelope>"""
                .formatted(personalId);
    }
}
