package io.grantline.command.identity;

import io.grantline.api.identity.IdentityId;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Reads identities by loading their aggregates; only valid inside a unit of work (a command handler). */
public final class EventSourcedIdentityDirectory implements IdentityDirectory {

    private final Repository<Identity> identities;

    public EventSourcedIdentityDirectory(Repository<Identity> identities) {
        this.identities = identities;
    }

    @Override
    public Optional<IdentityFacts> find(IdentityId id) {
        try {
            return Optional.of(identities.load(id.toString()).invoke(Identity::facts));
        } catch (AggregateNotFoundException notRegistered) {
            return Optional.empty();
        }
    }
}
