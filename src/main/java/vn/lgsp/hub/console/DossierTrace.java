package vn.lgsp.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailEntry;

/**
 * A dossier's whole path through the hub, as X-Road's operational monitoring shows a message: what it is (no
 * personal data), its trail across systems (received, each hop, retry, answer, dead letter, replay), its status
 * history and what the national portal holds.
 */
@Component
public class DossierTrace {

    /** The trace of one dossier. */
    public record Trace(String dossierCode, String sourceSystem, String procedureCode, String agencyCode,
                        String channel, int status, OffsetDateTime receivedAt, OffsetDateTime dueAt,
                        List<TrailEntry> trail, List<StatusChange> statusHistory, Integer dvcqgSyncedStatus,
                        OffsetDateTime dvcqgSyncedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DossierStore dossiers;
    private final DossierTrail trail;
    private final JdbcClient jdbc;

    public DossierTrace(DossierStore dossiers, DossierTrail trail, JdbcClient jdbc) {
        this.dossiers = dossiers;
        this.trail = trail;
        this.jdbc = jdbc;
    }

    public Optional<Trace> of(String dossierCode) {
        return dossiers.find(dossierCode).map(d -> {
            JsonNode payload;
            try {
                payload = JSON.readTree(d.payload());
            } catch (Exception e) {
                payload = JSON.createObjectNode();
            }
            var synced = jdbc.sql("SELECT synced_status, synced_at FROM dvcqg_sync_state WHERE dossier_code = ?")
                    .param(dossierCode)
                    .query((rs, n) -> new Object[] {rs.getInt("synced_status"),
                            rs.getObject("synced_at", OffsetDateTime.class)})
                    .optional();
            OffsetDateTime due = payload.hasNonNull("dueAt") ? OffsetDateTime.parse(payload.get("dueAt").asText()) : null;
            return new Trace(d.dossierCode(), d.sourceSystem(), payload.path("procedureCode").asText(null),
                    payload.path("agencyCode").asText(null), payload.path("channel").asText(null), d.status(),
                    d.receivedAt(), due, trail.of(dossierCode), dossiers.statusHistory(dossierCode),
                    synced.map(s -> (Integer) s[0]).orElse(null),
                    synced.map(s -> (OffsetDateTime) s[1]).orElse(null));
        });
    }
}
