package vn.lgsp.hub.sectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.dossier.DossierIntake;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.delivery.DeliveryFailures;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Applies what a polled sector system reported since the last poll. Polling routes fetch a batch of changes, map
 * it with the system's mapping to {@code {"items":[{key, since, kind: DOSSIER|STATUS, ...}]}} and hand it here.
 *
 * <p>Exactly once across restarts: the offset and the keys of applied items live in the database
 * ({@code sector_poll_offset}, {@code sector_poll_item}), written together after each item's effect. If the hub
 * dies between an item's effect and that write, the item comes again with the next poll; its effect is then
 * absorbed: a dossier by the intake's (sourceSystem, sourceRef) idempotency, a status by the status history's
 * duplicate detection. So no item is lost (the offset only moves past applied items) and none applied twice.
 *
 * <p>A poisoned item (one that fails other than temporarily: an unknown status code, an invalid dossier, a
 * dossier the hub does not hold) does not block its feed: it is handed, in the transaction that records it and
 * moves the offset, to queue {@code lgsp.feed.<system>}, whose route applies it once more under the delivery
 * policy and so dead-letters it with its reason ({@code lgsp.feed.<system>.DLQ}, replayable from the console
 * once the cause is fixed). A temporary failure (the database away) stops the batch: the next poll retries it.
 */
@Component("sectorPolling")
public class SectorPolling {

    /** Queue of a system's feed items that could not be applied by the poll: {@code lgsp.feed.<system>}. */
    public static final String FEED_QUEUE_PREFIX = "lgsp.feed.";
    private static final Logger log = LoggerFactory.getLogger(SectorPolling.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DossierIntake intake;
    private final DossierStore store;
    private final SectorProgress progress;
    private final ObjectMapper mapper;

    private final Outbox outbox;
    private final AccessRights rights;

    public SectorPolling(JdbcClient jdbc, TransactionTemplate tx, DossierIntake intake, DossierStore store,
                         SectorProgress progress, ObjectMapper mapper, Outbox outbox, AccessRights rights) {
        this.outbox = outbox;
        this.rights = rights;
        this.jdbc = jdbc;
        this.tx = tx;
        this.intake = intake;
        this.store = store;
        this.progress = progress;
        this.mapper = mapper;
    }

    /** Where the next poll of this system starts ({@code initial} before the first poll). */
    public String since(String system, String initial) {
        return jdbc.sql("SELECT since FROM sector_poll_offset WHERE system = ?").param(system)
                .query(String.class).optional().orElse(initial);
    }

    /**
     * Applies a mapped batch (the body) for the system named by exchange property {@code hubPollSystem}, in order;
     * stops at the first item that fails, so the offset never skips it.
     */
    public int apply(Exchange exchange) throws Exception {
        String system = exchange.getProperty("hubPollSystem", String.class);
        JsonNode items = mapper.readTree(exchange.getMessage().getBody(String.class)).path("items");
        int applied = 0;
        for (JsonNode item : items) {
            String key = item.path("key").asText();
            if (processed(system, key)) {
                advance(system, item.path("since").asText()); // applied by another hub node
                continue;
            }
            // The item's effect, its key and the offset commit together: a kill at any point leaves either all
            // or nothing, so the item is applied once (intake and status updates join this transaction).
            try {
                tx.executeWithoutResult(s -> recordApplied(system, key, item, applyOne(system, item)));
            } catch (RuntimeException failure) {
                if (DeliveryFailures.isTemporary(failure)) {
                    throw failure; // the hub's own trouble: the batch stops here and the next poll tries again
                }
                log.warn("Change {} of {} cannot be applied, handed to {}: {}", key, system,
                        FEED_QUEUE_PREFIX + system, DeliveryFailures.describe(failure));
                tx.executeWithoutResult(s -> {
                    recordApplied(system, key, item, null);
                    outbox.enqueue(FEED_QUEUE_PREFIX + system, system + ":" + key, "FEED_ITEM", item.toString());
                });
            }
            applied++;
        }
        if (applied > 0) {
            log.info("Applied {} changes from {}", applied, system);
        }
        exchange.getMessage().setHeader("hubPollApplied", applied);
        return applied;
    }

    /**
     * Applies one mapped item handed over by the poll (the body; system: exchange property {@code hubPollSystem}),
     * as route {@code changes-apply-from-<system>} does for items the poll could not apply. Applied twice (a replay)
     * it has one effect: the intake's (sourceSystem, sourceRef) idempotency, the status history's duplicates.
     */
    public void applyItem(Exchange exchange) throws java.io.IOException {
        String system = exchange.getProperty("hubPollSystem", String.class);
        JsonNode item = mapper.readTree(exchange.getMessage().getBody(String.class));
        tx.executeWithoutResult(s -> {
            String dossierCode = applyOne(system, item);
            jdbc.sql("UPDATE sector_poll_item SET dossier_code = ?, processed_at = ? WHERE system = ? AND item_key = ?")
                    .params(dossierCode, DossierTrail.now(), system, item.path("key").asText()).update();
        });
    }

    private void recordApplied(String system, String key, JsonNode item, String dossierCode) {
        jdbc.sql("INSERT INTO sector_poll_item (system, item_key, kind, dossier_code, processed_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(system, key, item.path("kind").asText(), dossierCode, DossierTrail.now()).update();
        advance(system, item.path("since").asText());
    }

    private String applyOne(String system, JsonNode item) {
        try {
            return applyKnown(system, item);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String applyKnown(String system, JsonNode item) throws java.io.IOException {
        String kind = item.path("kind").asText();
        if ("DOSSIER".equals(kind)) {
            var connected = progress.system(system);
            return intake.acceptJson(mapper.writeValueAsString(item.path("dossier")), connected, null).dossierCode();
        }
        if ("STATUS".equals(kind)) {
            String dossierCode = dossierOf(system, item);
            progress.reportAs(system, dossierCode, item.path("status").asText(),
                    OffsetDateTime.parse(item.path("at").asText()), item.path("note").asText(null),
                    item.path("officer").asText(null));
            return dossierCode;
        }
        throw new IllegalStateException("The mapping of " + system + " produced an item of unknown kind " + kind);
    }

    /**
     * The dossier a status item is about: one the system submitted (by {@code sourceRef}) or, for an item that names
     * the hub's {@code dossierCode}, one the hub routed to the system (a system may not report on other dossiers).
     */
    private String dossierOf(String system, JsonNode item) {
        String dossierCode = item.path("dossierCode").asText("");
        if (!dossierCode.isEmpty()) {
            if (!rights.holds(progress.system(system), dossierCode).orElse(false)) {
                throw new HubException(ErrorCode.DOSSIER_NOT_FOUND,
                        system + " reported progress of a dossier it neither owns nor is assigned: " + dossierCode);
            }
            return dossierCode;
        }
        StoredDossier dossier = store.findBySource(system, item.path("sourceRef").asText()).orElseThrow(() ->
                new HubException(ErrorCode.DOSSIER_NOT_FOUND, system + " reported progress of a dossier the hub does not hold"));
        return dossier.dossierCode();
    }

    private boolean processed(String system, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM sector_poll_item WHERE system = ? AND item_key = ?")
                .params(system, key).query(Integer.class).single() > 0;
    }

    private void advance(String system, String since) {
        int updated = jdbc.sql("UPDATE sector_poll_offset SET since = ?, updated_at = ? WHERE system = ?")
                .params(since, DossierTrail.now(), system).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO sector_poll_offset (system, since, updated_at) VALUES (?, ?, ?)")
                    .params(system, since, DossierTrail.now()).update();
        }
    }
}
