package vn.lgsp.hub.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.DossierDocument;
import vn.lgsp.hub.canonical.Fee;

/**
 * What the Decision 766 indicators count of a dossier's content, stored beside its payload as one small number
 * ({@code dossier.indicator_flags}) each time the payload is written. The indicators then read a few columns per
 * dossier instead of every payload of the period (a month of 100 KB dossiers is gigabytes, read once a minute).
 * Rows written before V10 have no facts; {@link #read} takes theirs from the payload, by the same rules.
 */
public record IndicatorFacts(OffsetDateTime dueAt, boolean online, boolean feeBearing, boolean paidOnline, boolean digitisedDocuments,
                             boolean electronicResult) {

    /** The columns {@link #read} needs, of the dossier table aliased {@code d}. */
    public static final String COLUMNS = "d.due_at, d.indicator_flags, "
            + "CASE WHEN d.indicator_flags IS NULL THEN d.payload END AS legacy_payload";

    private static final int ONLINE = 1;
    private static final int FEE_BEARING = 2;
    private static final int PAID_ONLINE = 4;
    private static final int DIGITISED = 8;
    private static final int RESULT = 16;

    public static IndicatorFacts of(Dossier d) {
        boolean digitised = false;
        boolean result = false;
        for (DossierDocument doc : d.documents()) {
            boolean isResult = DossierDocument.RESULT_CODE.equals(doc.code());
            result |= isResult;
            digitised |= !isResult && doc.digitized();
        }
        boolean feeBearing = d.fees().stream().map(Fee::amount).anyMatch(a -> a != null && a > 0);
        Integer paid = d.onlinePayment();
        return new IndicatorFacts(d.dueAt(), d.channel() == Channel.ONLINE, feeBearing, paid != null && (paid == 1 || paid == 2),
                digitised, result);
    }

    /** The facts of the current row of a query selecting {@link #COLUMNS}; an unreadable old payload counts nothing. */
    public static IndicatorFacts read(ResultSet rs, CanonicalJson json) throws SQLException {
        int flags = rs.getInt("indicator_flags");
        if (!rs.wasNull()) {
            return ofFlags(rs.getObject("due_at", OffsetDateTime.class), flags);
        }
        try {
            return of(json.parse(rs.getString("legacy_payload"), Dossier.class));
        } catch (RuntimeException unreadable) {
            return ofFlags(null, 0);
        }
    }

    static IndicatorFacts ofFlags(OffsetDateTime dueAt, int flags) {
        return new IndicatorFacts(dueAt, (flags & ONLINE) != 0, (flags & FEE_BEARING) != 0, (flags & PAID_ONLINE) != 0,
                (flags & DIGITISED) != 0, (flags & RESULT) != 0);
    }

    public int flags() {
        return (online ? ONLINE : 0) | (feeBearing ? FEE_BEARING : 0) | (paidOnline ? PAID_ONLINE : 0)
                | (digitisedDocuments ? DIGITISED : 0) | (electronicResult ? RESULT : 0);
    }
}
