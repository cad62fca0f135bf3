package io.grantline.api.campaign;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;

/** One grant waiting for the caller's decision. */
public record ReviewInboxItem(ReviewItemId itemId, CampaignId campaignId, ReviewId reviewId, GrantId grantId, IdentityId identityId,
                              EntitlementId entitlementId, RiskTier risk, Instant dueAt) {
}
