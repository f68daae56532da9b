package vn.lgsp.hub.simulators.ereceipt;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of an electronic receipt provider (biên lai điện tử), our own plausible API: {@code POST
 * /sim/ereceipt/api/receipts} {@code {transactionId, dossierCode, payer, amount, fees[], paidAt}} issues a receipt,
 * once per transaction id (201 first, 200 with the same receipt after); 400 without a transactionId or with an amount
 * not above zero. {@code GET /sim/ereceipt/lookup/{lookupCode}} shows an issued receipt; the shared fault API
 * applies to issuing.
 */
@RestController
@RequestMapping("/sim/ereceipt")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class EReceiptSimulator extends SimulatorController<JsonNode> {

    private final Map<String, Map<String, Object>> issued = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    @PostMapping("/api/receipts")
    public ResponseEntity<Map<String, Object>> issue(@RequestBody JsonNode request) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("errorCode", "SIMULATED"));
        }
        String transactionId = request.path("transactionId").asText(null);
        if (transactionId == null || request.path("amount").asLong(0) <= 0) {
            return ResponseEntity.badRequest().body(Map.of("errorCode", "INVALID_RECEIPT",
                    "message", "transactionId and an amount above zero are required"));
        }
        boolean first = received.arrive(transactionId, request);
        Map<String, Object> receipt = issued.computeIfAbsent(transactionId, id -> {
            int n = sequence.incrementAndGet();
            String lookup = "TC" + Integer.toString(100000 + n, 36).toUpperCase();
            return Map.of("transactionId", id, "receiptNumber", String.format("BL26-%07d", n), "series", "1C26TBL",
                    "lookupCode", lookup, "url", "/sim/ereceipt/lookup/" + lookup);
        });
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @GetMapping("/lookup/{lookupCode}")
    @Operation(summary = "An issued receipt by its lookup code")
    public ResponseEntity<Map<String, Object>> lookup(@PathVariable String lookupCode) {
        return issued.values().stream().filter(r -> lookupCode.equals(r.get("lookupCode"))).findFirst()
                .map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @Override
    public ResponseEntity<Void> clearReceived() {
        issued.clear();
        return super.clearReceived();
    }
}
