package vn.lgsp.hub.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.console.Indicators;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.notices.NoticeOptOuts;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.support.SqlOnPostgresTest;

/**
 * The SQL of ratings, opt-outs and the satisfaction indicator on real PostgreSQL (the hub's tests run on H2):
 * a repeated rating is a duplicate, the indicator counts each rating of the period's dossiers once.
 */
class CitizenServicesSqlOnPostgresIT extends SqlOnPostgresTest {

    @Test
    void ratingsAreStoredOnceAndCountedInTheSatisfactionIndicator() {
        OffsetDateTime received = OffsetDateTime.of(2026, 7, 3, 9, 0, 0, 0, ZoneOffset.ofHours(7));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(postgres.dataSource());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        DossierStore store = new DossierStore(jdbc);
        for (String code : List.of("H15-260703-RPG1", "H15-260703-RPG2")) {
            store.insert(new Dossier(code, "1.001193", "Đăng ký khai sinh", "H15.50.05.13", "onestop", code,
                    new Applicant(ApplicantType.CITIZEN, "002190012345", null, "Nguyễn Thị Hoà", null, null, null, null),
                    null, Channel.ONLINE, received, received.plusDays(5), 1, List.of(), List.of()), "{}");
        }
        SatisfactionRatings ratings = new SatisfactionRatings(jdbc, store, tx, new RatingProperties(5, 4));
        ConnectedSystem kiosk = new ConnectedSystem("rating-devices", "Rating devices", "H15", List.of());

        var first = ratings.rate(rating("k-1", "H15-260703-RPG1", 5), kiosk);
        var again = ratings.rate(rating("k-1", "H15-260703-RPG1", 5), kiosk);
        ratings.rate(rating("k-2", "H15-260703-RPG1", 2), kiosk);
        ratings.rate(rating("k-3", "H15-260703-RPG2", 4), kiosk);

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        Figures day = new Indicators(postgres.dataSource(), transactions,
                new CanonicalJson(new ObjectMapper().findAndRegisterModules()))
                .report(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 7, 3), Indicators.Granularity.DAY).total();
        assertThat(day.received()).isEqualTo(2);
        assertThat(day.ratings()).isEqualTo(3);
        assertThat(day.satisfiedRatings()).isEqualTo(2);
    }

    @Test
    void anOptOutIsFoundByTheNormalisedNumberAndWithdrawn() {
        NoticeOptOuts optOuts = new NoticeOptOuts(jdbc);

        assertThat(optOuts.optOut("0912000111", "onestop")).isTrue();
        assertThat(optOuts.optOut("0912000111", "onestop")).isFalse();
        assertThat(optOuts.isOptedOut("0912000111")).isTrue();
        assertThat(optOuts.optIn("0912000111")).isTrue();
        assertThat(optOuts.isOptedOut("0912000111")).isFalse();
    }

    private static Rating rating(String id, String code, int score) {
        return new Rating(id, code, "CB-0042", Rating.Channel.COUNTER, score, null, null);
    }
}
