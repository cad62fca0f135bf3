package io.grantline.infra.web;

import io.grantline.api.identity.FindIdentity;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whether the caller owns a non-human identity: its owner reads what it asked for and what it holds, as the identity's
 * own requests and grants are theirs to answer for.
 */
@Component
public class IdentityOwners {

    private final QueryGateway queries;

    IdentityOwners(QueryGateway queries) {
        this.queries = queries;
    }

    public boolean owns(Authentication caller, IdentityId identity) {
        return queries.query(new FindIdentity(identity), ResponseTypes.optionalInstanceOf(IdentitySummary.class)).join()
                .map(found -> found.ownerId() != null && found.ownerId().value().equals(caller.getName()))
                .orElse(false);
    }
}
