package io.grantline.command.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Held entitlements for aggregate tests: what each identity holds through grants that have not ended. */
public final class KnownHoldings implements HeldEntitlements {

    private final Map<IdentityId, Set<EntitlementId>> held = new HashMap<>();
    private final Map<String, GrantId> grants = new HashMap<>();

    public KnownHoldings hold(String identityId, String entitlementId) {
        held.computeIfAbsent(IdentityId.of(identityId), any -> new HashSet<>()).add(EntitlementId.of(entitlementId));
        return this;
    }

    /** Holds {@code entitlementId} through grant {@code grantId}. */
    public KnownHoldings hold(String identityId, String entitlementId, String grantId) {
        grants.put(identityId + "/" + entitlementId, GrantId.of(grantId));
        return hold(identityId, entitlementId);
    }

    /** The grant ended: its entitlement is no longer held. */
    public KnownHoldings end(String identityId, String entitlementId) {
        grants.remove(identityId + "/" + entitlementId);
        held.getOrDefault(IdentityId.of(identityId), new HashSet<>()).remove(EntitlementId.of(entitlementId));
        return this;
    }

    @Override
    public Set<EntitlementId> activeEntitlementsOf(IdentityId identityId) {
        return Set.copyOf(held.getOrDefault(identityId, Set.of()));
    }

    @Override
    public boolean holdsThrough(IdentityId identityId, EntitlementId entitlementId, GrantId grantId) {
        return grantId.equals(grants.get(identityId.value() + "/" + entitlementId.value()));
    }
}
