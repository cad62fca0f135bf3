package io.grantline.api.campaign;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;

/** One grant under review: whose it is, of what, and how risky (HIGH and CRITICAL need a signed-in reviewer). */
public record ReviewItem(ReviewItemId itemId, GrantId grantId, IdentityId identityId, EntitlementId entitlementId, RiskTier risk) {
}
