package vn.lgsp.hub.api;

import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.trail.DossierTrail;

/** Reads a dossier's tracking view. */
@Component
public class DossierQueries {

    private final DossierStore store;
    private final DossierTrail trail;
    private final CanonicalJson json;

    public DossierQueries(DossierStore store, DossierTrail trail, CanonicalJson json) {
        this.store = store;
        this.trail = trail;
        this.json = json;
    }

    public DossierView view(String dossierCode) {
        StoredDossier stored = store.find(dossierCode).orElseThrow(() -> new HubException(
                ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code"));
        return new DossierView(json.parse(stored.payload(), Dossier.class), stored.status(), stored.statusAt(),
                stored.version(), store.statusHistory(dossierCode), trail.of(dossierCode));
    }
}
