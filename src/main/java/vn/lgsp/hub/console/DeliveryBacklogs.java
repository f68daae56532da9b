package vn.lgsp.hub.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SetPropertyDefinition;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.delivery.DeliveryPatience;
import vn.lgsp.hub.delivery.MessageHeaders;

/**
 * What waits for each external system: the messages in the queues of the routes that deliver to it (a route that
 * consumes a queue and names its system in {@code hubTarget}, so a new route is counted without configuration),
 * and the age of the oldest — the older of Artemis' first waiting message and the oldest message now retried in
 * place ({@code delivery_wait}), since the broker counts a message held by a retrying consumer as delivering, not
 * waiting.
 */
@Component
public class DeliveryBacklogs {

    /** One system's waiting deliveries; {@code oldest} is zero when nothing waits. */
    public record Backlog(String system, long waiting, Duration oldest, Duration patience, List<String> queues) {
        /** How much of the patience the oldest message has used, 0-1 (for the console's warning colour). */
        public double patienceUsed() {
            return patience.isZero() ? 0 : Math.min(1.0, (double) oldest.toMillis() / patience.toMillis());
        }
    }

    private final CamelContext camel;
    private final ConsoleQueues queues;
    private final DeliveryPatience patience;

    public DeliveryBacklogs(CamelContext camel, ConsoleQueues queues, DeliveryPatience patience) {
        this.camel = camel;
        this.queues = queues;
        this.patience = patience;
    }

    /** Every system's backlog, reading the queue depths now. */
    public List<Backlog> all() {
        return of(queues.depths());
    }

    /** Every system's backlog from queue depths already read. */
    public List<Backlog> of(List<ConsoleQueues.QueueDepth> depths) {
        Instant now = Instant.now();
        List<Backlog> backlogs = new ArrayList<>();
        for (var entry : deliveryQueues().entrySet()) {
            String system = entry.getKey();
            long waiting = 0;
            Instant oldest = null;
            for (var depth : depths) {
                if (entry.getValue().contains(depth.name())) {
                    waiting += depth.messages();
                    if (depth.firstMessageAt() != null) {
                        oldest = earlier(oldest, Instant.ofEpochMilli(depth.firstMessageAt()));
                    }
                }
            }
            if (waiting > 0) {
                oldest = earlier(oldest, patience.oldestWaiting(system).orElse(null));
            }
            Duration age = waiting == 0 || oldest == null ? Duration.ZERO : Duration.between(oldest, now);
            backlogs.add(new Backlog(system, waiting, age.isNegative() ? Duration.ZERO : age,
                    patience.patience(system), entry.getValue()));
        }
        return backlogs;
    }

    /** Queues of the routes that deliver to each system, by system. */
    Map<String, List<String>> deliveryQueues() {
        Map<String, List<String>> bySystem = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            if (!(route.getEndpoint() instanceof JmsEndpoint jms)) {
                continue;
            }
            String system = target(((ModelCamelContext) camel).getRouteDefinition(route.getRouteId()));
            if (system != null) {
                bySystem.computeIfAbsent(system, s -> new ArrayList<>()).add(jms.getDestinationName());
            }
        }
        return bySystem;
    }

    /** The constant {@code hubTarget} a route sets, a route template's parameter resolved for the routes made of it. */
    static String target(RouteDefinition route) {
        if (route == null) {
            return null;
        }
        for (ProcessorDefinition<?> step : route.getOutputs()) {
            if (step instanceof SetPropertyDefinition set && MessageHeaders.TARGET.equals(set.getName())
                    && "constant".equals(set.getExpression().getLanguage())) {
                String value = set.getExpression().getExpression();
                Map<String, Object> parameters = route.getTemplateParameters();
                if (parameters != null && value.startsWith("{{") && value.endsWith("}}")) {
                    Object parameter = parameters.get(value.substring(2, value.length() - 2));
                    return parameter == null ? value : parameter.toString();
                }
                return value;
            }
        }
        return null;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
