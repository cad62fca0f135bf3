package io.grantline.command.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.util.Set;

/**
 * The entitlements an identity holds through grants that have not ended, read consistently with the event store
 * (kept in the same transaction as the grant events), for separation-of-duties checks.
 */
public interface HeldEntitlements {

    Set<EntitlementId> activeEntitlementsOf(IdentityId identityId);

    /** Whether the identity holds the entitlement now through that grant (it has not ended). */
    boolean holdsThrough(IdentityId identityId, EntitlementId entitlementId, GrantId grantId);
}
