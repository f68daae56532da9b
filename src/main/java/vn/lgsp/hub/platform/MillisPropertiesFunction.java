package vn.lgsp.hub.platform;

import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
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

    private final Function<String, String> settings;

    @Autowired
    public MillisPropertiesFunction(Environment environment) {
        this(environment::getProperty);
    }

    /** Over settings read some other way (route tests without Spring). */
    public MillisPropertiesFunction(Function<String, String> settings) {
        this.settings = settings;
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
        String value = settings.apply(key.trim());
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Setting " + key + " is not set (route placeholder {{millis:" + key + "}})");
        }
        return Long.toString(DurationStyle.detectAndParse(value.trim()).toMillis());
    }
}
