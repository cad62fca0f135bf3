package io.grantline.api.compliance;

import io.grantline.api.grant.GrantId;
import io.grantline.api.request.AccessRequestId;
import java.util.Set;

/** The requests an identity filed or benefits from, and the grants it holds or held. */
public record IdentityStreams(Set<AccessRequestId> requestIds, Set<GrantId> grantIds) {

    public IdentityStreams {
        requestIds = Set.copyOf(requestIds);
        grantIds = Set.copyOf(grantIds);
    }
}
