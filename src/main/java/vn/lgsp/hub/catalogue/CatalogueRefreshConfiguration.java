package vn.lgsp.hub.catalogue;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error policy {@code catalogue-refresh} for the refresh of the procedure catalogue from the national procedure
 * database: no retry in place (the list is read whole or not at all, and the next scheduled or requested refresh
 * starts afresh); the failure closes the refresh's report as FAILED with its reason (bean
 * {@code catalogueRefresh}, method {@code failed}), and the catalogue in force stays as it was.
 */
@Component
public class CatalogueRefreshConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "catalogue-refresh";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                    .logStackTrace(false)
                    .bean("catalogueRefresh", "failed")
                .end();
    }
}
