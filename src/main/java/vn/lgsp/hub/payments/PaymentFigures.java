package vn.lgsp.hub.payments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.trail.DossierTrail;

/** The daily payment report and indicator 3.6, from the database (the same answer on every node). */
@Component
public class PaymentFigures {

    private final PaymentStore store;
    private final CanonicalJson json;

    public PaymentFigures(PaymentStore store, CanonicalJson json) {
        this.store = store;
        this.json = json;
    }

    public PaymentReport report(LocalDate date) {
        OffsetDateTime from = date.atStartOfDay(DossierTrail.ZONE).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(DossierTrail.ZONE).toOffsetDateTime();
        List<PaymentTransaction> day = store.createdBetween(from, to);
        return new PaymentReport(date, ids(day, PaymentState.PAID),
                day.stream().filter(t -> t.state() == PaymentState.PAID).mapToLong(PaymentTransaction::amount).sum(),
                ids(day, PaymentState.FAILED), ids(day, PaymentState.PENDING), store.mismatchedBetween(from, to));
    }

    public PaymentKpi kpi(OffsetDateTime from, OffsetDateTime to) {
        Set<String> feeBearing = store.feeBearingDossiersReceivedBetween(from, to, json);
        long paid = store.paidDossiersReceivedBetween(from, to).stream().filter(feeBearing::contains).count();
        return new PaymentKpi(from, to, feeBearing.size(), paid,
                feeBearing.isEmpty() ? null : (double) paid / feeBearing.size());
    }

    private static List<String> ids(List<PaymentTransaction> day, PaymentState state) {
        return day.stream().filter(t -> t.state() == state).map(PaymentTransaction::transactionId).toList();
    }
}
