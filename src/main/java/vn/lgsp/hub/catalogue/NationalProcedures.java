package vn.lgsp.hub.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The procedures last fetched from the national procedure database (table {@code national_procedure}), as every
 * node sees them: each node keeps a copy in memory and reads the table again when a newer refresh has finished,
 * checked at most every {@code hub.catalogue.reload-check}. Written only by {@link CatalogueRefresh}.
 */
@Component
public class NationalProcedures {

    private static final Logger log = LoggerFactory.getLogger(NationalProcedures.class);
    private static final TypeReference<List<Procedure.CatalogueFee>> FEES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final long checkNanos;
    private final AtomicLong lastCheck = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

    private record Snapshot(long refreshId, Map<String, Procedure> procedures) {
    }

    public NationalProcedures(JdbcClient jdbc, ObjectMapper json, CatalogueProperties catalogue) {
        this.jdbc = jdbc;
        this.json = json;
        this.checkNanos = catalogue.reloadCheck().toNanos();
    }

    /** The national procedures by code; empty until a refresh has succeeded. Never throws. */
    public Map<String, Procedure> current() {
        long now = System.nanoTime();
        long last = lastCheck.get();
        if (now - last >= checkNanos && lastCheck.compareAndSet(last, now)) {
            try {
                reloadIfNewer();
            } catch (RuntimeException e) {
                log.warn("National procedures not re-read, the copy in memory stays in use: {}", e.toString());
            }
        }
        return snapshot.procedures();
    }

    /** Reads the table again now (after this node's own refresh, or when another node finished one). */
    public synchronized void reloadIfNewer() {
        Long latest = jdbc.sql("SELECT MAX(id) FROM catalogue_refresh WHERE state = 'DONE'").query(Long.class)
                .optional().orElse(null);
        if (latest == null || latest == snapshot.refreshId()) {
            return;
        }
        snapshot = new Snapshot(latest, read());
    }

    /** The table as it is now (for the differences of a refresh, inside its transaction). */
    Map<String, Procedure> read() {
        Map<String, Procedure> byCode = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM national_procedure ORDER BY procedure_code").query((rs, n) -> {
            Procedure p = new Procedure(rs.getString("procedure_code"), rs.getString("procedure_name"),
                    rs.getString("field_code"), rs.getString("field_name"),
                    Procedure.Level.valueOf(rs.getString("level")), rs.getInt("processing_days"),
                    fees(rs.getString("fees")));
            byCode.put(p.code(), p);
            return p;
        }).list();
        return Map.copyOf(byCode);
    }

    String feesJson(List<Procedure.CatalogueFee> fees) {
        try {
            return json.writeValueAsString(fees);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Procedure.CatalogueFee> fees(String text) {
        try {
            return json.readValue(text, FEES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("national_procedure.fees is not a fee list: " + e.getOriginalMessage());
        }
    }
}
