package vn.lgsp.hub.simulators.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of the brand-name SMS gateway: {@code POST /sim/sms/api/v1/sms} {@code {apiKey, brandName, to, message,
 * requestId}} with header {@code X-Request-Id}; holds each message once per request id (202 the first time, 200 for
 * a repeat, nothing sent twice), 400 without a number, text or request id. The messages it holds are at
 * {@code GET /sim/sms/received}; faults through the shared fault API.
 */
@RestController
@RequestMapping("/sim/sms")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class SmsSimulator extends SimulatorController<JsonNode> {

    @PostMapping("/api/v1/sms")
    public ResponseEntity<Map<String, Object>> send(
            @RequestHeader(name = "X-Request-Id", required = false) String requestId, @RequestBody JsonNode sms) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "injected fault"));
        }
        String id = requestId != null ? requestId : sms.path("requestId").asText(null);
        if (id == null || sms.path("to").asText("").isEmpty() || sms.path("message").asText("").isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "to, message and requestId are required"));
        }
        boolean first = received.arrive(id, sms);
        return ResponseEntity.status(first ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(Map.of("requestId", id, "status", first ? "ACCEPTED" : "DUPLICATE"));
    }
}
