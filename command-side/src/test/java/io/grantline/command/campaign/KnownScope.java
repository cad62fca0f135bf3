package io.grantline.command.campaign;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.command.identity.IdentityFacts;
import io.grantline.command.identity.KnownIdentities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The grants and identities a campaign snapshot sees, for aggregate tests. */
final class KnownScope implements ReviewScope {

    private final KnownIdentities identities;
    private final Map<IdentityId, IdentityFacts> all = new HashMap<>();
    private final List<ScopedGrant> grants = new ArrayList<>();

    KnownScope(KnownIdentities identities, String... identityIds) {
        this.identities = identities;
        for (String id : identityIds) {
            identities.find(IdentityId.of(id)).ifPresent(facts -> all.put(facts.id(), facts));
        }
    }

    KnownScope grant(String grantId, String holderId, String entitlementId, RiskTier risk, String entitlementOwnerId) {
        grants.add(new ScopedGrant(GrantId.of(grantId), IdentityId.of(holderId), EntitlementId.of(entitlementId), risk,
                IdentityId.of(entitlementOwnerId)));
        return this;
    }

    @Override
    public List<ScopedGrant> grantsInScope(RiskTier minRisk, Set<EntitlementId> entitlementIds) {
        return grants.stream().filter(g -> minRisk == null || g.risk().compareTo(minRisk) >= 0)
                .filter(g -> entitlementIds.isEmpty() || entitlementIds.contains(g.entitlementId()))
                .sorted(Comparator.comparing(ScopedGrant::grantId)).toList();
    }

    @Override
    public Map<IdentityId, IdentityFacts> identities() {
        return all;
    }

    KnownIdentities directory() {
        return identities;
    }
}
