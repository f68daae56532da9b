package vn.lgsp.hub.simulators.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of the government reporting system: {@code PUT /sim/reporting/api/v1/reports/{period}} with a bearer key
 * and {@code Idempotency-Key: <agency>:<period>}; holds one report per key, a later one replacing it (201 the first,
 * 200 a replacement), 401 without a key, 400 when the body's period is not the path's. The reports it holds are at
 * {@code GET /sim/reporting/reports}; {@code GET received} counts the arrivals per key; shared fault API.
 */
@RestController
@RequestMapping("/sim/reporting")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class ReportingSimulator extends SimulatorController<JsonNode> {

    private final Map<String, JsonNode> reports = new TreeMap<>();

    @PutMapping("/api/v1/reports/{period}")
    public ResponseEntity<Map<String, Object>> receive(@PathVariable String period,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody JsonNode report) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "injected fault"));
        }
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "a bearer key is required"));
        }
        if (key == null || !period.equals(report.path("period").asText())) {
            return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key and a matching period are required"));
        }
        received.arrive(key, report);
        boolean replaced;
        synchronized (reports) {
            replaced = reports.put(key, report) != null;
        }
        return ResponseEntity.status(replaced ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("reportKey", key, "status", replaced ? "REPLACED" : "CREATED"));
    }

    @GetMapping("/reports")
    @Operation(summary = "The reports held, one per report key (the latest received)")
    public Map<String, JsonNode> reports() {
        synchronized (reports) {
            return new TreeMap<>(reports);
        }
    }

    /** Forgets the reports held too. */
    @Override
    public ResponseEntity<Void> clearReceived() {
        synchronized (reports) {
            reports.clear();
        }
        return super.clearReceived();
    }
}
