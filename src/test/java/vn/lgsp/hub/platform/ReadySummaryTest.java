package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The block the hub logs when it is ready: where to reach it, where its state is, which systems are simulated. */
class ReadySummaryTest {

    @Test
    void demoNamesItsAddressesItsDataDirectoryAndItsSimulators() {
        var env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/db/hub;MODE=PostgreSQL;WRITE_DELAY=0")
                .withProperty("spring.artemis.mode", "embedded")
                .withProperty("spring.artemis.embedded.data-directory", "./data/broker")
                .withProperty("hub.systems.onestop.base-url", "http://127.0.0.1:8085/sim/onestop")
                .withProperty("hub.systems.dvcqg.base-url", "http://127.0.0.1:8085/sim/dvcqg")
                .withProperty("hub.systems.dvcqg.consumers", "4")
                .withProperty("hub.systems.population.base-url", "https://dancu.example.vn/ws");
        env.setDefaultProfiles("demo");

        assertThat(ReadySummary.text(env, 8085))
                .startsWith("lgsp-hub is ready on http://127.0.0.1:8085 (profiles: demo)")
                .contains("console       http://127.0.0.1:8085/console",
                        "API docs      http://127.0.0.1:8085/swagger-ui.html",
                        "database      embedded H2 " + Path.of("data/db/hub").toAbsolutePath(),
                        "broker        embedded Artemis " + Path.of("data/broker").toAbsolutePath(),
                        "simulated     dvcqg, onestop (at http://127.0.0.1:8085/sim/)")
                .doesNotContain("population");
    }

    @Test
    void anExternalDatabaseShowsWhereNotItsParameters() {
        var env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/lgsp_hub?password=secret")
                .withProperty("spring.artemis.mode", "native")
                .withProperty("spring.artemis.broker-url", "tcp://artemis:61616?reconnectAttempts=-1");
        env.setActiveProfiles("prod");

        assertThat(ReadySummary.text(env, 8080))
                .contains("(profiles: prod)", "database      jdbc:postgresql://db:5432/lgsp_hub",
                        "broker        tcp://artemis:61616", "simulated     none")
                .doesNotContain("secret", "reconnectAttempts");
    }
}
