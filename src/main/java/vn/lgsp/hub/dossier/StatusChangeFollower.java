package vn.lgsp.hub.dossier;

import vn.lgsp.hub.canonical.StatusChange;

/**
 * Told of every status change recorded for a dossier, inside the transaction that records it (under the dossier's
 * lock), so what it queues commits with the change or not at all. {@code current}: the change became the dossier's
 * current status (it is not an older change reported late).
 */
public interface StatusChangeFollower {

    void follow(String dossierCode, StatusChange change, boolean current);
}
