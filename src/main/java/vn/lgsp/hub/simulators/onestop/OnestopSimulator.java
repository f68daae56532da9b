package vn.lgsp.hub.simulators.onestop;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.simulators.support.HoldingSimulator;
import vn.lgsp.hub.simulators.support.ReceivedLog;

/**
 * Simulator of the province's one-stop system (Hệ thống giải quyết TTHC): receives dossiers as canonical JSON
 * at {@code POST /sim/onestop/api/dossiers} with an Idempotency-Key, stores the first copy of each and answers
 * later copies 200 without storing them again; rejects a dossier without a key or code (400). Amendments after
 * intake (supplements, corrections, withdrawals) arrive at {@code POST /sim/onestop/api/dossiers/{code}/amendments},
 * shown at {@code GET /sim/onestop/amendments}. New documents from the document axis arrive at
 * {@code POST /sim/onestop/api/documents} and are listed at {@code GET documents}.
 */
@RestController
@RequestMapping("/sim/onestop")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class OnestopSimulator extends HoldingSimulator<JsonNode> {

    /** New documents from the document-management system, by Idempotency-Key (the hub's document key). */
    private final ReceivedLog<JsonNode> documents = new ReceivedLog<>();

    @PostMapping("/api/dossiers")
    public ResponseEntity<Map<String, Object>> receiveDossier(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode dossier) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "injected fault"));
        }
        String code = dossier.path("dossierCode").asText(null);
        if (idempotencyKey == null || code == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key and dossierCode are required"));
        }
        boolean first = received.arrive(idempotencyKey, dossier);
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("dossierCode", code, "stored", first));
    }

    @PostMapping("/api/dossiers/{code}/status")
    public ResponseEntity<Map<String, Object>> receiveStatus(@PathVariable String code,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode status) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "injected fault"));
        }
        String key = idempotencyKey != null ? idempotencyKey : code + ":" + status.path("at").asText();
        boolean first = received.arrive(key, status);
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("dossierCode", code, "stored", first));
    }

    /** Payment notices: stored once per Idempotency-Key, repeats counted. */
    @PostMapping("/api/dossiers/{code}/payments")
    public ResponseEntity<Map<String, Object>> receivePayment(@PathVariable String code,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode payment) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "injected fault"));
        }
        if (idempotencyKey == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key is required"));
        }
        boolean first = received.arrive(idempotencyKey, payment);
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("dossierCode", code, "stored", first));
    }

    /** Postal order states and electronic receipts of a dossier: stored once per Idempotency-Key, repeats counted. */
    @PostMapping({"/api/dossiers/{code}/postal", "/api/dossiers/{code}/receipts"})
    public ResponseEntity<Map<String, Object>> receiveNotice(@PathVariable String code,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode notice) {
        return receivePayment(code, idempotencyKey, notice);
    }

    /** Amendments of a dossier after intake: stored once per Idempotency-Key, repeats counted. */
    @PostMapping("/api/dossiers/{code}/amendments")
    public ResponseEntity<Map<String, Object>> receiveAmendment(@PathVariable String code,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode amendment) {
        return receiveAmendment(idempotencyKey, amendment, Map.of("error", "Idempotency-Key is required"),
                Map.of("dossierCode", code, "kind", amendment.path("kind").asText()));
    }

    /** New documents the hub passes on from the document axis: stored once per Idempotency-Key, repeats counted. */
    @PostMapping("/api/documents")
    public ResponseEntity<Map<String, Object>> receiveDocument(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode document) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "injected fault"));
        }
        if (idempotencyKey == null || document.path("documentId").asText("").isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key and documentId are required"));
        }
        boolean first = documents.arrive(idempotencyKey, document);
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("documentKey", idempotencyKey, "stored", first));
    }

    @GetMapping("/documents")
    @Operation(summary = "New documents received from the hub, in arrival order, with arrival counts")
    public Map<String, Object> receivedDocuments() {
        return Map.of("items", documents.items(), "totalArrivals", documents.totalArrivals());
    }

    public ReceivedLog<JsonNode> documentsLog() {
        return documents;
    }

    /** Forgets documents too. */
    @Override
    public ResponseEntity<Void> clearReceived() {
        documents.clear();
        return super.clearReceived();
    }
}
