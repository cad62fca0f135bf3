package io.grantline.api.identity;

import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** The identity's roles are now exactly {@code roles}. */
@Revision("1")
public record RolesAssigned(IdentityId identityId, Set<Role> roles, Set<Role> previousRoles) implements IdentityEvent {

    public RolesAssigned {
        roles = SortedSets.of(roles);
        previousRoles = SortedSets.of(previousRoles);
    }
}
