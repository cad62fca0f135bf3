package io.grantline.command.identity;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.Role;
import java.util.Set;

/** What other aggregates may know of an identity when they check their own rules. */
public record IdentityFacts(IdentityId id, IdentityKind kind, IdentityStatus status, String email, IdentityId managerId,
                            IdentityId ownerId, Set<Role> roles) {

    public boolean isActiveHuman() {
        return kind.isHuman() && status == IdentityStatus.ACTIVE;
    }
}
