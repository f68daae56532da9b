package vn.lgsp.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.console.IndicatorFormulas.DossierFacts;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.documents.DocumentInbox;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Computes the Decision 766 indicators ({@link IndicatorFormulas}) for a period of days in the province's time
 * zone, in total and per day or month, from what the hub stores: the dossiers (channel, due date, fees, documents,
 * online payment), their status history and the DVCQG sync state. Dossiers are streamed, not loaded at once.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public Indicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures of the dossiers received from {@code from} to {@code to}, both days included. */
    public Report report(LocalDate from, LocalDate to, Granularity granularity) {
        OffsetDateTime start = from.atStartOfDay(DossierTrail.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(DossierTrail.ZONE).toOffsetDateTime();
        Map<String, OffsetDateTime> finished = finishedAt(start, end);
        Map<LocalDate, Figures> byBucket = new LinkedHashMap<>();
        for (LocalDate d = bucketOf(from, granularity); !d.isAfter(to); d = next(d, granularity)) {
            byBucket.put(d, Figures.NONE);
        }
        Figures[] total = {Figures.NONE};
        jdbc.sql("SELECT d.dossier_code, d.received_at, d.status, d.status_at, d.payload, s.dossier_code AS synced "
                        + "FROM dossier d LEFT JOIN dvcqg_sync_state s ON s.dossier_code = d.dossier_code "
                        + "WHERE d.received_at >= ? AND d.received_at < ?")
                .params(start, end)
                .query(rs -> {
                    String code = rs.getString("dossier_code");
                    OffsetDateTime finishedAt = finished.get(code);
                    int status = rs.getInt("status");
                    if (finishedAt == null && (status == 9 || status == 10)) {
                        finishedAt = rs.getObject("status_at", OffsetDateTime.class);
                    }
                    DossierFacts facts = facts(rs.getString("payload"), rs.getString("synced") != null, finishedAt);
                    LocalDate day = rs.getObject("received_at", OffsetDateTime.class)
                            .atZoneSameInstant(DossierTrail.ZONE).toLocalDate();
                    byBucket.merge(bucketOf(day, granularity), Figures.NONE.plus(facts), (a, b) -> a.plus(facts));
                    total[0] = total[0].plus(facts);
                });
        List<Bucket> buckets = new ArrayList<>();
        DateTimeFormatter label = DateTimeFormatter.ofPattern(granularity == Granularity.DAY ? "dd/MM" : "MM/yyyy");
        byBucket.forEach((d, f) -> buckets.add(new Bucket(d, label.format(d), f)));
        return new Report(from, to, granularity, total[0], buckets);
    }

    /** When each dossier of the period was first processed (9) or had its result returned (10). */
    private Map<String, OffsetDateTime> finishedAt(OffsetDateTime start, OffsetDateTime end) {
        Map<String, OffsetDateTime> finished = new HashMap<>();
        jdbc.sql("SELECT c.dossier_code, MIN(c.occurred_at) AS finished_at FROM dossier_status_change c "
                        + "JOIN dossier d ON d.dossier_code = c.dossier_code "
                        + "WHERE d.received_at >= ? AND d.received_at < ? AND c.status IN (9, 10) GROUP BY c.dossier_code")
                .params(start, end)
                .query(rs -> {
                    finished.put(rs.getString("dossier_code"), rs.getObject("finished_at", OffsetDateTime.class));
                });
        return finished;
    }

    static DossierFacts facts(String payload, boolean synced, OffsetDateTime finishedAt) {
        JsonNode d;
        try {
            d = JSON.readTree(payload);
        } catch (Exception e) {
            d = JSON.createObjectNode();
        }
        OffsetDateTime due = d.hasNonNull("dueAt") ? OffsetDateTime.parse(d.get("dueAt").asText()) : null;
        boolean feeBearing = false;
        for (JsonNode fee : d.path("fees")) {
            feeBearing |= fee.path("amount").asLong(0) > 0;
        }
        boolean digitised = false;
        boolean result = false;
        for (JsonNode doc : d.path("documents")) {
            boolean isResult = DocumentInbox.RESULT_CODE.equals(doc.path("code").asText());
            result |= isResult;
            digitised |= !isResult && doc.path("digitized").asBoolean(false);
        }
        int paid = d.path("onlinePayment").asInt(0);
        return new DossierFacts(synced, finishedAt, due, "ONLINE".equals(d.path("channel").asText()), feeBearing,
                paid == 1 || paid == 2, digitised, result);
    }

    static LocalDate bucketOf(LocalDate day, Granularity granularity) {
        return granularity == Granularity.DAY ? day : day.withDayOfMonth(1);
    }

    private static LocalDate next(LocalDate bucket, Granularity granularity) {
        return granularity == Granularity.DAY ? bucket.plusDays(1) : bucket.plusMonths(1);
    }
}
