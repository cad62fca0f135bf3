package io.grantline.infra.domain;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.Role;
import io.grantline.command.request.RoleHolders;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Role holders as the event store has them now (the identity index): a role granted moments ago counts at once. */
@Component
class CatalogRoleHolders implements RoleHolders {

    private final IdentityIndex identities;

    CatalogRoleHolders(IdentityIndex identities) {
        this.identities = identities;
    }

    @Override
    public Set<IdentityId> activeHoldersOf(Role role) {
        return identities.activeHumansWith(role);
    }
}
