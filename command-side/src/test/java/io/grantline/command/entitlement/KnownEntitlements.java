package io.grantline.command.entitlement;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An entitlement catalog for aggregate tests: the entries other than the one under test. */
public final class KnownEntitlements implements EntitlementCatalog {

    private final Map<EntitlementId, EntitlementFacts> facts = new HashMap<>();

    public KnownEntitlements entry(String id, RiskTier risk, String ownerId) {
        facts.put(EntitlementId.of(id), new EntitlementFacts(EntitlementId.of(id), "PLC-7", "cell-3", PrivilegeLevel.OPERATE,
                risk, IdentityId.of(ownerId), Duration.ofDays(30), Set.of(), false));
        return this;
    }

    @Override
    public Optional<EntitlementFacts> find(EntitlementId id) {
        return Optional.ofNullable(facts.get(id));
    }
}
