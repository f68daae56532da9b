package vn.lgsp.hub.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.console.IndicatorFormulas;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.console.Indicators;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.ReportingPeriod;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Monthly reports to the government reporting system (hệ thống thông tin báo cáo Chính phủ): the dossier figures
 * and the Decision 766 indicators of the dossiers received in a month, computed by the console's {@link Indicators}
 * (one definition of every formula). A report is built and stored when it is asked for (schedule or on demand) and
 * queued through the outbox in the same transaction; route {@code report-delivery-to-reporting} sends exactly the
 * stored body and records the answer. The receiver replaces a period's report by its key, so a period sent again
 * leaves one report there.
 */
@Component("governmentReports")
public class GovernmentReports {

    public static final String EVENT_TYPE = "GOVERNMENT_REPORT";
    /** Exchange properties the delivery route reads. */
    public static final String PERIOD = "reportPeriod";
    public static final String KEY = "reportKey";
    public static final String ANSWERED = "reportAnswered";

    /** A report as kept: what was sent, when, and what the receiver answered. */
    public record SentReport(long id, String period, String trigger, String body, OffsetDateTime createdAt,
                             OffsetDateTime sentAt, Integer answerStatus, String answer) {
    }

    private final Indicators indicators;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final ReportProperties properties;
    private final Clock clock;

    public GovernmentReports(Indicators indicators, JdbcClient jdbc, Outbox outbox, TransactionTemplate tx,
                             ObjectMapper mapper, ReportProperties properties) {
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.tx = tx;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = Clock.system(ReportingPeriod.ZONE);
    }

    /** Builds, stores and queues the report of a month ({@code yyyy-MM}); a month not begun yet is refused. */
    public SentReport send(String period, String trigger) {
        YearMonth month = month(period);
        if (month.isAfter(YearMonth.now(clock))) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The period " + period + " has not begun");
        }
        String body = body(month);
        return tx.execute(status -> {
            String eventId = outbox.enqueue(properties.queue(), "report-" + month, EVENT_TYPE, month.toString()).eventId();
            jdbc.sql("INSERT INTO government_report (period, event_id, trigger_kind, body, created_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(month.toString(), eventId, trigger, body, DossierTrail.now()).update();
            return find(eventId).orElseThrow();
        });
    }

    /** The scheduled run: the last finished month, unless a report of it was already made. */
    public void sendDue() {
        String last = YearMonth.now(clock).minusMonths(1).toString();
        if (of(last).isEmpty()) {
            send(last, "SCHEDULE");
        }
    }

    /** Reports of a period, oldest first. */
    public List<SentReport> of(String period) {
        return jdbc.sql("SELECT * FROM government_report WHERE period = ? ORDER BY created_at, id")
                .param(month(period).toString()).query((rs, n) -> report(rs)).list();
    }

    /** Route step before the call: the stored body, the period and key, and whether it was answered already. */
    public void begin(Exchange exchange) {
        String eventId = exchange.getMessage().getHeader(MessageHeaders.EVENT_ID, String.class);
        SentReport report = find(eventId)
                .orElseThrow(() -> new PermanentDeliveryException("No report for event " + eventId));
        exchange.setProperty(MessageHeaders.EVENT_ID, eventId);
        exchange.setProperty(MessageHeaders.DOSSIER_CODE, "report-" + report.period());
        exchange.setProperty(PERIOD, report.period());
        exchange.setProperty(KEY, properties.agencyCode() + ":" + report.period());
        exchange.setProperty(ANSWERED, report.sentAt() != null);
        exchange.getMessage().setBody(report.body());
    }

    /** Route step after the call: the receiver's answer, kept with the report. */
    public void answered(Exchange exchange) {
        String answer = exchange.getMessage().getBody(String.class);
        jdbc.sql("UPDATE government_report SET sent_at = ?, answer_status = ?, answer = ? WHERE event_id = ?")
                .params(DossierTrail.now(), exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                        answer == null ? null : answer.substring(0, Math.min(answer.length(), 4000)),
                        exchange.getProperty(MessageHeaders.EVENT_ID, String.class))
                .update();
    }

    private String body(YearMonth month) {
        Figures f = indicators.report(month.atDay(1), month.atEndOfMonth(), Indicators.Granularity.MONTH).total();
        ObjectNode report = mapper.createObjectNode();
        report.put("reportKey", properties.agencyCode() + ":" + month);
        report.put("agencyCode", properties.agencyCode());
        report.put("period", month.toString());
        report.put("from", month.atDay(1).toString());
        report.put("to", month.atEndOfMonth().toString());
        report.put("generatedAt", DossierTrail.now().toString());
        ObjectNode dossiers = report.putObject("dossiers");
        dossiers.put("received", f.received());
        dossiers.put("synced", f.synced());
        dossiers.put("finished", f.finished());
        dossiers.put("finishedOnTime", f.finishedOnTime());
        dossiers.put("online", f.online());
        dossiers.put("feeBearing", f.feeBearing());
        dossiers.put("paidOnline", f.paidOnline());
        dossiers.put("digitised", f.digitised());
        ObjectNode ratings = report.putObject("ratings");
        ratings.put("count", f.ratings());
        ratings.put("satisfied", f.satisfiedRatings());
        ObjectNode rates = report.putObject("indicators");
        IndicatorFormulas.RATES.forEach((indicator, formula) -> {
            Double value = formula.apply(f);
            if (value == null) {
                rates.putNull(indicator); // nothing to divide by: absent, never 0
            } else {
                rates.put(indicator, value);
            }
        });
        return report.toString();
    }

    private Optional<SentReport> find(String eventId) {
        return jdbc.sql("SELECT * FROM government_report WHERE event_id = ?").param(eventId)
                .query((rs, n) -> report(rs)).optional();
    }

    private static SentReport report(ResultSet rs) throws SQLException {
        return new SentReport(rs.getLong("id"), rs.getString("period"), rs.getString("trigger_kind"),
                rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), (Integer) rs.getObject("answer_status"),
                rs.getString("answer"));
    }

    private static YearMonth month(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The period must be a month, yyyy-MM");
        }
    }
}
