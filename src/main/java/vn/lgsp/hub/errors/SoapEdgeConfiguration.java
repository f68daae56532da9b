package vn.lgsp.hub.errors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Error policy {@code soap-edge} for routes consuming SOAP requests: any failure is answered as a SOAP fault
 * carrying the hub's error code, field errors and correlation id; internals never reach the caller.
 */
@Component
public class SoapEdgeConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "soap-edge";
    private static final Logger log = LoggerFactory.getLogger(SoapEdgeConfiguration.class);

    @Override
    public void configuration() {
        RouteConfigurationDefinition configuration = routeConfiguration(ID);
        configuration.onException(Exception.class)
                .handled(true)
                .process(SoapEdgeConfiguration::toFault)
                .end();
        // The CXF consumer writes the message's headers into the answer: those are still the request's (the
        // caller's X-Api-Key, anything it sent). Nothing of them travels back, on a success or a fault.
        configuration.onCompletion().modeBeforeConsumer()
                .removeHeaders("*");
    }

    private static void toFault(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Throwable cause = failure;
        while (cause != null && !(cause instanceof HubException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof HubException)) {
            log.error("SOAP request on route {} failed", exchange.getFromRouteId(), failure);
        }
        exchange.setException(SoapFaults.of(cause instanceof HubException ? cause : failure));
    }
}
