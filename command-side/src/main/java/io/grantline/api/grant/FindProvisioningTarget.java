package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;

/** Where a grant of {@code entitlementId} to {@code identityId} is enforced: answered with a {@link ProvisioningTarget}. */
public record FindProvisioningTarget(EntitlementId entitlementId, IdentityId identityId) {
}
