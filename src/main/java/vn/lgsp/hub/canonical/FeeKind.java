package vn.lgsp.hub.canonical;

/** Whether a fee is a fee for a service (phí) or a state charge (lệ phí): DVCQG's LoaiPhiLePhi. */
public enum FeeKind {
    /** Phí: the price of a public service. */
    FEE,
    /** Lệ phí: a charge the state levies for an administrative act. */
    CHARGE
}
