package vn.lgsp.hub.registries;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.delivery.Outbox;

/**
 * Keeps the verified applicant on the hub's own copy of the dossier, so the tracking view and every later sync
 * (DVCQG's MaCSDL comes from {@code applicant.verification.source}) see what the one-stop system received.
 * The row is locked, so a status change of the same dossier is never overwritten. A changed applicant is a new
 * version of what the portal holds: a DVCQG sync event goes with it in the same transaction, as with a status
 * change, so the portal gets the verified owner now, not at the next status change.
 */
@Component
public class VerifiedApplicants {

    /** Event type of the DVCQG sync event a verified applicant causes. */
    public static final String APPLICANT_VERIFIED = "APPLICANT_VERIFIED";

    private final DossierStore store;
    private final CanonicalJson json;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final String dvcqgQueue;

    public VerifiedApplicants(DossierStore store, CanonicalJson json, TransactionTemplate tx, Outbox outbox,
                              HubProperties hub) {
        this.store = store;
        this.json = json;
        this.tx = tx;
        this.outbox = outbox;
        this.dvcqgQueue = hub.queues().dvcqgSync();
    }

    /** Replaces the stored dossier's applicant; joins the caller's transaction when there is one. */
    public void save(String dossierCode, Applicant verified) {
        tx.executeWithoutResult(status -> store.lock(dossierCode).ifPresent(stored -> {
            Dossier current = json.parse(stored.payload(), Dossier.class);
            if (verified.equals(current.applicant())) {
                return; // a redelivered enrichment: nothing new for anyone
            }
            Dossier updated = current.withApplicant(verified);
            store.updateStatus(dossierCode, stored.status(), stored.statusAt(), updated, json.write(updated));
            outbox.enqueue(dvcqgQueue, dossierCode, APPLICANT_VERIFIED, dossierCode);
        }));
    }
}
