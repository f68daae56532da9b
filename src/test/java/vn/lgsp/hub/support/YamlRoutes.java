package vn.lgsp.hub.support;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import vn.lgsp.hub.platform.MillisPropertiesFunction;
import vn.lgsp.hub.registries.RegistryLookupConfiguration;

/**
 * Route files of routes/ in a plain CamelContext, for route tests that run in seconds: no Spring, no broker, no
 * database. Placeholders come from the given properties, beans from the given map.
 */
public final class YamlRoutes {

    private YamlRoutes() {
    }

    /** A context, not yet started (advise its routes, then start it), with the hub's registry-lookup policy. */
    public static DefaultCamelContext load(Map<String, String> placeholders, Map<String, Object> beans,
                                           String... routeFiles) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.putAll(placeholders);
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getPropertiesComponent().addPropertiesFunction(new MillisPropertiesFunction(properties::getProperty));
        beans.forEach(camel.getRegistry()::bind);
        camel.addRoutes(new RegistryLookupConfiguration());
        for (String file : routeFiles) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "file:routes/" + file));
        }
        return camel;
    }
}
