package io.grantline.api.identity;

import java.util.Set;

/** What the catalog knows of an identity now; the answer to {@link FindIdentity} and {@link ListIdentities}. */
public record IdentitySummary(IdentityId id, IdentityKind kind, String displayName, String email, IdentityId managerId,
                              IdentityId ownerId, Set<Role> roles, IdentityStatus status) {
}
