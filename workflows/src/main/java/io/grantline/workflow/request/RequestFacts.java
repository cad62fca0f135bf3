package io.grantline.workflow.request;

import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.FindEntitlement;
import io.grantline.api.identity.FindIdentity;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.FindAccessRequest;
import java.util.Optional;
import io.grantline.workflow.words.PlainWords;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What a mail says about a request, read from the read models when the mail is sent. Nothing waits here: a read model
 * that has not caught up answers empty, and the outbox tries the mail again shortly.
 */
@Component
public class RequestFacts {

    private final QueryGateway queries;

    public RequestFacts(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<AccessRequestSummary> request(AccessRequestId id) {
        return queries.query(new FindAccessRequest(id), ResponseTypes.optionalInstanceOf(AccessRequestSummary.class)).join();
    }

    public Optional<EntitlementSummary> entitlement(io.grantline.api.entitlement.EntitlementId id) {
        return queries.query(new FindEntitlement(id), ResponseTypes.optionalInstanceOf(EntitlementSummary.class)).join();
    }

    public Optional<IdentitySummary> identity(IdentityId id) {
        return queries.query(new FindIdentity(id), ResponseTypes.optionalInstanceOf(IdentitySummary.class)).join();
    }

    /** "Alice Operator (alice)", or the id alone for an identity the read side does not show. */
    public String name(IdentityId id) {
        return identity(id).map(IdentitySummary::displayName).map(name -> name + " (" + id.value() + ")").orElse(id.value());
    }

    /** "PLC-7 (Operate, Critical risk)", or the entitlement's id alone when the read side does not show it. */
    public String access(io.grantline.api.entitlement.EntitlementId id) {
        return entitlement(id).map(found -> found.resource() + " (" + PlainWords.constant(found.level()) + ", "
                + PlainWords.constant(found.risk()) + " risk)").orElse(id.value());
    }
}
