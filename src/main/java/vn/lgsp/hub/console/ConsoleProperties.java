package vn.lgsp.hub.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Configuration of the operations console ({@code hub.console.*}): its users with BCrypt hashes and roles (VIEWER,
 * OPERATOR), the key that signs the session cookie (every node must share it), and how often the shared state is
 * applied and the gauges refreshed.
 */
@ConfigurationProperties("hub.console")
public record ConsoleProperties(
        Map<String, User> users,
        String sessionSecret,
        Duration sessionTimeout,
        Duration routeControlInterval,
        Duration healthFlushInterval,
        Duration gaugeRefresh,
        int systemDownAfterFailures,
        String managementAddress) {

    @ConstructorBinding
    public ConsoleProperties {
        managementAddress = managementAddress == null ? "activemq.management" : managementAddress;
        users = users == null ? Map.of() : Map.copyOf(users);
        sessionSecret = sessionSecret == null ? "" : sessionSecret;
        sessionTimeout = sessionTimeout == null ? Duration.ofHours(8) : sessionTimeout;
        routeControlInterval = routeControlInterval == null ? Duration.ofSeconds(5) : routeControlInterval;
        healthFlushInterval = healthFlushInterval == null ? Duration.ofSeconds(2) : healthFlushInterval;
        gaugeRefresh = gaugeRefresh == null ? Duration.ofSeconds(10) : gaugeRefresh;
        systemDownAfterFailures = systemDownAfterFailures <= 0 ? 3 : systemDownAfterFailures;
    }

    /** The console's settings with the broker's default management address. */
    public ConsoleProperties(Map<String, User> users, String sessionSecret, Duration sessionTimeout,
                             Duration routeControlInterval, Duration healthFlushInterval, Duration gaugeRefresh,
                             int systemDownAfterFailures) {
        this(users, sessionSecret, sessionTimeout, routeControlInterval, healthFlushInterval, gaugeRefresh,
                systemDownAfterFailures, null);
    }

    /** A console user: the BCrypt hash of the password and the roles. */
    public record User(String passwordHash, List<String> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
