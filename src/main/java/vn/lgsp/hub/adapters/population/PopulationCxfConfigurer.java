package vn.lgsp.hub.adapters.population;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.stereotype.Component;

/** Connect and receive time-outs of the CXF client that calls the population database. */
@Component("populationCxfConfigurer")
public class PopulationCxfConfigurer implements CxfConfigurer {

    private final PopulationProperties properties;

    public PopulationCxfConfigurer(PopulationProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
        // nothing: the endpoint is configured by the route's URI
    }

    @Override
    public void configureClient(Client client) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(properties.connectTimeout().toMillis());
        policy.setReceiveTimeout(properties.responseTimeout().toMillis());
        policy.setAllowChunking(false);
        ((HTTPConduit) client.getConduit()).setClient(policy);
    }

    @Override
    public void configureServer(Server server) {
        // the hub is a client of this system only
    }
}
