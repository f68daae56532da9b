package vn.lgsp.hub.dossier;

import java.util.List;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Told of the dossiers the intake stores, inside the transaction that stores them, so what it queues commits with
 * the dossiers or not at all (the intake's counterpart of {@link StatusChangeFollower}).
 */
public interface IntakeFollower {

    /**
     * The dossiers one group commit stores (often hundreds): the follower writes its own rows for all of them in a
     * fixed number of statements, and adds its trail entries and outbox messages to the batch's, which are written
     * after it (one statement each).
     */
    void received(List<Dossier> accepted, List<DossierTrail.Note> trail, List<Outbox.Draft> messages);
}
