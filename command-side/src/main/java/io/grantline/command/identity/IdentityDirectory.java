package io.grantline.command.identity;

import io.grantline.api.identity.IdentityId;
import java.util.Optional;

/**
 * Looks up identities from inside a command handler, consistently with the event store (not a read model), so a
 * reference is checked against what has really been recorded.
 */
public interface IdentityDirectory {

    Optional<IdentityFacts> find(IdentityId id);

    /** The facts of {@code id}, or {@link IdentityRuleViolation.IdentityNotFound} naming {@code field}. */
    default IdentityFacts require(IdentityId id, String field) {
        return find(id).orElseThrow(() -> new IdentityRuleViolation.IdentityNotFound(field, id.value()));
    }

    /** The facts of {@code id}, which must be an active human (owners, managers, approvers). */
    default IdentityFacts requireActiveHuman(IdentityId id, String field) {
        IdentityFacts facts = require(id, field);
        if (!facts.isActiveHuman()) {
            throw new IdentityRuleViolation.NotAnActiveHuman(field, id.value());
        }
        return facts;
    }
}
