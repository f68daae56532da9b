package vn.lgsp.hub.trail;

/** What happened to a dossier at one point of its trail. */
public enum TrailKind {
    RECEIVED,
    DUPLICATE_SUBMISSION,
    STATUS_CHANGED,
    DELIVERED,
    DELIVERY_RETRY,
    DEAD_LETTERED,
    APPLICANT_VERIFIED,
    APPLICANT_DISCREPANCY,
    APPLICANT_NOT_IN_REGISTRY,
    APPLICANT_UNVERIFIED,
    APPLICANT_REENRICHED,
    ROUTED
}
