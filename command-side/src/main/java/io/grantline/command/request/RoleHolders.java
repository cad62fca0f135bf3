package io.grantline.command.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.Role;
import java.util.Set;

/** Who holds a role now (OT_SECURITY approvers). Only active human identities are returned. */
public interface RoleHolders {

    Set<IdentityId> activeHoldersOf(Role role);
}
