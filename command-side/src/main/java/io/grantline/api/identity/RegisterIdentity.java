package io.grantline.api.identity;

import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a person or a non-human identity to the catalog. {@code ownerId} is required exactly for non-human ones. */
public record RegisterIdentity(@TargetAggregateIdentifier IdentityId identityId, IdentityKind kind, String displayName,
                               String email, IdentityId managerId, IdentityId ownerId, Set<Role> roles) {

    public RegisterIdentity {
        roles = SortedSets.of(roles);
    }
}
