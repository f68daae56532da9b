package vn.lgsp.hub.api;

import java.time.OffsetDateTime;
import java.util.List;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.trail.TrailEntry;

/** A dossier's current state, its status history and its trail across systems. */
public record DossierView(Dossier dossier, int status, OffsetDateTime statusAt, int version,
                          List<StatusChange> statusHistory, List<TrailEntry> trail) {
}
