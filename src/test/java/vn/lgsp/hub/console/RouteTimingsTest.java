package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routes page's times: a route whose exchanges take known times, on a clock the test moves (each exchange
 * advances it by the milliseconds in its body), shows the mean, p50, p99 and longest of that distribution.
 */
class RouteTimingsTest {

    private final AtomicLong clock = new AtomicLong();
    private final RouteTimings timings = new RouteTimings(clock::get);
    private DefaultCamelContext camel;
    private ProducerTemplate lookups;

    @BeforeEach
    void aCitizenLookupRouteTimedByTheConsole() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(timings);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:citizen-lookup").routeId("citizen-lookup")
                        .process(e -> clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(e.getMessage().getBody(Long.class))));
            }
        });
        camel.start();
        lookups = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void oneToOneHundredMillisecondsInAnyOrderGiveTheirMeanMedianP99AndLongest() {
        List<Long> durations = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            durations.add(ms);
        }
        Collections.shuffle(durations, new Random(24));
        durations.forEach(ms -> lookups.sendBody("direct:citizen-lookup", ms));

        var time = timings.of("citizen-lookup");

        assertThat(time.exchanges()).isEqualTo(100);
        assertThat(time.meanMs()).isEqualTo(50.5);
        assertThat(time.p50Ms()).isEqualTo(50);
        assertThat(time.p99Ms()).isEqualTo(99);
        assertThat(time.maxMs()).isEqualTo(100);
    }

    @Test
    void aSlowFirstCallThenQuickOnesKeepP99AtOrAboveTheMedianAndTheMeanBetweenShortestAndLongestWhileTheRouteRests() {
        lookups.sendBody("direct:citizen-lookup", 2242L);
        for (int i = 0; i < 29; i++) {
            lookups.sendBody("direct:citizen-lookup", 20L + i % 10);
        }
        var few = timings.of("citizen-lookup");
        // Among 30 calls the slow one is the top 1 %: p99 is it, above the mean the slow call pulls up.
        assertThat(few.p99Ms()).isEqualTo(2242).isGreaterThanOrEqualTo(few.meanMs());
        assertThat(few.p50Ms()).isEqualTo(24);
        assertThat(few.meanMs()).isCloseTo((2242 + 706) / 30.0, within(1e-9));

        for (int i = 0; i < 70; i++) {
            lookups.sendBody("direct:citizen-lookup", 20L + i % 10);
        }
        var many = timings.of("citizen-lookup");
        // Among 100 calls one slow call is under 1 %: p99 is a quick call, the longest still shows the slow one.
        assertThat(many.exchanges()).isEqualTo(100);
        assertThat(many.p50Ms()).isEqualTo(24);
        assertThat(many.p99Ms()).isEqualTo(29);
        assertThat(many.maxMs()).isEqualTo(2242);
        assertThat(many.meanMs()).isCloseTo((2242 + 2421) / 100.0, within(1e-9));
        assertThat(many.p50Ms()).isLessThanOrEqualTo(many.p99Ms());
        assertThat(many.p99Ms()).isLessThanOrEqualTo(many.maxMs());
        assertThat(many.meanMs()).isBetween(20.0, many.maxMs());

        // Ten idle minutes change nothing: the figures are of the latest calls, not of the latest minutes.
        clock.addAndGet(TimeUnit.MINUTES.toNanos(10));
        assertThat(timings.of("citizen-lookup")).isEqualTo(many);
    }

    @Test
    void theFiguresCoverTheLatestThousandExchanges() {
        for (int i = 0; i < RouteTimings.WINDOW; i++) {
            lookups.sendBody("direct:citizen-lookup", 500L);
        }
        for (int i = 0; i < RouteTimings.WINDOW; i++) {
            lookups.sendBody("direct:citizen-lookup", 5L);
        }

        var time = timings.of("citizen-lookup");

        assertThat(time.exchanges()).isEqualTo(RouteTimings.WINDOW);
        assertThat(time.meanMs()).isEqualTo(5);
        assertThat(time.maxMs()).isEqualTo(5);
        assertThat(timings.of("a-route-never-run")).isNull();
    }
}
