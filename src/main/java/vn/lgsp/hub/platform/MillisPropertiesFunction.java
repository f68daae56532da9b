package vn.lgsp.hub.platform;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Route placeholder {@code {{millis:<key>}}}: the setting {@code <key>}, written as a duration ({@code 2s},
 * {@code 5m}; a bare number is milliseconds), in milliseconds. The configuration speaks Durations everywhere;
 * endpoint options that take milliseconds (camel-http's {@code connectTimeout}, {@code responseTimeout}) read it
 * through this function.
 */
@Component
public class MillisPropertiesFunction implements PropertiesFunction, CamelContextConfiguration {

    private final Environment environment;

    public MillisPropertiesFunction(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getPropertiesComponent().addPropertiesFunction(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String key) {
        Duration duration = environment.getProperty(key.trim(), Duration.class);
        if (duration == null) {
            throw new IllegalArgumentException("Setting " + key + " is not set (route placeholder {{millis:" + key + "}})");
        }
        return Long.toString(duration.toMillis());
    }
}
