package io.grantline.command.entitlement;

import io.grantline.api.entitlement.EntitlementId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Looks up entitlements from inside a command handler, consistently with the event store. */
public interface EntitlementCatalog {

    Optional<EntitlementFacts> find(EntitlementId id);

    default EntitlementFacts require(EntitlementId id, String field) {
        return find(id).orElseThrow(() -> new EntitlementRuleViolation.EntitlementNotFound(field, id.value()));
    }

    /**
     * The facts of every entitlement among {@code ids} that exists. One by one here; the application's catalog reads
     * their streams with one query (an identity may hold hundreds of entitlements).
     */
    default List<EntitlementFacts> findAll(Collection<EntitlementId> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }
}
