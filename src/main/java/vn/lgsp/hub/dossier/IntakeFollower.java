package vn.lgsp.hub.dossier;

import vn.lgsp.hub.canonical.Dossier;

/**
 * Told of every dossier the intake stores, inside the transaction that stores it, so what it queues commits with
 * the dossier or not at all (the intake's counterpart of {@link StatusChangeFollower}).
 */
public interface IntakeFollower {

    void received(Dossier accepted);
}
