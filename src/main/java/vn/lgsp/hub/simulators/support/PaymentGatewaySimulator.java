package vn.lgsp.hub.simulators.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * What both payment-gateway simulators share: the orders they hold, a payment endpoint that marks an order paid
 * or failed and notifies the hub (after a delay, several times, with a wrong signature or a wrong amount on
 * request), a notify endpoint that sends a notification again with any outcome (late, duplicate, out-of-order),
 * and the hub's replies for inspection ({@code GET notifications}).
 */
public abstract class PaymentGatewaySimulator extends SimulatorController<JsonNode> {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewaySimulator.class);

    /** An order the gateway holds; amounts in whole VND. */
    public static final class Order {
        public final String transactionId;
        public final long amount;
        public volatile String state = "PENDING";
        public final String gatewayRef;
        public final Instant createdAt = Instant.now();

        public Order(String transactionId, long amount, String gatewayRef) {
            this.transactionId = transactionId;
            this.amount = amount;
            this.gatewayRef = gatewayRef;
        }

        Map<String, Object> view() {
            return Map.of("transactionId", transactionId, "amount", amount, "state", state, "gatewayRef", gatewayRef);
        }
    }

    /**
     * How to pay or notify: outcome PAID or FAILED; notifications to send (0 = none, a lost IPN); delay before
     * each; a wrong signature; another amount than the order's.
     */
    public record PayOptions(String outcome, Integer notifications, Long delayMs, Boolean wrongSignature,
                             Long amount) {
        boolean paid() {
            return outcome == null || "PAID".equalsIgnoreCase(outcome);
        }
    }

    /** One notification sent and the hub's reply. */
    public record Notification(String transactionId, String outcome, long amount, boolean wrongSignature,
                               int httpStatus, JsonNode reply) {
    }

    protected final ObjectMapper mapper;
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    protected final Map<String, Order> orders = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Notification> notifications = new ArrayList<>();
    private final AtomicLong refs = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    private final ScheduledExecutorService sender = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "payment-simulator-ipn");
        t.setDaemon(true);
        return t;
    });

    protected PaymentGatewaySimulator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Sends one notification of the order to the hub and answers the hub's status and reply. */
    protected abstract HttpResponse<String> notifyHub(Order order, boolean paid, long amount, boolean wrongSignature)
            throws Exception;

    protected Order hold(String transactionId, long amount) {
        return orders.computeIfAbsent(transactionId, id -> new Order(id, amount, Long.toString(refs.incrementAndGet())));
    }

    @PostMapping("/pay/{transactionId}")
    @Operation(summary = "The payer pays (or fails to): marks the order and notifies the hub as asked")
    public ResponseEntity<Map<String, Object>> pay(@PathVariable String transactionId,
                                                   @RequestBody(required = false) PayOptions options) {
        PayOptions o = options == null ? new PayOptions("PAID", 1, 0L, false, null) : options;
        Order order = orders.get(transactionId);
        if (order == null) {
            return ResponseEntity.status(404).body(Map.of("error", "no such order"));
        }
        order.state = o.paid() ? "PAID" : "FAILED";
        schedule(order, o);
        return ResponseEntity.ok(order.view());
    }

    @PostMapping("/notify/{transactionId}")
    @Operation(summary = "Send a notification again, with any outcome (late, duplicate, out-of-order)")
    public ResponseEntity<Map<String, Object>> renotify(@PathVariable String transactionId,
                                                        @RequestBody(required = false) PayOptions options) {
        Order order = orders.get(transactionId);
        if (order == null) {
            return ResponseEntity.status(404).body(Map.of("error", "no such order"));
        }
        PayOptions o = options == null ? new PayOptions(order.state, 1, 0L, false, null) : options;
        schedule(order, o);
        return ResponseEntity.ok(order.view());
    }

    @GetMapping("/orders/{transactionId}")
    @Operation(summary = "An order the gateway holds")
    public ResponseEntity<Map<String, Object>> order(@PathVariable String transactionId) {
        Order order = orders.get(transactionId);
        return order == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(order.view());
    }

    @GetMapping("/notifications")
    @Operation(summary = "Notifications sent to the hub and its replies, in order")
    public synchronized List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    /** Notifications of one transaction with their replies. */
    public synchronized List<Notification> notificationsOf(String transactionId) {
        return notifications.stream().filter(n -> n.transactionId().equals(transactionId)).toList();
    }

    /** Forgets orders, notifications, received requests and faults. */
    public synchronized void reset() {
        orders.clear();
        notifications.clear();
        clearReceived();
        clearFaults();
    }

    private void schedule(Order order, PayOptions o) {
        int count = o.notifications() == null ? 1 : o.notifications();
        long delay = o.delayMs() == null ? 0 : o.delayMs();
        long amount = o.amount() == null ? order.amount : o.amount();
        boolean wrong = Boolean.TRUE.equals(o.wrongSignature());
        for (int i = 1; i <= count; i++) {
            sender.schedule(() -> send(order, o.paid(), amount, wrong), delay * i, TimeUnit.MILLISECONDS);
        }
    }

    private void send(Order order, boolean paid, long amount, boolean wrongSignature) {
        int status;
        JsonNode reply;
        try {
            HttpResponse<String> response = notifyHub(order, paid, amount, wrongSignature);
            status = response.statusCode();
            reply = mapper.readTree(response.body());
        } catch (Exception e) {
            log.debug("Notification of {} not delivered: {}", order.transactionId, e.toString());
            status = 0;
            reply = mapper.createObjectNode().put("error", e.getClass().getSimpleName());
        }
        synchronized (this) {
            notifications.add(new Notification(order.transactionId, paid ? "PAID" : "FAILED", amount, wrongSignature,
                    status, reply));
        }
    }

    protected static Map<String, String> ordered() {
        return new LinkedHashMap<>();
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
