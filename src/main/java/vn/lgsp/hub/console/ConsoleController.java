package vn.lgsp.hub.console;

import java.security.Principal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The console's pages, rendered on the server (Thymeleaf templates under {@code templates/console/}). Actions are
 * form POSTs (role OPERATOR, CSRF token) that redirect back to the page with the outcome in the query string.
 */
@Controller
@RequestMapping("/console")
public class ConsoleController {

    static final int MAX_DAYS = 366;
    static final int MAX_MONTHS = 120;

    private final ConsoleRoutes routes;
    private final SystemHealth systems;
    private final ConsoleQueues queues;
    private final DossierTrace traces;
    private final Indicators indicators;
    private final ConsoleAudit audit;
    private final DeliveryBacklogs backlogs;

    public ConsoleController(ConsoleRoutes routes, SystemHealth systems, ConsoleQueues queues, DossierTrace traces,
                             Indicators indicators, ConsoleAudit audit, DeliveryBacklogs backlogs) {
        this.backlogs = backlogs;
        this.routes = routes;
        this.systems = systems;
        this.queues = queues;
        this.traces = traces;
        this.indicators = indicators;
        this.audit = audit;
    }

    @GetMapping("/login")
    public String login() {
        return "console/login";
    }

    @GetMapping({"", "/"})
    public String home() {
        return "redirect:/console/routes";
    }

    @GetMapping("/routes")
    public String routes(Model model, Authentication user) {
        model.addAttribute("routes", routes.all());
        return page(model, user, "routes");
    }

    @PostMapping("/routes/{routeId}/{action:stop|start}")
    public String controlRoute(@PathVariable String routeId, @PathVariable String action, Principal operator) {
        routes.control(routeId, "stop".equals(action) ? ConsoleRoutes.STOPPED : ConsoleRoutes.STARTED,
                operator.getName());
        return "redirect:/console/routes?done=" + action;
    }

    @GetMapping("/systems")
    public String systems(Model model, Authentication user) {
        model.addAttribute("systems", systems.all());
        model.addAttribute("backlogs", backlogs.all());
        return page(model, user, "systems");
    }

    @GetMapping("/queues")
    public String queues(Model model, Authentication user) {
        model.addAttribute("queues", queues.depths());
        return page(model, user, "queues");
    }

    @GetMapping("/dead-letters")
    public String deadLetters(@RequestParam String queue, Model model, Authentication user) {
        model.addAttribute("queue", queue);
        model.addAttribute("letters", queues.browse(queue));
        model.addAttribute("replayTo", ConsoleQueues.replayTarget(queue));
        model.addAttribute("limit", ConsoleQueues.BROWSE_LIMIT);
        return page(model, user, "dead-letters");
    }

    @PostMapping("/dead-letters/replay")
    public String replay(@RequestParam String queue, @RequestParam String messageId, Principal operator) {
        int n = queues.replay(queue, messageId, operator.getName()) ? 1 : 0;
        return backToDeadLetters(queue, "replayed", n);
    }

    @PostMapping("/dead-letters/replay-matching")
    public String replayMatching(@RequestParam String queue, @RequestParam(required = false) String reason,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 Principal operator) {
        var filter = new ConsoleQueues.Filter(reason, ConsoleFormat.parseDay(from), ConsoleFormat.parseDay(to));
        int n = queues.replayMatching(queue, filter, operator.getName());
        return backToDeadLetters(queue, "replayed", n);
    }

    @PostMapping("/dead-letters/discard")
    public String discard(@RequestParam String queue, @RequestParam String messageId, Principal operator) {
        int n = queues.discard(queue, messageId, operator.getName()) ? 1 : 0;
        return backToDeadLetters(queue, "discarded", n);
    }

    private static String backToDeadLetters(String queue, String done, int count) {
        return "redirect:" + UriComponentsBuilder.fromPath("/console/dead-letters").queryParam("queue", queue)
                .queryParam("done", done).queryParam("count", count).encode().build().toUriString();
    }

    @GetMapping("/trace")
    public String trace(@RequestParam(required = false) String code, Model model, Authentication user) {
        if (code != null && !code.isBlank()) {
            model.addAttribute("code", code.strip());
            model.addAttribute("trace", traces.of(code.strip()).orElse(null));
        }
        return page(model, user, "trace");
    }

    @GetMapping("/indicators")
    public String indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "DAY") Indicators.Granularity granularity,
                             Model model, Authentication user) {
        Indicators.Report report = report(ConsoleFormat.parseDay(from), ConsoleFormat.parseDay(to), granularity);
        model.addAttribute("report", report);
        model.addAttribute("chart", Chart.of(report.buckets()));
        return page(model, user, "indicators");
    }

    /** The report of a period, defaulting to the last 30 days and bounded so a request cannot ask for centuries. */
    Indicators.Report report(LocalDate from, LocalDate to, Indicators.Granularity granularity) {
        LocalDate end = to == null ? LocalDate.now(DossierTrail.ZONE) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        if (granularity == Indicators.Granularity.DAY && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            start = end.minusDays(MAX_DAYS - 1);
        }
        if (ChronoUnit.MONTHS.between(start, end) >= MAX_MONTHS) {
            start = end.minusMonths(MAX_MONTHS - 1);
        }
        return indicators.report(start, end, granularity);
    }

    @GetMapping("/audit")
    public String audit(Model model, Authentication user) {
        model.addAttribute("entries", audit.latest(500));
        return page(model, user, "audit");
    }

    private static String page(Model model, Authentication user, String name) {
        model.addAttribute("page", name);
        model.addAttribute("user", user.getName());
        model.addAttribute("operator", user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + ConsoleSecurityConfiguration.OPERATOR)));
        return "console/" + name;
    }
}
