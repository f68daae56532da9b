package vn.lgsp.hub;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --help} (or {@code -h}): the options an operator changes most, printed without starting anything. Of the
 * profiles below, those the jar ships ({@code application-<profile>.yml}) are listed; the full reference is the
 * README's "Configuration".
 */
final class HubHelp {

    /** What each profile is for, in the order they are listed. */
    private static final Map<String, String> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("demo", "the default: embedded Artemis and H2 under the data directory, simulators, demo keys");
        PROFILES.put("prod", "external PostgreSQL and Artemis (HUB_DB_*, HUB_ARTEMIS_*), real systems, no demo keys");
        PROFILES.put("postgres-demo", "the demo on PostgreSQL: HUB_DB_URL, HUB_DB_USER, HUB_DB_PASSWORD, else "
                + "lgsp_hub on 127.0.0.1:5432");
        PROFILES.put("remote-simulators", "with demo: the simulators run as their own process (HUB_SIMULATORS_URL)");
        PROFILES.put("simulators", "the simulators process itself (SimulatorsApplication), not the hub");
    }

    private HubHelp() {
    }

    /** True when the arguments ask for help. */
    static boolean asked(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    static void print(PrintStream out) {
        out.print("""
                lgsp-hub: the province's integration hub

                Usage:
                  java -jar target/lgsp-hub.jar [--key=value ...]
                  ./mvnw spring-boot:run -Dspring-boot.run.arguments="--key=value ..."
                  (with spring-boot:run, -Dserver.port=... is not passed to the hub: use the arguments above)
                Every option is a Spring property: --key=value, or the environment variable KEY_IN_CAPITALS.

                Options:
                  --server.port=8080                 HTTP port (SERVER_PORT)
                  --hub.data-dir=./data              embedded H2 database and Artemis journal (HUB_DATA_DIR;
                                                     prod: /var/lib/lgsp-hub)
                  --spring.profiles.active=demo      profiles, comma-separated (SPRING_PROFILES_ACTIVE), see below
                  --logging.level.vn.lgsp.hub=DEBUG  log level of the hub (LOGGING_LEVEL_VN_LGSP_HUB);
                                                     --logging.level.root=WARN for everything else

                External PostgreSQL (profile prod):
                  HUB_DB_URL=jdbc:postgresql://postgres:5432/lgsp_hub  HUB_DB_USER=lgsp_hub  HUB_DB_PASSWORD=...
                  HUB_DB_POOL=32
                External Artemis (profile prod):
                  HUB_ARTEMIS_URL=tcp://artemis:61616?reconnectAttempts=-1  HUB_ARTEMIS_USER=lgsp_hub
                  HUB_ARTEMIS_PASSWORD=...

                Profiles:
                """);
        PROFILES.forEach((profile, meaning) -> {
            // Only the profiles this build ships: a profile of another branch or version is not offered.
            if (HubHelp.class.getResource("/application-" + profile + ".yml") != null) {
                out.printf("  %-20s %s%n", profile, meaning);
            }
        });
        out.print("""

                The connected systems' addresses and keys (HUB_ONESTOP_URL, HUB_DVCQG_*, ...) and every other key:
                README.md, "Configuration". API description of a running hub: /swagger-ui.html
                """);
        out.flush();
    }
}
