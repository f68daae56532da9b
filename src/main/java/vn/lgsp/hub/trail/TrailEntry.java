package vn.lgsp.hub.trail;

import java.time.OffsetDateTime;

/** One entry of a dossier's trail. The detail never holds personal data. */
public record TrailEntry(OffsetDateTime at, TrailKind kind, String system, String detail) {
}
