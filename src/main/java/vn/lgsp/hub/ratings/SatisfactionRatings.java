package vn.lgsp.hub.ratings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.FieldError;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Stores citizens' satisfaction ratings, once per (sender, rating id), tied to a dossier the hub holds and optionally
 * an officer. They feed the satisfaction indicator (console Indicators, 6.x) and the reports to the government
 * reporting system; DVCQG has no rating service in the contracts the hub knows, so nothing is forwarded there.
 */
@Service
public class SatisfactionRatings {

    /** What the sender is told: the rating as stored, and whether it had been received before. */
    public record Outcome(String ratingId, String dossierCode, int score, boolean satisfied, boolean duplicate) {
    }

    private final JdbcClient jdbc;
    private final DossierStore dossiers;
    private final TransactionTemplate tx;
    private final RatingProperties properties;

    public SatisfactionRatings(JdbcClient jdbc, DossierStore dossiers, TransactionTemplate tx,
                               RatingProperties properties) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.tx = tx;
        this.properties = properties;
    }

    public Outcome rate(Rating rating, ConnectedSystem sender) {
        validate(rating);
        try {
            return store(rating, sender);
        } catch (DuplicateKeyException sameRatingAtOnce) {
            return earlier(sender, rating.ratingId()).orElseThrow();
        }
    }

    private Outcome store(Rating rating, ConnectedSystem sender) {
        return tx.execute(status -> earlier(sender, rating.ratingId()).orElseGet(() -> {
            if (dossiers.find(rating.dossierCode()).isEmpty()) {
                throw new HubException(ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code");
            }
            boolean satisfied = rating.score() >= properties.satisfiedFrom();
            var now = DossierTrail.now();
            jdbc.sql("INSERT INTO satisfaction_rating (source_system, rating_id, dossier_code, officer, channel, score, "
                            + "satisfied, comment, rated_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(sender.id(), rating.ratingId(), rating.dossierCode(), rating.officer(),
                            rating.channel().name(), rating.score(), satisfied, rating.comment(),
                            rating.ratedAt() == null ? now : rating.ratedAt(), now)
                    .update();
            return new Outcome(rating.ratingId(), rating.dossierCode(), rating.score(), satisfied, false);
        }));
    }

    private Optional<Outcome> earlier(ConnectedSystem sender, String ratingId) {
        return jdbc.sql("SELECT dossier_code, score, satisfied FROM satisfaction_rating "
                        + "WHERE source_system = ? AND rating_id = ?")
                .params(sender.id(), ratingId)
                .query((rs, n) -> new Outcome(ratingId, rs.getString(1), rs.getInt(2), rs.getBoolean(3), true))
                .optional();
    }

    private void validate(Rating rating) {
        List<FieldError> errors = new ArrayList<>();
        if (rating.ratingId() == null || !rating.ratingId().matches("^[0-9A-Za-z._:\\-]{1,128}$")) {
            errors.add(new FieldError("ratingId", "must be 1-128 letters, digits, '.', '_', ':' or '-'"));
        }
        if (rating.dossierCode() == null || rating.dossierCode().isBlank() || rating.dossierCode().length() > 64) {
            errors.add(new FieldError("dossierCode", "must be a dossier code"));
        }
        if (rating.channel() == null) {
            errors.add(new FieldError("channel", "must be COUNTER, QR or PORTAL"));
        }
        if (rating.score() == null || rating.score() < 1 || rating.score() > properties.maxScore()) {
            errors.add(new FieldError("score", "must be between 1 and " + properties.maxScore()));
        }
        if (rating.officer() != null && rating.officer().length() > 128) {
            errors.add(new FieldError("officer", "must be at most 128 characters"));
        }
        if (rating.comment() != null && rating.comment().length() > 1000) {
            errors.add(new FieldError("comment", "must be at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The rating is not valid", errors);
        }
    }
}
