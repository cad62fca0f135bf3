package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;
import org.axonframework.serialization.Revision;

/** {@code byId} handed the review's open items from {@code fromReviewerId} to {@code toReviewerId}, for {@code reason}. */
@Revision("1")
public record ReviewDelegated(CampaignId campaignId, ReviewId reviewId, IdentityId fromReviewerId, IdentityId toReviewerId,
                              IdentityId byId, String reason) implements ReviewEvent {
}
