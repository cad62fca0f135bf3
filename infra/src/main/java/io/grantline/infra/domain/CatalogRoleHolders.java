package io.grantline.infra.domain;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListIdentities;
import io.grantline.api.identity.Role;
import io.grantline.command.request.RoleHolders;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Role holders from the identity catalog's read model (a role granted moments ago may not count yet). */
@Component
class CatalogRoleHolders implements RoleHolders {

    private final QueryGateway queries;

    CatalogRoleHolders(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Set<IdentityId> activeHoldersOf(Role role) {
        return queries.query(new ListIdentities(IdentityKind.HUMAN), ResponseTypes.multipleInstancesOf(IdentitySummary.class)).join()
                .stream()
                .filter(identity -> identity.status() == IdentityStatus.ACTIVE && identity.roles().contains(role))
                .map(IdentitySummary::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
