package vn.lgsp.hub.registries;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error policy {@code registry-lookup} for routes that read a national registry on behalf of a caller: no retry
 * (the caller decides: a lookup answers 503, intake goes on unverified and re-verifies later) and no logging of
 * the failed exchange, whose headers and body hold personal data. The failure reaches the caller unchanged.
 */
@Component
public class RegistryLookupConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "registry-lookup";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled(false)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .logStackTrace(false)
                    .logHandled(false)
                .end();
    }
}
