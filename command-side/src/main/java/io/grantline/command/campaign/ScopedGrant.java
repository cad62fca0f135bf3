package io.grantline.command.campaign;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;

/** A grant that has not ended, with what reviewer routing needs to know of its entitlement. */
public record ScopedGrant(GrantId grantId, IdentityId holderId, EntitlementId entitlementId, RiskTier risk,
                          IdentityId entitlementOwnerId) {
}
