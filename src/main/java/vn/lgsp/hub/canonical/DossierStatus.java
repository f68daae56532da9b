package vn.lgsp.hub.canonical;

import java.util.Arrays;
import java.util.Optional;

/** Dossier statuses, numbered as DVCQG's TrangThaiHoSo. */
public enum DossierStatus {
    SUBMITTED(1),
    RECEIVED(2),
    NOT_RECEIVED(3),
    PROCESSING(4),
    SUPPLEMENT_REQUESTED(5),
    FINANCIAL_OBLIGATION_REQUESTED(6),
    WITHDRAWN(7),
    STOPPED(8),
    PROCESSED(9),
    RESULT_RETURNED(10);

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<DossierStatus> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
