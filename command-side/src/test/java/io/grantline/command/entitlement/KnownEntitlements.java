package io.grantline.command.entitlement;

import static java.util.stream.Collectors.toSet;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** An entitlement catalog for aggregate tests: the entries other than the one under test. */
public final class KnownEntitlements implements EntitlementCatalog {

    private final Map<EntitlementId, EntitlementFacts> facts = new HashMap<>();

    public KnownEntitlements entry(String id, RiskTier risk, String ownerId) {
        facts.put(EntitlementId.of(id), new EntitlementFacts(EntitlementId.of(id), "PLC-7", "cell-3", PrivilegeLevel.OPERATE,
                risk, IdentityId.of(ownerId), Duration.ofDays(30), Set.of(), false));
        return this;
    }

    /** An entry with its longest grant and the entitlements it conflicts with. */
    public KnownEntitlements entry(String id, RiskTier risk, String ownerId, Duration maxDuration, String... sodConflicts) {
        return add(new EntitlementFacts(EntitlementId.of(id), "PLC-7", "cell-3", PrivilegeLevel.OPERATE, risk,
                IdentityId.of(ownerId), maxDuration, Stream.of(sodConflicts).map(EntitlementId::of).collect(toSet()), false));
    }

    public KnownEntitlements retire(String id) {
        EntitlementFacts entry = facts.get(EntitlementId.of(id));
        return add(new EntitlementFacts(entry.id(), entry.resource(), entry.zone(), entry.level(), entry.risk(), entry.ownerId(),
                entry.maxDuration(), entry.sodConflicts(), true));
    }

    public KnownEntitlements add(EntitlementFacts entry) {
        facts.put(entry.id(), entry);
        return this;
    }

    @Override
    public Optional<EntitlementFacts> find(EntitlementId id) {
        return Optional.ofNullable(facts.get(id));
    }
}
