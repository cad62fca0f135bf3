package io.grantline.api.campaign;

import io.grantline.api.grant.GrantId;

/**
 * The reviews that held one grant, in the order they opened: the streams a grant's
 * history reads besides its own and its request's. Answered from the read side with a list of {@link ReviewId}; a
 * review opened a moment ago may not be listed yet.
 */
public record FindReviewsOfGrant(GrantId grantId) {
}
