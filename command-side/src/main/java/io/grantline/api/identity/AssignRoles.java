package io.grantline.api.identity;

import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the identity's roles with {@code roles}. */
public record AssignRoles(@TargetAggregateIdentifier IdentityId identityId, Set<Role> roles) {

    public AssignRoles {
        roles = SortedSets.of(roles);
    }
}
