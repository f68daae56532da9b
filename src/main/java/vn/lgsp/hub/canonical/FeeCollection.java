package vn.lgsp.hub.canonical;

/** How a fee is collected: DVCQG's HinhThucThu. */
public enum FeeCollection {
    /** At the desk, in cash or by card. */
    DIRECT,
    /** Online, through a payment gateway. */
    ONLINE,
    /** Through the postal service with the dossier or its result. */
    POST
}
