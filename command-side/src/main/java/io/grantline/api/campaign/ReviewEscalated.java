package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;
import org.axonframework.serialization.Revision;

/** The review's open items moved from {@code fromReviewerId} to their manager {@code toReviewerId}. */
@Revision("1")
public record ReviewEscalated(CampaignId campaignId, ReviewId reviewId, IdentityId fromReviewerId, IdentityId toReviewerId,
                              ReassignmentReason reason) implements ReviewEvent {
}
