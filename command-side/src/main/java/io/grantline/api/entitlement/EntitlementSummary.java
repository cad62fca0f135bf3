package io.grantline.api.entitlement;

import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.util.Set;

/** What the catalog knows of an entitlement now; the answer to {@link FindEntitlement} and {@link ListEntitlements}. */
public record EntitlementSummary(EntitlementId id, String resource, String system, String zone, PrivilegeLevel level,
                                 RiskTier risk, IdentityId ownerId, Duration maxDuration,
                                 Set<EntitlementId> sodConflicts, boolean retired) {
}
