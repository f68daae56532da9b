package vn.lgsp.hub.reporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reports to the government reporting system, bound from {@code hub.reports.*}.
 *
 * @param agencyCode the province's code in the reports
 * @param queue      queue of reports to route report-delivery-to-reporting (outbox -> queue)
 * @param sending    whether the scheduled route runs (where the reporting system is configured)
 * @param interval   how often the scheduled route looks for a finished month not reported yet
 * @param firstDelay the first look after start-up
 */
@ConfigurationProperties("hub.reports")
public record ReportProperties(String agencyCode, String queue, boolean sending, Duration interval,
                               Duration firstDelay) {
}
