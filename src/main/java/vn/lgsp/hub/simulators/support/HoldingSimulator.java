package vn.lgsp.hub.simulators.support;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A simulator of a system that holds dossiers (the one-stop system, a sector system): besides the dossiers it
 * received, it keeps the amendments the hub delivered after intake (supplements, corrections, withdrawals,
 * cancellations), once per idempotency key, shown at {@code GET amendments}. {@code DELETE received} forgets both.
 */
public abstract class HoldingSimulator<T> extends SimulatorController<T> {

    protected final ReceivedLog<Object> amendments = new ReceivedLog<>();

    @GetMapping("/amendments")
    @Operation(summary = "Amendments received after intake, in arrival order, with arrival counts")
    public Map<String, Object> receivedAmendments() {
        return Map.of("items", amendments.items(), "totalArrivals", amendments.totalArrivals());
    }

    @Override
    public ResponseEntity<Void> clearReceived() {
        amendments.clear();
        return super.clearReceived();
    }

    public ReceivedLog<Object> amendmentLog() {
        return amendments;
    }

    /**
     * Receives one amendment as the real system would: an injected fault answers instead; without a key, 400 with
     * {@code refusal}; else 201 the first time, 200 for a repeat, with {@code answer} as the body.
     */
    protected ResponseEntity<Map<String, Object>> receiveAmendment(String key, Object amendment,
                                                                   Map<String, Object> refusal,
                                                                   Map<String, Object> answer) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "injected fault"));
        }
        if (key == null) {
            return ResponseEntity.badRequest().body(refusal);
        }
        boolean first = amendments.arrive(key, amendment);
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }
}
