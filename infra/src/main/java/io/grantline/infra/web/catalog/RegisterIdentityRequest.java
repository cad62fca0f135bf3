package io.grantline.infra.web.catalog;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.RegisterIdentity;
import io.grantline.api.identity.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/identities}. Ids are validated as they are read (IdFormat). */
record RegisterIdentityRequest(@NotNull IdentityId id, @NotNull IdentityKind kind, @NotBlank String displayName,
                               String email, IdentityId managerId, IdentityId ownerId, @Size(max = 10) List<@NotNull Role> roles) {

    RegisterIdentity toCommand() {
        return new RegisterIdentity(id, kind, displayName, email, managerId, ownerId, roles == null ? null : java.util.Set.copyOf(roles));
    }
}
