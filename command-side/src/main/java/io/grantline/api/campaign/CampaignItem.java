package io.grantline.api.campaign;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.DecisionChannel;
import java.time.Instant;

/** One item of a campaign: the grant, its reviewer now, and its decision (null while undecided). */
public record CampaignItem(ReviewItemId itemId, ReviewId reviewId, GrantId grantId, IdentityId identityId,
                           EntitlementId entitlementId, RiskTier risk, IdentityId reviewerId, ItemDecision decision,
                           IdentityId decidedBy, Instant decidedAt, String comment, DecisionChannel channel) {
}
