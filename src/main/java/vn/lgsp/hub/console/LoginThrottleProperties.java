package vn.lgsp.hub.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.console.login-throttle}: after {@code maxFailuresPerUser} failed logins of one user name, or
 * {@code maxFailuresPerAddress} from one address, within {@code window}, further logins of that name or from that
 * address are refused for {@code lockout}, even with the right password.
 */
@ConfigurationProperties("hub.console.login-throttle")
public record LoginThrottleProperties(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window,
                                      Duration lockout) {

    public LoginThrottleProperties {
        maxFailuresPerUser = maxFailuresPerUser <= 0 ? 5 : maxFailuresPerUser;
        maxFailuresPerAddress = maxFailuresPerAddress <= 0 ? 20 : maxFailuresPerAddress;
        window = window == null ? Duration.ofMinutes(15) : window;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
