package io.grantline.infra.links;

import io.grantline.api.campaign.ReviewId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;

/** What a valid review-digest link grants: one reviewer's view of one review, until its due date. */
public record ReviewLink(ReviewId reviewId, IdentityId reviewerId, Instant expiresAt) {
}
