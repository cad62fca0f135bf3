package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;

/**
 * The reviews an identity holds that have not closed, consistently with the event store, so a reviewer who leaves
 * hands on every one of them. Answered with a list of {@link ReviewId}.
 */
public record ListOpenReviewsOf(IdentityId reviewerId) {
}
