package vn.lgsp.hub.console;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's figures as JSON under {@code /console/api} (same login as the pages; 401 without it). */
@RestController
@RequestMapping("/console/api")
public class ConsoleApiController {

    private final ConsoleRoutes routes;
    private final SystemHealth systems;
    private final ConsoleQueues queues;
    private final DossierTrace traces;
    private final ConsoleController pages;
    private final ConsoleAudit audit;
    private final DeliveryBacklogs backlogs;

    public ConsoleApiController(ConsoleRoutes routes, SystemHealth systems, ConsoleQueues queues, DossierTrace traces,
                                ConsoleController pages, ConsoleAudit audit, DeliveryBacklogs backlogs) {
        this.backlogs = backlogs;
        this.routes = routes;
        this.systems = systems;
        this.queues = queues;
        this.traces = traces;
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/routes")
    public List<ConsoleRoutes.RouteView> routes() {
        return routes.all();
    }

    @GetMapping("/systems")
    public List<SystemHealth.SystemView> systems() {
        return systems.all();
    }

    /** Per external system: messages waiting for it, the oldest one's age, its patience. */
    @GetMapping("/backlogs")
    public List<DeliveryBacklogs.Backlog> backlogs() {
        return backlogs.all();
    }

    @GetMapping("/queues")
    public List<ConsoleQueues.QueueDepth> queues() {
        return queues.depths();
    }

    @GetMapping("/dead-letters")
    public List<ConsoleQueues.DeadLetter> deadLetters(@RequestParam String queue) {
        return queues.browse(queue);
    }

    @GetMapping("/trace/{code}")
    public ResponseEntity<DossierTrace.Trace> trace(@PathVariable String code) {
        return ResponseEntity.of(traces.of(code));
    }

    @GetMapping("/indicators")
    public Indicators.Report indicators(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Indicators.Granularity granularity) {
        return pages.report(from, to, granularity);
    }

    @GetMapping("/audit")
    public List<ConsoleAudit.Entry> audit() {
        return audit.latest(500);
    }
}
