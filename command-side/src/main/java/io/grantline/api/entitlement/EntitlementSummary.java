package io.grantline.api.entitlement;

import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.util.Set;

/**
 * What the catalog knows of an entitlement now; the answer to {@link FindEntitlement} and {@link ListEntitlements}.
 * {@code provisioning} is null when the site's own connector enforces its grants.
 */
public record EntitlementSummary(EntitlementId id, String resource, String system, String zone, PrivilegeLevel level,
                                 RiskTier risk, IdentityId ownerId, Duration maxDuration,
                                 Set<EntitlementId> sodConflicts, boolean retired, Provisioning provisioning) {

    /** An entitlement that names no connector. */
    public EntitlementSummary(EntitlementId id, String resource, String system, String zone, PrivilegeLevel level, RiskTier risk,
                              IdentityId ownerId, Duration maxDuration, Set<EntitlementId> sodConflicts, boolean retired) {
        this(id, resource, system, zone, level, risk, ownerId, maxDuration, sodConflicts, retired, null);
    }
}
