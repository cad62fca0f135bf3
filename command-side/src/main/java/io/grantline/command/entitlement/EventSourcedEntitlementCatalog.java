package io.grantline.command.entitlement;

import io.grantline.api.entitlement.EntitlementId;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Reads entitlements by loading their aggregates; only valid inside a unit of work (a command handler). */
public final class EventSourcedEntitlementCatalog implements EntitlementCatalog {

    private final Repository<Entitlement> entitlements;

    public EventSourcedEntitlementCatalog(Repository<Entitlement> entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public Optional<EntitlementFacts> find(EntitlementId id) {
        try {
            return Optional.of(entitlements.load(id.toString()).invoke(Entitlement::facts));
        } catch (AggregateNotFoundException notDefined) {
            return Optional.empty();
        }
    }
}
