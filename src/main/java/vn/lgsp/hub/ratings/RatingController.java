package vn.lgsp.hub.ratings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.security.Callers;

/** The one door of satisfaction ratings: counter devices, QR pages and the portal, each with its own key. */
@RestController
@Tag(name = "Satisfaction ratings")
public class RatingController {

    private final SatisfactionRatings ratings;

    public RatingController(SatisfactionRatings ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/api/v1/ratings")
    @Operation(summary = "A citizen's rating of a dossier (service ratings)",
            description = "201 stored; 200 the same ratingId again (duplicate, nothing changed); 400 invalid (score out "
                    + "of range...); 404 no such dossier. Problem details on error.")
    public ResponseEntity<SatisfactionRatings.Outcome> rate(@RequestBody Rating rating) {
        SatisfactionRatings.Outcome outcome = ratings.rate(rating, Callers.current());
        return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome);
    }
}
