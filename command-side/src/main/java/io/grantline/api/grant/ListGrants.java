package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;

/** Grants, newest first. Each filter narrows when given; {@code ended} selects ENDED (true) or not ENDED (false). */
public record ListGrants(IdentityId identityId, EntitlementId entitlementId, String resource, Boolean ended) {
}
