package vn.lgsp.hub.ratings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Satisfaction ratings, bound from {@code hub.ratings.*}.
 *
 * @param maxScore      the highest score of the scale (scores are 1..maxScore)
 * @param satisfiedFrom the lowest score that counts as satisfied in the satisfaction indicator
 */
@ConfigurationProperties("hub.ratings")
public record RatingProperties(int maxScore, int satisfiedFrom) {
}
