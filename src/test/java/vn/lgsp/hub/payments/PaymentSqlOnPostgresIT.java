package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.support.SqlOnPostgresTest;
import vn.lgsp.hub.dossier.DossierStore;

/** The payment tables and queries on real PostgreSQL (production), including concurrent settlement. */
class PaymentSqlOnPostgresIT extends SqlOnPostgresTest {


    @Test
    void transactionSettlesOnceUnderConcurrencyAndTheReportQueriesWork() throws Exception {
        OffsetDateTime received = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.ofHours(7));
        var dossier = new Dossier("H15-261123-PAYPG", "1.001193", "Đăng ký khai sinh", "H15.50.05.13", "onestop",
                "PG-PAY", new Applicant(ApplicantType.CITIZEN, "002190012345", null, "Nguyễn Thị Hoà", null, null,
                null, null), null, Channel.ONLINE, received, null, 1, List.of(), List.of());
        new DossierStore(jdbc).insert(dossier, "{}");
        var store = new PaymentStore(jdbc);
        for (String id : List.of("PG-TX-1", "PG-TX-2")) {
            store.insert(new PaymentTransaction(id, dossier.dossierCode(), "bank", 8000, "LP01", "Nguyễn Thị Hoà",
                    "https://x.example/r", PaymentState.PENDING, null, null, received.plusMinutes(1), null));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Callable<Boolean> settle = () -> store.settle("PG-TX-1", PaymentState.PAID, "ref", "callback",
                    received.plusMinutes(2));
            attempts.add(pool.submit(settle));
        }
        int winners = 0;
        for (Future<Boolean> attempt : attempts) {
            winners += attempt.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(store.find("PG-TX-1").orElseThrow().state()).isEqualTo(PaymentState.PAID);
        assertThat(store.settle("PG-TX-1", PaymentState.FAILED, null, "callback", received)).isFalse();

        store.recordCallback("bank", "PG-TX-2", "INVALID_AMOUNT", 9000L, received.plusMinutes(3));
        assertThat(store.pendingSince(received.plusHours(1), 10)).extracting(PaymentTransaction::transactionId)
                .containsExactly("PG-TX-2");
        assertThat(store.createdBetween(received, received.plusDays(1))).hasSize(2);
        assertThat(store.mismatchedBetween(received, received.plusDays(1))).containsExactly("PG-TX-2");
        assertThat(store.paidDossiersReceivedBetween(received.minusHours(1), received.plusDays(1)))
                .containsExactly(dossier.dossierCode());
    }
}
