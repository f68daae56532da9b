package vn.lgsp.hub.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.console.Indicators;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;
import vn.lgsp.hub.trail.DossierTrail;

/** POST /api/v1/ratings end to end: stored once per rating id, refused with problem details, counted in 6.x. */
class SatisfactionRatingsIT extends HubIntegrationTest {

    static final String RATINGS_KEY = "demo-ratings-key";

    @Autowired
    Indicators indicators;

    @Test
    void aRatingSentTwiceIsStoredOnceAndTheRepeatAnswers200Duplicate() {
        String code = dossier();
        String rating = rating("qr-" + code, code, 5);

        var first = hub.postJson("/api/v1/ratings", RATINGS_KEY, rating);
        var again = hub.postJson("/api/v1/ratings", RATINGS_KEY, rating);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(first.json().get("satisfied").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("dossierCode").asText()).isEqualTo(code);
    }

    @Test
    void aScoreOutOfRangeOrAnUnknownDossierIsRefusedWithProblemDetails() {
        String code = dossier();

        var outOfRange = hub.postJson("/api/v1/ratings", RATINGS_KEY, rating("bad-" + code, code, 9));
        var unknown = hub.postJson("/api/v1/ratings", RATINGS_KEY, rating("unk-" + code, "H15-000000-0000", 4));
        var notAllowed = hub.postJson("/api/v1/ratings", ADMIN_KEY, rating("adm-" + code, code, 4));

        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.header("Content-Type")).startsWith("application/problem+json");
        assertThat(outOfRange.body()).contains("\"score\"").contains("between 1 and 5");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asText()).isEqualTo("DOSSIER_NOT_FOUND");
        assertThat(notAllowed.status()).isEqualTo(403);
    }

    @Test
    void ratingsMoveTheSatisfactionIndicatorOfThePeriodTheirDossiersWereReceivedIn() {
        LocalDate today = DossierTrail.now().atZoneSameInstant(DossierTrail.ZONE).toLocalDate();
        Figures before = indicators.report(today, today, Indicators.Granularity.DAY).total();
        String code = dossier();

        hub.postJson("/api/v1/ratings", RATINGS_KEY, rating("counter-1-" + code, code, 5));
        hub.postJson("/api/v1/ratings", RATINGS_KEY, rating("counter-2-" + code, code, 2));
        hub.postJson("/api/v1/ratings", ONESTOP_KEY, rating("portal-" + code, code, 4));

        Figures after = indicators.report(today, today, Indicators.Granularity.DAY).total();
        assertThat(after.ratings() - before.ratings()).isEqualTo(3);
        assertThat(after.satisfiedRatings() - before.satisfiedRatings()).isEqualTo(2);
        assertThat(after.satisfactionRate()).isNotNull();
    }

    private String dossier() {
        return hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("rated"), "1.009999"))
                .json().get("dossierCode").asText();
    }

    private static String rating(String id, String code, int score) {
        return """
            {"ratingId":"%s","dossierCode":"%s","officer":"CB-0042","channel":"COUNTER","score":%d,
             "comment":"Cán bộ hướng dẫn tận tình"}
            """.formatted(id, code, score);
    }
}
