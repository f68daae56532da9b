package vn.lgsp.hub.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Decision 766/QĐ-TTg indicators the hub computes, each defined here and only here (README, "Operations
 * console"). A period's figures count the dossiers <em>received</em> in it (NgayTiepNhan):
 * <ul>
 *   <li>1.4 sync rate = dossiers the portal holds (DongBoHoSoMC accepted) ÷ dossiers received;</li>
 *   <li>2.1 on-time rate = dossiers finished on time ÷ dossiers finished, where finished means processed
 *       (TrangThaiHoSo 9) or result returned (10), at the first time either was reached, and on time means
 *       finished no later than the due date (NgayKetThucXuLy ≤ NgayHenTra; a dossier without a due date is on time);</li>
 *   <li>3.3 online rate = (dossiers submitted online, KenhThucHien 2 ÷ dossiers received) × sync rate — what the
 *       portal can see of the province's online dossiers;</li>
 *   <li>3.6 online-payment rate = dossiers paid online (DuocThanhToanTrucTuyen 1 or 2) ÷ dossiers with a fee above 0;</li>
 *   <li>4.x digitisation rate = dossiers with at least one digitised submitted document (DuocSoHoa) and an electronic
 *       result (a result document, code KQ) ÷ dossiers received;</li>
 *   <li>6.x satisfaction rate = satisfied ratings ÷ ratings, over the ratings of the dossiers received in the period
 *       (counter devices, QR codes, the portal; every rating counts, a dossier rated twice twice; satisfied means a
 *       score of at least {@code hub.ratings.satisfied-from}, decided when the rating arrives).</li>
 * </ul>
 * A rate with nothing to divide by is absent (null), never 0 or 100 %.
 */
public final class IndicatorFormulas {

    /** What the indicators need to know about one dossier. */
    public record DossierFacts(boolean synced, OffsetDateTime finishedAt, OffsetDateTime dueAt, boolean online,
                               boolean feeBearing, boolean paidOnline, boolean digitisedDocuments,
                               boolean electronicResult, long ratings, long satisfiedRatings) {
    }

    /** Counts over a set of dossiers, and the indicators computed from them. */
    public record Figures(long received, long synced, long finished, long finishedOnTime, long online,
                          long feeBearing, long paidOnline, long digitised, long ratings, long satisfiedRatings) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Indicator 1.4. */
        @JsonProperty
        public Double syncRate() {
            return ratio(synced, received);
        }

        /** Indicator 2.1. */
        @JsonProperty
        public Double onTimeRate() {
            return ratio(finishedOnTime, finished);
        }

        /** Share of dossiers submitted online, before the sync factor of 3.3. */
        @JsonProperty
        public Double onlineShare() {
            return ratio(online, received);
        }

        /** Indicator 3.3. */
        @JsonProperty
        public Double onlineRate() {
            Double share = onlineShare();
            Double sync = syncRate();
            return share == null || sync == null ? null : share * sync;
        }

        /** Indicator 3.6. */
        @JsonProperty
        public Double onlinePaymentRate() {
            return ratio(paidOnline, feeBearing);
        }

        /** Indicator 4.x. */
        @JsonProperty
        public Double digitisationRate() {
            return ratio(digitised, received);
        }

        /** Indicator 6.x (satisfaction), from citizens' ratings. */
        @JsonProperty
        public Double satisfactionRate() {
            return ratio(satisfiedRatings, ratings);
        }

        /** These figures with one more dossier counted. */
        public Figures plus(DossierFacts d) {
            boolean finishedOne = d.finishedAt() != null;
            boolean onTime = finishedOne && (d.dueAt() == null || !d.finishedAt().isAfter(d.dueAt()));
            return new Figures(received + 1, synced + (d.synced() ? 1 : 0), finished + (finishedOne ? 1 : 0),
                    finishedOnTime + (onTime ? 1 : 0), online + (d.online() ? 1 : 0),
                    feeBearing + (d.feeBearing() ? 1 : 0), paidOnline + (d.feeBearing() && d.paidOnline() ? 1 : 0),
                    digitised + (d.digitisedDocuments() && d.electronicResult() ? 1 : 0),
                    ratings + d.ratings(), satisfiedRatings + d.satisfiedRatings());
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }

    /** Every indicator by its number in Decision 766, in order: what gauges and reports list. */
    public static final Map<String, Function<Figures, Double>> RATES = rates();

    private static Map<String, Function<Figures, Double>> rates() {
        Map<String, Function<Figures, Double>> rates = new LinkedHashMap<>();
        rates.put("1.4", Figures::syncRate);
        rates.put("2.1", Figures::onTimeRate);
        rates.put("3.3", Figures::onlineRate);
        rates.put("3.6", Figures::onlinePaymentRate);
        rates.put("4.x", Figures::digitisationRate);
        rates.put("6.x", Figures::satisfactionRate);
        return Collections.unmodifiableMap(rates);
    }

    private IndicatorFormulas() {
    }
}
