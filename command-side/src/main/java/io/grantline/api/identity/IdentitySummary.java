package io.grantline.api.identity;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;

/**
 * What the catalog knows of an identity now; the answer to {@link FindIdentity} and {@link ListIdentities}. The
 * contract lists {@code email}, {@code managerId} and {@code ownerId} without a "?", so they are in every answer, null
 * when unknown, although the API leaves out other null fields. An external person (a vendor's or contractor's) has a
 * sponsor and an end ({@code endsAt}); {@code directoryDn} is its entry in the plant's directory.
 */
public record IdentitySummary(IdentityId id, IdentityKind kind, String displayName, @JsonInclude(Include.ALWAYS) String email,
                              @JsonInclude(Include.ALWAYS) IdentityId managerId, @JsonInclude(Include.ALWAYS) IdentityId ownerId,
                              Set<Role> roles, IdentityStatus status, boolean external, IdentityId sponsorId, Instant endsAt,
                              String directoryDn) {

    /** An identity that is not an external person and has no directory entry. */
    public IdentitySummary(IdentityId id, IdentityKind kind, String displayName, String email, IdentityId managerId,
                           IdentityId ownerId, Set<Role> roles, IdentityStatus status) {
        this(id, kind, displayName, email, managerId, ownerId, roles, status, false, null, null, null);
    }
}
