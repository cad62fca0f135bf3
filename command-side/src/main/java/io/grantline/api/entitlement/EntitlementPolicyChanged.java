package io.grantline.api.entitlement;

import java.time.Duration;
import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** The risk tier, longest grant or separation-of-duties conflicts changed; all three are stated in full. */
@Revision("1")
public record EntitlementPolicyChanged(EntitlementId entitlementId, RiskTier risk, Duration maxDuration,
                                       Set<EntitlementId> sodConflicts) implements EntitlementEvent {

    public EntitlementPolicyChanged {
        sodConflicts = SortedSets.of(sodConflicts);
    }
}
