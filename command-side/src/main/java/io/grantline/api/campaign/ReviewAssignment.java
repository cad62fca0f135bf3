package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;
import java.time.Instant;

/** A review's current reviewer (null: nobody), their mail address and name, its open items and due date. */
public record ReviewAssignment(ReviewId reviewId, CampaignId campaignId, IdentityId reviewerId, String reviewerEmail,
                               String reviewerName, int openItems, Instant dueAt, boolean closed) {
}
