package io.grantline.api.identity;

import io.grantline.api.common.SortedSets;
import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record IdentityRegistered(IdentityId identityId, IdentityKind kind, String displayName, String email,
                                 IdentityId managerId, IdentityId ownerId, Set<Role> roles) implements IdentityEvent {

    public IdentityRegistered {
        roles = SortedSets.of(roles);
    }
}
