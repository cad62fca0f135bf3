package io.grantline.command.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.Role;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Role holders for aggregate tests. */
final class KnownRoleHolders implements RoleHolders {

    private final Map<Role, Set<IdentityId>> holders = new EnumMap<>(Role.class);

    KnownRoleHolders hold(Role role, String... identityIds) {
        Set<IdentityId> ids = holders.computeIfAbsent(role, any -> new HashSet<>());
        for (String id : identityIds) {
            ids.add(IdentityId.of(id));
        }
        return this;
    }

    /** From now on only these hold the role. */
    KnownRoleHolders only(Role role, String... identityIds) {
        holders.remove(role);
        return hold(role, identityIds);
    }

    @Override
    public Set<IdentityId> activeHoldersOf(Role role) {
        return Set.copyOf(holders.getOrDefault(role, Set.of()));
    }
}
