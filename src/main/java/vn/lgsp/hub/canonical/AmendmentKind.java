package vn.lgsp.hub.canonical;

import java.util.Optional;

/**
 * What happens to a dossier after intake, each a new version of it. Some move the dossier's status as a status
 * change does (DVCQG TrangThaiHoSo): a supplement request to 5, the supplement's arrival back to 4 (processing
 * resumes), a withdrawal or a cancellation by the applicant to 7. A correction changes data, not the status.
 */
public enum AmendmentKind {
    SUPPLEMENT_REQUESTED(5),
    SUPPLEMENT_RECEIVED(4),
    CORRECTION(null),
    WITHDRAWAL(7),
    CANCELLATION(7);

    private final Integer status;

    AmendmentKind(Integer status) {
        this.status = status;
    }

    /** The status the dossier moves to, as of the amendment's time; empty when its status stays. */
    public Optional<Integer> status() {
        return Optional.ofNullable(status);
    }
}
