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
    DOCUMENT_REQUESTED,
    DOCUMENT_SENT,
    DOCUMENT_STATUS,
    DOCUMENT_RECEIVED,
    ROUTED,
    PAYMENT_REQUESTED,
    PAYMENT_CONFIRMED,
    PAYMENT_FAILED,
    DEAD_LETTER_REPLAYED,
    DEAD_LETTER_DISCARDED,
    /** The procedure catalogue does not list the dossier's procedure or one of its fee codes; accepted anyway. */
    CATALOGUE_WARNING,
    /** A supplement, correction, withdrawal or cancellation after intake. */
    AMENDED,
    /** A notice to the citizen queued, or skipped (opted out, no address). */
    NOTICE,
    /** An order placed with the postal operator (collection of the dossier or delivery of its result). */
    POSTAL_ORDER_REQUESTED,
    /** A state the postal operator reported for one of the dossier's orders. */
    POSTAL_STATE,
    /** An electronic receipt requested for a settled payment. */
    RECEIPT_REQUESTED,
    /** The electronic receipt the provider issued for a payment. */
    RECEIPT_ISSUED
}
