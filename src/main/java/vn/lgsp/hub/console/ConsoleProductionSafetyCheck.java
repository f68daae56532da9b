package vn.lgsp.hub.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the prod profile with the console's demo users (any user whose hash matches a documented demo
 * password) or, when console users are configured, with the demo, a short or a missing session-signing secret.
 */
@Component
@Profile("prod")
public class ConsoleProductionSafetyCheck implements InitializingBean {

    static final List<String> DEMO_PASSWORDS = List.of("demo-viewer-pass", "demo-operator-pass", "viewer",
            "operator", "admin", "password");
    static final String DEMO_SECRET = "demo-console-session-secret-change-me";

    private final ConsoleProperties console;

    public ConsoleProductionSafetyCheck(ConsoleProperties console) {
        this.console = console;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems(console);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with demo console settings: "
                    + String.join("; ", problems));
        }
    }

    static List<String> problems(ConsoleProperties console) {
        List<String> problems = new ArrayList<>();
        var bcrypt = new BCryptPasswordEncoder();
        console.users().forEach((name, user) -> {
            if (user.passwordHash() == null || !user.passwordHash().startsWith("$2")) {
                problems.add("hub.console.users." + name + ".password-hash is not a BCrypt hash");
            } else if (DEMO_PASSWORDS.stream().anyMatch(p -> bcrypt.matches(p, user.passwordHash()))) {
                problems.add("hub.console.users." + name + " has a demo password");
            }
        });
        // Without users the console cannot be entered, so it needs no secret either.
        if (!console.users().isEmpty()
                && (console.sessionSecret().length() < 32 || console.sessionSecret().equals(DEMO_SECRET))) {
            problems.add("hub.console.session-secret is missing, shorter than 32 characters or the demo secret");
        }
        return problems;
    }
}
