package vn.lgsp.hub.simulators.support;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The part every simulator shares: its fault API ({@code GET|PUT|DELETE faults}) and its inspection API
 * ({@code GET received}, {@code DELETE received} to start over). Subclasses map it under /sim/<system-id>.
 */
public abstract class SimulatorController<T> {

    protected final FaultInjector faults = new FaultInjector();
    protected final ReceivedLog<T> received = new ReceivedLog<>();

    @GetMapping("/faults")
    @Operation(summary = "Faults currently injected")
    public Faults faults() {
        return faults.current();
    }

    @PutMapping("/faults")
    @Operation(summary = "Inject faults (fields left out keep their value)")
    public Faults injectFaults(@RequestBody Faults update) {
        return faults.update(update);
    }

    @DeleteMapping("/faults")
    @Operation(summary = "Stop injecting faults")
    public Faults clearFaults() {
        faults.reset();
        return faults.current();
    }

    @GetMapping("/received")
    @Operation(summary = "What the simulator received, in arrival order, with arrival counts")
    public Map<String, Object> receivedItems() {
        return Map.of("items", received.items(), "totalArrivals", received.totalArrivals());
    }

    /** Arrival counts by key without the bodies: light enough to poll while thousands of large items arrive. */
    @GetMapping("/received/arrivals")
    @Operation(summary = "How many times each key arrived (no bodies)")
    public Map<String, Integer> receivedArrivals() {
        return received.arrivals();
    }

    @DeleteMapping("/received")
    @Operation(summary = "Forget what was received")
    public ResponseEntity<Void> clearReceived() {
        received.clear();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badFaults(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    public ReceivedLog<T> receivedLog() {
        return received;
    }

    public FaultInjector faultInjector() {
        return faults;
    }
}
