package io.grantline.command.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Held entitlements for aggregate tests: what each identity holds through grants that have not ended. */
public final class KnownHoldings implements HeldEntitlements {

    private final Map<IdentityId, Set<EntitlementId>> held = new HashMap<>();

    public KnownHoldings hold(String identityId, String entitlementId) {
        held.computeIfAbsent(IdentityId.of(identityId), any -> new HashSet<>()).add(EntitlementId.of(entitlementId));
        return this;
    }

    @Override
    public Set<EntitlementId> activeEntitlementsOf(IdentityId identityId) {
        return Set.copyOf(held.getOrDefault(identityId, Set.of()));
    }
}
