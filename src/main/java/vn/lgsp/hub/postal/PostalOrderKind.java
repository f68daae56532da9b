package vn.lgsp.hub.postal;

/** What an order carries: the dossier from the applicant to the agency, or its result back to the applicant. */
public enum PostalOrderKind {
    COLLECTION,
    DELIVERY;

    /** The order's reference at the operator, also its idempotency key: one order per dossier and kind. */
    public String reference(String dossierCode) {
        return dossierCode + ":" + eventType();
    }

    /** The outbox event type of the order; route postal-order-to-postal builds the reference from it. */
    public String eventType() {
        return "POSTAL_" + name();
    }
}
