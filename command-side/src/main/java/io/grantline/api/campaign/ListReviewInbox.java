package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;

/** The undecided items of the open reviews a reviewer holds now. Answered with a list of {@link ReviewInboxItem}. */
public record ListReviewInbox(IdentityId reviewerId) {
}
