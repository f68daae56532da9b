package vn.lgsp.hub.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * What the console shows, as Prometheus gauges for alerting ({@code deploy/prometheus/alerts.yml}):
 * {@code lgsp_queue_depth{queue}}, {@code lgsp_dlq_depth{queue}}, {@code lgsp_system_health{system}} (1 up,
 * 0.5 degraded, 0 down, -1 unknown), {@code lgsp_system_last_success_age_seconds{system}},
 * {@code lgsp_route_up{routeId}}, {@code lgsp_indicator_ratio{indicator}} over {@code hub.kpi.window}, and per
 * external system the messages waiting for it, {@code lgsp_delivery_backlog{system}}, and the age of the oldest,
 * {@code lgsp_delivery_oldest_seconds{system}} (beside {@code lgsp_delivery_patience_seconds{system}}). Refreshed
 * by {@link ConsoleJobs}, not at scrape time, so a scrape never waits for the broker or the database.
 */
@Component
public class ConsoleMetrics {

    private final ConsoleQueues queues;
    private final SystemHealth systems;
    private final ConsoleRoutes routes;
    private final Indicators indicators;
    private final Duration window;
    private final MultiGauge queueDepth;
    private final MultiGauge dlqDepth;
    private final MultiGauge systemHealth;
    private final MultiGauge lastSuccessAge;
    private final MultiGauge routeUp;
    private final MultiGauge indicatorRatio;
    private final DeliveryBacklogs backlogs;
    private final MultiGauge backlog;
    private final MultiGauge oldest;
    private final MultiGauge patience;

    public ConsoleMetrics(MeterRegistry meters, ConsoleQueues queues, SystemHealth systems, ConsoleRoutes routes,
                          Indicators indicators, DeliveryBacklogs backlogs, HubProperties hub) {
        this.queues = queues;
        this.backlogs = backlogs;
        this.systems = systems;
        this.routes = routes;
        this.indicators = indicators;
        this.window = hub.kpi().window();
        queueDepth = MultiGauge.builder("lgsp.queue.depth").description("Messages waiting in a queue").register(meters);
        dlqDepth = MultiGauge.builder("lgsp.dlq.depth").description("Messages in a dead-letter queue").register(meters);
        systemHealth = MultiGauge.builder("lgsp.system.health")
                .description("External system health: 1 up, 0.5 degraded, 0 down, -1 unknown").register(meters);
        lastSuccessAge = MultiGauge.builder("lgsp.system.last.success.age.seconds").baseUnit("seconds")
                .description("Seconds since the last successful call to an external system").register(meters);
        routeUp = MultiGauge.builder("lgsp.route.up").description("1 when the route is started on this node")
                .register(meters);
        indicatorRatio = MultiGauge.builder("lgsp.indicator.ratio")
                .description("Decision 766 indicator over the KPI window (0-1)").register(meters);
        backlog = MultiGauge.builder("lgsp.delivery.backlog")
                .description("Messages waiting to be delivered to an external system").register(meters);
        oldest = MultiGauge.builder("lgsp.delivery.oldest.seconds").baseUnit("seconds")
                .description("Age of the oldest message waiting for an external system (0 when none waits)")
                .register(meters);
        patience = MultiGauge.builder("lgsp.delivery.patience.seconds").baseUnit("seconds")
                .description("How long messages to an external system wait out its failures before the DLQ")
                .register(meters);
    }

    /** Queue depths, system health and route states. */
    public void refresh() {
        List<MultiGauge.Row<?>> depths = new ArrayList<>();
        List<MultiGauge.Row<?>> dead = new ArrayList<>();
        var queueDepths = queues.depths();
        for (var q : queueDepths) {
            (q.deadLetter() ? dead : depths).add(MultiGauge.Row.of(Tags.of("queue", q.name()), q.messages()));
        }
        queueDepth.register(depths, true);
        dlqDepth.register(dead, true);
        List<MultiGauge.Row<?>> waiting = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        List<MultiGauge.Row<?>> patiences = new ArrayList<>();
        for (var b : backlogs.of(queueDepths)) {
            Tags system = Tags.of("system", b.system());
            waiting.add(MultiGauge.Row.of(system, b.waiting()));
            ages.add(MultiGauge.Row.of(system, b.oldest().toSeconds()));
            patiences.add(MultiGauge.Row.of(system, b.patience().toSeconds()));
        }
        backlog.register(waiting, true);
        oldest.register(ages, true);
        patience.register(patiences, true);
        List<MultiGauge.Row<?>> health = new ArrayList<>();
        List<MultiGauge.Row<?>> successAges = new ArrayList<>();
        var now = DossierTrail.now();
        for (var s : systems.all()) {
            health.add(MultiGauge.Row.of(Tags.of("system", s.id()), switch (s.state()) {
                case UP -> 1.0;
                case DEGRADED -> 0.5;
                case DOWN -> 0.0;
                case UNKNOWN -> -1.0;
            }));
            if (s.lastSuccessAt() != null) {
                successAges.add(MultiGauge.Row.of(Tags.of("system", s.id()),
                        Math.max(0, Duration.between(s.lastSuccessAt(), now).toSeconds())));
            }
        }
        systemHealth.register(health, true);
        lastSuccessAge.register(successAges, true);
        List<MultiGauge.Row<?>> up = new ArrayList<>();
        for (var r : routes.all()) {
            up.add(MultiGauge.Row.of(Tags.of("routeId", r.id()), "STARTED".equals(r.state()) ? 1 : 0));
        }
        routeUp.register(up, true);
    }

    /** The indicators over the KPI window ending today. */
    public void refreshIndicators() {
        LocalDate today = LocalDate.now(DossierTrail.ZONE);
        LocalDate from = today.minusDays(Math.max(0, window.toDays() - 1));
        Figures f = indicators.report(from, today, Indicators.Granularity.MONTH).total();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        IndicatorFormulas.RATES.forEach((indicator, rate) -> add(rows, indicator, f, rate));
        indicatorRatio.register(rows, true);
    }

    private static void add(List<MultiGauge.Row<?>> rows, String indicator, Figures f, Function<Figures, Double> rate) {
        Double value = rate.apply(f);
        if (value != null) {
            rows.add(MultiGauge.Row.of(Tags.of("indicator", indicator), value));
        }
    }
}
