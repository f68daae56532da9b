package vn.lgsp.hub.support;

import org.apache.camel.Exchange;

/** The enrichment step of template delivery-to-rest-system for route tests of routes that never enrich. */
public final class NoEnrichment {

    public void enrich(Exchange exchange) {
        throw new AssertionError("this route does not enrich");
    }
}
