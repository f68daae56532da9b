package vn.lgsp.hub.canonical;

/**
 * How the applicant gets the result of a dossier; DVCQG's HinhThuc tells a result sent by post from one collected
 * at the desk (the codes are in {@code mappings/dvcqg/dossier.canonical-to-dvcqg.jsonata}).
 */
public enum ResultDelivery {
    AT_DESK,
    POST,
    ONLINE
}
