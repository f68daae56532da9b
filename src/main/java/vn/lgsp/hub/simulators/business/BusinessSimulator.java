package vn.lgsp.hub.simulators.business;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.adapters.business.BusinessProperties;
import vn.lgsp.hub.simulators.support.RegistrySimulatorProperties;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of the national business-registration database: an OAuth2 token endpoint (client credentials, HTTP
 * Basic client authentication) at {@code POST /sim/business/oauth/token} and
 * {@code GET /sim/business/api/chiTietDoanhNghiep?msdn=} answering in the registry's shape (docs/contracts.md
 * "National business-registration database"), Status 0 for an unknown code. Fault API as every simulator;
 * {@code received} counts lookups (by msdn), {@code records} lists sample enterprises and the number of tokens
 * issued.
 */
@RestController
@RequestMapping("/sim/business")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class BusinessSimulator extends SimulatorController<String> {

    private static final DateTimeFormatter REGISTRY_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SyntheticEnterprises enterprises;
    private final BusinessProperties client;
    private final Duration tokenLifetime;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicLong tokensIssued = new AtomicLong();

    public BusinessSimulator(RegistrySimulatorProperties data, BusinessProperties client) {
        this.enterprises = new SyntheticEnterprises(data.seed(), data.enterprises());
        this.client = client;
        this.tokenLifetime = data.tokenLifetime();
    }

    @PostMapping(path = "/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Map<String, Object>> token(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "grant_type", required = false) String grantType) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        if (!"client_credentials".equals(grantType)) {
            return ResponseEntity.badRequest().body(Map.of("error", "unsupported_grant_type"));
        }
        if (!expected.equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_client"));
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, Instant.now().plus(tokenLifetime));
        tokensIssued.incrementAndGet();
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", tokenLifetime.toSeconds()));
    }

    @GetMapping("/api/chiTietDoanhNghiep")
    public ResponseEntity<Map<String, Object>> enterprise(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "msdn", required = false) String msdn) {
        received.arrive(msdn == null ? "" : msdn, msdn);
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("Status", 0, "Message", "injected fault"));
        }
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        Instant expiry = tokens.get(token);
        if (expiry == null || Instant.now().isAfter(expiry)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("Status", 0, "Message", "invalid_token"));
        }
        return ResponseEntity.ok(enterprises.find(msdn == null ? "" : msdn)
                .map(BusinessSimulator::answer)
                .orElseGet(() -> Map.of("Status", 0, "Message", "Không tìm thấy doanh nghiệp", "DataCount", 0)));
    }

    @GetMapping("/records")
    public Map<String, Object> records(@RequestParam(defaultValue = "10") int limit) {
        List<Map<String, Object>> sample = enterprises.sample(Math.max(1, Math.min(limit, 1000))).stream()
                .map(c -> Map.<String, Object>of("enterpriseCode", c.code(), "name", c.name(),
                        "headOffice", c.headOffice(), "representative", c.representative()))
                .toList();
        return Map.of("size", enterprises.size(), "records", sample, "lookupsReceived", received.totalArrivals(),
                "tokensIssued", tokensIssued.get());
    }

    /** Forgets every issued token, as a gateway restart would (the hub must fetch a new one). */
    public void revokeTokens() {
        tokens.clear();
    }

    public long tokensIssued() {
        return tokensIssued.get();
    }

    public SyntheticEnterprises enterprises() {
        return enterprises;
    }

    private static Map<String, Object> answer(SyntheticEnterprises.Company c) {
        Map<String, Object> main = new LinkedHashMap<>();
        main.put("ENTERPRISE_GDT_CODE", c.code());
        main.put("NAME", c.name());
        main.put("ENTERPRISE_TYPE_ID", c.typeId());
        main.put("ENTERPRISE_TYPE_NAME", c.typeName());
        main.put("FOUNDING_DATE", c.founded().format(REGISTRY_DATE));
        main.put("ENTERPRISE_STATUS", "Đang hoạt động");
        main.put("LEGAL_NAMES", c.representative());
        main.put("CAPITAL_AMOUNT", c.capital());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("CityID", c.province().adminCode());
        address.put("CityName", c.province().name());
        address.put("WardID", vn.lgsp.hub.simulators.support.SyntheticVietnam.wardCode(c.headOffice()));
        address.put("AddressFullText", c.headOffice());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("MainInformation", main);
        data.put("HOAdress", address);
        data.put("BusinessActivity", List.of(Map.of("CODE", c.activityCode(), "NAME", c.activityName(), "IS_MAIN", 1)));
        data.put("Representatives", List.of(Map.of("FULL_NAME", c.representative(), "POSITION", "Giám đốc")));
        return Map.of("Status", 1, "Message", "Thành công", "DataCount", 1, "Data", data);
    }
}
