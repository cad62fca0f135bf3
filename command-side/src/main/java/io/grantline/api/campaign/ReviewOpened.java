package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One reviewer's share of a campaign: the grants they decide by {@code dueAt}. {@code reviewerId} is null when no
 * active reviewer could be found; then the items follow {@code onNoDecision} unless the review is delegated.
 */
@Revision("1")
public record ReviewOpened(CampaignId campaignId, ReviewId reviewId, IdentityId reviewerId, Instant dueAt,
                           NoDecisionPolicy onNoDecision, List<ReviewItem> items) implements ReviewEvent {
}
