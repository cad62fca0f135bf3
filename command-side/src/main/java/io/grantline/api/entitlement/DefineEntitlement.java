package io.grantline.api.entitlement;

import io.grantline.api.common.SortedSets;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds an asset's privilege to the catalog: who owns it, how risky it is, how long a grant may last, and (optionally)
 * which connector enforces its grants.
 */
public record DefineEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, String resource, String system,
                                String zone, PrivilegeLevel level, RiskTier risk, IdentityId ownerId,
                                Duration maxDuration, Set<EntitlementId> sodConflicts, Provisioning provisioning) {

    public DefineEntitlement {
        sodConflicts = SortedSets.of(sodConflicts);
    }

    /** An entitlement whose grants the site's own connector (or none) enforces. */
    public DefineEntitlement(EntitlementId entitlementId, String resource, String system, String zone, PrivilegeLevel level,
                             RiskTier risk, IdentityId ownerId, Duration maxDuration, Set<EntitlementId> sodConflicts) {
        this(entitlementId, resource, system, zone, level, risk, ownerId, maxDuration, sodConflicts, null);
    }
}
