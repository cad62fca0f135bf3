package io.grantline.api.entitlement;

import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EntitlementDefined(EntitlementId entitlementId, String resource, String system, String zone,
                                 PrivilegeLevel level, RiskTier risk, IdentityId ownerId, Duration maxDuration,
                                 Set<EntitlementId> sodConflicts) implements EntitlementEvent {

    public EntitlementDefined {
        sodConflicts = SortedSets.of(sodConflicts);
    }
}
