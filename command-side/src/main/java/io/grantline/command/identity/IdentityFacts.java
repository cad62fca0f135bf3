package io.grantline.command.identity;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.Role;
import java.time.Instant;
import java.util.Set;

/** What other aggregates may know of an identity when they check their own rules. */
public record IdentityFacts(IdentityId id, IdentityKind kind, IdentityStatus status, String email, IdentityId managerId,
                            IdentityId ownerId, Set<Role> roles, Instant endsAt) {

    /** Facts of an identity without an end date (not an external person). */
    public IdentityFacts(IdentityId id, IdentityKind kind, IdentityStatus status, String email, IdentityId managerId,
                         IdentityId ownerId, Set<Role> roles) {
        this(id, kind, status, email, managerId, ownerId, roles, null);
    }

    public boolean isActiveHuman() {
        return kind.isHuman() && status == IdentityStatus.ACTIVE;
    }
}
