package vn.lgsp.hub.console;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailureHandledEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.delivery.DeliveryFailures;

/**
 * Listens to Camel's exchange events: each call sent to an external system's endpoint feeds {@link SystemHealth}
 * (outcome and latency), and each failed or dead-lettered exchange becomes its route's last error. Only the
 * reason is kept, never the payload.
 */
@Component
public class CamelCallRecorder extends EventNotifierSupport {

    private final SystemHealth systems;
    private final RouteErrors routes;

    public CamelCallRecorder(SystemHealth systems, RouteErrors routes) {
        this.systems = systems;
        this.routes = routes;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent || event instanceof ExchangeFailedEvent
                || event instanceof ExchangeFailureHandledEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) {
            String system = systems.systemOf(sent.getEndpoint().getEndpointUri());
            if (system != null) {
                Exchange exchange = sent.getExchange();
                Throwable failure = exchange.getException();
                systems.record(system, failure == null, sent.getTimeTaken(),
                        failure == null ? null : DeliveryFailures.describe(failure));
            }
        } else if (event instanceof ExchangeFailureHandledEvent handled) {
            Exchange exchange = handled.getExchange();
            Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            recordRouteError(exchange, failure);
        } else if (event instanceof ExchangeFailedEvent failed) {
            recordRouteError(failed.getExchange(), failed.getExchange().getException());
        }
    }

    private void recordRouteError(Exchange exchange, Throwable failure) {
        String routeId = exchange.getFromRouteId();
        if (routeId != null) {
            routes.record(routeId, DeliveryFailures.describe(failure));
        }
    }
}
