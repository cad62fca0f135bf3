package io.grantline.api.campaign;

import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionChannel;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A reviewer's decision on one grant: who, when, through which channel, from which address, and whether they had
 * signed in (a digest link alone does not sign anyone in).
 */
@Revision("1")
public record ReviewDecisionRecorded(CampaignId campaignId, ReviewId reviewId, ReviewItemId itemId, GrantId grantId,
                                     IdentityId reviewerId, ReviewOutcome outcome, String comment, DecisionChannel channel,
                                     String address, boolean signedIn, Instant decidedAt) implements ReviewEvent {
}
