package vn.lgsp.hub.simulators.population;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.adapters.population.PopulationProperties;
import vn.lgsp.hub.adapters.population.PopulationSignature;
import vn.lgsp.hub.simulators.support.RegistrySimulatorProperties;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of the national population database. Its SOAP service (TraCuuThongTinCongDan, the same WSDL the hub
 * uses) is a real CXF endpoint at {@code /sim/population/ws} on a CXF bus and servlet of its own
 * ({@link PopulationSimulatorEndpoint}); here are its fault API, its inspection API ({@code received}: one entry
 * per lookup, keyed by MaYeuCau) and {@code records}, a sample of the synthetic citizens it knows.
 * It checks the signed headers like the real gateway and answers a SOAP fault to a request it cannot accept.
 */
@RestController
@RequestMapping("/sim/population")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class PopulationSimulator extends SimulatorController<String> {

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final long MAX_CLOCK_SKEW_MS = 5 * 60_000L;

    private final SyntheticCitizens citizens;
    private final PopulationProperties gateway;

    public PopulationSimulator(RegistrySimulatorProperties data, PopulationProperties gateway) {
        this.citizens = new SyntheticCitizens(data.seed(), data.citizens());
        this.gateway = gateway;
    }

    @GetMapping("/records")
    public Map<String, Object> records(@RequestParam(defaultValue = "10") int limit) {
        List<Map<String, Object>> sample = citizens.sample(Math.max(1, Math.min(limit, 1000))).stream()
                .map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("personalId", p.personalId());
                    m.put("fullName", p.fullName());
                    m.put("birthDate", p.yearOnly() ? Integer.toString(p.birthDate().getYear())
                            : p.birthDate().toString());
                    m.put("permanentAddress", p.permanentAddress());
                    return m;
                }).toList();
        return Map.of("size", citizens.size(), "records", sample, "lookupsReceived", received.totalArrivals());
    }

    public SyntheticCitizens citizens() {
        return citizens;
    }

    /**
     * Serves one lookup: injected faults first, then the gateway's header check, then the registry.
     *
     * @throws SoapFault a Client fault for a request the gateway refuses, a Server fault for an injected error
     */
    Optional<SyntheticCitizens.Person> lookup(String requestId, String personalId, Map<String, String> headers) {
        received.arrive(requestId == null ? "request-" + received.totalArrivals() : requestId,
                personalId == null ? "" : personalId);
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            SoapFault injected = fault("Server", "Hệ thống tạm thời gián đoạn (injected fault)");
            injected.setStatusCode(fault.get());
            throw injected;
        }
        checkSignature(headers);
        if (personalId == null || !personalId.matches("\\d{12}")) {
            throw fault("Client", "SoDinhDanh không hợp lệ: phải gồm 12 chữ số");
        }
        return citizens.find(personalId);
    }

    private void checkSignature(Map<String, String> headers) {
        String timestamp = headers.get("timestamp");
        if (timestamp == null || !timestamp.matches("\\d{1,15}")
                || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > MAX_CLOCK_SKEW_MS) {
            throw fault("Client", "Timestamp thiếu hoặc lệch quá 5 phút");
        }
        String expected = PopulationSignature.authorization(gateway.authUrl(), gateway.username(), timestamp,
                gateway.password());
        if (!expected.equals(headers.get("authorization"))) {
            throw fault("Client", "Xác thực không thành công (Authorization)");
        }
        if (!String.valueOf(gateway.apiKey()).equals(headers.get("apikey")) || headers.get("x-road-client") == null) {
            throw fault("Client", "ApiKey hoặc X-Road-Client không hợp lệ");
        }
    }

    static SoapFault fault(String code, String message) {
        return new SoapFault(message, new QName(SOAP_NS, code));
    }
}
