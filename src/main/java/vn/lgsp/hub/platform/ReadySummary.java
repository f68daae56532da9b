package vn.lgsp.hub.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One block in the log when the hub is ready to take traffic: where to reach it (port, console, API description,
 * health), where its state is and which external systems are simulators. Everything else a start logs is for
 * when something goes wrong.
 */
@Component
class ReadySummary {

    private static final Logger log = LoggerFactory.getLogger(ReadySummary.class);

    /** Where a connected system's simulator answers: {@code .../sim/<system>...}. */
    private static final String SIMULATOR_PATH = "/sim/";

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        if (log.isInfoEnabled()) {
            log.info(text(event.getApplicationContext().getEnvironment(),
                    event.getApplicationContext() instanceof WebServerApplicationContext web
                            && web.getWebServer() != null ? web.getWebServer().getPort() : -1));
        }
    }

    static String text(Environment env, int port) {
        String base = (env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http")
                + "://" + env.getProperty("server.address", "127.0.0.1") + ":" + port;
        String[] profiles = env.getActiveProfiles().length > 0 ? env.getActiveProfiles() : env.getDefaultProfiles();
        var lines = new ArrayList<String>();
        lines.add("lgsp-hub is ready on " + base + " (profiles: " + String.join(", ", profiles) + ")");
        lines.add("  console       " + base + "/console");
        lines.add("  API docs      " + base + env.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html"));
        lines.add("  health        " + base + "/actuator/health");
        lines.add("  database      " + database(env));
        lines.add("  broker        " + broker(env));
        Map<String, List<String>> simulated = simulated(env);
        if (simulated.isEmpty()) {
            lines.add("  simulated     none: every connected system is a real one");
        }
        simulated.forEach((at, systems) ->
                lines.add("  simulated     " + String.join(", ", systems) + " (at " + at + ")"));
        return String.join(System.lineSeparator(), lines);
    }

    private static String database(Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        String h2File = "jdbc:h2:file:";
        if (url.startsWith(h2File)) {
            String file = url.substring(h2File.length()).split(";", 2)[0];
            return "embedded H2 " + Path.of(file).toAbsolutePath().normalize();
        }
        // Parameters of a JDBC URL may carry credentials: only where it points is shown.
        return url.split("[?;]", 2)[0];
    }

    private static String broker(Environment env) {
        if ("embedded".equals(env.getProperty("spring.artemis.mode"))
                && env.getProperty("spring.artemis.embedded.enabled", Boolean.class, true)) {
            return "embedded Artemis " + Path.of(env.getProperty("spring.artemis.embedded.data-directory", ""))
                    .toAbsolutePath().normalize();
        }
        return env.getProperty("spring.artemis.broker-url", "?").split("\\?", 2)[0];
    }

    /** The connected systems whose address is a simulator's, by the simulators' root address. */
    static Map<String, List<String>> simulated(Environment env) {
        Map<String, Address> systems = Binder.get(env)
                .bind("hub.systems", Bindable.mapOf(String.class, Address.class)).orElse(Map.of());
        Map<String, List<String>> byRoot = new TreeMap<>();
        new TreeMap<>(systems).forEach((id, address) -> {
            String url = address.baseUrl() == null ? "" : address.baseUrl();
            int at = url.indexOf(SIMULATOR_PATH);
            if (at > 0) {
                byRoot.computeIfAbsent(url.substring(0, at + SIMULATOR_PATH.length()), root -> new ArrayList<>())
                        .add(id);
            }
        });
        return byRoot;
    }

    /** The one setting of hub.systems.&lt;id&gt; read here. */
    record Address(String baseUrl) {
    }
}
