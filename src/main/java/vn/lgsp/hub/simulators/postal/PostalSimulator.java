package vn.lgsp.hub.simulators.postal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import vn.lgsp.hub.simulators.support.HubCallback;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of the public postal operator (bưu chính công ích), our own plausible VNPost-style API: {@code POST
 * /sim/postal/api/orders} creates an order (reference, service, sender, receiver, codAmount), idempotent by
 * {@code Idempotency-Key} (201 first, 200 with the same order after), 400 without a reference or a receiver address.
 * Orders progress when told: {@code POST /sim/postal/control/orders/{reference}/states} {@code {"state":"DELIVERED",
 * "codCollected":30000}} moves the order and reports the state to the hub's callback (its answer is returned, and
 * the same state may be reported again to test repeats). {@code GET /sim/postal/orders} lists orders and states.
 */
@RestController
@RequestMapping("/sim/postal")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class PostalSimulator extends SimulatorController<JsonNode> {

    /** An order as the simulated operator holds it. */
    public record Order(String reference, String operatorRef, JsonNode request, List<String> states) {
    }

    /** A state to move an order to, and the cash collected with it. */
    public record Move(String state, Long codCollected, String note) {
    }

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final PostalSimulatorProperties properties;

    public PostalSimulator(PostalSimulatorProperties properties) {
        this.properties = properties;
    }

    @PostMapping("/api/orders")
    public ResponseEntity<Map<String, Object>> create(
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody JsonNode order) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("errorCode", "SIMULATED"));
        }
        String reference = order.path("reference").asText(null);
        if (reference == null || key == null || order.path("receiver").path("address").asText("").isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("errorCode", "INVALID_ORDER",
                    "message", "reference, Idempotency-Key and receiver.address are required"));
        }
        boolean first = received.arrive(key, order);
        Order held = orders.computeIfAbsent(reference, r -> new Order(r, "VN" + (100000000 + orders.size()) + "VN",
                order, new java.util.concurrent.CopyOnWriteArrayList<>(List.of("ORDERED"))));
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("reference", reference, "orderNumber", held.operatorRef(), "state", "ORDERED"));
    }

    @GetMapping("/orders")
    @Operation(summary = "Orders held, with the states they went through")
    public List<Order> orders() {
        return List.copyOf(orders.values());
    }

    public Optional<Order> order(String reference) {
        return Optional.ofNullable(orders.get(reference));
    }

    @PostMapping("/control/orders/{reference}/states")
    @Operation(summary = "Move an order to a state and report it to the hub")
    public ResponseEntity<Map<String, Object>> move(@PathVariable String reference, @RequestBody Move move) {
        Order order = orders.get(reference);
        if (order == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such order"));
        }
        order.states().add(move.state());
        return ResponseEntity.ok(report(order, move));
    }

    /** Posts the state to the hub's callback; answers the hub's HTTP status and body. */
    private Map<String, Object> report(Order order, Move move) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", order.reference());
        body.put("state", move.state());
        body.put("at", OffsetDateTime.now(ZoneOffset.ofHours(7)).toString());
        body.put("operatorRef", order.operatorRef());
        body.put("codCollected", move.codCollected());
        body.put("note", move.note());
        return HubCallback.post(properties.hubUrl() + "/api/v1/postal/callbacks", properties.apiKey(), body);
    }

    @Override
    public ResponseEntity<Void> clearReceived() {
        orders.clear();
        return super.clearReceived();
    }
}
