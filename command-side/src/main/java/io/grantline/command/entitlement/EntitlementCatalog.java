package io.grantline.command.entitlement;

import io.grantline.api.entitlement.EntitlementId;
import java.util.Optional;

/** Looks up entitlements from inside a command handler, consistently with the event store. */
public interface EntitlementCatalog {

    Optional<EntitlementFacts> find(EntitlementId id);

    default EntitlementFacts require(EntitlementId id, String field) {
        return find(id).orElseThrow(() -> new EntitlementRuleViolation.EntitlementNotFound(field, id.value()));
    }
}
