package io.grantline.api.identity;

import io.grantline.api.common.SortedSets;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a person or a non-human identity to the catalog. {@code ownerId} is required exactly for non-human ones; an
 * {@code external} person (a vendor's or contractor's) needs a {@code sponsorId} and an {@code endsAt}. {@code directoryDn}
 * is its entry in the plant's directory, which an LDAP group lists as a member.
 */
public record RegisterIdentity(@TargetAggregateIdentifier IdentityId identityId, IdentityKind kind, String displayName,
                               String email, IdentityId managerId, IdentityId ownerId, Set<Role> roles, boolean external,
                               IdentityId sponsorId, Instant endsAt, String directoryDn) {

    public RegisterIdentity {
        roles = SortedSets.of(roles);
    }

    /** A member of the plant's own staff, or a non-human identity. */
    public RegisterIdentity(IdentityId identityId, IdentityKind kind, String displayName, String email, IdentityId managerId,
                            IdentityId ownerId, Set<Role> roles) {
        this(identityId, kind, displayName, email, managerId, ownerId, roles, false, null, null, null);
    }

    /** An identity without an entry in the plant's directory. */
    public RegisterIdentity(IdentityId identityId, IdentityKind kind, String displayName, String email, IdentityId managerId,
                            IdentityId ownerId, Set<Role> roles, boolean external, IdentityId sponsorId, Instant endsAt) {
        this(identityId, kind, displayName, email, managerId, ownerId, roles, external, sponsorId, endsAt, null);
    }
}
