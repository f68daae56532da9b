package vn.lgsp.hub.amendments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.lgsp.hub.canonical.AmendmentKind;
import vn.lgsp.hub.canonical.DossierAmendment;
import vn.lgsp.hub.canonical.Supplement;
import vn.lgsp.hub.dossier.CanonicalJson;

/** Amendments of dossiers, each stored whole as canonical JSON beside the columns that identify it. */
@Repository
public class AmendmentStore {

    private final JdbcClient jdbc;
    private final CanonicalJson json;

    public AmendmentStore(JdbcClient jdbc, CanonicalJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(DossierAmendment amendment, OffsetDateTime recordedAt) {
        jdbc.sql("INSERT INTO dossier_amendment (amendment_id, dossier_code, kind, supplement_no, occurred_at, "
                        + "recorded_at, reported_by, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(amendment.amendmentId(), amendment.dossierCode(), amendment.kind().name(),
                        supplementNo(amendment.supplementNo()), amendment.at(), recordedAt, amendment.reportedBy(),
                        json.write(amendment))
                .update();
    }

    /** The amendments of this kind recorded for this moment (a repeated report finds the first). */
    public List<DossierAmendment> at(String dossierCode, AmendmentKind kind, OffsetDateTime at) {
        return jdbc.sql("SELECT body FROM dossier_amendment WHERE dossier_code = ? AND kind = ? AND occurred_at = ? "
                        + "ORDER BY id")
                .params(dossierCode, kind.name(), at).query(String.class).list().stream().map(this::parse).toList();
    }

    /** Every amendment of the dossier, in the order they happened. */
    public List<DossierAmendment> list(String dossierCode) {
        return jdbc.sql("SELECT body FROM dossier_amendment WHERE dossier_code = ? ORDER BY occurred_at, id")
                .param(dossierCode).query(String.class).list().stream().map(this::parse).toList();
    }

    /** Amendments of this kind that happened after {@code at}. */
    public List<DossierAmendment> after(String dossierCode, AmendmentKind kind, OffsetDateTime at) {
        return jdbc.sql("SELECT body FROM dossier_amendment WHERE dossier_code = ? AND kind = ? AND occurred_at > ? "
                        + "ORDER BY occurred_at, id")
                .params(dossierCode, kind.name(), at).query(String.class).list().stream().map(this::parse).toList();
    }

    /** The dossier's supplements by number, each with its receipt when it was received. */
    public List<Supplement> supplements(String dossierCode) {
        Map<Integer, Supplement> byNo = new TreeMap<>();
        for (DossierAmendment a : list(dossierCode)) {
            if (a.kind() == AmendmentKind.SUPPLEMENT_REQUESTED) {
                byNo.put(a.supplementNo(), Supplement.requested(a));
            } else if (a.kind() == AmendmentKind.SUPPLEMENT_RECEIVED) {
                byNo.computeIfPresent(a.supplementNo(), (no, requested) -> requested.receivedBy(a));
            }
        }
        return List.copyOf(byNo.values());
    }

    /** The next supplement number of the dossier (1 for its first supplement request). */
    public int nextSupplementNo(String dossierCode) {
        return jdbc.sql("SELECT COALESCE(MAX(supplement_no), 0) + 1 FROM dossier_amendment WHERE dossier_code = ?")
                .param(dossierCode).query(Integer.class).single();
    }

    private DossierAmendment parse(String body) {
        return json.parse(body, DossierAmendment.class);
    }

    private static int supplementNo(Integer supplement) {
        return supplement == null ? 0 : supplement;
    }
}
