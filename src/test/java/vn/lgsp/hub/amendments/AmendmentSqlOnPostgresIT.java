package vn.lgsp.hub.amendments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import vn.lgsp.hub.canonical.AmendmentKind;
import vn.lgsp.hub.canonical.DossierAmendment;
import vn.lgsp.hub.canonical.DossierDocument;
import vn.lgsp.hub.canonical.Supplement;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.support.SqlOnPostgresTest;

/** The amendment table (V14) and its queries on real PostgreSQL (production), not only on H2. */
class AmendmentSqlOnPostgresIT extends SqlOnPostgresTest {

    private static final String CODE = "H15.13-261123-PGA1";
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 24, 14, 0, 0, 0, ZoneOffset.ofHours(7));

    private static final CanonicalJson JSON = new CanonicalJson(new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    // Read from JSON rather than constructed: the document's fields grow, its JSON stays valid.
    private static final DossierDocument DOCUMENT = JSON.parse("{\"code\":\"TP05\",\"name\":\"Bản trích đo\"}",
            DossierDocument.class);

    private static DossierAmendment amendment(AmendmentKind kind, Integer no, OffsetDateTime at,
                                              Map<String, String> changes) {
        return new DossierAmendment(java.util.UUID.randomUUID().toString(), CODE, kind, at, "Phạm Đức Anh",
                "Bổ sung bản trích đo", no, null, null, List.of(DOCUMENT),
                changes, "onestop", kind.status().orElse(null));
    }

    @Test
    void amendmentsAreFoundByTheirMomentCountedAndGroupedIntoSupplementsOnPostgres() {
        jdbc.sql("INSERT INTO dossier (dossier_code, source_system, source_ref, procedure_code, agency_code, status, "
                        + "status_at, received_at, version, payload) VALUES (?, 'onestop', 'PG-A1', '1.004227', 'H15.13', "
                        + "1, ?, ?, 1, '{}')")
                .params(CODE, T.minusDays(1), T.minusDays(1)).update();
        var store = new AmendmentStore(jdbc, JSON);

        assertThat(store.nextSupplementNo(CODE)).isEqualTo(1);
        store.insert(amendment(AmendmentKind.SUPPLEMENT_REQUESTED, 1, T, null), T);
        store.insert(amendment(AmendmentKind.SUPPLEMENT_RECEIVED, 1, T.plusHours(20), null), T.plusHours(20));
        store.insert(amendment(AmendmentKind.CORRECTION, null, T.plusHours(21), Map.of("applicant.phone", "0987000111")),
                T.plusHours(21));

        // The same moment written in another offset is the same moment.
        assertThat(store.at(CODE, AmendmentKind.SUPPLEMENT_REQUESTED, T.withOffsetSameInstant(ZoneOffset.UTC)))
                .singleElement().satisfies(a -> assertThat(a.supplementNo()).isEqualTo(1));
        assertThat(store.nextSupplementNo(CODE)).isEqualTo(2);
        assertThat(store.after(CODE, AmendmentKind.CORRECTION, T.plusHours(20))).singleElement()
                .satisfies(a -> assertThat(a.changes()).containsEntry("applicant.phone", "0987000111"));
        assertThat(store.after(CODE, AmendmentKind.CORRECTION, T.plusHours(21))).isEmpty();
        assertThat(store.list(CODE)).extracting(DossierAmendment::kind).containsExactly(
                AmendmentKind.SUPPLEMENT_REQUESTED, AmendmentKind.SUPPLEMENT_RECEIVED, AmendmentKind.CORRECTION);
        assertThat(store.supplements(CODE)).singleElement().satisfies(s -> {
            assertThat(s.no()).isEqualTo(1);
            assertThat(s.receivedAt()).isEqualTo(T.plusHours(20).withOffsetSameInstant(s.receivedAt().getOffset()));
            assertThat(s.documents()).extracting(DossierDocument::code).containsExactly("TP05");
        });
        // The unique key: the same amendment cannot be stored twice, whatever two nodes race.
        assertThatThrownBy(() -> store.insert(amendment(AmendmentKind.SUPPLEMENT_RECEIVED, 1, T.plusHours(20), null),
                T.plusHours(22))).isInstanceOf(DuplicateKeyException.class);
        assertThat(store.supplements(CODE)).extracting(Supplement::no).containsExactly(1);
    }
}
