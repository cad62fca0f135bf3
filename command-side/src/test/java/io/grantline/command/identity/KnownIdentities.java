package io.grantline.command.identity;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An identity directory for aggregate tests: the identities other than the one under test. */
public final class KnownIdentities implements IdentityDirectory {

    private final Map<IdentityId, IdentityFacts> facts = new HashMap<>();

    public KnownIdentities person(String id, IdentityStatus status) {
        return add(new IdentityFacts(IdentityId.of(id), IdentityKind.HUMAN, status, id + "@plant.example", null, null, Set.of()));
    }

    public KnownIdentities person(String id) {
        return person(id, IdentityStatus.ACTIVE);
    }

    /** An active person who reports to {@code managerId}. */
    public KnownIdentities personReportingTo(String id, String managerId) {
        return add(new IdentityFacts(IdentityId.of(id), IdentityKind.HUMAN, IdentityStatus.ACTIVE, id + "@plant.example",
                IdentityId.of(managerId), null, Set.of()));
    }

    /** A non-human identity that {@code ownerId} is accountable for. */
    public KnownIdentities nonHuman(String id, IdentityKind kind, String ownerId, IdentityStatus status) {
        return add(new IdentityFacts(IdentityId.of(id), kind, status, null, null, IdentityId.of(ownerId), Set.of()));
    }

    public KnownIdentities add(IdentityFacts identity) {
        facts.put(identity.id(), identity);
        return this;
    }

    @Override
    public Optional<IdentityFacts> find(IdentityId id) {
        return Optional.ofNullable(facts.get(id));
    }
}
