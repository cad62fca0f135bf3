package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;

/**
 * The reviews an identity was ever given, opened to it or handed to it, in that order: what its history reads of
 * recertification. Answered from the read side with a list of {@link ReviewId}; a review opened or handed over a moment
 * ago may not be listed yet.
 */
public record FindReviewsOfReviewer(IdentityId reviewerId) {
}
