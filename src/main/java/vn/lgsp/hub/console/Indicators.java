package vn.lgsp.hub.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.console.IndicatorFormulas.DossierFacts;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.IndicatorFacts;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Computes the Decision 766 indicators ({@link IndicatorFormulas}) for a period of days in the province's time
 * zone, in total and per day or month, from what the hub stores: the dossiers (channel, due date, fees, documents,
 * online payment: {@link IndicatorFacts}), their status history, the DVCQG sync state and citizens' ratings. Dossiers are streamed,
 * not loaded at once, and their payloads are not read.
 */
@Component
public class Indicators {

    /** Chart buckets. */
    public enum Granularity { DAY, MONTH }

    /** The figures of one day or month. */
    public record Bucket(LocalDate start, String label, Figures figures) {
    }

    /** A period's figures, in total and per bucket (every bucket of the period, empty ones included). */
    public record Report(LocalDate from, LocalDate to, Granularity granularity, Figures total, List<Bucket> buckets) {
    }

    /** Rows fetched per round trip while streaming a period. */
    private static final int FETCH_SIZE = 500;

    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;
    private final CanonicalJson json;

    public Indicators(DataSource dataSource, PlatformTransactionManager transactions, CanonicalJson json) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /** Figures of the dossiers received from {@code from} to {@code to}, both days included. */
    public Report report(LocalDate from, LocalDate to, Granularity granularity) {
        OffsetDateTime start = from.atStartOfDay(DossierTrail.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(DossierTrail.ZONE).toOffsetDateTime();
        Map<LocalDate, Figures> byBucket = new LinkedHashMap<>();
        for (LocalDate d = bucketOf(from, granularity); !d.isAfter(to); d = next(d, granularity)) {
            byBucket.put(d, Figures.NONE);
        }
        Figures[] total = {Figures.NONE};
        // A read-only transaction, so PostgreSQL's driver streams the rows through a cursor (fetch size) instead of
        // holding the whole period in the heap. Only rows written before V10 (no indicator_flags) carry a payload.
        readOnly.executeWithoutResult(tx -> streaming.sql(
                        "SELECT d.received_at, d.status, d.status_at, s.dossier_code AS synced, f.finished_at, "
                        + "r.ratings, r.satisfied, " + IndicatorFacts.COLUMNS + " "
                        + "FROM dossier d LEFT JOIN dvcqg_sync_state s ON s.dossier_code = d.dossier_code "
                        // When each dossier was first processed (9) or had its result returned (10).
                        + "LEFT JOIN (SELECT c.dossier_code, MIN(c.occurred_at) AS finished_at "
                        + "FROM dossier_status_change c JOIN dossier p ON p.dossier_code = c.dossier_code "
                        + "WHERE p.received_at >= ? AND p.received_at < ? AND c.status IN (9, 10) "
                        + "GROUP BY c.dossier_code) f ON f.dossier_code = d.dossier_code "
                        // Citizens' ratings of each dossier (satisfaction, 6.x).
                        + "LEFT JOIN (SELECT g.dossier_code, COUNT(*) AS ratings, "
                        + "SUM(CASE WHEN g.satisfied THEN 1 ELSE 0 END) AS satisfied "
                        + "FROM satisfaction_rating g JOIN dossier p ON p.dossier_code = g.dossier_code "
                        + "WHERE p.received_at >= ? AND p.received_at < ? "
                        + "GROUP BY g.dossier_code) r ON r.dossier_code = d.dossier_code "
                        + "WHERE d.received_at >= ? AND d.received_at < ?")
                .params(start, end, start, end, start, end)
                .query(rs -> {
                    OffsetDateTime finishedAt = rs.getObject("finished_at", OffsetDateTime.class);
                    int status = rs.getInt("status");
                    if (finishedAt == null && (status == 9 || status == 10)) {
                        finishedAt = rs.getObject("status_at", OffsetDateTime.class);
                    }
                    IndicatorFacts f = IndicatorFacts.read(rs, json);
                    DossierFacts facts = new DossierFacts(rs.getString("synced") != null, finishedAt, f.dueAt(),
                            f.online(), f.feeBearing(), f.paidOnline(), f.digitisedDocuments(), f.electronicResult(),
                            rs.getLong("ratings"), rs.getLong("satisfied"));
                    LocalDate day = rs.getObject("received_at", OffsetDateTime.class)
                            .atZoneSameInstant(DossierTrail.ZONE).toLocalDate();
                    byBucket.merge(bucketOf(day, granularity), Figures.NONE.plus(facts), (a, b) -> a.plus(facts));
                    total[0] = total[0].plus(facts);
                }));
        List<Bucket> buckets = new ArrayList<>();
        DateTimeFormatter label = DateTimeFormatter.ofPattern(granularity == Granularity.DAY ? "dd/MM" : "MM/yyyy");
        byBucket.forEach((d, f) -> buckets.add(new Bucket(d, label.format(d), f)));
        return new Report(from, to, granularity, total[0], buckets);
    }

    static LocalDate bucketOf(LocalDate day, Granularity granularity) {
        return granularity == Granularity.DAY ? day : day.withDayOfMonth(1);
    }

    private static LocalDate next(LocalDate bucket, Granularity granularity) {
        return granularity == Granularity.DAY ? bucket.plusDays(1) : bucket.plusMonths(1);
    }
}
