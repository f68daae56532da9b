package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.lgsp.hub.platform.HubProperties;

/** How long a message waits out temporary failures, and how its clock survives a hub restart. */
class DeliveryPatienceTest {

    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final HubProperties.Delivery policy = new HubProperties.Delivery(6, Duration.ofSeconds(1), 2.0,
            Duration.ofMinutes(2), 0.2, Duration.ofDays(3));
    private final HubProperties properties = new HubProperties(null, null, null, null, policy, null, null,
            Map.of("onestop", new HubProperties.ExternalSystem("http://onestop", null, null, 4, null, null,
                            Duration.ofSeconds(60)),
                    "dvcqg", new HubProperties.ExternalSystem("http://dvcqg", null, null, 4, null, null)),
            null, null);
    private JdbcClient jdbc;

    @BeforeEach
    void database() throws Exception {
        var h2 = new DriverManagerDataSource("jdbc:h2:mem:patience-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(h2);
        for (String statement : Files.readString(Path.of(
                "src/main/resources/db/migration/V15__delivery_waits.sql")).replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
    }

    @Test
    void eachSystemHasItsOwnPatienceElseTheDefault() {
        var patience = at(T0);
        assertThat(patience.patience("onestop")).isEqualTo(Duration.ofSeconds(60));
        assertThat(patience.patience("dvcqg")).isEqualTo(Duration.ofDays(3));
        assertThat(patience.patience("sector-unknown")).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void waitsGrowExponentiallyUpToTheCapAndJitterOnlyShortensThem() {
        var patience = at(T0);
        assertThat(patience.delay(1, 0)).isEqualTo(1_000);
        assertThat(patience.delay(2, 0)).isEqualTo(2_000);
        assertThat(patience.delay(5, 0)).isEqualTo(16_000);
        assertThat(patience.delay(8, 0)).isEqualTo(120_000);
        assertThat(patience.delay(500, 0)).isEqualTo(120_000);
        assertThat(patience.delay(500, 0.999)).isBetween(96_000L, 96_100L);
        assertThat(patience.delay(3, 0.5)).isEqualTo(3_600);
    }

    @Test
    void aMessageIsRetriedWhileThePatienceLastsThenGivenUpWithThePatienceAsReason() {
        Exchange exchange = failing("ID:m-1");
        assertThat(at(T0).allowsRetry(exchange)).isTrue();
        assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isBetween(800L, 1_000L);
        assertThat(at(T0.plusSeconds(59)).allowsRetry(exchange)).isTrue();
        assertThat(exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isBetween(1_600L, 2_000L);
        assertThat(at(T0.plusSeconds(60)).allowsRetry(exchange)).isFalse();
        assertThat(exchange.getProperty(DeliveryPatience.EXHAUSTED)).isEqualTo(Duration.ofSeconds(60));
        assertThat(exchange.getProperty(DeliveryPatience.FIRST_FAILURE)).isEqualTo(T0);
    }

    @Test
    void theClockOfAMessageGoesOnAcrossARestartAndEndsWhenItIsSettled() {
        assertThat(at(T0).allowsRetry(failing("ID:m-2"))).isTrue();
        assertThat(at(T0).oldestWaiting("onestop")).contains(T0.minusSeconds(5));

        // The hub restarted: the broker gives the same message again, to a new exchange 50 s later, then 61 s.
        assertThat(at(T0.plusSeconds(50)).allowsRetry(failing("ID:m-2"))).isTrue();
        Exchange afterRestart = failing("ID:m-2");
        assertThat(at(T0.plusSeconds(61)).allowsRetry(afterRestart)).isFalse();

        at(T0).forget(afterRestart);
        assertThat(at(T0).oldestWaiting("onestop")).isEmpty();
        // A replayed dead letter is a new message, with a clock of its own.
        assertThat(at(T0.plusSeconds(120)).allowsRetry(failing("ID:m-3"))).isTrue();
    }

    private DeliveryPatience at(Instant now) {
        return new DeliveryPatience(properties, jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Exchange failing(String messageId) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(MessageHeaders.TARGET, "onestop");
        exchange.getIn().setHeader("JMSMessageID", messageId);
        exchange.getIn().setHeader("JMSTimestamp", T0.minusSeconds(5).toEpochMilli());
        exchange.getIn().setHeader(MessageHeaders.DOSSIER_CODE, "H15.50.05.13-261204-0001");
        return exchange;
    }
}
