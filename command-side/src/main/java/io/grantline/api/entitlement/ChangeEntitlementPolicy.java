package io.grantline.api.entitlement;

import java.time.Duration;
import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeEntitlementPolicy(@TargetAggregateIdentifier EntitlementId entitlementId, RiskTier risk,
                                      Duration maxDuration, Set<EntitlementId> sodConflicts) {

    public ChangeEntitlementPolicy {
        sodConflicts = SortedSets.of(sodConflicts);
    }
}
