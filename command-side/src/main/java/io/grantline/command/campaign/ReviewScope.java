package io.grantline.command.campaign;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.command.identity.IdentityFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a campaign snapshot reads, consistently with the event store (tables written in the transaction of the events
 * they follow, never a read model that may lag): every grant that has not ended and the identities that route them.
 */
public interface ReviewScope {

    /**
     * The grants that have not ended, of {@code minRisk} or above (null: every tier) and of {@code entitlementIds}
     * (empty: every entitlement), ordered by grant id.
     */
    List<ScopedGrant> grantsInScope(RiskTier minRisk, Set<EntitlementId> entitlementIds);

    /** Every known identity, for routing without one lookup per grant. */
    Map<IdentityId, IdentityFacts> identities();
}
