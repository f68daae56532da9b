package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.audit.AuditChain;
import vn.lgsp.hub.audit.AuditEntry;

/** Each audit record's hash covers its fields and its predecessor's hash, so any change breaks the chain. */
class AuditChainTest {

    @Test
    void chainOfUntouchedRecordsHolds() {
        List<AuditEntry> chain = chain(3);
        String prev = AuditChain.GENESIS;
        for (AuditEntry e : chain) {
            assertThat(AuditChain.holds(e, prev)).isTrue();
            prev = e.hash();
        }
        assertThat(chain.get(0).hash()).matches("[0-9a-f]{64}").isNotEqualTo(chain.get(1).hash());
    }

    @Test
    void changingAnyFieldBreaksTheRecord() {
        AuditEntry e = chain(1).get(0);
        AuditEntry officer = new AuditEntry(e.seq(), e.at(), e.registry(), e.action(), e.subject(), e.callerSystem(),
                "someone-else", e.dossierCode(), e.purpose(), e.result(), e.correlationId(), e.prevHash(), e.hash());
        AuditEntry later = new AuditEntry(e.seq(), e.at().plusNanos(1_000_000), e.registry(), e.action(),
                e.subject(), e.callerSystem(), e.officerId(), e.dossierCode(), e.purpose(), e.result(),
                e.correlationId(), e.prevHash(), e.hash());
        AuditEntry nulled = new AuditEntry(e.seq(), e.at(), e.registry(), e.action(), e.subject(), e.callerSystem(),
                e.officerId(), null, e.purpose(), e.result(), e.correlationId(), e.prevHash(), e.hash());
        assertThat(AuditChain.holds(officer, AuditChain.GENESIS)).isFalse();
        assertThat(AuditChain.holds(later, AuditChain.GENESIS)).isFalse();
        assertThat(AuditChain.holds(nulled, AuditChain.GENESIS)).isFalse();
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        AuditEntry a = entry(1, "ab", "c", AuditChain.GENESIS);
        AuditEntry b = entry(1, "a", "bc", AuditChain.GENESIS);
        assertThat(AuditChain.hash(a)).isNotEqualTo(AuditChain.hash(b));
    }

    @Test
    void removingOrReorderingRecordsBreaksTheChain() {
        List<AuditEntry> chain = chain(3);
        assertThat(AuditChain.holds(chain.get(2), chain.get(0).hash())).isFalse();
        assertThat(AuditChain.holds(chain.get(0), chain.get(1).hash())).isFalse();
    }

    @Test
    void sameInstantInAnotherOffsetHashesAlike() {
        AuditEntry e = entry(1, "x", "y", AuditChain.GENESIS);
        AuditEntry shifted = new AuditEntry(e.seq(), e.at().withOffsetSameInstant(ZoneOffset.ofHours(7)), e.registry(),
                e.action(), e.subject(), e.callerSystem(), e.officerId(), e.dossierCode(), e.purpose(), e.result(),
                e.correlationId(), e.prevHash(), null);
        assertThat(AuditChain.hash(shifted)).isEqualTo(AuditChain.hash(e));
    }

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> chain = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = entry(i, "canbo." + i, "H15-261123-000" + i, prev);
            chain.add(e);
            prev = e.hash();
        }
        return chain;
    }

    private static AuditEntry entry(long seq, String officer, String dossier, String prev) {
        AuditEntry unsealed = new AuditEntry(seq, OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC)
                .plusSeconds(seq), "population", "LOOKUP", "001203012345", "sector-land", officer, dossier,
                "dossier processing", "FOUND", "corr-" + seq, prev, null);
        return new AuditEntry(seq, unsealed.at(), unsealed.registry(), unsealed.action(), unsealed.subject(),
                unsealed.callerSystem(), unsealed.officerId(), unsealed.dossierCode(), unsealed.purpose(),
                unsealed.result(), unsealed.correlationId(), prev, AuditChain.hash(unsealed));
    }
}
