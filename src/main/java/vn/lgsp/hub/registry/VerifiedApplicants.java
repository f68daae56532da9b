package vn.lgsp.hub.registry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;

/**
 * Keeps the verified applicant on the hub's own copy of the dossier, so the tracking view and every later sync
 * (DVCQG's MaCSDL comes from {@code applicant.verification.source}) see what the one-stop system received.
 * The row is locked, so a status change of the same dossier is never overwritten.
 */
@Component
public class VerifiedApplicants {

    private final DossierStore store;
    private final CanonicalJson json;
    private final TransactionTemplate tx;

    public VerifiedApplicants(DossierStore store, CanonicalJson json, TransactionTemplate tx) {
        this.store = store;
        this.json = json;
        this.tx = tx;
    }

    /** Replaces the stored dossier's applicant; joins the caller's transaction when there is one. */
    public void save(String dossierCode, Applicant verified) {
        tx.executeWithoutResult(status -> store.lock(dossierCode).ifPresent(stored -> {
            Dossier updated = json.parse(stored.payload(), Dossier.class).withApplicant(verified);
            store.updateStatus(dossierCode, stored.status(), stored.statusAt(), updated, json.write(updated));
        }));
    }
}
