package io.grantline.api.entitlement;

import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds an asset's privilege to the catalog: who owns it, how risky it is, how long a grant may last. */
public record DefineEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, String resource, String system,
                                String zone, PrivilegeLevel level, RiskTier risk, IdentityId ownerId,
                                Duration maxDuration, Set<EntitlementId> sodConflicts) {

    public DefineEntitlement {
        sodConflicts = SortedSets.of(sodConflicts);
    }
}
