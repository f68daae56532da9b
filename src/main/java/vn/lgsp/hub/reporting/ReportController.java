package vn.lgsp.hub.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports to the government reporting system on demand, and what was sent for a period (role ADMIN). */
@RestController
@Tag(name = "Reports to the government")
public class ReportController {

    private final GovernmentReports reports;

    public ReportController(GovernmentReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/admin/reports/{period}/send")
    @Operation(summary = "Build the report of a month (yyyy-MM) now and send it; it replaces the month's report at "
            + "the receiver")
    public ResponseEntity<GovernmentReports.SentReport> send(@PathVariable String period) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reports.send(period, "ON_DEMAND"));
    }

    @GetMapping("/api/v1/admin/reports/{period}")
    @Operation(summary = "The reports made for a month: the body exactly as sent, when, and the receiver's answer")
    public List<GovernmentReports.SentReport> list(@PathVariable String period) {
        return reports.of(period);
    }
}
