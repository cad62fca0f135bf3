package io.grantline.api.compliance;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;

/** One grant's time of access: {@code identityId} held {@code entitlementId} from {@code validFrom} until (not including) {@code validUntil}. */
public record AccessInterval(IdentityId identityId, GrantId grantId, EntitlementId entitlementId, Instant validFrom,
                             Instant validUntil) {
}
