package vn.lgsp.hub.dossier;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Records status changes reported for a dossier. Every change is kept in the dossier's history; the dossier's
 * current status is the change that happened last (by {@code at}, then by arrival), so a late report of an older
 * change never overwrites a newer one.
 */
@Service
public class DossierStatusUpdates {

    public static final String STATUS_CHANGED = "STATUS_CHANGED";

    private final DossierStore store;
    private final DossierValidation validation;
    private final CanonicalJson json;
    private final DossierTrail trail;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final String dvcqgQueue;
    private final DossierDestinations router;
    private final List<StatusChangeFollower> followers;

    public DossierStatusUpdates(DossierStore store, DossierValidation validation, CanonicalJson json,
                                DossierTrail trail, TransactionTemplate tx, Outbox outbox, HubProperties properties,
                                DossierDestinations router, List<StatusChangeFollower> followers) {
        this.followers = followers;
        this.store = store;
        this.validation = validation;
        this.json = json;
        this.trail = trail;
        this.tx = tx;
        this.outbox = outbox;
        this.dvcqgQueue = properties.queues().dvcqgSync();
        this.router = router;
    }

    /** The outcome: the dossier's current status after this report, and whether the report became current. */
    public record Outcome(String dossierCode, int currentStatus, boolean current, boolean duplicate) {
    }

    /** A status change as the dossier's source system receives it, with the system that reported it. */
    public record ReportedChange(String dossierCode, Integer status, OffsetDateTime at, String note, String officer,
                                 String reportedBy) {
        ReportedChange(String dossierCode, StatusChange change, String reportedBy) {
            this(dossierCode, change.status(), change.at(), change.note(), change.officer(), reportedBy);
        }
    }

    public Outcome record(String dossierCode, StatusChange change, ConnectedSystem reporter) {
        validation.check(change);
        try {
            // Its own transaction, not a group commit: a status change locks its dossier's row, and batches of
            // several committers holding many dossiers' locks waited on each other (PostgreSQL: deadlocks, 1 s each).
            return tx.execute(status -> apply(dossierCode, change, reporter));
        } catch (DuplicateKeyException sameReportAgain) {
            StoredDossier dossier = store.find(dossierCode).orElseThrow();
            return new Outcome(dossierCode, dossier.status(), false, true);
        }
    }

    /**
     * Records a status change inside the caller's transaction, which from then on holds the dossier's lock: for
     * amendments that move the status (a supplement request, a withdrawal) as one unit with what else they change.
     */
    public Outcome recordWithin(String dossierCode, StatusChange change, ConnectedSystem reporter) {
        validation.check(change);
        return apply(dossierCode, change, reporter);
    }

    private Outcome apply(String dossierCode, StatusChange change, ConnectedSystem reporter) {
        StoredDossier dossier = store.lock(dossierCode).orElseThrow(() -> new HubException(
                ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code"));
        if (store.hasStatusChange(dossierCode, change)) {
            // Checked under the dossier's lock rather than caught from the insert: a failed insert would doom a
            // transaction this one joins (a document-axis package carrying a status already reported).
            return new Outcome(dossierCode, dossier.status(), false, true);
        }
        OffsetDateTime now = DossierTrail.now();
        store.insertStatusChange(dossierCode, change, reporter.id(), now);
        boolean current = !change.at().isBefore(dossier.statusAt());
        if (current) {
            Dossier updated = json.parse(dossier.payload(), Dossier.class).withStatus(change.status());
            store.updateStatus(dossierCode, change.status(), change.at(), updated, json.write(updated));
        }
        trail.record(dossierCode, TrailKind.STATUS_CHANGED, reporter.id(), "status " + change.status() + " at "
                + change.at() + (current ? "" : " (older than the current status; kept in history only)"));
        outbox.enqueue(dvcqgQueue, dossierCode, STATUS_CHANGED, dossierCode);
        router.progressQueue(dossier.sourceSystem(), reporter).ifPresent(queue -> outbox.enqueue(queue, dossierCode,
                STATUS_CHANGED, json.write(new ReportedChange(dossierCode, change, reporter.id()))));
        followers.forEach(f -> f.follow(dossierCode, change, current));
        return new Outcome(dossierCode, current ? change.status() : dossier.status(), current, false);
    }
}
