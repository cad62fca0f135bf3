package io.grantline.workflow.grant;

import io.grantline.api.grant.FindGrant;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantSummary;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** A grant as the read side knows it; a grant not projected yet fails the step, which the job executor retries. */
@Component
class GrantFacts {

    private final QueryGateway queries;

    GrantFacts(QueryGateway queries) {
        this.queries = queries;
    }

    GrantSummary grant(GrantId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("grant " + id.value() + " is not on the read side yet"));
    }

    Optional<GrantSummary> find(GrantId id) {
        return queries.query(new FindGrant(id), ResponseTypes.optionalInstanceOf(GrantSummary.class)).join();
    }
}
