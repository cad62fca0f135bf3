package io.grantline.command.entitlement;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.util.Set;

/** What other aggregates may know of an entitlement when they check their own rules. */
public record EntitlementFacts(EntitlementId id, String resource, String zone, PrivilegeLevel level, RiskTier risk,
                               IdentityId ownerId, Duration maxDuration, Set<EntitlementId> sodConflicts,
                               boolean retired) {
}
