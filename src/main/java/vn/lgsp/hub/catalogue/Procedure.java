package vn.lgsp.hub.catalogue;

import java.util.List;
import java.util.Optional;
import vn.lgsp.hub.canonical.FeeKind;

/**
 * One administrative procedure (thủ tục hành chính) of the catalogue: its code (MaTTHC) and name (TenTTHC), its
 * field of activity (MaLinhVuc, TenLinhVuc), how far it can be done online, its statutory processing time in
 * working days and the fees it charges.
 */
public record Procedure(String code, String name, String fieldCode, String fieldName, Level level,
                        int processingDays, List<CatalogueFee> fees) {

    /** How far the procedure can be done online (Decree 42/2022: toàn trình, một phần). */
    public enum Level {
        /** Toàn trình: submitted, paid and answered entirely online. */
        FULL_ONLINE,
        /** Một phần: some steps need the applicant in person. */
        PARTIAL_ONLINE,
        /** Only at the desk. */
        IN_PERSON_ONLY
    }

    /** A fee the procedure charges (MaPhiLePhi, TenPhiLePhi, amount in VND, phí or lệ phí). */
    public record CatalogueFee(String code, String name, long amount, FeeKind kind) {
    }

    public Procedure {
        fees = List.copyOf(fees);
    }

    public Optional<CatalogueFee> fee(String feeCode) {
        return fees.stream().filter(f -> f.code().equals(feeCode)).findFirst();
    }
}
