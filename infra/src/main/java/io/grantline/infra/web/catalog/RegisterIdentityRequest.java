package io.grantline.infra.web.catalog;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.RegisterIdentity;
import io.grantline.api.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/identities}. Ids are validated as they are read (IdFormat). An {@code external} person (a
 * vendor's or contractor's) comes with the {@code sponsorId} who vouches for them and the end of that ({@code endsAt});
 * {@code directoryDn} is the identity's entry in the plant's directory.
 */
record RegisterIdentityRequest(@NotNull IdentityId id, @NotNull IdentityKind kind, @NotBlank String displayName,
                               String email, IdentityId managerId, IdentityId ownerId, @Size(max = 10) List<@NotNull Role> roles,
                               Boolean external, IdentityId sponsorId, Instant endsAt, String directoryDn) {

    RegisterIdentity toCommand() {
        return new RegisterIdentity(id, kind, displayName, email, managerId, ownerId, roles == null ? null : java.util.Set.copyOf(roles),
                Boolean.TRUE.equals(external), sponsorId, endsAt, directoryDn);
    }
}
